"""When to save what the user types: soon after they stop, and often while they go on.

`Autosave` only keeps time; the editor asks `due(now)` on a short timer and submits the
text to the writer when it says so. With the defaults, text reaches the writer at most
`IDLE` seconds (plus one tick) after the last keystroke, and at least every `MAX_WAIT`
seconds (plus one tick) during continuous typing, so a crash loses under a second.
"""

from __future__ import annotations

from dataclasses import dataclass

TICK = 0.2  # how often the editor asks
IDLE = 0.4  # save this long after the last change
MAX_WAIT = 0.7  # ... or this long after the first unsaved change, whichever comes first


@dataclass
class Autosave:
    idle: float = IDLE
    max_wait: float = MAX_WAIT
    dirty: bool = False
    first_change: float = 0.0
    last_change: float = 0.0

    def touch(self, now: float) -> None:
        """Something changed at `now`."""
        if not self.dirty:
            self.dirty = True
            self.first_change = now
        self.last_change = now

    def due(self, now: float) -> bool:
        return self.dirty and (now - self.last_change >= self.idle
                               or now - self.first_change >= self.max_wait)

    def saved(self) -> None:
        """What was typed so far has been handed to the writer."""
        self.dirty = False
