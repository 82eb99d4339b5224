"""SIGTERM and SIGHUP (`kill`, a logout, a closed terminal window) end matchprep as ctrl+q
does: what was typed is saved, the terminal is given back as it was, temporary files go.

Outside the app a signal raises SystemExit, so that `finally` blocks run (the demo's
throwaway folder is removed). While the app runs, it asks the app to quit (once); a
signal that follows while the saves are written is ignored, so that they are not cut short.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

ENDING = (signal.SIGTERM, signal.SIGHUP)


class Quits(Protocol):
    def quit_for_signal(self, signum: int) -> None: ...


def _raise_exit(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def end_cleanly_on_signals() -> None:
    """For the whole process: a signal unwinds it (SystemExit) rather than killing it."""
    for sig in ENDING:
        signal.signal(sig, _raise_exit)


@contextmanager
def quit_app_on_signals(app: Quits) -> Iterator[None]:
    """While the block runs (the app, then its last saves), a signal asks `app` to quit."""

    def handler(signum: int, frame: Any) -> None:
        app.quit_for_signal(signum)

    previous = {sig: signal.signal(sig, handler) for sig in ENDING}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
