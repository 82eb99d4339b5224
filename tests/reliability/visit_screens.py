"""The real program, in whatever terminal runs it, opening every screen of `screens.OPENERS`
one after another as a user reaches them, then quitting.

    python -m tests.reliability.visit_screens DB IDS_JSON

DB is a database `screens.populate` made (IDS_JSON its ids, as JSON). The app runs with
its real terminal driver, so a test in a pseudo-terminal (terminal.py) sees every byte it
writes. Exits 0 when every screen opened, 1 (with the failure, after the app has given the
terminal back) otherwise.
"""

from __future__ import annotations

import asyncio
import json
import sys
import traceback
from pathlib import Path

from textual.pilot import Pilot

from tests.fakes import FakeClock, FakeSpeaker
from tests.reliability.screens import NOW, OPENERS, Ids, settled, until
from tui.cli.launch import make_app


async def back_to_the_start(app, pilot) -> None:
    """Close what the last opener opened and go back to the home section."""
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()
    if app.current_mode != "home":
        await app.switch_mode("home")
    await settled(pilot)


async def visit(app, ids: Ids) -> list[str]:
    pilot = Pilot(app)
    await until(pilot, lambda: app.first_frame_shown, what="the first screen")
    failed = []
    for name, opener in OPENERS.items():
        try:
            await opener(app, pilot, ids)
            await settled(pilot)
            await pilot.pause(0.2)  # long enough for the screen to be drawn
            await back_to_the_start(app, pilot)
        except Exception:
            failed.append(f"{name}:\n{traceback.format_exc()}")
            break
    return failed


async def main(path: Path, ids: Ids) -> int:
    clock = FakeClock(NOW)
    app = make_app(path, prepare=False, speaker=FakeSpeaker(), now=clock.now, clock=clock)
    running = asyncio.create_task(app.run_async())
    try:
        with app._context():  # as in run_test: timers the openers start belong to the app
            failed = await visit(app, ids)
    finally:
        app.exit()
        await running
        app.ctx.close()
    for failure in failed:
        print(failure, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(Path(sys.argv[1]), Ids(**json.loads(sys.argv[2])))))
