"""Waiting for a condition, outside Pilot: another process, a thread, a file, a database.

(Pilot tests wait with `tests.tui.pilot_helpers.until`, which lets the app run meanwhile.)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(condition: Callable[[], T], *, timeout: float = 10.0, every: float = 0.02,
               what: str = "") -> T:
    """Poll `condition()` until it is truthy and return its value; after `timeout` seconds,
    fail saying `what` was waited for."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"waited {timeout:g} s for {what or 'a condition'}: "
                                 "it never held")
        time.sleep(every)  # the poll's interval, not a wait for something
