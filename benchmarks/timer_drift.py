"""Mock-session clocks: drift over a simulated 20-minute session, and on the real clock.

    python benchmarks/timer_drift.py [--real-seconds 10]

1. Simulated: the real run screen (Pilot) on a clock the benchmark moves, 20 minutes in
   uneven steps (0.05 to 1.5 s, as a busy event loop delivers its ticks late), with a
   2-minute pause in the middle and "next" pressed every 150 s. At every step the session
   countdown on screen is compared with the truth (20 minutes minus the time that really
   ran, pauses left out); at the end, the thinking and speaking times recorded for the
   questions are compared with the time that really passed.
2. Real: the run on `time.monotonic` for a few seconds; the session clock against the
   wall clock.
Prints the errors; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.widgets import Input, RadioButton  # noqa: E402

from tests.fakes import FakeSpeaker  # noqa: E402
from tui.cli.launch import make_app  # noqa: E402
from tui.store.database import connect  # noqa: E402
from tui.store.settings import set_setting  # noqa: E402

SESSION = 20 * 60


class SimulatedClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def shown_seconds(text: str) -> float:
    """'session 12:34 left' -> 754; 'over by 0:05' -> -5."""
    minutes, seconds = re.search(r"(\d+):(\d\d)", text).groups()
    value = int(minutes) * 60 + int(seconds)
    return -value if "over" in text else value


async def start_session(app, pilot) -> None:
    await pilot.press("6")
    while app.screen.id != "screen-mock":
        await pilot.pause(0.02)
    await app.workers.wait_for_complete()
    app.screen.query_one("#format-faculty", RadioButton).value = True
    app.screen.query_one("#mock-mode").value = "minutes"
    app.screen.query_one("#mock-length", Input).value = "20"
    app.screen.query_one("#mock-think", Input).value = "10"
    await pilot.pause()
    await pilot.press("ctrl+s")
    while app.screen.id != "screen-mock-run" or getattr(app.screen, "session_id", None) is None:
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)


async def simulated(path: Path) -> None:
    clock = SimulatedClock()
    rng = random.Random(3)
    app = make_app(path, prepare=False, speaker=FakeSpeaker(), clock=clock)
    worst = 0.0
    steps = 0
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(app, pilot)
        screen = app.screen
        run = screen.run
        start = clock.now
        paused_for = 0.0
        next_press = 150.0
        pause_at, pause_len = 600.0, 120.0
        while clock.now - start - paused_for < SESSION - 2:
            clock.now += rng.uniform(0.05, 1.5)
            steps += 1
            ran = clock.now - start - paused_for
            if pause_at is not None and ran >= pause_at:
                await pilot.press("space")
                clock.now += pause_len
                paused_for += pause_len
                await pilot.press("space")
                pause_at = None
            if ran >= next_press:
                await pilot.press("enter")  # done with this answer: the next question
                next_press += 150.0
            if run.finished or app.screen is not screen:
                break
            screen._tick()
            screen._refresh()
            truth = run.session_seconds - (clock.now - start - paused_for)
            error = abs(shown_seconds(str(screen.query_one("#run-session").render())) - truth)
            worst = max(worst, error)
        recorded = sum(item.think + item.speak for item in run.items) + run.phase_elapsed
        really = clock.now - start - paused_for
        session_error = run.session_elapsed - really
        await pilot.press("e")
        await pilot.pause()
    app.ctx.close()
    print(f"simulated 20-minute session ({steps:,} uneven ticks, one 2-minute pause):")
    print(f"  session clock at the end   {session_error * 1000:+.3f} ms against the truth")
    print(f"  worst countdown on screen  {worst:.2f} s off (whole seconds are shown: up to 1 s is "
          "rounding)")
    print(f"  think + speak recorded     {(recorded - really) * 1000:+.3f} ms against the time "
          "that passed")


async def real(path: Path, seconds: float) -> None:
    app = make_app(path, prepare=False, speaker=FakeSpeaker())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(app, pilot)
        run = app.screen.run
        wall_start, run_start = time.monotonic(), run.session_elapsed
        await asyncio.sleep(seconds)
        wall = time.monotonic() - wall_start
        elapsed = run.session_elapsed - run_start
        await pilot.press("e")
        await pilot.pause()
    app.ctx.close()
    print(f"real clock, {seconds:.0f} s: session clock {(elapsed - wall) * 1000:+.3f} ms against "
          "the wall clock")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real-seconds", type=float, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "drift.db"
        from tui.cli.launch import prepare_database

        prepare_database(path)
        db = connect(path)
        set_setting(db, "speech_enabled", "0")
        db.close()
        asyncio.run(simulated(path))
        asyncio.run(real(path, args.real_seconds))


if __name__ == "__main__":
    main()
