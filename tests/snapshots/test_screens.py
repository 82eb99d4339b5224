"""What each screen looks like, at 100×30 and 40×12, on the demo database (see conftest).

A failing test writes snapshot_report.html with the old and the new picture side by side;
when the change is meant, accept it: `python -m pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from tests.tui.answer_helpers import shows_its_count
from tests.tui.pilot_helpers import until
from tui.messages import OpenAnswer, OpenProgram
from tui.screens.answer_editor import AnswerEditor

from .conftest import SIZES, SIZES_40x12_IN_THE_FULL_RUN


async def settled(pilot) -> None:
    """Every read the screen started is done and shown."""
    await until(pilot, lambda: not any(w.is_running for w in pilot.app.workers),
                what="the screen's reads")
    # A focused Input's cursor blinks every 0.5 s, in tests too: the picture must not
    # depend on when it is taken.
    from textual.widgets import Input

    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
        # A field filled after it had its width scrolls to its cursor at the end; one
        # filled before keeps its start in view: which comes first is timing. The picture
        # shows each field from its start.
        field.scroll_to(x=0, animate=False, immediate=True)
    await pilot.pause()


def section(key: str, screen_id: str):
    async def open_it(pilot) -> None:
        await pilot.press(key)
        await until(pilot, lambda: pilot.app.screen.id == screen_id, what=screen_id)
        await settled(pilot)
    return open_it


@SIZES
def test_home(snap_compare, demo_app, size):
    assert snap_compare(demo_app(), terminal_size=size, run_before=settled)


@SIZES_40x12_IN_THE_FULL_RUN
def test_questions(snap_compare, demo_app, size):
    assert snap_compare(demo_app(), terminal_size=size,
                        run_before=section("2", "screen-questions"))


@SIZES_40x12_IN_THE_FULL_RUN
def test_answers(snap_compare, demo_app, size):
    assert snap_compare(demo_app(), terminal_size=size,
                        run_before=section("3", "screen-answers"))


@SIZES_40x12_IN_THE_FULL_RUN
def test_stories(snap_compare, demo_app, size):
    assert snap_compare(demo_app(), terminal_size=size,
                        run_before=section("4", "screen-stories"))


@SIZES_40x12_IN_THE_FULL_RUN
def test_programs(snap_compare, demo_app, size):
    assert snap_compare(demo_app(), terminal_size=size,
                        run_before=section("5", "screen-programs"))


@SIZES_40x12_IN_THE_FULL_RUN
def test_mock(snap_compare, demo_app, size):
    assert snap_compare(demo_app(), terminal_size=size, run_before=section("6", "screen-mock"))


@SIZES_40x12_IN_THE_FULL_RUN
def test_progress(snap_compare, demo_app, size):
    assert snap_compare(demo_app(), terminal_size=size,
                        run_before=section("7", "screen-progress"))


@SIZES
def test_answer_editor(snap_compare, demo_app, size):
    async def open_editor(pilot) -> None:
        await settled(pilot)
        pilot.app.post_message(OpenAnswer("behavioral.disagreed-with-senior"))  # STAR, written
        await until(pilot, lambda: isinstance(pilot.app.screen, AnswerEditor),
                    what="the answer editor")
        await until(pilot, lambda: all(shows_its_count(part)
                                       for part in pilot.app.screen.parts.areas.values()),
                    what="the feedback on the answer")
        await settled(pilot)
        await pilot.wait_for_scheduled_animations()
        # Where the parts' scroll lands on opening depends on whether the focus came before
        # or after the first layout (at 40x12, under load, it differs): show them from the top.
        pilot.app.screen.query_one("#answer-parts").scroll_home(animate=False)
        await pilot.pause()

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_editor)


@SIZES_40x12_IN_THE_FULL_RUN
def test_dossier(snap_compare, demo_app, size):
    async def open_dossier(pilot) -> None:
        from dossiers.programs import find_program

        await settled(pilot)
        program = find_program(pilot.app.ctx.db, "lakeshore")
        pilot.app.post_message(OpenProgram(program.id))
        await until(pilot, lambda: pilot.app.screen.id == "screen-dossier", what="the dossier")
        await settled(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_dossier)


def stress_round(demo_app):
    return demo_app(start="mock", options={"mock": {"format": "stress", "questions": 3}})


async def running(pilot) -> None:
    await until(pilot, lambda: pilot.app.screen.id == "screen-mock-run"
                and pilot.app.screen.session_id is not None, what="the mock session")
    await settled(pilot)


@SIZES_40x12_IN_THE_FULL_RUN
def test_a_paused_mock_interview(snap_compare, demo_app, clock, size):
    async def pause_it(pilot) -> None:
        await running(pilot)
        clock.advance(12)  # a stress round has no think time: 12 s into the answer
        await pilot.press("space")
        await until(pilot, lambda: "Paused" in str(pilot.app.screen.query_one(
            "#run-status").render()), what="the pause")
        await settled(pilot)

    assert snap_compare(stress_round(demo_app), terminal_size=size, run_before=pause_it)


@SIZES_40x12_IN_THE_FULL_RUN
def test_the_review_of_a_mock_interview(snap_compare, demo_app, clock, size):
    async def answer_and_end(pilot) -> None:
        await running(pilot)
        clock.advance(31)
        await pilot.press("n")  # the first answered in 31 s
        await until(pilot, lambda: pilot.app.screen.run.index == 1, what="the second question")
        clock.advance(5)
        await pilot.press("s")  # the second skipped
        await until(pilot, lambda: pilot.app.screen.run.index == 2, what="the third question")
        clock.advance(2)
        await pilot.press("e")  # the third left unreached
        await until(pilot, lambda: pilot.app.screen.id == "screen-mock-review",
                    what="the review")
        await settled(pilot)

    assert snap_compare(stress_round(demo_app), terminal_size=size, run_before=answer_and_end)


@SIZES_40x12_IN_THE_FULL_RUN
def test_a_recorded_answer_in_the_review(snap_compare, demo_app, size):
    """The demo's sessions carry what was heard (their audio is not part of the demo): the
    figures, the written answer's parts heard and the transcript with fillers marked."""
    async def open_recorded(pilot) -> None:
        await section("6", "screen-mock")(pilot)
        await pilot.press("h", "down", "enter")  # the newest session before the program round
        await until(pilot, lambda: pilot.app.screen.id == "screen-mock-review",
                    what="the review")
        await until(pilot, lambda: "Pace" in str(pilot.app.screen.query_one(
            "#review-spoken").render()), what="the recorded answer's figures")
        await settled(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_recorded)


@SIZES
def test_a_speech_notice_in_a_running_mock(snap_compare, demo_app, size):
    """The speech engine's notice is a line under the clock, not a toast over the question
    and the clock (which it covered at 40x12); the demo says it is the demo."""
    from tui.messages import SpeechTrouble

    async def notice(pilot) -> None:
        await running(pilot)
        pilot.app.post_message(SpeechTrouble(
            "restarted", "The speech engine stopped answering: it was stopped and restarted. "
            "Press r to hear the question again."))
        await until(pilot, lambda: "restarted" in str(pilot.app.screen.query_one(
            "#run-speech").render()), what="the notice")
        await settled(pilot)

    app = demo_app(start="mock", options={"demo": True,
                                          "mock": {"format": "stress", "questions": 3}})
    assert snap_compare(app, terminal_size=size, run_before=notice)


@SIZES_40x12_IN_THE_FULL_RUN
def test_a_dossier_still_to_fill(snap_compare, demo_app, size):
    """One line of readiness (no nested brackets), every field named: the Type too."""
    async def open_dossier(pilot) -> None:
        from dossiers.programs import find_program

        await settled(pilot)
        program = find_program(pilot.app.ctx.db, "hudson")
        pilot.app.post_message(OpenProgram(program.id))
        await until(pilot, lambda: pilot.app.screen.id == "screen-dossier", what="the dossier")
        await settled(pilot)
        pilot.app.screen.query_one("#p-type").focus()
        await pilot.pause()

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_dossier)


@SIZES
def test_the_new_question_form(snap_compare, demo_app, size):
    """Each field named: the category, the structure, the target with its unit."""
    async def open_form(pilot) -> None:
        from tui.screens.dialogs.question_form import QuestionForm

        await settled(pilot)
        pilot.app.push_screen(QuestionForm(pilot.app.ctx))
        await until(pilot, lambda: isinstance(pilot.app.screen, QuestionForm), what="the form")
        pilot.app.screen.query_one("#field-target_seconds").focus()
        await pilot.pause()

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_form)


@SIZES_40x12_IN_THE_FULL_RUN
def test_a_programs_first_interview_day_form(snap_compare, demo_app, size):
    """The platform named, an example date to come, the zone its state suggests."""
    async def open_form(pilot) -> None:
        from dossiers.programs import add_program
        from tui.screens.dialogs.interview_form import InterviewForm

        await settled(pilot)
        app = pilot.app
        program = add_program(app.ctx.db, "Bayside Imaging", city="Oakland", state="CA")
        app.push_screen(InterviewForm(app.ctx, program.id, "UTC", state=program.state))
        await until(pilot, lambda: isinstance(app.screen, InterviewForm), what="the form")
        app.screen.query_one("#i-platform").focus()
        await pilot.pause()

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_form)
