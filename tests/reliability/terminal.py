"""The real program in a pseudo-terminal, its screen kept by a terminal emulator (pyte).

Tests type into it as a person would (keys through the terminal, never on a command line),
read what the screen shows, resize it, and kill it with SIGKILL.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Self

import pyte

from tests.conftest import ROOT

KEYS = {
    "enter": "\r", "escape": "\x1b", "tab": "\t", "space": " ", "backspace": "\x7f",
    "up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D",
    **{f"ctrl+{c}": chr(ord(c) - 96) for c in "abcdefghijklnopqrstuvwxyz"},
}


def app_env(**extra: str) -> dict[str, str]:
    """The environment for the real program: this checkout first on the path, a colour
    terminal, and the test's private XDG folders (set by conftest's autouse fixture)."""
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT),
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    env.update(extra)
    return env


def matchprep(*args: str, db: Path | None = None) -> list[str]:
    """The command line of `matchprep [--db DB] ARGS...`, run from this checkout."""
    return [sys.executable, "-m", "tui.cli", *(["--db", str(db)] if db else []), *args]


class Terminal:
    """A program running in a pseudo-terminal of `size` (columns, rows)."""

    def __init__(self, args: list[str], *, env: dict | None = None, size=(100, 30),
                 cwd: Path | str = ROOT, preexec: Callable[[], None] | None = None) -> None:
        self.size = size
        self.master, slave = pty.openpty()
        self._set_size(slave, size)
        self.screen = pyte.Screen(*size)
        self.stream = pyte.ByteStream(self.screen)
        self._lock = threading.Lock()
        self.raw = bytearray()
        self.process = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env or app_env(), cwd=cwd,
            start_new_session=True, close_fds=True, preexec_fn=preexec)  # noqa: PLW1509
        os.close(slave)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    @staticmethod
    def _set_size(fd: int, size: tuple[int, int]) -> None:
        cols, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.raw += chunk
                self.stream.feed(chunk)

    # What it shows ----------------------------------------------------------------------

    def display(self) -> str:
        """The screen as lines of text, as a person would see it now."""
        with self._lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def flat(self) -> str:
        """The screen's lines run together, so that text the terminal wrapped reads whole."""
        with self._lock:
            return "".join(self.screen.display)

    def wait_for(self, needle: str | Callable[[str], bool], timeout: float = 30) -> str:
        """Wait until the screen shows `needle` (or `needle(screen)` holds); the screen."""
        test = needle if callable(needle) else (
            lambda screen: needle in screen or needle in self.flat())
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.display()
            if test(screen):
                return screen
            if self.process.poll() is not None:
                self.reader.join(2)  # the last output may still be on its way: read it all
                screen = self.display()
                if test(screen):
                    return screen
                break
            time.sleep(0.05)  # the poll's interval
        state = "it ended" if self.process.poll() is not None else "it still runs"
        raise AssertionError(f"{needle!r} never appeared ({state}); the screen shows:\n"
                             f"{self.display()}\n--- the last output:\n"
                             f"{self.raw[-1500:].decode('utf-8', 'replace')}")

    def open_questions(self) -> str:
        """Press 2 and wait until the question list shows its first row. Home's next steps
        may name "Tell me about yourself" too, so the row is looked for below the list's
        search field, not anywhere on screen (an enter pressed on Home opens something else)."""
        self.type("2")
        self.wait_for("Search questions")
        return self.wait_for(lambda screen: "Tell me about yourself" in screen.split(
            "Search questions")[-1])

    # Acting on it -------------------------------------------------------------------------

    def type(self, text: str, *, per_key: float = 0.02) -> None:
        """Type `text` a character at a time, `per_key` seconds apart, as a person types."""
        for char in text:
            os.write(self.master, char.encode())
            time.sleep(per_key)  # the typist's pace: the scenario, not a wait

    def press(self, *keys: str, pause: float = 0.15) -> None:
        """Press `keys` one after another, `pause` seconds apart, as a person does (an escape
        sent hard on the heels of another key would read as alt+key)."""
        for key in keys:
            os.write(self.master, KEYS.get(key, key).encode())
            time.sleep(pause)  # between two key presses: the scenario, not a wait

    def resize(self, cols: int, rows: int) -> None:
        self._set_size(self.master, (cols, rows))
        with self._lock:
            self.screen.resize(rows, cols)
        self.size = (cols, rows)
        try:
            os.killpg(self.process.pid, signal.SIGWINCH)
        except ProcessLookupError:
            pass

    def pids(self) -> list[int]:
        """The program and every process it started, however deep (a helper may have a
        session of its own)."""
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
        found = [self.process.pid]
        for pid in found:
            found += [child for child, parent in parents.items() if parent == pid]
        return found

    def kill(self) -> None:
        """SIGKILL the program and everything in its session, as a crash or `kill -9` would
        (a helper in a session of its own is left to notice, as after a real crash)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        self.close_pty()

    def quit(self, timeout: float = 20) -> int:
        """Quit as a person does (ctrl+q) and wait for the program to end."""
        if self.process.poll() is None:
            self.press("ctrl+q")
        try:
            code = self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.kill()
            self.close_pty()
        return code

    def close_pty(self) -> None:
        try:
            os.close(self.master)
        except OSError:
            pass
        self.reader.join(2)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            self.kill()
        else:
            self.close_pty()
