"""What the app asks of a recorder, and the recorder that records nothing.

A recorder records the default microphone into a file and plays files back; every call
returns at once (the work happens in a helper process). The app hears what happens through
a listener called from another thread with an `AudioEvent`:

- "level" (db, seconds): the microphone's level, every 100 ms while recording;
- "silent": nothing but silence in the first seconds (a muted or dead microphone);
- "stalled": the device stopped delivering; the helper was killed (message says so);
- "unavailable": recording cannot work here (message says why and what to install);
- "playing" (seconds), "ended", "halted" (seconds): playback's position and end;
- "failed" (message): a recording or a playback that did not work.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class AudioEvent:
    kind: str
    id: int | None = None
    seconds: float = 0.0
    db: float = -100.0
    message: str = ""


@dataclass(frozen=True, slots=True)
class Saved:
    """A recording written to its file."""

    path: Path
    seconds: float
    peak_db: float


class RecordingError(Exception):
    """A recording that was not made (no microphone, a device that hung), in a sentence."""


AudioListener = Callable[[AudioEvent], None]


@runtime_checkable
class Recorder(Protocol):
    status: str  # idle | starting | ready | unavailable | off | closed
    problem: str | None

    @property
    def available(self) -> bool: ...

    def start(self) -> None: ...

    def wait_ready(self, timeout: float) -> str: ...

    def set_listener(self, listener: AudioListener | None) -> None: ...

    def record(self, path: Path) -> int: ...

    def stop_recording(self) -> Future[Saved]: ...

    def pause_recording(self, paused: bool) -> None: ...

    def cancel_recording(self) -> None: ...

    def play(self, path: Path, start: float = 0.0, speed: float = 1.0) -> int: ...

    def halt(self) -> None: ...

    def close(self) -> None: ...


class NoRecorder:
    """Records nothing: recording turned off, or impossible here (`problem` says why)."""

    status = "off"

    def __init__(self, reason: str = "Recording is off.") -> None:
        self.problem: str | None = reason

    @property
    def available(self) -> bool:
        return False

    def start(self) -> None:
        pass

    def wait_ready(self, timeout: float) -> str:
        return self.status

    def set_listener(self, listener: AudioListener | None) -> None:
        pass

    def record(self, path: Path) -> int:
        return 0

    def stop_recording(self) -> Future[Saved]:
        future: Future[Saved] = Future()
        future.set_exception(RecordingError(self.problem or "Recording is off."))
        return future

    def pause_recording(self, paused: bool) -> None:
        pass

    def cancel_recording(self) -> None:
        pass

    def play(self, path: Path, start: float = 0.0, speed: float = 1.0) -> int:
        return 0

    def halt(self) -> None:
        pass

    def close(self) -> None:
        pass
