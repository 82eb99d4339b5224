"""Run a program in a pseudo-terminal and time how long until a text appears on screen."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Callable

_ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def time_until(argv: list[str], marker: str, *, env: dict | None = None,
               size: tuple[int, int] = (100, 30), timeout: float = 30.0,
               before_kill: Callable[[], None] | None = None) -> float:
    """Seconds from fork to `marker` showing in the program's terminal output; then kill it
    (once `before_kill()` returns, if given)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, {**os.environ, **(env or {}), "TERM": "xterm-256color"})
    cols, rows = size
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    wanted = marker.encode()
    seen = b""
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{marker!r} did not appear within {timeout} s")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"the program ended before showing {marker!r}") from None
            seen += chunk
            # Cursor moves split words apart on screen; compare the text with escapes removed.
            if wanted in _ANSI.sub(b"", seen).replace(b" ", b"") or wanted in seen:
                took = time.perf_counter() - start
                if before_kill is not None:
                    before_kill()
                return took
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
