"""The real recorder: PortAudio in a helper process (`tui.audio.child`), watched by a thread.

Every public method posts a request and returns at once. The helper is started on first use
(or by `start`). While recording, a level reading arrives every 100 ms; when none has come
for `stall_seconds` the device is taken to be stuck: the helper (and its whole process group)
is killed, the listener told in a sentence, and the next request starts a fresh helper.
A helper that reports no microphone or no PortAudio makes the recorder "unavailable" for
the run, with `problem` saying why and what to install.
"""

from __future__ import annotations

import itertools
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from tui.audio.recorder import AudioEvent, AudioListener, RecordingError, Saved
from tui.child.json_lines import JsonProcess

SILENT_DB = -60.0  # a microphone that hears nothing louder than this is silent
SILENT_AFTER = 3.0  # seconds of recording before silence is said
STALLED = ("The microphone stopped answering, so this answer was not recorded; the "
           "interview goes on. If it happens again, check the microphone and run "
           "`matchprep doctor`.")
SILENT = ("The microphone hears nothing (is it muted or unplugged?). The interview goes on "
          "and is timed as usual.")


def helper_argv() -> list[str]:
    return [sys.executable, "-m", "tui.audio.child"]


class AudioHelper:
    """Records and plays through the audio helper process (see the module's docstring)."""

    def __init__(self, argv: list[str] | None = None, *, start_timeout: float = 10.0,
                 stall_seconds: float = 3.0, clock: Callable[[], float] = time.monotonic,
                 env: dict[str, str] | None = None) -> None:
        self._argv = argv or helper_argv()
        self._env = env
        self._start_timeout = start_timeout
        self._stall_seconds = stall_seconds
        self._clock = clock
        self._lock = threading.RLock()
        self._ids = itertools.count(1)
        self._proc: JsonProcess | None = None
        self._ready_by: float | None = None
        self._settled = threading.Event()
        self._waiting: list[dict[str, Any]] = []  # sent once the helper is ready
        self._listener: AudioListener | None = None
        self._recording: int | None = None
        self._last_level = 0.0
        self._started_recording = 0.0
        self._loudest = -100.0
        self._silence_told = False
        self._saving: dict[int, Future[Saved]] = {}
        self._watchdog: threading.Thread | None = None
        self.status = "idle"
        self.problem: str | None = None
        self.devices: dict[str, Any] = {}

    # Public ---------------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self.status in ("idle", "starting", "ready")

    def set_listener(self, listener: AudioListener | None) -> None:
        with self._lock:
            self._listener = listener

    def start(self) -> None:
        with self._lock:
            if self.status in ("idle",) or (self.status == "ready" and self._proc is None):
                self._spawn()

    def wait_ready(self, timeout: float) -> str:
        """Start the helper and wait (in a worker or a test) until it is ready or known to be
        unavailable; return the status."""
        self.start()
        self._settled.wait(timeout)
        return self.status

    def record(self, path: Path) -> int:
        """Start recording into `path` (an .ogg file, written when recording stops)."""
        with self._lock:
            take = next(self._ids)
            if not self.available:
                return take
            self._recording = take
            self._started_recording = self._last_level = self._clock()
            self._loudest = -100.0
            self._silence_told = False
            self._send({"op": "record", "id": take, "path": str(path)})
            return take

    def stop_recording(self) -> Future[Saved]:
        """Stop recording; the future gets the saved file (or a RecordingError)."""
        future: Future[Saved] = Future()
        with self._lock:
            take, self._recording = self._recording, None
            if take is None or not self.available:
                future.set_exception(RecordingError(self.problem or "Nothing was recorded."))
                return future
            self._saving[take] = future
            self._send({"op": "stop", "id": take})
        return future

    def pause_recording(self, paused: bool) -> None:
        """While paused the microphone stays open but nothing is kept."""
        with self._lock:
            if self._recording is not None:
                self._send({"op": "pause", "id": self._recording, "paused": paused})

    def cancel_recording(self) -> None:
        with self._lock:
            take, self._recording = self._recording, None
            if take is not None and self._proc is not None:
                self._proc.send({"op": "cancel", "id": take})

    def play(self, path: Path, start: float = 0.0, speed: float = 1.0) -> int:
        with self._lock:
            play_id = next(self._ids)
            if self.available:
                self._send({"op": "play", "id": play_id, "path": str(path),
                            "start": round(float(start), 2), "speed": float(speed)})
            return play_id

    def halt(self) -> None:
        with self._lock:
            if self._proc is not None:
                self._proc.send({"op": "halt"})

    def close(self) -> None:
        with self._lock:
            proc, self._proc = self._proc, None
            self.status = "closed"
            self._fail_saving("Recording stopped: matchprep is closing.")
        if proc is not None:
            proc.quit()

    # Inside ---------------------------------------------------------------------------------

    def _spawn(self) -> None:
        self.status = "starting"
        self._settled.clear()
        self._ready_by = self._clock() + self._start_timeout
        holder: list[JsonProcess] = []

        def on_event(event: dict[str, Any] | None) -> None:
            self._on_event(holder[0] if holder else None, event)

        try:
            proc = JsonProcess(self._argv, on_event, env=self._env, name="audio")
        except OSError as error:
            self._give_up(f"The audio helper could not start ({error.strerror or error}).")
            return
        holder.append(proc)
        self._proc = proc
        if self._watchdog is None:
            self._watchdog = threading.Thread(target=self._watch, name="matchprep-audio-watch",
                                              daemon=True)
            self._watchdog.start()

    def _send(self, message: dict[str, Any]) -> None:
        if self.status == "idle" or (self._proc is None and self.status == "ready"):
            self._spawn()
        if self.status == "starting":
            self._waiting.append(message)
        elif self._proc is not None:
            self._proc.send(message)

    def _tell(self, event: AudioEvent) -> None:
        listener = self._listener
        if listener is not None:
            try:
                listener(event)
            except Exception:
                pass  # a listener's trouble is not the recorder's

    def _give_up(self, problem: str) -> None:
        self.status = "unavailable"
        self.problem = problem
        self._waiting.clear()
        self._recording = None
        self._fail_saving(problem)
        self._settled.set()
        self._tell(AudioEvent("unavailable", message=problem))

    def _fail_saving(self, problem: str) -> None:
        saving, self._saving = self._saving, {}
        for future in saving.values():
            if not future.done():
                future.set_exception(RecordingError(problem))

    def _on_event(self, proc: JsonProcess | None, event: dict[str, Any] | None) -> None:
        with self._lock:
            if proc is None or proc is not self._proc:
                return  # an old helper's last words
            if event is None:  # the helper ended
                self._proc = None
                if self.status == "starting":
                    self._give_up("The audio helper ended before it was ready.")
                elif self.status == "ready":
                    self._recording = None
                    self._fail_saving("The audio helper ended unexpectedly.")
                return
            kind = event.get("event")
            take = event.get("id")
            if kind == "ready":
                self.status = "ready"
                self._last_level = self._clock()  # a recording asked for meanwhile starts now
                self.devices = {k: v for k, v in event.items() if k != "event"}
                self._settled.set()
                waiting, self._waiting = self._waiting, []
                for message in waiting:
                    proc.send(message)
            elif kind == "unavailable":
                self._give_up(str(event.get("problem") or "Recording is not available."))
                self._proc = None
            elif kind == "recording" and take == self._recording:
                self._last_level = self._clock()
            elif kind == "level" and take == self._recording:
                self._level(float(event.get("db", -100.0)), float(event.get("seconds", 0.0)))
            elif kind == "saved":
                future = self._saving.pop(int(take or 0), None)
                if future is not None and not future.done():
                    future.set_result(Saved(Path(str(event["path"])), float(event["seconds"]),
                                            float(event.get("peak_db", -100.0))))
            elif kind == "failed":
                problem = str(event.get("problem") or "it failed")
                future = self._saving.pop(int(take or 0), None)
                if future is not None and not future.done():
                    future.set_exception(RecordingError(problem))
                if take == self._recording:
                    self._recording = None
                self._tell(AudioEvent("failed", take, message=problem))
            elif kind in ("playing", "ended", "halted"):
                self._tell(AudioEvent(str(kind), take, seconds=float(event.get("seconds", 0))))

    def _level(self, db: float, seconds: float) -> None:
        self._last_level = self._clock()
        self._loudest = max(self._loudest, db)
        self._tell(AudioEvent("level", self._recording, seconds=seconds, db=db))
        if (not self._silence_told and seconds >= SILENT_AFTER and self._loudest < SILENT_DB):
            self._silence_told = True
            self._tell(AudioEvent("silent", self._recording, message=SILENT))

    def _watch(self) -> None:
        while self.status != "closed":
            time.sleep(0.2)
            with self._lock:
                now = self._clock()
                proc = self._proc
                if proc is None:
                    continue
                if self.status == "starting" and self._ready_by is not None \
                        and now > self._ready_by:
                    self._proc = None
                    proc.kill()
                    self._give_up("The audio helper did not start in time, so answers are "
                                  "not recorded. `matchprep doctor` checks the microphone.")
                elif self._recording is not None and now - self._last_level > self._stall_seconds:
                    take, self._recording = self._recording, None
                    self._proc = None
                    self.status = "ready"  # the next request starts a fresh helper
                    proc.kill()
                    self._fail_saving(STALLED)
                    self._tell(AudioEvent("stalled", take, message=STALLED))


def make_recorder(enabled: bool = True) -> Any:
    """The recorder the app uses: the helper, or a NoRecorder saying why not."""
    from tui.audio.recorder import NoRecorder

    if not enabled:
        return NoRecorder("Recording is off for this run (--no-record).")
    return AudioHelper()
