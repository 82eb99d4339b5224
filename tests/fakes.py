"""Stand-ins the tests hand to the app: a clock that moves only when the test moves it."""

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
