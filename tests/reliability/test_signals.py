"""SIGTERM and SIGHUP end matchprep as ctrl+q does.

SIGTERM is what `kill`, a logout or a system shutting down sends; SIGHUP what a terminal
window that closes sends. Either way the text typed a moment before is saved, the terminal
is given back as it was (the alternate screen left, mouse reporting off), and the demo's
throwaway database is deleted.
"""

from __future__ import annotations

import os
import signal

import pytest

from tests.reliability.terminal import Terminal, app_env, matchprep
from tests.reliability.test_kill9 import open_editor, saved_texts
from tests.waiting import wait_until

TYPED = "Typed just before the signal [kept] \\ "
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"

pytestmark = pytest.mark.slow


def typed_then(terminal: Terminal, sig: signal.Signals) -> int:
    """Type TYPED, send `sig` as soon as the app has it on screen (well within the autosave's
    delay, on a machine that is not overloaded), wait for the end. Keys still in the
    terminal's buffer when a signal comes are not the app's to save."""
    terminal.type(TYPED, per_key=0.01)
    terminal.wait_for(TYPED.rstrip())
    os.kill(terminal.process.pid, sig)
    return terminal.process.wait(30)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_saves_what_was_just_typed_and_gives_the_terminal_back(db_path, sig):
    with Terminal(matchprep(db=db_path)) as terminal:
        open_editor(terminal)
        before = len(terminal.raw)
        code = typed_then(terminal, sig)
        terminal.reader.join(5)
        after = bytes(terminal.raw[before:])
    assert code == 0
    assert saved_texts(db_path) == [TYPED]
    assert LEAVE_ALTERNATE_SCREEN in after and MOUSE_OFF in after


def test_a_terminal_window_closed_while_typing_loses_nothing(db_path):
    """The window goes first (the terminal's end of the pseudo-terminal closes), then the
    hang-up comes: matchprep can no longer draw, and still saves and ends."""
    with Terminal(matchprep(db=db_path)) as terminal:
        open_editor(terminal)
        terminal.type(TYPED, per_key=0.01)
        terminal.close_pty()
        os.kill(terminal.process.pid, signal.SIGHUP)
        code = terminal.process.wait(30)
    assert code == 0
    assert saved_texts(db_path) == [TYPED]


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_the_demo_database_is_deleted_on_a_signal(tmp_path, sig):
    env = app_env(TMPDIR=str(tmp_path))
    with Terminal(matchprep("demo"), env=env) as terminal:
        terminal.wait_for("What to do next")
        [folder] = [p for p in tmp_path.iterdir() if p.name.startswith("matchprep-demo-")]
        assert (folder / "demo.db").exists()
        before = len(terminal.raw)
        os.kill(terminal.process.pid, sig)
        code = terminal.process.wait(30)
        terminal.reader.join(5)
        said = bytes(terminal.raw[before:]).decode(errors="replace")
    assert code == 0, f"exit {code}; the terminal after the signal: {said[-2000:]!r}"
    wait_until(lambda: not folder.exists(), what="the demo's folder to be deleted")
