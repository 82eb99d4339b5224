"""Speech: the `Speaker` protocol, its messages and a silent speaker.

The real speaker (`tui.speech.client.HelperSpeaker`) never runs pyttsx3 itself: it owns
one helper process (`tui.speech.child`) fed JSON lines on its standard input, and one
control thread; every public method posts a request and returns at once, so speaking never
blocks the UI. A new `say` interrupts what is being said; `stop` kills the helper at once.

Everything a screen needs: `speaker.say(text, rate=..., voice=...)`, `speaker.stop()`,
`speaker.available`, `speaker.status` ("idle", "starting", "ready", "unavailable", "off",
"closed"), `speaker.problem` (a sentence, or None), `speaker.voices`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from tui.speech.child import INSTALL_HINT

DEFAULT_RATE = 170  # words per minute: an unhurried interviewer
NO_ENGINE = ("Speech is not available, so questions are shown but not read aloud. "
             + INSTALL_HINT)


@dataclass(frozen=True, slots=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpeechNotice:
    """Something the user should hear about: "unavailable", "restarted" or "gave-up"."""

    kind: str
    message: str


Listener = Callable[[SpeechNotice], None]


class SpeechError(Exception):
    """Speech that could not be made (no engine, a hung engine, an interruption)."""


@runtime_checkable
class Speaker(Protocol):
    status: str
    problem: str | None
    voices: tuple[Voice, ...]

    @property
    def available(self) -> bool: ...

    def start(self) -> None: ...

    def wait_ready(self, timeout: float) -> str: ...

    def say(self, text: str, rate: int | None = None, voice: str | None = None) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...

    def set_listener(self, listener: Listener | None) -> None: ...


class SilentSpeaker:
    """Says nothing: speech turned off (`--no-speech`), or no engine wanted."""

    status = "off"
    voices: tuple[Voice, ...] = ()

    def __init__(self, reason: str = "Speech is off.") -> None:
        self.problem: str | None = reason

    @property
    def available(self) -> bool:
        return False

    def start(self) -> None:
        pass

    def wait_ready(self, timeout: float) -> str:
        return self.status

    def say(self, text: str, rate: int | None = None, voice: str | None = None) -> None:
        pass

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass

    def set_listener(self, listener: Listener | None) -> None:
        pass
