"""Doing something once changes stop coming (a key at a time), at a cost per change of a
clock reading: the timer is made once per wait, not stopped and made again at every key
(`WhenQuiet`); and drawing what follows typing with a key or between keys, not just before
one (`BetweenKeys`)."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer


class WhenQuiet:
    """Call `action` on `node`'s loop once no `touch` came for `quiet` seconds, or (with
    `at_most`) that long after the first change it has not acted on, if changes keep coming.
    It keeps the real time, as Textual's timers do (not the app's clock, which tests hold
    still)."""

    def __init__(self, node: MessagePump, action: Callable[[], object], quiet: float,
                 at_most: float | None = None) -> None:
        self.node = node
        self.action = action
        self.quiet = quiet
        self.at_most = at_most
        self.first = self.last = 0.0
        self.pending = False
        self.timer: Timer | None = None

    def touch(self) -> None:
        """Something changed."""
        now = time.monotonic()
        if not self.pending:
            self.pending = True
            self.first = now
        self.last = now
        if self.timer is None:
            self.timer = self.node.set_timer(self.quiet, self._check)

    def due_in(self, now: float) -> float:
        due = self.last + self.quiet
        if self.at_most is not None:
            due = min(due, self.first + self.at_most)
        return due - now

    def _check(self) -> None:
        self.timer = None
        if not self.pending:
            return
        wait = self.due_in(time.monotonic())
        if wait > 0.001:  # a change came meanwhile: wait for the rest
            self.timer = self.node.set_timer(wait, self._check)
            return
        self.now()

    def now(self) -> None:
        """Act now (whether or not anything changed), and forget what was waiting."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.pending = False
        self.action()


class BetweenKeys:
    """What a screen redraws while the user types (a length meter, a save line), drawn in
    the frame of the next key, or once no key came for `pause` seconds: never in a frame of
    its own while typing goes on.

    Textual draws a screen at most once a frame slot (1/60 s) and, after a frame drawn
    when it was idle, not before the slot after next: a line redrawn by itself (on a timer,
    at any moment between two keys) up to 33 ms before a key held that key's character back
    until the slot after, which is what a steady typist's slowest keys were. The widget
    that edits calls `key()` as a key changes the text (before the key's frame is drawn);
    the rest hand `draw` what to call."""

    def __init__(self, node: MessagePump, pause: float) -> None:
        self.node = node
        self.pause = pause
        self.last_key = float("-inf")
        self.pending: dict[str, Callable[[], object]] = {}
        self.timer: Timer | None = None

    def key(self) -> None:
        """A key changed the text, and its frame is on its way: draw what waits in it."""
        self.last_key = time.monotonic()
        if self.pending:
            self.flush()

    def draw(self, what: str, call: Callable[[], object]) -> None:
        """Call `call` (which redraws `what`) now if no key came for `pause` seconds, else
        with the next key or once typing pauses; a later `draw` of the same `what` replaces
        one still waiting."""
        self.pending[what] = call
        if self.timer is None:
            self._check()

    def _check(self) -> None:
        self.timer = None
        if not self.pending:
            return
        wait = self.last_key + self.pause - time.monotonic()
        if wait > 0.001 and self.node.is_running:
            self.timer = self.node.set_timer(wait, self._check)
            return
        self.flush()

    def flush(self) -> None:
        """Draw everything waiting, now."""
        pending, self.pending = self.pending, {}
        for call in pending.values():
            call()
