"""The list sections start their first read as their screen is composed: it is read once
on a first visit (not once per resume), read again on each later visit where it was
(Answers and Programs: what changed elsewhere shows), and shown even when it lands before
the screen's widgets are mounted."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from dossiers import programs
from question_bank.answers import save_answer
from tests.tui.pilot_helpers import until

# section key, section id, module whose read to count, the read, the list
LISTS = [
    ("2", "questions", "tui.screens.questions", "listed_with_marks", "#question-table"),
    ("3", "answers", "tui.screens.answers", "list_answers", "#answers-table"),
    ("5", "programs", "tui.screens.programs", "overview", "#programs-table"),
]
READS_AGAIN_ON_RETURN = {"questions": False, "answers": True, "programs": True}


def _count_reads(monkeypatch, module_name: str, function: str) -> list[int]:
    import importlib

    module = importlib.import_module(module_name)
    real, calls = getattr(module, function), []

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, function, counted)
    return calls


def _a_row_in_each_list(db) -> None:
    """An answer (and so a question answered) and a program: each list has a row to show."""
    save_answer(db, None, question_id="behavioral.mistake", structure="star",
                parts={"situation": "The night the scanner went down."})
    programs.add_program(db, "Lakeshore Radiology", city="Chicago", state="IL")


def _rows(app, table: str) -> int:
    return app.screen.query_one(table, DataTable).row_count


@pytest.mark.parametrize(("key", "section", "module", "read", "table"), LISTS,
                         ids=[s for _, s, *_ in LISTS])
async def test_a_list_is_read_once_on_a_first_visit_and_again_on_the_next(
        app_factory, db, monkeypatch, key, section, module, read, table):
    _a_row_in_each_list(db)
    calls = _count_reads(monkeypatch, module, read)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.current_mode == "home" and app.screen.is_mounted,
                    what="Home")
        await pilot.press(key)
        await until(pilot, lambda: app.current_mode == section and _rows(app, table) > 0,
                    what=f"the {section} list filled in")
        await pilot.pause(0.1)
        assert len(calls) == 1
        await pilot.press("1")
        await until(pilot, lambda: app.current_mode == "home", what="Home again")
        await pilot.press(key)
        expected = 2 if READS_AGAIN_ON_RETURN[section] else 1
        await until(pilot, lambda: len(calls) == expected and app.current_mode == section,
                    what=f"{expected} reads after the second visit")
        await pilot.pause(0.1)
        assert len(calls) == expected and _rows(app, table) > 0


@pytest.mark.parametrize(("key", "section", "module", "read", "table"), LISTS,
                         ids=[s for _, s, *_ in LISTS])
async def test_a_first_read_done_before_the_screen_is_mounted_is_shown(
        app_factory, db, monkeypatch, key, section, module, read, table):
    """The screen's mount is held until its first read has come back to the event loop."""
    import asyncio
    import importlib

    _a_row_in_each_list(db)
    module_ = importlib.import_module(module)
    screen_class = next(v for k, v in vars(module_).items()
                        if k.endswith("Screen") and getattr(v, "SECTION", "") == section)
    real_mount, calls = screen_class.on_mount, _count_reads(monkeypatch, module, read)
    parked: list[object] = []

    async def mount_after_the_read(self):
        for _ in range(250):
            if calls:
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)  # the read's result reaches the loop meanwhile
        # Kept for the mount, not dropped nor put into widgets not laid out yet.
        parked.append(list(self.reads.held))
        real_mount(self)

    monkeypatch.setattr(screen_class, "on_mount", mount_after_the_read)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.current_mode == "home", what="Home")
        await pilot.press(key)
        await until(pilot, lambda: app.current_mode == section and _rows(app, table) > 0,
                    what=f"the {section} list filled in")
    assert parked and parked[0]  # the read came first, and was kept for the mount


def _a_first_read(screen, section: str) -> tuple:
    """What each list's first read hands back, as its screen's fill takes it."""
    from question_bank.done import Done
    from question_bank.profile import Profile
    from tui.screens.answers import Page
    from tui.screens.questions import Listing

    if section == "questions":
        return (Listing(screen._generation, [], [], [], Profile(), 0, Done(), (0, 0)),)
    if section == "answers":
        return (Page(screen.generation, [], 0, 0, False),)
    return ([], "UTC")


@pytest.mark.parametrize(("key", "section", "module", "read", "table"), LISTS,
                         ids=[s for _, s, *_ in LISTS])
async def test_a_read_come_back_before_the_screens_widgets_exist_is_kept_for_them(
        app_factory, key, section, module, read, table):
    import importlib

    module_ = importlib.import_module(module)
    screen_class = next(v for k, v in vars(module_).items()
                        if k.endswith("Screen") and getattr(v, "SECTION", "") == section)
    app = app_factory()
    async with app.run_test(size=(100, 30)):
        screen = screen_class(app.ctx)  # made, not composed: no widgets yet
        result = _a_first_read(screen, section)
        screen.reads.deliver(*result)  # as the read's worker hands it back
        # kept, not shown on widgets that do not exist (NoMatches)
        assert screen.reads.held == [(result, {})]


async def test_home_shows_no_card_whose_mount_was_cut_short(app_factory):
    """The app ending as Home's cards mount leaves cards made but never composed; a read
    landing then is shown on the cards that are mounted, and no other (it ended the app with
    NoMatches, looking for a card's text)."""
    from tui.screens.home import HomeScreen
    from tui.widgets.interview_panel import AfterInterviewPanel, AfterState

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        await until(pilot, lambda: screen.reads.ready, what="Home's cards mounted")
        cut_short = AfterInterviewPanel(app.ctx)  # made, never mounted
        mounted = screen.query_one(AfterInterviewPanel)
        shown = AfterState([])
        mounted.display = True  # so that its being hidden says it was shown its state
        screen._show([(cut_short, shown), (mounted, shown)], screen._newest_read)
        assert not mounted.display  # the mounted card was shown its state
        assert not cut_short.is_mounted


async def test_r_while_homes_cards_mount_leaves_their_first_read_to_come(app_factory,
                                                                         monkeypatch):
    """r pressed while the cards mount read only the cards mounted so far and dropped the
    first read, which the rest were waiting for."""
    from tui.screens.home import HomeScreen

    async def mounting_forever(self) -> None:  # the cards' mount, caught half way
        self._start_reading()

    monkeypatch.setattr(HomeScreen, "after_first_frame", mounting_forever)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await until(pilot, lambda: isinstance(screen, HomeScreen) and screen._newest_read == 1,
                    what="the cards' first read started")
        await pilot.press("r")
        await pilot.pause()
        assert screen._newest_read == 1 and not screen.reads.ready
