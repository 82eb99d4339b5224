"""The database file deleted or replaced while the app runs.

The app used to go on saying "Saved" into a file nobody could open again: everything typed
afterwards was gone at quit. Now the writer notices before its next write (the file at the
path is not the one it opened), copies what is open into a recovery file beside it, goes on
there, and says so; a deleted database is put back at its path when the app quits.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.fakes import FakeClock
from tests.reliability.terminal import Terminal, matchprep
from tests.reliability.test_kill9 import open_editor, saved_texts
from tests.tui.answer_helpers import autosave, type_text
from tests.tui.answer_helpers import open_editor as open_editor_pilot
from tests.waiting import wait_until


def remove_database(path: Path) -> None:
    """As a person deleting it would: the file and whatever SQLite keeps beside it."""
    for side in ("", "-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)


def texts_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return ["".join(json.loads(row[0]).values())
                for row in conn.execute("select parts from answers")]
    finally:
        conn.close()


def recovered(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}-recovered-*.db"))


async def test_the_app_notices_a_deleted_database_and_keeps_what_is_typed(app_factory,
                                                                          db_path):
    clock = FakeClock()
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor_pilot(app, pilot, "why.why-radiology")
        await type_text(pilot, "Before.")
        await autosave(app, pilot, clock)
        remove_database(db_path)
        await type_text(pilot, " After the file went.")
        await autosave(app, pilot, clock)
        told = [str(n.message) for n in app._notifications]
        assert any(f"{db_path} was deleted" in m and "Nothing you typed is lost" in m
                   for m in told), told
        [recovery] = recovered(db_path)
        assert app.ctx.db_path == recovery  # what the screens read is what is written
    assert texts_in(recovery) == ["Before. After the file went."]


@pytest.mark.slow
def test_a_deleted_database_is_there_again_when_the_app_quits(db_path):
    with Terminal(matchprep(db=db_path)) as terminal:
        open_editor(terminal)
        terminal.type("Before it went. ")
        wait_until(lambda: saved_texts(db_path) == ["Before it went. "], what="the first save")
        remove_database(db_path)
        terminal.type("Typed after.")
        terminal.wait_for("The database file is gone")
        assert terminal.quit() == 0
        terminal.reader.join(5)
        said = bytes(terminal.raw).decode("utf-8", "replace")
    assert db_path.exists() and recovered(db_path) == []
    assert texts_in(db_path) == ["Before it went. Typed after."]
    assert "it is there again" in said


@pytest.mark.slow
def test_a_replaced_database_is_left_alone_and_the_recovery_named(db_path, tmp_path):
    other = tmp_path / "other.db"
    shutil.copyfile(db_path, other)
    with Terminal(matchprep(db=db_path)) as terminal:
        open_editor(terminal)
        terminal.type("Mine. ")
        wait_until(lambda: saved_texts(db_path) == ["Mine. "], what="the first save")
        remove_database(db_path)
        shutil.copyfile(other, db_path)  # someone puts another database in its place
        replacement = hashlib.sha256(db_path.read_bytes()).hexdigest()
        terminal.type("More of mine.")
        terminal.wait_for("The database file is gone")
        assert terminal.quit() == 0
        terminal.reader.join(5)
        said = "".join(bytes(terminal.raw).decode("utf-8", "replace").split())
    [recovery] = recovered(db_path)
    assert texts_in(recovery) == ["Mine. More of mine."]
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == replacement
    assert texts_in(db_path) == []
    assert "".join(str(recovery).split()) in said  # named when quitting
