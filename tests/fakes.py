"""Stand-ins the tests (and the benchmarks) hand to the app: a clock that moves only when
the test moves it, a speaker that never makes a sound. Importing this module changes
nothing else (tests/conftest.py sets the tests' own hooks)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# The wall-clock time a FakeClock starts at, unless a test names its own.
START = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)


class FakeClock:
    """Both of the app's clocks, moved by hand.

    Call it for the monotonic clock in seconds (the app's `clock`, for countdowns and
    autosave); `now()` is the aware wall-clock time (the app's `now`, for dates), which
    moves with it: `app_factory(clock=clock, now=clock.now)`. `advance(seconds)` moves both.
    """

    def __init__(self, start: datetime = START, monotonic: float = 1000.0) -> None:
        self.start = start
        self.origin = monotonic
        self.monotonic = monotonic

    def __call__(self) -> float:
        return self.monotonic

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.monotonic - self.origin)

    def advance(self, seconds: float) -> None:
        self.monotonic += seconds


class FakeSpeaker:
    """Records what it was asked to say; never makes a sound (follows
    tui.speech.speaker.Speaker)."""

    available = True
    status = "ready"
    problem = None
    driver = "fake"

    def __init__(self) -> None:
        from tui.speech.speaker import Voice

        self.said: list[str] = []
        self.calls: list[tuple[str, int | None, str | None]] = []  # (text, rate, voice)
        self.voices = (Voice("fake/en", "English (fake)", ("en",)),
                       Voice("fake/fr", "French (fake)", ("fr",)))
        self.stopped = 0
        self.closed = False
        self.listener = None

    def start(self) -> None:
        pass

    def wait_ready(self, timeout: float) -> str:
        return self.status

    def say(self, text: str, rate: int | None = None, voice: str | None = None) -> None:
        self.said.append(text)
        self.calls.append((text, rate, voice))

    def stop(self) -> None:
        self.stopped += 1

    def close(self) -> None:
        self.closed = True

    def set_listener(self, listener) -> None:
        self.listener = listener
