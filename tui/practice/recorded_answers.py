"""Recorded answers, from the microphone to the review: a take is started and ended by the
screen; its file is written by the recorder, its row by the writer, and what was heard in it
by the analyser, after which its transcript and figures are stored. Each step runs where it
belongs (the audio helper, the writer thread, the analysis process), chained by futures; the
event loop never waits. Listeners hear "stored", "analysed" and "failed" (from any thread).

Whether to record at all is the user's setting (asked once, with where files go) and the
command line's (`--no-record`); `recording_wanted` joins the two.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.store.audio_files import RECORD_SETTING, audio_dir, new_audio_path, tidy_audio
from tui.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tui.audio.analyse import Heard
    from tui.audio.recorder import Saved
    from tui.store.writer import Writer


@dataclass(frozen=True, slots=True)
class Take:
    """What a recording is of: a mock question (session, position) or an answer's take."""

    kind: str  # "mock" | "take"
    session_id: int | None = None
    position: int | None = None
    answer_id: int | None = None
    question_id: str | None = None


@dataclass(frozen=True, slots=True)
class RecordingNews:
    kind: str  # "stored" | "analysed" | "failed"
    take: Take
    recording_id: int | None = None
    message: str = ""


Listener = Callable[[RecordingNews], None]


def record_choice(db: Database) -> bool | None:
    """The user's choice: True (record), False (do not), None (not asked yet)."""
    value = get_setting(db, RECORD_SETTING, "")
    return None if value in ("", None) else value == "1"


def save_record_choice(db: Database, record: bool) -> None:
    set_setting(db, RECORD_SETTING, "1" if record else "0")


def consent_text(db_path: Path) -> str:
    """The sentence said before the first recording: where the files go, who sees them."""
    return (f"Your spoken answers will be recorded from the microphone and kept in "
            f"{audio_dir(db_path)} (readable by you alone), with their transcripts in the "
            "database; nothing leaves this computer. Audio older than your last sessions (20, "
            "or as you set it) is deleted, and you can forget any recording at once.")


def store_heard(db: Database, recording_id: int, heard: Heard, pace_wpm: int) -> None:
    """Writer job: keep what was heard in a recording, with its figures."""
    from question_bank.recordings import save_review

    review = heard.review(pace_wpm)
    extra: dict[str, Any] = dict(review.phrases()) if review.transcribed else {}
    if heard.problem:
        extra["problem"] = heard.problem
    save_review(db, recording_id, review, engine=heard.engine, extra=extra)


def store_take(db: Database, take: Take, relative: str, seconds: float,
               recorded_at: datetime) -> int:
    from question_bank.recordings import add_recording

    return add_recording(db, kind=take.kind, path=relative, seconds=seconds,
                         recorded_at=recorded_at, session_id=take.session_id,
                         position=take.position, answer_id=take.answer_id,
                         question_id=take.question_id)


def mark_failed(db: Database, recording_id: int, problem: str) -> None:
    from question_bank.recordings import mark_failed as failed

    failed(db, recording_id, problem)


def read_pace_safely(db: Database) -> int:
    from tui.practice.pace import read_pace

    return read_pace(db)


class RecordedAnswers:
    def __init__(self, db_path: Path, writer: Writer, recorder: Any,
                 analyser: Callable[[], Any], now: Callable[[], datetime]) -> None:
        self.db_path = Path(db_path)
        self.writer = writer
        self.recorder = recorder
        self._analyser = analyser
        self._now = now
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self._current: tuple[Take, Path, str, datetime] | None = None
        self.in_progress: set[Take] = set()  # recorded, not yet analysed

    # Listening ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def _tell(self, news: RecordingNews) -> None:
        with self._lock:
            listeners = list(self._listeners)
            if news.kind in ("analysed", "failed"):
                self.in_progress.discard(news.take)
        for listener in listeners:
            try:
                listener(news)
            except Exception:
                pass  # a screen that is going away

    # Takes ----------------------------------------------------------------------------------

    @property
    def recording(self) -> bool:
        return self._current is not None

    def begin(self, take: Take) -> None:
        """Start recording `take` (ending any take still running)."""
        if self._current is not None:
            self.cancel()
        at = self._now()
        path, relative = new_audio_path(self.db_path, at, take.kind)
        self.recorder.record(path)
        self._current = (take, path, relative, at)

    def pause(self, paused: bool) -> None:
        if self._current is not None:
            self.recorder.pause_recording(paused)

    def cancel(self) -> None:
        """Drop the take being recorded (a skipped question)."""
        if self._current is not None:
            self._current = None
            self.recorder.cancel_recording()

    def end(self) -> Future[int] | None:
        """Stop the take; it is saved, stored and analysed in the background. The future
        gets the recording's id once its row is stored."""
        if self._current is None:
            return None
        take, _path, relative, at = self._current
        self._current = None
        stored: Future[int] = Future()
        with self._lock:
            self.in_progress.add(take)
        saving = self.recorder.stop_recording()
        saving.add_done_callback(lambda f: self._saved(f, take, relative, at, stored))
        return stored

    def _saved(self, saving: Future[Saved], take: Take, relative: str, at: datetime,
               stored: Future[int]) -> None:
        try:
            saved = saving.result()
        except Exception as error:
            stored.set_exception(error)
            self._tell(RecordingNews("failed", take, message=str(error)))
            return
        row = self.writer.submit(store_take, take, relative, saved.seconds, at)
        row.add_done_callback(lambda f: self._row(f, take, saved, stored))

    def _row(self, row: Future[int], take: Take, saved: Saved, stored: Future[int]) -> None:
        try:
            recording_id = row.result()
        except Exception as error:
            stored.set_exception(error)
            self._tell(RecordingNews("failed", take, message=str(error)))
            return
        stored.set_result(recording_id)
        self._tell(RecordingNews("stored", take, recording_id))
        self.analyse(take, recording_id, saved.path, saved.seconds)

    def resume(self, take: Take, recording_id: int, path: Path, seconds: float) -> bool:
        """Analyse a recording stored but never analysed (the app was closed or killed
        meanwhile); False if it is already on its way."""
        with self._lock:
            if take in self.in_progress:
                return False
            self.in_progress.add(take)
        self.analyse(take, recording_id, path, seconds)
        return True

    def analyse(self, take: Take, recording_id: int, path: Path, seconds: float) -> None:
        heard = self._analyser().submit(path, seconds)
        heard.add_done_callback(lambda f: self._heard(f, take, recording_id))

    def _heard(self, heard: Future[Heard], take: Take, recording_id: int) -> None:
        try:
            result = heard.result()
        except Exception as error:
            problem = str(error) or type(error).__name__
            self.writer.submit(mark_failed, recording_id, problem)
            self._tell(RecordingNews("failed", take, recording_id, problem))
            return
        pace = self.writer.submit(read_pace_safely)
        pace.add_done_callback(lambda p: self._store(p, take, recording_id, result))

    def _store(self, pace: Future[int], take: Take, recording_id: int, heard: Heard) -> None:
        try:
            wpm = pace.result()
        except Exception:
            wpm = 140
        done = self.writer.submit(store_heard, recording_id, heard, wpm)
        done.add_done_callback(lambda f: self._tell(RecordingNews(
            "analysed" if f.exception() is None else "failed", take, recording_id,
            "" if f.exception() is None else str(f.exception()))))

    def tidy(self) -> Future[list[str]]:
        """Apply the retention setting and sweep stray files (on the writer thread)."""
        return self.writer.submit(tidy_audio, self.db_path, self._now())
