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
    (a newer result replacing one held) and hands it over at `mounted()`.

    A screen gives its read's results to `deliver` (from the worker, through
    `call_from_thread`) and calls `mounted()` once the widgets `show` fills are mounted."""

    def __init__(self, show: Callable[P, None]) -> None:
        self.show = show
        self.ready = False
        self.held: tuple[tuple, dict] | None = None

    def deliver(self, *args: P.args, **kwargs: P.kwargs) -> None:
        if self.ready:
            self.show(*args, **kwargs)
        else:
            self.held = (args, kwargs)

    def mounted(self) -> None:
        self.ready = True
        if self.held is not None:
            (args, kwargs), self.held = self.held, None
            self.show(*args, **kwargs)
