"""The program round in the app: offered with a program picker, run, reviewed, and the
review's key that opens the answer editor (on the version named for the program)."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, RadioButton, Select

from dossiers import programs
from question_bank import mock
from question_bank.answers import create_answer
from tests.fakes import FakeClock
from tui.screens.answer_editor import AnswerEditor
from tui.store.settings import set_setting

from .link_helpers import ASK, NOW, lakeshore, shown, until


async def open_mock(app, pilot) -> None:
    await pilot.press("6")
    await until(pilot, lambda: app.screen.id == "screen-mock")


async def choose_program_round(app, pilot) -> None:
    """Open Mock and pick the program round, once it is offered."""
    await open_mock(app, pilot)
    button = app.screen.query_one("#format-program", RadioButton)
    await until(pilot, lambda: button.display)
    assert not app.screen.query("#mock-program")  # the picker is made when first shown
    await pilot.click("#format-program")
    await until(pilot, lambda: app.screen.query_one("#mock-program-row").display)


async def test_without_programs_there_is_no_program_round(app_factory):
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mock(app, pilot)
        button = app.screen.query_one("#format-program", RadioButton)
        await until(pilot, lambda: not button.display and button.disabled,
                    what="the program round to be hidden")
        assert not app.screen.query_one("#mock-program-row").display


async def test_a_program_round_from_setup_to_review_and_on_to_the_answer(app_factory, db,
                                                                         speaker):
    p = lakeshore(db)
    set_setting(db, "speech_enabled", "0")
    version = create_answer(db, "why.why-this-program", structure="outline",
                            parts={"outline": "Lakeshore's 7T work fits mine."},
                            label="For Lakeshore", make_current=False)
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_program_round(app, pilot)
        # The program interviewing next is chosen for you.
        assert app.screen.query_one("#mock-program", Select).value == p.name
        app.screen.query_one("#mock-length", Input).value = "3"
        app.screen.query_one("#mock-think", Input).value = "0"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.id == "screen-mock-run")
        await until(pilot, lambda: app.screen.session_id is not None)
        assert shown(app, "#run-question") == "Why our program?"
        assert f"Program round: {p.name}" in shown(app, "#run-title")
        assert not app.screen.query_one("#run-cues").display
        for _ in range(2):
            clock.advance(20)
            await pilot.press("n")
            await pilot.pause()
        assert shown(app, "#run-question") == "What questions do you have for us?"
        assert app.screen.query_one("#run-cues").display
        assert ASK in shown(app, "#run-cues")  # shown literally, brackets and all
        clock.advance(40)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.id == "screen-mock-review")
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count == 3)
        assert f"Program round: {p.name}" in shown(app, "#review-title")
        assert speaker.said == []
        app.ctx.writer.flush()
        [summary] = mock.list_sessions(db)
        assert (summary.format, summary.program, summary.answered) == ("program", p.name, 3)
        app.screen.query_one(DataTable).move_cursor(row=0)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AnswerEditor))
        editor = app.screen
        assert editor.question.id == "why.why-this-program"
        assert editor.draft.answer_id == version.id  # the version named for this program
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.id == "screen-mock-review")


async def test_the_command_line_opens_straight_into_a_program_round(app_factory, db):
    p = lakeshore(db, with_story=False)
    set_setting(db, "speech_enabled", "0")
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now, start="mock",
                      options={"mock": {"format": "program", "program": p.name,
                                        "questions": 2}})
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.id == "screen-mock-run")
        assert shown(app, "#run-question") == "Why our program?"
        assert len(app.screen.run.items) == 2
        assert app.screen.run.items[-1].prompt.text == "What questions do you have for us?"


async def test_a_program_round_fits_a_small_terminal(app_factory, db):
    lakeshore(db)
    set_setting(db, "speech_enabled", "0")
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now, start="mock",
                      options={"mock": {"format": "program", "program": "lakeshore",
                                        "questions": 1}})
    async with app.run_test(size=(40, 12)) as pilot:
        await until(pilot, lambda: app.screen.id == "screen-mock-run")
        assert app.screen.query_one("#run-question").region.height >= 1
        await pilot.press("e")
        await until(pilot, lambda: app.screen.id != "screen-mock-run")


async def test_the_program_picked_is_remembered_when_another_format_starts(app_factory, db):
    from dossiers.programs import add_program
    from tui.practice.preferences import mock_setup

    lakeshore(db)  # interviewing next: picked for you
    other = add_program(db, "Bay [Imaging] 🩻")
    set_setting(db, "speech_enabled", "0")
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_program_round(app, pilot)
        app.screen.query_one("#mock-program", Select).value = other.name  # the user's pick
        await pilot.pause()
        await pilot.click("#format-faculty")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.id == "screen-mock-run")
        app.ctx.writer.flush()
        assert mock_setup(db).format == "faculty" and mock_setup(db).program == other.name


async def test_the_palette_starts_a_program_round_whatever_the_name(app_factory, db):
    # The program's name travels to the app in a message, as typed: quotes and brackets
    # included.
    p = programs.update_program(db, lakeshore(db).id, name="St. Mary's [Lakeshore] 🩻")
    set_setting(db, "speech_enabled", "0")
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
        await pilot.press(*"mary")
        commands = app.screen.query_one(CommandList)

        def prompt(index: int) -> str:
            shown_prompt = commands.get_option_at_index(index).prompt
            return str(getattr(shown_prompt, "plain", shown_prompt))

        # Offered just below the program's dossier.
        await until(pilot, lambda: commands.option_count >= 2
                    and prompt(1).startswith("Program round: St. Mary's"),
                    what="the palette to offer the program round")
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.screen.id == "screen-mock-run",
                    what="the program round to start")
        await until(pilot, lambda: app.screen.session_id is not None)
        assert f"Program round: {p.name}" in shown(app, "#run-title")
