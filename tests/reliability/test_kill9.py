"""Point 1: `kill -9` of the real app in a pseudo-terminal, while typing, during a mock
session and during an import. On restart nothing the user saw saved is missing, at most
the last second of typing is lost, and SQLite's integrity check passes.

The text is typed through the terminal, as a person would; it never appears on a command
line.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import sys
import time

import pytest

from tests.reliability.terminal import Terminal, app_env, matchprep
from tests.waiting import wait_until

pytestmark = pytest.mark.slow

TYPED = "Night float, 3 a.m. [bold]zebra[/] 4471 kept \\ وَ é "


def integrity(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def query(path, sql: str, args=()) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def saved_texts(path) -> list[str]:
    """The exact text of each answer's parts, joined in order (the body is a tidied copy)."""
    return ["".join(json.loads(row[0]).values())
            for row in query(path, "select parts from answers")]


def open_editor(terminal: Terminal) -> None:
    terminal.wait_for("What to do next")
    terminal.open_questions()
    terminal.press("enter")
    terminal.wait_for("wpm")  # the editor's meter: the answer editor is open


def test_sigkill_while_typing_loses_at_most_the_last_second(db_path):
    """Keys go on arriving until the very moment of the kill."""
    words = ("Night float taught me [bold]triage[/] \\ at 3 a.m. 🩻 so I wrote every call "
             "down and checked it twice before handing over the pager ") * 3
    with Terminal(matchprep(db=db_path)) as terminal:
        open_editor(terminal)
        sent: list[float] = []
        for char in words:
            terminal.type(char, per_key=0.025)
            sent.append(time.monotonic())
            if len(sent) == 140:
                break
        killed_at = time.monotonic()
        assert terminal.process.poll() is None, "the app ended by itself"
        terminal.kill()
    assert terminal.process.returncode == -signal.SIGKILL
    assert integrity(db_path) == [("ok",)]
    bodies = saved_texts(db_path)
    assert len(bodies) == 1, "the answer was never saved"
    saved = bodies[0]
    typed = words[: len(sent)]
    assert typed.startswith(saved), "what was saved is not what was typed"
    kept_for_sure = sum(1 for t in sent if t <= killed_at - 1.0)
    assert len(saved) >= kept_for_sure, (
        f"{kept_for_sure - len(saved)} characters typed more than a second before the kill "
        f"were lost (saved {len(saved)} of {len(sent)})")


def test_sigkill_after_typing_keeps_every_character_and_the_saved_mark(db_path):
    """What the editor said was saved is in the database, character for character."""
    with Terminal(matchprep(db=db_path)) as terminal:
        open_editor(terminal)
        terminal.type(TYPED)
        # The status the user reads ("Saved 10:42:03"), once the last autosave is in.
        terminal.wait_for(lambda screen: "Saved " in screen and saved_texts(db_path) == [TYPED])
        assert terminal.process.poll() is None, "the app ended by itself"
        terminal.kill()
    assert integrity(db_path) == [("ok",)]
    assert saved_texts(db_path) == [TYPED]
    assert query(db_path, "select count(*) from answer_revisions")[0][0] >= 1


def test_sigkill_during_a_mock_session_keeps_the_answered_questions(db_path):
    args = matchprep("mock", "--format", "stress", "--questions", "4", "--no-speech",
                     db=db_path)
    with Terminal(args) as terminal:
        terminal.wait_for("question 1 of 4")
        time.sleep(1.2)  # the scenario: the user answers for over a second
        terminal.press("n")  # done with the first: it is recorded
        terminal.wait_for("question 2 of 4")
        terminal.press("s")  # skip the second
        terminal.wait_for("question 3 of 4")
        wait_until(lambda: len(query(db_path, "select 1 from mock_items where outcome in "
                                              "('answered', 'skipped')")) == 2,
                   what="the writer to record both questions")
        terminal.kill()
    assert integrity(db_path) == [("ok",)]
    sessions = query(db_path, "select id, format from mock_sessions")
    assert [s[1] for s in sessions] == ["stress"]
    items = query(db_path, "select position, outcome, speak_seconds from mock_items "
                           "where session_id = ? order by position", [sessions[0][0]])
    assert [(i[0], i[1]) for i in items[:2]] == [(0, "answered"), (1, "skipped")]
    assert items[0][2] >= 1.0

    # The app opens again on it, and the mock section lists the session.
    with Terminal(matchprep(db=db_path)) as terminal:
        terminal.wait_for("What to do next")
        terminal.type("6")
        terminal.wait_for("Stress round")
        assert terminal.quit() == 0
    assert integrity(db_path) == [("ok",)]


def _sabotaged(*args: str, db) -> list[str]:
    return [sys.executable, "-m", "tests.reliability.sabotage", "--db", str(db), *args]


def test_sigkill_during_a_command_line_import_changes_nothing(db_path, tmp_path):
    before = query(db_path, "select count(*) from questions")[0][0]
    pack = tmp_path / "pack.csv"
    pack.write_text("text,category\n" + "".join(f"Imported question {i}?,why\n"
                                                 for i in range(400)))
    env = app_env(MATCHPREP_TEST_KILL_AT="questions:250")
    with Terminal(_sabotaged("questions", "import", str(pack), db=db_path),
                  env=env) as terminal:
        terminal.process.wait(60)
    assert terminal.process.returncode == -signal.SIGKILL  # killed half-way, as planned
    assert integrity(db_path) == [("ok",)]
    assert query(db_path, "select count(*) from questions")[0][0] == before
    backups = list((db_path.parent / f"{db_path.name}-backups").glob("*pre-import.db"))
    assert len(backups) == 1 and integrity(backups[0]) == [("ok",)]


def test_sigkill_during_an_import_in_the_app_changes_nothing(db_path, tmp_path):
    sheet = tmp_path / "programs.csv"
    sheet.write_text("Program,City,State\n" + "".join(f"Program {i} Radiology,Omaha,NE\n"
                                                      for i in range(60)))
    env = app_env(MATCHPREP_TEST_KILL_AT="programs:30")
    args = [sys.executable, "-m", "tests.reliability.sabotage", "--db", str(db_path)]
    with Terminal(args, env=env) as terminal:
        terminal.wait_for("What to do next")
        terminal.type("5")
        terminal.wait_for("No programs yet")
        terminal.type("i")
        terminal.wait_for("Import programs from a spreadsheet")
        terminal.type(str(sheet), per_key=0.005)
        terminal.press("enter")
        terminal.process.wait(30)
    assert terminal.process.returncode == -signal.SIGKILL
    assert integrity(db_path) == [("ok",)]
    assert query(db_path, "select count(*) from programs")[0][0] == 0

    # Opened again, the app works on it and the same import now goes through whole.
    with Terminal(matchprep("programs", "import", str(sheet), db=db_path)) as terminal:
        assert terminal.process.wait(60) == 0
    assert query(db_path, "select count(*) from programs")[0][0] == 60
