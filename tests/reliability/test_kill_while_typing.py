"""The real program in a pseudo-terminal: type into an answer, SIGKILL it, find the text.

The text is typed through the terminal, as a person would; it never appears on a command
line. After the kill the database must hold what was typed up to about a second before,
and pass SQLite's integrity check.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time

import pytest

from tests.conftest import ROOT

TYPED = "Night float, 3 a.m. [bold]zebra[/] 4471 kept"


class Terminal:
    """A program running in a pseudo-terminal, its output collected by a thread."""

    def __init__(self, args: list[str], env: dict, size=(100, 30)) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        cwd=ROOT, start_new_session=True, close_fds=True)
        os.close(slave)
        self.output = bytearray()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def text(self) -> str:
        """The output with escape sequences taken out (good enough to look for words)."""
        raw = self.output.decode("utf-8", "replace")
        return re.sub(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]", "", raw)

    def wait_for(self, needle: str, timeout: float = 30) -> None:
        start = len(self.text())
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text()[max(0, start - 2000):]:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared; the screen ended with:\n"
                             f"{self.text()[-1500:]}")

    def type(self, text: str, *, per_key: float = 0.02) -> None:
        for char in text:
            os.write(self.master, char.encode())
            time.sleep(per_key)

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        os.close(self.master)


@pytest.mark.slow
def test_sigkill_after_typing_keeps_the_text_and_the_database_whole(db_path):
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT), "COLUMNS": "100",
           "LINES": "30"}
    terminal = Terminal([sys.executable, "-m", "tui.cli", "--db", str(db_path)], env)
    try:
        terminal.wait_for("What to do next")
        terminal.type("2")
        terminal.wait_for("Tell me about yourself")  # the first rows are on screen
        terminal.type("\r")
        terminal.wait_for("wpm")  # the editor's meter: the answer editor is open
        terminal.type(TYPED)
        time.sleep(1.5)
        assert terminal.process.poll() is None, "the app ended by itself"
    finally:
        terminal.kill()
    assert terminal.process.returncode == -signal.SIGKILL
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        bodies = [row[0] for row in conn.execute("select body from answers")]
        revisions = conn.execute("select count(*) from answer_revisions").fetchone()[0]
    finally:
        conn.close()
    assert bodies == [TYPED]
    assert revisions >= 1
