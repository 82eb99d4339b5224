"""The real speaker: pyttsx3 in a helper process (`tui.speech.child`), one control thread;
`make_speaker` (what the app speaks with) and `probe` (for `matchprep doctor`).

Public methods only post a request to the control thread and return at once. A new `say`
interrupts what is being said; `stop` kills the helper (and whatever it plays through, its
whole process group) and starts a fresh one. A helper that does not answer in time is
killed and restarted, and the listener told; after a few failures in a row speech is given
up for the run. Texts travel on the helper's standard input, never on its command line; the
engine's temporary audio files stay in a private folder removed on close.
"""

from __future__ import annotations

import itertools
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.child.json_lines import JsonProcess
from tui.speech.speaker import (
    DEFAULT_RATE,
    NO_ENGINE,
    Listener,
    SilentSpeaker,
    SpeechError,
    SpeechNotice,
    Voice,
)

TMP_PREFIX = "matchprep-speech-"


def _sweep_stale_folders() -> None:
    """Remove the private temporary folders of earlier runs that were killed (whose process
    is gone): they may hold the audio of a question or an answer."""
    for folder in Path(tempfile.gettempdir()).glob(f"{TMP_PREFIX}*-*"):
        pid = folder.name[len(TMP_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue  # someone else's process
        if folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid():
            shutil.rmtree(folder, ignore_errors=True)


def helper_argv() -> list[str]:
    """How to start the speech helper: this Python, running tui.speech.child."""
    return [sys.executable, "-m", "tui.speech.child"]


class _Process(JsonProcess):
    """One running helper: its events (and its end) go to the speaker's inbox, marked with
    the generation it was started as, so a replaced helper's last words are ignored."""

    def __init__(self, argv: list[str], env: dict[str, str], inbox: queue.SimpleQueue,
                 generation: int) -> None:
        self.generation = generation
        super().__init__(argv, lambda event: inbox.put(
            ("event", generation, event) if event is not None else ("exit", generation, None)),
            env, name="speech")


@dataclass
class _Job:
    id: int
    op: str  # "say" | "save"
    message: dict
    seconds: float  # how long it may take, once sent
    future: Future = field(default_factory=Future)
    deadline: float | None = None  # set when sent


class HelperSpeaker:
    """The real speaker: pyttsx3 in a helper process, driven by one control thread."""

    def __init__(
        self, argv: list[str] | None = None, *, start_timeout: float = 10.0,
        grace: float = 8.0, pace_factor: float = 1.6, max_failures: int = 3,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._argv = argv or helper_argv()
        self._start_timeout = start_timeout
        self._grace = grace
        self._pace_factor = pace_factor
        self._max_failures = max_failures
        self._clock = clock
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._thread_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._listener: Listener | None = None
        self._unheard: list[SpeechNotice] = []  # notices given before anyone listened
        self._listener_lock = threading.Lock()
        self._settled = threading.Event()  # ready or unavailable: something is known
        # Owned by the control thread:
        self._proc: _Process | None = None
        self._generation = 0
        self._ready = False
        self._ready_by: float | None = None
        self._waiting: list[_Job] = []  # until the helper is ready
        self._running: dict[int, _Job] = {}
        self._failures = 0
        self._engine_failed = False
        self._told = False
        self._tmp: str | None = None
        # Read by anyone:
        self.status = "idle"
        self.problem: str | None = None
        self.voices: tuple[Voice, ...] = ()
        self.driver: str | None = None
        self.playback = True

    # Public: each call posts a request and returns ------------------------------------------

    @property
    def available(self) -> bool:
        return self.status in ("idle", "starting", "ready")

    def set_listener(self, listener: Listener | None) -> None:
        """Who hears notices; one given before there was a listener is handed over now."""
        with self._listener_lock:
            self._listener = listener
            if listener is None:
                return
            unheard, self._unheard = self._unheard, []
        for notice in unheard:
            self._deliver(listener, notice)

    def start(self) -> None:
        """Start the helper now (it is otherwise started by the first `say`)."""
        self._post(("start",))

    def say(self, text: str, rate: int | None = None, voice: str | None = None) -> None:
        """Say `text`, interrupting whatever is being said."""
        if text and text.strip():
            self._post(("say", text, rate, voice))

    def stop(self) -> None:
        """Stop speaking at once."""
        self._post(("stop",))

    def close(self) -> None:
        """Stop speaking and end the helper (for good)."""
        with self._thread_lock:
            thread = self._thread
            if thread is None:
                self.status = "closed"
                return
        self._inbox.put(("close",))
        thread.join(5)

    def wait_ready(self, timeout: float) -> str:
        """Start the helper and wait (in a worker, never on the event loop) until it is ready
        or known to be unavailable; return the status."""
        self.start()
        self._settled.wait(timeout)
        return self.status

    def save_to_file(self, text: str, path: Path | str, *, rate: int | None = None,
                     voice: str | None = None, timeout: float = 60) -> Path:
        """Speak `text` into a WAV file (blocking: call it from a worker or a test)."""
        future: Future = Future()
        self._post(("save", text, str(path), rate, voice, future))
        future.result(timeout)
        return Path(path)

    def _post(self, request: tuple) -> None:
        with self._thread_lock:
            if self.status == "closed":
                if request[0] == "save":
                    request[-1].set_exception(SpeechError("speech is closed"))
                return
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="matchprep-speech",
                                                daemon=True)
                self._thread.start()
        self._inbox.put(request)

    # The control thread ---------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            try:
                item = self._inbox.get(timeout=self._wait_time())
            except queue.Empty:
                item = None
            if item is not None:
                if item[0] == "close":
                    self._shutdown()
                    return
                self._handle(item)
            self._check_deadlines()

    def _wait_time(self) -> float | None:
        deadlines = [j.deadline for j in self._running.values() if j.deadline is not None]
        if not self._ready and self._ready_by is not None:
            deadlines.append(self._ready_by)
        if not deadlines:
            return None
        return max(0.0, min(deadlines) - self._clock())

    def _handle(self, item: tuple) -> None:
        kind = item[0]
        if kind == "start":
            if self.status in ("idle",):
                self._spawn()
        elif kind == "say":
            _, text, rate, voice = item
            if not self.available or not self.playback:
                self._tell_unavailable()
                return
            self._interrupt()
            self._queue(_Job(next(self._ids), "say",
                             {"op": "say", "text": text, "rate": rate, "voice": voice},
                             self._allowance(text, rate)))
        elif kind == "save":
            _, text, path, rate, voice, future = item
            if self._engine_failed:
                future.set_exception(SpeechError(self.problem or "speech is not available"))
                return
            job = _Job(next(self._ids), "save", {"op": "save", "text": text, "path": path,
                                                  "rate": rate, "voice": voice},
                       self._allowance(text, rate), future)
            self._queue(job)
        elif kind == "stop":
            self._interrupt()
        elif kind == "event":
            if item[1] == self._generation:
                self._on_event(item[2])
        elif kind == "exit":
            if item[1] == self._generation and self._proc is not None:
                self._on_exit()

    def _allowance(self, text: str, rate: int | None) -> float:
        words = max(1, len(text.split()))
        return words / (rate or DEFAULT_RATE) * 60 * self._pace_factor + self._grace

    def _queue(self, job: _Job) -> None:
        if self._proc is None:
            self._spawn()
        if self._ready:
            self._send(job)
        else:
            self._waiting.append(job)

    def _send(self, job: _Job) -> None:
        job.message["id"] = job.id
        job.deadline = self._clock() + job.seconds
        self._running[job.id] = job
        # The helper runs: _queue has just spawned it, or it has just said it is ready.
        assert self._proc is not None
        self._proc.send(job.message)

    def _spawn(self) -> None:
        if self._tmp is None:
            _sweep_stale_folders()
            self._tmp = tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-")
        env = dict(os.environ)
        env["TMPDIR"] = self._tmp  # the engine's temporary WAV files stay private
        package_root = str(Path(__file__).resolve().parents[2])  # the folder that holds tui/
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self._generation += 1
        self._ready = False
        self._ready_by = self._clock() + self._start_timeout
        if self.status == "idle":
            self.status = "starting"
        try:
            self._proc = _Process(self._argv, env, self._inbox, self._generation)
        except OSError as error:
            self._proc = None
            self._give_up(f"The speech helper could not be started ({error.strerror}).")

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc = None
        self._generation += 1  # events from the old helper are ignored from now on
        self._ready = False
        self._ready_by = None
        if self._tmp:
            for leftover in Path(self._tmp).glob("*"):
                try:
                    leftover.unlink()
                except OSError:
                    pass

    def _fail_jobs(self, jobs: list[_Job], reason: str) -> None:
        for job in jobs:
            if not job.future.done():
                job.future.set_exception(SpeechError(reason))

    def _interrupt(self) -> None:
        """Stop what is being said: kill a helper that is speaking, drop queued speech."""
        self._waiting = [j for j in self._waiting if j.op != "say"]
        speaking = [j for j in self._running.values() if j.op == "say"]
        if not speaking:
            return
        saves = [j for j in self._running.values() if j.op == "save"]
        self._running.clear()
        self._kill()
        self._fail_jobs(speaking, "interrupted")
        self._waiting = saves + self._waiting  # say nothing of them: they are sent again
        self._spawn()

    def _on_event(self, event: dict) -> None:
        name = event.get("event")
        if name == "ready":
            self._ready = True
            self._ready_by = None
            self.driver = str(event.get("driver") or "")
            self.voices = tuple(
                Voice(str(v.get("id")), str(v.get("name") or v.get("id")),
                      tuple(str(x) for x in v.get("languages") or ()))
                for v in event.get("voices") or () if isinstance(v, dict)
            )
            self.playback = bool(event.get("playback", True))
            if self.playback:
                self.status = "ready"
                self.problem = None
            else:
                self.status = "unavailable"
                self.problem = str(event.get("problem") or NO_ENGINE)
            self._settled.set()
            waiting, self._waiting = self._waiting, []
            for job in waiting:
                if job.op == "say" and not self.playback:
                    self._tell_unavailable()
                    continue
                self._send(job)
        elif name == "unavailable":
            self._engine_failed = True
            self.status = "unavailable"
            self.problem = str(event.get("problem") or NO_ENGINE)
            self._kill()
            self._fail_jobs(self._waiting + list(self._running.values()), self.problem)
            self._waiting, self._running = [], {}
            self._settled.set()
            self._tell_unavailable()
        elif name in ("done", "failed"):
            job_id = event.get("id")
            ended = self._running.pop(job_id, None) if isinstance(job_id, int) else None
            if ended is not None and not ended.future.done():
                if name == "done":
                    ended.future.set_result(None)
                else:
                    ended.future.set_exception(SpeechError(str(event.get("problem") or "failed")))
            if name == "done":
                self._failures = 0

    def _on_exit(self) -> None:
        """The helper ended by itself: a crash. Restart it (or give up after a few)."""
        code = self._proc.proc.poll() if self._proc else None
        self._hung(f"stopped unexpectedly (exit code {code})")

    def _check_deadlines(self) -> None:
        now = self._clock()
        if self._proc is not None and not self._ready and self._ready_by is not None \
                and now >= self._ready_by:
            self._hung(f"did not start within {self._start_timeout:g} seconds")
            return
        if any(j.deadline is not None and now >= j.deadline for j in self._running.values()):
            self._hung("stopped answering")

    def _hung(self, what: str) -> None:
        jobs = self._waiting + list(self._running.values())
        self._waiting, self._running = [], {}
        self._kill()
        self._failures += 1
        if self._failures >= self._max_failures:
            self._fail_jobs(jobs, f"the speech engine {what}")
            self._give_up(f"The speech engine {what}, {self._failures} times in a row; "
                          "questions are shown but not read aloud until matchprep restarts.")
            return
        self._fail_jobs(jobs, f"the speech engine {what}")
        self._spawn()
        self._notify(SpeechNotice("restarted", f"The speech engine {what}: it was stopped and "
                                  "restarted. Press r to hear the question again."))

    def _give_up(self, message: str) -> None:
        self._engine_failed = True
        self.status = "unavailable"
        self.problem = message
        self._settled.set()
        self._told = True
        self._notify(SpeechNotice("gave-up", message))

    def _tell_unavailable(self) -> None:
        if not self._told:
            self._told = True
            self._notify(SpeechNotice("unavailable", self.problem or NO_ENGINE))

    def _notify(self, notice: SpeechNotice) -> None:
        with self._listener_lock:
            listener = self._listener
            if listener is None:  # the app is still starting: keep it for its listener
                self._unheard.append(notice)
                return
        self._deliver(listener, notice)

    @staticmethod
    def _deliver(listener: Listener, notice: SpeechNotice) -> None:
        try:
            listener(notice)
        except Exception:
            pass

    def _shutdown(self) -> None:
        jobs = self._waiting + list(self._running.values())
        self._waiting, self._running = [], {}
        self._kill()
        self._fail_jobs(jobs, "speech was closed")
        self.status = "closed"
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        self._settled.set()


def make_speaker(enabled: bool = True) -> Any:
    """The app's speaker: the real one, or a silent one (`--no-speech`)."""
    if not enabled:
        return SilentSpeaker("Speech is off for this run (--no-speech).")
    return HelperSpeaker()


@dataclass(frozen=True)
class SpeechReport:
    ok: bool
    driver: str | None
    voices: int
    problem: str | None


def probe(timeout: float = 15.0) -> SpeechReport:
    """Start a helper, see whether the engine works, and end it (for `matchprep doctor`)."""
    speaker = HelperSpeaker(start_timeout=timeout, max_failures=1)
    try:
        status = speaker.wait_ready(timeout + 1)
        return SpeechReport(status == "ready", speaker.driver, len(speaker.voices),
                            speaker.problem if status != "ready" else None)
    finally:
        speaker.close()
