"""Recording answers in a mock interview, driven as a user would, with a recorder that
hands back known speech (a real Ogg Opus file made from espeak-ng) and the real analyser
(pocketsphinx in its own process): opt-in, the meter, the review's figures and transcript,
playback keys, forgetting one recording, and no microphone."""

from __future__ import annotations

import stat
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Checkbox

from question_bank.recordings import get_recording
from tests.fakes import FakeClock
from tests.system import needs
from tests.tui.pilot_helpers import shown, until
from tests.tui.test_mock_interview import start_stress
from tui.audio.recorder import AudioEvent, NoRecorder, RecordingError, Saved
from tui.store.audio_files import audio_dir
from tui.store.settings import get_setting, set_setting

NOW = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def known_answer(tmp_path_factory) -> bytes:
    """Two sentences with an "um" set off by pauses, as Ogg Opus bytes."""
    from tests.fake_mic import answer_script
    from tui.audio.child import encode

    script = answer_script(["I stayed with the patient all night", "um",
                            "and we caught the bleed early"], [0.7, 0.7], lead=1.0, tail=0.5)
    return encode(script.samples)


class FakeRecorder:
    """Follows tui.audio.recorder.Recorder: `stop_recording` writes the known answer."""

    status = "ready"
    problem = None
    available = True

    def __init__(self, audio: bytes) -> None:
        self.audio = audio
        self.listener = None
        self.recorded: list[Path] = []
        self.played: list[tuple[Path, float, float]] = []
        self.paused: list[bool] = []
        self.cancelled = 0
        self.halted = 0
        self._path: Path | None = None

    def start(self):
        pass

    def wait_ready(self, timeout):
        return self.status

    def set_listener(self, listener):
        self.listener = listener

    def record(self, path):
        self._path = Path(path)
        self.recorded.append(self._path)
        if self.listener:
            self.listener(AudioEvent("level", 1, seconds=0.1, db=-12.0))
        return 1

    def pause_recording(self, paused):
        self.paused.append(paused)

    def stop_recording(self):
        from tui.store.files import atomic_write

        future: Future = Future()
        if self._path is None:
            future.set_exception(RecordingError("nothing"))
            return future
        atomic_write(self._path, self.audio)
        future.set_result(Saved(self._path, 5.6, -10.0))
        self._path = None
        return future

    def cancel_recording(self):
        self.cancelled += 1
        self._path = None

    def play(self, path, start=0.0, speed=1.0):
        self.played.append((Path(path), start, speed))
        if self.listener:
            self.listener(AudioEvent("playing", len(self.played), seconds=start))
        return len(self.played)

    def halt(self):
        self.halted += 1

    def close(self):
        pass


@needs("espeak-ng")
async def test_an_answer_is_recorded_heard_and_reviewed(app_factory, db, db_path, known_answer):
    set_setting(db, "record_answers", "1")
    db.conn.commit()
    recorder = FakeRecorder(known_answer)
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now, recorder=recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot, questions=2)  # no think time: the answer clock runs
        await until(pilot, lambda: recorder.recorded, what="recording to start")
        await until(pilot, lambda: "● REC" in shown(app, "#run-recording"), what="the meter")
        assert "▮▮▮▮▮▮▮▮" in shown(app, "#run-recording")  # -12 dB lights most of the bar
        path = recorder.recorded[0]
        assert path.parent.parent == audio_dir(db_path)
        await pilot.press("space")  # a pause pauses the recording with the clocks
        await pilot.press("space")
        assert recorder.paused == [True, False]
        clock.advance(5.6)
        await pilot.press("n")  # answered: kept
        await until(pilot, lambda: len(recorder.recorded) == 2, what="the next question")
        await pilot.press("s")  # skipped: nothing kept
        await until(pilot, lambda: app.screen.id == "screen-mock-review", what="the review")
        assert recorder.cancelled == 1
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        await until(pilot, lambda: "Pace" in shown(app, "#review-spoken"), tries=3000,
                    what="the transcript and figures")
        spoken = shown(app, "#review-spoken")
        assert "first word after 1.0 s" in spoken
        assert "longest pause 0.7 s" in spoken and "no pause over 3 s" in spoken
        assert "“um”" in spoken and "Transcript by pocketsphinx" in spoken
        assert "0:06" in shown(app, "#review-player") and "1x" in shown(app, "#review-player")

        # Playback: play, forward 5 s, faster, pause.
        await pilot.press("space")
        assert recorder.played == [(path, 0.0, 1.0)]
        await pilot.press("right_square_bracket")
        assert recorder.played[-1] == (path, 5.0, 1.0)
        await pilot.press("x")
        assert recorder.played[-1][2] == 1.25 and "1.25x" in shown(app, "#review-player")
        await pilot.press("space")
        assert recorder.halted >= 1 and "▶" in shown(app, "#review-player")

        # Forget it: the file goes at once, the words stay.
        await pilot.press("f")
        await until(pilot, lambda: app.screen.id != "screen-mock-review", what="the question")
        await pilot.press("y")
        await until(pilot, lambda: not path.exists(), what="the file to be deleted")
        await until(pilot, lambda: "audio was deleted" in shown(app, "#review-spoken"))
        assert shown(app, "#review-player") == ""
        app.ctx.writer.flush()
        [row] = db.execute("select id from recordings").fetchall()
        kept = get_recording(db, row[0])
        assert kept.path is None and kept.review is not None and kept.review.words


async def test_recording_is_asked_for_once_saying_where_files_go(app_factory, db, db_path):
    app = app_factory(recorder=FakeRecorder(b""))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        box = app.screen.query_one("#mock-record", Checkbox)
        assert box.value is False  # off until the user says so
        box.value = True
        # (the dialog is on top a moment before its text is mounted)
        await until(pilot, lambda: bool(app.screen.query("#confirm-question")) and
                    "Record your spoken answers?" in shown(app, "#confirm-question"),
                    what="the question")
        assert str(audio_dir(db_path)) in shown(app, "#confirm-consequence")
        assert "nothing leaves this computer" in shown(app, "#confirm-consequence")
        await pilot.press("n")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        assert box.value is False
        app.ctx.writer.flush()
        assert get_setting(db, "record_answers") == "0"
        box.value = True  # asked once: now it is simply on
        await pilot.pause()
        assert app.screen.id == "screen-mock"
        app.ctx.writer.flush()
        assert get_setting(db, "record_answers") == "1"
        keep = app.screen.query_one("#mock-keep-audio")
        assert keep.value == "20"  # audio of the last 20 sessions is kept unless told
        keep.value = "0"
        await pilot.pause()
        assert keep.has_class("-invalid")
        keep.value = "5"
        await pilot.pause()
        app.ctx.writer.flush()
        assert get_setting(db, "audio_keep_sessions") == "5" and not keep.has_class("-invalid")


NOT_RECORDING = [
    ("No microphone was found: PortAudio sees no input device. On Debian or Ubuntu: sudo apt "
     "install libportaudio2.",
     "Not recording. No microphone was found: PortAudio sees no input device. "
     "`matchprep doctor` says what to do."),
    ("PortAudio is not installed, so answers cannot be recorded. On Debian or Ubuntu: sudo apt "
     "install libportaudio2.",
     "PortAudio is not installed, so answers cannot be recorded. `matchprep doctor` says what "
     "to do."),
    ("Recording is off for this run (--no-record).",
     "Recording is off for this run (--no-record)."),
]


@pytest.mark.parametrize(("reason", "said"), NOT_RECORDING)
async def test_without_a_microphone_the_interview_goes_on_and_says_why(app_factory, db, reason,
                                                                       said):
    """Said once, in the recording line under the clock ("Not recording" was said there and
    again in a notice over the question), never twice in one sentence, with what to do."""
    set_setting(db, "record_answers", "1")
    db.conn.commit()
    clock = FakeClock(NOW)
    app = app_factory(clock=clock, now=clock.now, recorder=NoRecorder(reason))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot, questions=1)
        assert shown(app, "#run-recording") == said
        assert not app._notifications  # not again in a notice
        await pilot.resize_terminal(40, 12)  # the line took 76 columns: cut at the right
        await until(pilot, lambda: app.screen.has_class("-compact"), what="the small layout")
        line = app.screen.query_one("#run-recording")
        # within the width, every line of it shown (wrapped at the width it has then)
        await until(pilot, lambda: line.region.width <= 38 and line.region.height == len(
            line.render().wrap(line.content_region.width)), what="the line laid out whole")
        clock.advance(20)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.id == "screen-mock-review", what="the review")
        app.ctx.writer.flush()
        assert db.execute("select count(*) from recordings").fetchone() == (0,)
        assert db.execute("select speak_seconds from mock_items").fetchone() == (20.0,)



async def test_a_stuck_microphone_is_said_once_in_the_recording_line(app_factory, db):
    """The line keeps what the recorder said until the next answer; no notice says it again
    over the question (the notice covered it on a small terminal)."""
    set_setting(db, "record_answers", "1")
    db.conn.commit()
    clock = FakeClock(NOW)
    recorder = FakeRecorder(b"")
    app = app_factory(clock=clock, now=clock.now, recorder=recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot, questions=1)
        stuck = "The microphone stopped answering: this answer is not recorded."
        recorder.listener(AudioEvent("stalled", message=stuck))
        await until(pilot, lambda: shown(app, "#run-recording") == stuck, what="the line")
        await pilot.pause()
        assert not app._notifications  # not again in a notice

@needs("espeak-ng")
async def test_an_answer_is_rehearsed_aloud_take_by_take(app_factory, db, db_path, known_answer):
    from question_bank.answers import create_answer
    from tests.tui.answer_helpers import open_editor

    set_setting(db, "record_answers", "1")
    answer = create_answer(db, "behavioral.mistake", structure="star", parts={
        "situation": "A night on call with a patient who would not stay in bed.",
        "action": "I stayed with the patient all night and checked the bleed early.",
        "result": "We caught the bleed early and the surgeons took over."}, make_current=True)
    db.conn.commit()
    recorder = FakeRecorder(known_answer)
    app = app_factory(recorder=recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, "behavioral.mistake", answer.id)
        await pilot.press("ctrl+f")
        await until(pilot, lambda: app.screen.__class__.__name__ == "RehearseAloudDialog",
                    what="the dialog")
        assert "press r to record" in shown(app, "#rehearse-recording")
        await pilot.press("r")
        await until(pilot, lambda: "● REC" in shown(app, "#rehearse-recording"), what="the meter")
        assert recorder.recorded[0].parent.parent == audio_dir(db_path)
        await pilot.press("r")
        await until(pilot, lambda: "Pace" in shown(app, "#rehearse-spoken"), tries=3000,
                    what="the take's figures")
        spoken = shown(app, "#rehearse-spoken")
        # Each written part is judged heard or not (espeak's voice is too rough for
        # pocketsphinx to say which here; tests/unit/test_spoken.py checks the rule).
        assert "Written answer:" in spoken and "“um”" in spoken
        assert all(part in spoken for part in ("Situation", "Action", "Result"))
        assert app.screen.query_one("#rehearse-takes").row_count == 1
        await pilot.press("space")
        assert recorder.played[-1] == (recorder.recorded[0], 0.0, 1.0)
        await pilot.press("f")
        await until(pilot, lambda: "Delete this take's audio" in shown(app, "#confirm-question"),
                    what="the question")
        await pilot.press("y")
        await until(pilot, lambda: not recorder.recorded[0].exists(), what="the file to go")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.__class__.__name__ == "AnswerEditor",
                    what="the editor")
    app.ctx.writer.flush()
    [(kind, answer_id, path)] = db.execute("select kind, answer_id, path from recordings")
    assert (kind, answer_id, path) == ("take", answer.id, None)


@needs("espeak-ng")
async def test_a_recording_left_unanalysed_is_analysed_when_its_review_opens(
        app_factory, db, db_path, known_answer):
    """The app was closed (or killed) after the answer was saved, before it was heard."""
    from question_bank import mock
    from question_bank.mock_formats import Prompt
    from question_bank.recordings import add_recording
    from tui.screens.mock_review import MockReviewScreen
    from tui.store.audio_files import new_audio_path

    session = mock.create_session(db, format="stress", started_at=NOW, prompts=[
        Prompt("question", "behavioral.mistake", "Tell me about a mistake.", "behavioral",
               "star", 60)])
    mock.record_item(db, session, 0, think_seconds=0, speak_seconds=6, outcome="answered",
                     at=NOW)
    mock.finish_session(db, session, ended_at=NOW)
    path, relative = new_audio_path(db_path, NOW, "mock")
    path.write_bytes(known_answer)
    add_recording(db, kind="mock", path=relative, seconds=5.6, recorded_at=NOW,
                  session_id=session, position=0)
    db.conn.commit()
    app = app_factory(recorder=FakeRecorder(known_answer))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(MockReviewScreen(app.ctx, session))
        await until(pilot, lambda: "Pace" in shown(app, "#review-spoken"), tries=3000,
                    what="the figures")
        assert "first word after 1.0 s" in shown(app, "#review-spoken")
