"""Mock interviews driven as a user would: setup, the run with its clocks, the review."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, RadioButton

from question_bank import drill, mock
from question_bank.mock_formats import Prompt
from question_bank.structures import format_duration
from tests.fakes import FakeClock
from tests.tui.pilot_helpers import from_palette, shown, until
from tui.messages import SpeechTrouble
from tui.practice.mock_plan import Plan
from tui.practice.mock_setup import MockSetup
from tui.practice.preferences import SpeechPrefs
from tui.speech.client import HelperSpeaker
from tui.speech.speaker import SilentSpeaker
from tui.store.settings import set_setting

NOW = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)
FAKE_HELPER = Path(__file__).resolve().parent.parent / "fake_speech_helper.py"


async def start_stress(app, pilot, questions: int = 2) -> None:
    await pilot.press("6")
    await until(pilot, lambda: app.screen.id == "screen-mock")
    await pilot.click("#format-stress")
    await pilot.pause()
    app.screen.query_one("#mock-length", Input).value = str(questions)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: app.screen.id == "screen-mock-run")
    await until(pilot, lambda: app.screen.session_id is not None)


async def test_a_short_session_end_to_end_read_aloud(app_factory, db, speaker):
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    rings = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.bell = lambda: rings.append(1)
        await start_stress(app, pilot)
        run = app.screen.run
        first, second = (i.prompt for i in run.items)
        assert shown(app, "#run-question") == first.text
        assert speaker.said == [first.text]
        assert speaker.calls[0][1] == 170  # the rate kept in settings
        clock.advance(30)
        await until(pilot, lambda: "0:15" in shown(app, "#countdown-caption")
                    or app.screen.query_one("#countdown-digits").value == "0:15")
        await pilot.press("n")
        await until(pilot, lambda: shown(app, "#run-question") == second.text)
        assert speaker.said == [first.text, second.text] and speaker.stopped >= 1
        clock.advance(50)  # past the 45 s cap of a stress round
        await until(pilot, lambda: "Time is up" in shown(app, "#run-status"))
        assert rings and app.screen.query_one("#run-clock").has_class("-over")
        await pilot.press("r")
        assert speaker.said[-1] == second.text
        await pilot.press("n")
        await until(pilot, lambda: app.screen.id == "screen-mock-review")
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count == 2)
        app.ctx.writer.flush()
        [summary] = mock.list_sessions(db)
        session = mock.get_session(db, summary.id)
        assert session.format == "stress" and session.status == "finished"
        assert [(i.outcome, i.speak_seconds) for i in session.items] == [("answered", 30.0),
                                                                         ("answered", 50.0)]
        title = shown(app, "#review-title")
        assert "Stress round" in title and "2 of 2 answered" in title


async def test_with_speech_off_questions_show_and_nothing_is_said(app_factory, db, speaker):
    set_setting(db, "speech_enabled", "0")
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot)
        assert shown(app, "#run-question") == app.screen.run.items[0].prompt.text
        await pilot.press("n", "r")
        await pilot.pause()
        assert speaker.said == []


async def test_no_speech_flag_gives_a_silent_run(app_factory):
    app = app_factory(clock=FakeClock(),
                      speaker=SilentSpeaker("Speech is off for this run (--no-speech)."))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        assert "--no-speech" in shown(app, "#speech-status")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.id == "screen-mock-run")
        assert not app.screen.speech.enabled


async def test_pause_and_resume_keep_the_time_right(app_factory, db):
    clock = FakeClock()
    app = app_factory(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot)
        clock.advance(10)
        await pilot.press("space")
        await until(pilot, lambda: "Paused" in shown(app, "#run-status"))
        clock.advance(600)  # a long interruption
        await pilot.pause(0.15)  # the scenario: the clock ticks on, and a paused one stays
        assert app.screen.query_one("#countdown-digits").value == "0:35"
        await pilot.press("p")
        clock.advance(5)
        await until(pilot, lambda: app.screen.query_one("#countdown-digits").value == "0:30")
        assert "session 1:15 left" in shown(app, "#run-session")
        await pilot.press("n")
        await pilot.pause()
        app.ctx.writer.flush()
        item = mock.get_session(db, mock.list_sessions(db)[0].id).items[0]
        assert item.speak_seconds == 15.0


async def test_think_time_and_speaking_time_are_kept_apart(app_factory, db):
    clock = FakeClock()
    app = app_factory(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        app.screen.query_one("#mock-length", Input).value = "2"
        app.screen.query_one("#mock-think", Input).value = "8"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.id == "screen-mock-run" and app.screen.session_id)
        assert "Think" in str(app.screen.query_one("#countdown-caption").render())
        clock.advance(3)
        await pilot.press("enter")  # ready early: the answer clock starts now
        clock.advance(40)
        await pilot.press("enter")
        await pilot.pause()
        app.ctx.writer.flush()
        item = mock.get_session(db, mock.list_sessions(db)[0].id).items[0]
        assert (item.think_seconds, item.speak_seconds) == (3.0, 40.0)


async def test_skip_and_end(app_factory, db):
    clock = FakeClock()
    app = app_factory(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot, questions=4)
        clock.advance(4)
        await pilot.press("s")
        clock.advance(20)
        await pilot.press("e")
        await until(pilot, lambda: app.screen.id == "screen-mock-review")
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count == 4)
        table = app.screen.query_one(DataTable)
        used = [str(table.get_row_at(i)[5]) for i in range(4)]
        assert used[0] == "skipped" and used[2:] == ["not reached", "not reached"]
        app.ctx.writer.flush()
        session = mock.get_session(db, mock.list_sessions(db)[0].id)
        assert [i.outcome for i in session.items] == ["skipped", "answered", "unreached",
                                                      "unreached"]
        assert session.items[1].speak_seconds == 20.0 and session.status == "ended"


async def test_review_ratings_reach_the_scheduler_and_the_session_reopens(app_factory, db):
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot)
        clock.advance(20)
        await pilot.press("n")
        clock.advance(20)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.id == "screen-mock-review")
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count == 2)
        items = app.screen.session.items
        await pilot.press("1")  # the first: again; the cursor stays on it
        await until(pilot, lambda: app.screen.session.items[0].rating == 1)
        await pilot.press("down", "4")
        await until(pilot, lambda: app.screen.session.items[1].rating == 4)
        await pilot.press("n")
        note = app.screen.query_one("#review-note", Input)
        assert note.has_focus
        note.value = "Too [long] 🙈"
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.session.items[1].note == "Too [long] 🙈")
        app.ctx.writer.flush()
        first = drill.get_card(db, "question", items[0].ref)
        second = drill.get_card(db, "question", items[1].ref)
        assert first.reps == 1 and second.reps == 1
        due_soon = [c.ref for c in drill.due(db, NOW + timedelta(minutes=15))]
        assert items[0].ref in due_soon and items[1].ref not in due_soon
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        history = app.screen.query_one("#mock-history", DataTable)
        await until(pilot, lambda: history.row_count == 1)
        history.focus()
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.id == "screen-mock-review"
                    and app.screen.session is not None)
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[6]) for i in range(2)] == ["again", "easy"]
        table.move_cursor(row=1)
        await pilot.pause()
        assert app.screen.query_one("#review-note", Input).value == "Too [long] 🙈"


async def test_brackets_and_emoji_show_literally_while_running(app_factory, speaker):
    app = app_factory(clock=FakeClock())
    text = "Why [US city]? [bold]not[/bold] [/] 🩻"
    async with app.run_test(size=(100, 30)) as pilot:
        from tui.screens.mock_run import MockRunScreen

        plan = Plan(MockSetup(format="faculty", think_seconds=0),
                    [Prompt(None, None, text, "intro", "star", 60)], 60)
        await app.push_screen(MockRunScreen(app.ctx, plan, SpeechPrefs()))
        await until(pilot, lambda: shown(app, "#run-question") == text)
        assert speaker.said == [text]
        assert app.screen.query_one("#run-star").display  # a STAR question shows its budget
        budget = str(app.screen.query_one("#run-star").render())
        assert "Situation" in budget and "Action 30s" in budget


async def test_the_command_line_request_opens_straight_into_a_session(app_factory):
    app = app_factory(clock=FakeClock(), start="mock",
                      options={"mock": {"format": "resident", "questions": 3}})
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.id == "screen-mock-run")
        assert len(app.screen.run.items) == 3
        assert "Resident interview" in shown(app, "#run-title")
        await pilot.press("enter", "enter", "e")
        await until(pilot, lambda: app.screen.id == "screen-mock-review")


async def test_a_session_ended_before_any_answer_is_not_kept(app_factory, db):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot)
        await pilot.press("e")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        assert any("not kept" in str(n.message) for n in app._notifications)
        app.ctx.writer.flush()
        assert mock.list_sessions(db) == []


async def test_bad_setup_is_named_and_nothing_starts(app_factory):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        app.screen.query_one("#mock-length", Input).value = "500"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = shown(app, "#mock-error")
        assert "Length" in error and "1 to 50" in error
        assert app.screen.id == "screen-mock"
        assert app.screen.query_one("#format-faculty", RadioButton).value


async def test_a_hanging_speech_helper_is_killed_and_the_user_told(app_factory, tmp_path):
    log = tmp_path / "helper.log"
    speaker = HelperSpeaker([sys.executable, str(FAKE_HELPER), "hang", str(log)],
                            start_timeout=10, grace=0.3, pace_factor=0)
    clock = FakeClock()
    app = app_factory(clock=clock, speaker=speaker)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot, questions=3)
        await pilot.press("n")  # the app answers keys while the helper hangs
        await until(pilot, lambda: app.screen.run.index == 1)
        await until(pilot, lambda: any("stopped answering" in str(n.message)
                                       for n in app._notifications)
                    or "stopped answering" in shown(app, "#run-speech"), tries=300)
        pids = [json.loads(line)["pid"] for line in log.read_text().splitlines()
                if "pid" in line]
        assert len(pids) >= 2  # killed and started again
        await pilot.press("n")
        await until(pilot, lambda: app.screen.run.index == 2)


async def test_no_speech_engine_is_said_once_and_questions_still_show(app_factory, tmp_path):
    speaker = HelperSpeaker([sys.executable, str(FAKE_HELPER), "unavailable",
                             str(tmp_path / "log")])
    clock = FakeClock()
    app = app_factory(clock=clock, speaker=speaker)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot, questions=3)
        assert shown(app, "#run-question") == app.screen.run.items[0].prompt.text
        await until(pilot, lambda: any("apt install espeak-ng" in str(n.message)
                                       for n in app._notifications), tries=200)
        clock.advance(5)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.run.index == 1)
        assert shown(app, "#run-question") == app.screen.run.items[1].prompt.text
        await pilot.pause(0.2)  # a second notice would come now: give it the time not to
        told = [n for n in app._notifications if "espeak-ng" in str(n.message)]
        assert len(told) + len(app.screen.speech_notices) == 1


async def test_at_40x12_a_speech_notice_leaves_the_question_and_clock_in_view(app_factory,
                                                                             db):
    """A notice of the speech engine during the interview (restarted, gave up, or r with
    reading aloud off) used to be a toast over the question and the clock at 40x12: it is
    a line of the running screen, under them."""
    set_setting(db, "speech_enabled", "0")
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await start_stress(app, pilot, questions=3)
        await pilot.press("r")
        await until(pilot, lambda: "Reading aloud is off" in shown(app, "#run-speech"),
                    what="the notice of r with speech off")
        app.post_message(SpeechTrouble("restarted", "The speech engine stopped answering: "
                                       "it was stopped and restarted."))
        await until(pilot, lambda: "restarted" in shown(app, "#run-speech"),
                    what="the engine's notice")
        await pilot.pause()
        speech = app.screen.query_one("#run-speech").region
        footer = app.screen.query_one("Footer").region
        assert speech.height == 3 and speech.bottom <= footer.y  # the notice whole, in view
        for part in ("#run-question", "#countdown-caption"):  # 40x12: the clock in words
            region = app.screen.query_one(part).region
            assert region.height and region.bottom <= speech.y, part
        assert not app._notifications


async def test_the_palette_starts_a_stress_round(app_factory):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await from_palette(pilot, "stress", "stress")
        await until(pilot, lambda: app.screen.id == "screen-mock-run")
        assert "Stress round" in shown(app, "#run-title")


async def test_quitting_mid_session_keeps_what_was_answered(app_factory, db, speaker):
    clock = FakeClock()
    app = app_factory(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot, questions=3)
        clock.advance(25)
        await pilot.press("n")
        clock.advance(12)
        await pilot.press("ctrl+q")
    app.ctx.writer.flush()
    session = mock.get_session(db, mock.list_sessions(db)[0].id)
    assert session.status == "ended"
    assert [(i.outcome, i.speak_seconds) for i in session.items] == [
        ("answered", 25.0), ("answered", 12.0), ("unreached", None)]
    assert speaker.stopped >= 1


async def test_the_first_visit_reads_the_history_once(app_factory, db, monkeypatch):
    from question_bank.practice_demo import populate
    from tui.widgets.mock_history import MockHistory

    populate(db)
    fills = []
    original = MockHistory.fill
    monkeypatch.setattr(MockHistory, "fill",
                        lambda self, sessions: (fills.append(len(sessions)),
                                                original(self, sessions)))
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        history = app.screen.query_one("#mock-history", DataTable)
        await until(pilot, lambda: history.row_count > 0)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)  # a second fill would come now: give it the time not to
        assert len(fills) == 1 and history.row_count == fills[0]


async def end_a_stress_round(app, pilot, clock, answers: int = 2) -> None:
    """A stress round of `answers` questions, each answered 20 s, ends in its review."""
    await start_stress(app, pilot, questions=answers)
    for _ in range(answers):
        clock.advance(20)
        await pilot.press("n")
    await until(pilot, lambda: app.screen.id == "screen-mock-review"
                and app.screen.session is not None, what="the review")


async def test_a_rating_stays_on_its_row(app_factory, db):
    """"3, Down, 2" rates the first question good and the second hard: the cursor does not
    move by itself (it used to jump to the next unrated row, so Down skipped one)."""
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await end_a_stress_round(app, pilot, clock, answers=3)
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 0
        await pilot.press("3")
        await until(pilot, lambda: app.screen.session.items[0].rating == 3)
        assert table.cursor_row == 0
        assert "2 still to rate" in shown(app, "#review-times")
        await pilot.press("down", "2")
        await until(pilot, lambda: app.screen.session.items[1].rating == 2)
        assert [i.rating for i in app.screen.session.items] == [3, 2, None]


async def test_each_review_column_holds_one_named_measure(app_factory, db):
    """The stress round caps answers at 45 s: the review measures against that cap, in a
    column named Aim, and says so; it never shows a question's longer target beside a
    share of the cap."""
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await end_a_stress_round(app, pilot, clock)
        table = app.screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["#", "Question", "Think", "Spoke", "Aim", "Of aim", "Rating"]
        item = app.screen.session.items[0]
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[4] == format_duration(item.aim_seconds)
        assert row[5] == f"{20 / item.aim_seconds:.0%} short"  # under half: said in words
        if item.limit_seconds < item.target_seconds:
            assert "the round's cap" in shown(app, "#review-times")


async def test_the_review_at_40x12_shows_the_rating_column(app_factory, db):
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await end_a_stress_round(app, pilot, clock)
        await pilot.resize_terminal(40, 12)
        table = app.screen.query_one(DataTable)
        await until(pilot, lambda: "rating" in [k.value for k in table.columns]
                    and table.max_scroll_x == 0, what="the rating column in view")
        await pilot.press("3")
        await until(pilot, lambda: app.screen.session.items[0].rating == 3)
        assert str(table.get_row_at(0)[-1]) == "good"


async def test_escape_in_a_review_note_leaves_the_field_not_the_review(app_factory, db):
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await end_a_stress_round(app, pilot, clock)
        await pilot.press("n", "o", "k")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.session.items[0].note == "ok", what="the note")
        assert app.screen.id == "screen-mock-review"
        assert isinstance(app.focused, DataTable)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.id == "screen-mock", what="back in Mock")


async def test_after_a_session_and_its_review_h_and_enter_work_at_once(app_factory, db):
    """The interview was started from a field of the form: back from its review, the past
    sessions hold the focus (h and enter used to type into a field scrolled out of view),
    and escape in a field hands the keys back to the screen."""
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        await pilot.click("#format-stress")
        length = app.screen.query_one("#mock-length", Input)
        length.value = "1"
        length.focus()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.id == "screen-mock-run"
                    and app.screen.session_id is not None)
        clock.advance(20)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.id == "screen-mock-review")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        history = app.screen.query_one("#mock-history", DataTable)
        await until(pilot, lambda: history.row_count == 1)
        assert app.focused is history
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.id == "screen-mock-review", what="the review")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        think = app.screen.query_one("#mock-think", Input)
        before = think.value
        think.focus()
        await pilot.press("escape", "h")
        assert think.value == before
        assert app.focused is history


async def test_a_long_history_shows_a_screenful_first_then_every_session_once(app_factory, db):
    """The first rows come with the screen's first frame and the rest just after: every
    session once, newest first, even when the list is read again before the rest came, and
    the cursor back on the row it was on."""
    from tui.widgets.mock_history import FIRST_ROWS, MockHistory

    count = FIRST_ROWS + 15
    for day in range(count):
        session = mock.create_session(
            db, format="faculty", started_at=NOW - timedelta(days=day), prompts=[
                Prompt("question", "behavioral.mistake", "Tell me about a mistake.",
                       "behavioral", "star", 60)])
        mock.finish_session(db, session, ended_at=NOW - timedelta(days=day))
    newest_first = [str(s.id) for s in mock.list_sessions(db)]
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        pane = app.screen.query_one(MockHistory)
        history = app.screen.query_one("#mock-history", DataTable)
        await until(pilot, lambda: history.row_count == count, what="every session listed")
        history.move_cursor(row=count - 3)
        sessions = mock.list_sessions(db)
        pane.fill(sessions)
        pane.fill(sessions)  # read again before the first fill's rest came
        assert history.row_count == FIRST_ROWS  # a screenful at once, the rest after
        await until(pilot, lambda: history.row_count == count, what="the rest of the list")
        await pilot.pause()
        assert history.row_count == count  # once each, not twice
        assert [key.value for key in history.rows] == newest_first
        assert history.cursor_row == count - 3
