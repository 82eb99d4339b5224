"""Waiting on the app as a user waits on it, and reading what a widget shows."""

from __future__ import annotations

from textual.worker import WorkerCancelled


async def until(pilot, condition, tries: int = 150) -> None:
    """Let the app work (workers, timers, the writer) until `condition()` holds."""
    for _ in range(tries):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one
            pass
        await pilot.pause(0.02)
        if condition():
            return
    assert condition()


def shown(app, selector: str) -> str:
    """What the widget at `selector` on the current screen shows."""
    return str(app.screen.query_one(selector).render())
