"""Notices (Textual's toasts) on a small terminal: a few lines across the bottom, not a
column over half the screen; as they were on a wide one; gone when clicked."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from tests.tui.pilot_helpers import until
from tui.cli.launch import make_app, prepare_database
from tui.screens.dialogs.profile_form import ProfileDialog

SKIPPED = "Press p on Home to say who you are."  # the notice's last words


@pytest.fixture
def first_start(tmp_path, speaker):
    """`first_start()`: the app on a database prepared but with no profile yet, as a first
    start finds it (the profile dialog opens); closed afterwards."""
    made = []

    def start():
        path = tmp_path / "new.db"
        prepare_database(path)
        made.append(make_app(path, speaker=speaker, prepare=False))
        return made[-1]

    yield start
    for app in made:
        app.ctx.close()


def toast(app) -> Widget | None:
    """The toast on screen (Textual's Toast, named by its type: its module is private)."""
    toasts = app.screen.query("Toast")
    return toasts.first() if toasts else None


async def skip_the_profile(app, pilot) -> Widget:
    """The first start: the profile dialog, skipped as a user skips it (escape)."""
    await until(pilot, lambda: isinstance(app.screen, ProfileDialog)
                and app.screen.query_one("#cancel").is_mounted, what="the profile dialog")
    await pilot.press("escape")
    await until(pilot, lambda: toast(app) is not None and toast(app).region.height,
                what="the notice")
    shown = toast(app)
    assert shown is not None
    return shown


async def test_at_40x12_a_notice_takes_a_few_lines_across_the_bottom(first_start):
    """"Profile skipped" covered half of Home, then of Mock: a column 20 wide, 11 high."""
    app = first_start()
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        notice = await skip_the_profile(app, pilot)
        assert notice.region.width == 40 and notice.region.height <= 12 // 3
        assert str(notice.render()).endswith(SKIPPED)  # said whole, still
        assert notice.region.bottom <= 11  # the footer's keys stay in view
        await pilot.press("6")  # the notice follows to Mock, as small
        await until(pilot, lambda: app.current_mode == "mock" and toast(app) is not None
                    and toast(app).region.height, what="the notice on Mock")
        assert toast(app).region.height <= 12 // 3
        await pilot.click("Toast")  # still dismissed by a click
        await until(pilot, lambda: toast(app) is None, what="the notice to go")


async def test_a_wide_terminal_shows_a_notice_as_before(first_start):
    app = first_start()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        notice = await skip_the_profile(app, pilot)
        assert notice.region.width == 49  # half the screen (its scrollbar aside), as ever
        assert notice.styles.padding.top == 1 and str(notice.render()).endswith(SKIPPED)


async def test_a_long_notice_on_a_small_screen_says_its_first_sentence(app_factory):
    app = app_factory()
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        app.notify("Speech is not available, so questions are shown but not read aloud. On "
                   "Debian or Ubuntu: sudo apt install espeak-ng, then run matchprep doctor "
                   "to check it.", title="Speech", markup=False)
        await until(pilot, lambda: toast(app) is not None and toast(app).region.height,
                    what="the notice")
        assert str(toast(app).render()) == (
            "Speech\nSpeech is not available, so questions are shown but not read aloud.")
        assert toast(app).region.height == 3


async def test_a_notice_gone_after_its_time_is_gone_from_the_terminal_too(first_start):
    """At 40 columns the notice that followed to Mock stayed on the terminal after its time,
    until a key: Textual removed the toast but drew nothing again where it had been."""
    from tests.drawn_screen import DrawnScreen

    app = first_start()
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        await skip_the_profile(app, pilot)
        await pilot.press("6")
        await until(pilot, lambda: app.current_mode == "mock" and toast(app) is not None
                    and toast(app).region.height, what="the notice on Mock")
        drawn = DrawnScreen(app)
        await until(pilot, lambda: toast(app) is None, tries=500, what="its time to pass")
        # drawn again where it was, without a key (it stayed until one)
        await until(pilot, lambda: drawn.differences() == [], what="the notice's cells drawn")


async def test_a_notice_sent_wide_keeps_to_a_third_of_a_terminal_made_small(app_factory):
    """A notice is fitted to the screen it is sent to; a terminal made small after it still
    keeps it to a third of the height (it took 10 of 12 rows, for up to a minute)."""
    app = app_factory()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.notify("Could not save: the disk is full. Nothing you typed is lost: it is kept "
                   "here and saved as soon as there is room. Free some space, then keep "
                   "typing; matchprep tries again by itself every few seconds.",
                   title="Cannot save", markup=False, timeout=60)
        await until(pilot, lambda: toast(app) is not None and toast(app).region.height,
                    what="the notice")
        await pilot.resize_terminal(40, 12)
        await until(pilot, lambda: toast(app).region.width == 40, what="the narrow notice")
        assert toast(app).region.height <= 12 // 3
