"""The app shell: sections by key and by click, help, theme kept across runs, quit."""

from __future__ import annotations

from textual.widgets import DataTable

from question_bank.questions import add_question
from tests.tui.pilot_helpers import from_palette, until
from tui.store.settings import get_setting


async def test_number_keys_and_clicks_move_between_sections(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.current_mode == "home"
        await pilot.press("2")
        await pilot.pause()
        assert app.current_mode == "questions"
        assert app.screen.query_one("#question-table", DataTable).row_count > 0
        await pilot.click("#tab-home")
        await pilot.pause()
        assert app.current_mode == "home"


async def test_a_narrow_terminal_shows_every_section_key_and_the_current_name(app_factory):
    from tui.sections import SECTIONS
    from tui.widgets.section_bar import SectionTab

    def tabs() -> dict[str, tuple[str, int]]:
        return {tab.section_id: (str(tab.render()), tab.region.right)
                for tab in app.screen.query(SectionTab)}

    app = app_factory()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        shown = tabs()
        assert shown["home"][0] == "1 Home" and shown["progress"][0] == "7"
        assert all(right <= 40 for _, right in shown.values())  # all seven on screen
        assert not app.screen.query_one("#brand").display
        await pilot.click("#tab-progress")
        await pilot.pause()
        assert app.current_mode == "progress"
        assert tabs()["progress"][0] == "7 Progress" and tabs()["home"][0] == "1"
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert [label for label, _ in tabs().values()] == [f"{s.key} {s.label}"
                                                            for s in SECTIONS]
        assert app.screen.query_one("#brand").display


async def test_the_section_names_are_written_again_only_when_the_width_changes_them(
        app_factory, monkeypatch):
    """A tab written again is the bar laid out and drawn again: as each section first opens
    and at each resize, only the tabs whose name comes or goes are."""
    from tui.widgets.section_bar import SectionTab

    written: list[str] = []
    update = SectionTab.update

    def counted(tab, *args, **kwargs):
        written.append(tab.section_id)
        return update(tab, *args, **kwargs)

    monkeypatch.setattr(SectionTab, "update", counted)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.current_mode == "questions")
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert written == []
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert sorted(written) == sorted(["home", "answers", "stories", "programs", "mock",
                                          "progress"])  # all but the current: key alone
        assert str(app.screen.query_one("#tab-home", SectionTab).render()) == "1"


async def test_help_screen_lists_keys_of_every_section(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#help-keys").render())
        assert "Questions" in text and "Hide/show" in text and "Go to Home" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "screen-home"


async def test_theme_is_kept_across_runs(app_factory, db):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    app.ctx.writer.flush()
    assert get_setting(db, "theme") == "nord"
    again = app_factory()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_command_palette_opens_the_answer_editor_on_a_question(app_factory, db):
    from question_bank.answers import current_answer
    from tui.screens.answer_editor import AnswerEditor

    question = add_question(db, text="What is your [/] favorite modality?", category="knowledge")
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await from_palette(pilot, "favorite modal", "favorite modality")
        await until(pilot, lambda: isinstance(app.screen, AnswerEditor), what="the editor")
        assert "favorite modality" in str(app.screen.query_one("#answer-question").render())
        await pilot.press(*"MSK")  # the cursor is in the first part, ready to type
        await pilot.press("escape")
        await pilot.pause()
    app.ctx.writer.flush()
    assert current_answer(db, question.id).parts["outline"] == "MSK"


async def test_command_palette_goes_to_a_section(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await from_palette(pilot, "go to progress", "Go to Progress")
        await until(pilot, lambda: app.current_mode == "progress", what="the Progress section")


async def test_an_older_home_read_finishing_late_is_not_shown(app_factory, db):
    from textual.widgets import OptionList

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        steps = app.screen.query_one("#next-steps", OptionList)
        before = [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]
        assert before
        first_read = app.screen._newest_read
        app.screen.action_reload()  # a newer read starts, and finishes
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen._show([], first_read)  # the older read, arriving last, with nothing in it
        await pilot.pause()
        after = [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]
        assert after == before


def help_groups(app) -> list[str]:
    """The group titles of the help screen, in order."""
    text = str(app.screen.query_one("#help-keys").render())
    return [line.strip() for line in text.splitlines() if line and not line.startswith(" ")]


async def test_help_shows_the_current_screens_keys_first(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.screen.id == "screen-questions")
        await pilot.press("question_mark")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        assert help_groups(app)[:2] == ["Here: Questions", "Everywhere"]
        text = str(app.screen.query_one("#help-keys").render())
        here = text.split("Everywhere")[0]
        assert "Answer: Write or edit your answer" in here  # enter, though the table has it
        assert "Fits me" in here and "Go to Home" not in here
        assert help_groups(app).count("Questions") == 0  # not listed a second time


async def test_help_in_the_answer_editor_lists_no_digit_keys(app_factory):
    from tui.messages import OpenAnswer

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        app.post_message(OpenAnswer("intro.tell-me-about-yourself"))
        await until(pilot, lambda: type(app.screen).__name__ == "AnswerEditor")
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        assert help_groups(app)[:2] == ["Here: Answer editor", "Everywhere"]
        text = str(app.screen.query_one("#help-keys").render())
        everywhere = text.split("Everywhere")[1].split("\n\n")[0]
        assert "Go to Home" not in everywhere and "1-7 type digits" in everywhere
        assert "result.no-outcome" in text and "Spoken length: Spoken at your pace" in text


async def test_the_empty_palette_offers_matchprep_commands_not_textuals(app_factory):
    from textual.command import CommandList, CommandPalette

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")  # a screen with a widget that could be maximized
        await until(pilot, lambda: app.screen.id == "screen-questions")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))

        def offered() -> list[str]:
            commands = app.screen.query_one(CommandList)
            return [str(getattr(o.prompt, "plain", o.prompt)).split("\n")[0]
                    for o in commands.options]

        await until(pilot, lambda: any("Theme" in o for o in offered()), what="the commands")
        names = offered()
        for theirs in ("Screenshot", "Maximize", "Keys"):
            assert not any(n.startswith(theirs) for n in names), (theirs, names)
        assert any(n.startswith("Help") for n in names)


async def test_the_demo_badge_hides_no_section_name(app_factory):
    """The bar fitted every name in the terminal's width, the badge then covered the last
    one ("7 Pro", "7 Progres" at 86-90 columns): it fits them in what the badge leaves."""
    from tui.widgets.section_bar import SectionTab

    app = app_factory(options={"demo": True})
    async with app.run_test(size=(88, 30)) as pilot:  # (as it starts, too)
        await until(pilot, lambda: app.screen.query("#demo-badge"), what="the badge")
        for width in (88, 100, 96, 90, 88, 86, 84):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            badge = app.screen.query_one("#demo-badge").region
            for tab in app.screen.query(SectionTab):
                assert tab.region.right <= badge.x, (width, str(tab.render()))


async def test_the_demo_says_so_on_every_screen_all_session(app_factory):
    """`matchprep demo` used to say it was the demo only at quit: a badge shows on each
    screen (sections, the answer editor, dialogs), at 100x30 and 40x12."""
    from textual.widgets import Static

    from tui.messages import OpenAnswer

    def badge_shown() -> bool:
        badges = app.screen.query("#demo-badge")
        if not badges:
            return False
        region = badges.first().region
        return region.width > 0 and region.y == 0 and region.right == app.size.width

    app = app_factory(options={"demo": True})
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, badge_shown, what="the badge on Home")
        assert str(app.screen.query_one("#demo-badge", Static).render()) == "DEMO"
        for key in "234567":
            await pilot.press(key)
            await until(pilot, badge_shown, what=f"the badge in section {key}")
        app.post_message(OpenAnswer("intro.tell-me-about-yourself"))
        await until(pilot, lambda: type(app.screen).__name__ == "AnswerEditor")
        await until(pilot, badge_shown, what="the badge in the editor")
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await until(pilot, badge_shown, what="the badge over the help")
        await pilot.press("escape", "escape")
        await pilot.resize_terminal(40, 12)
        await pilot.press("1")
        await until(pilot, badge_shown, what="the badge at 40x12")
        bar = app.screen.query_one("SectionBar").region
        assert bar.width == 40  # the badge takes no room from the screen's layout
    plain = app_factory()
    async with plain.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not plain.screen.query("#demo-badge")  # the user's own database: no badge
