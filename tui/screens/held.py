"""A read that may come back before the widgets it fills exist.

A section starts its first read as its screen is composed, in a thread (the first open waits
for the read longest), so the result can reach the event loop before the screen's widgets
are mounted. Handed to them then, it would fail (they cannot be queried yet) or be laid out
wrong; dropped, the list would stay empty."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")


class HeldUntilMounted(Generic[P]):
    """Hands each result to `show`: at once once `mounted()` has been called, else holds it
    and hands over every one held, in the order they came, at `mounted()`.

    A screen gives its read's results to `deliver` (from the worker, through
    `call_from_thread`) and calls `mounted()` once the widgets `show` fills are mounted.
    `show` drops a result older than one it has shown (each screen numbers its reads): all
    are handed over, as they would have been once mounted, so that an older read finishing
    after a newer one never stands in for it."""

    def __init__(self, show: Callable[P, None]) -> None:
        self.show = show
        self.ready = False
        self.held: list[tuple[tuple, dict]] = []

    def deliver(self, *args: P.args, **kwargs: P.kwargs) -> None:
        if self.ready:
            self.show(*args, **kwargs)
        else:
            self.held.append((args, kwargs))

    def mounted(self) -> None:
        self.ready = True
        held, self.held = self.held, []
        for args, kwargs in held:
            self.show(*args, **kwargs)
