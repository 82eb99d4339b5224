"""Waiting on the app as a user waits on it, and reading what a widget shows."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.worker import WorkerCancelled


async def until(pilot, condition, tries: int = 150, what: str = "") -> None:
    """Let the app work (workers, timers, the writer) until `condition()` holds; fail,
    saying `what` was waited for, after `tries` rounds (3 s and more). A widget the
    condition queries that is not mounted yet counts as "not yet"."""
    for _ in range(tries):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one
            pass
        await pilot.pause(0.02)  # one round of the app's loop: timers and messages run
        try:
            if condition():
                return
        except NoMatches:  # what the condition looks at is not mounted yet
            continue
    assert condition(), f"waited {tries} rounds for {what or 'a condition'}: it never held"


def shown(app, selector: str) -> str:
    """What the widget at `selector` on the current screen shows."""
    return str(app.screen.query_one(selector).render())


async def from_palette(pilot, search: str, pick: str) -> None:
    """Open the command palette, type `search`, wait until the highlighted command reads
    `pick` (the search runs in a worker, a keystroke at a time), and run it."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette),
                what="the command palette")
    await pilot.press(*[{" ": "space"}.get(c, c) for c in search])

    def offered() -> bool:
        commands = pilot.app.screen.query_one(CommandList)
        if commands.highlighted is None:
            return False
        prompt = commands.get_option_at_index(commands.highlighted).prompt
        return pick.lower() in str(getattr(prompt, "plain", prompt)).lower()

    await until(pilot, offered, what=f"the palette to offer {pick!r} for {search!r}")
    await pilot.press("enter")
