"""Doing something once changes stop coming (a key at a time), at a cost per change of a
clock reading: the timer is made once per wait, not stopped and made again at every key."""

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
