"""Point 11: backups. Automatic ones before a migration (see test_upgrade), an import and
a restore; rotated (the last 10 kept); each passes SQLite's integrity check and holds the
database as it was just before; a backup taken while another copy writes restores exactly.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest

from tests.reliability.terminal import Terminal, app_env, matchprep
from tests.reliability.test_kill9 import open_editor
from tui.store.backup import KEEP, BackupError, automatic_backup, dump_json, list_backups, restore
from tui.store.database import connect
from tui.store.paths import backups_dir


def cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(matchprep(*args, db=db), capture_output=True, check=False, text=True,
                          env=app_env(), cwd=db.parent, timeout=120)


def tables(path: Path) -> dict:
    db = connect(path)
    try:
        return dump_json(db)["tables"]
    finally:
        db.close()


def integrity(path: Path) -> list:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def newest(path: Path, reason: str) -> Path:
    return [p for p in list_backups(backups_dir(path)) if p.stem.endswith(reason)][-1]


def test_imports_and_restores_are_preceded_by_a_checked_backup_of_the_state_before(
        db_path, tmp_path):
    pack = tmp_path / "pack.csv"
    pack.write_text("text,category\nMy own [first] question?,why\n")
    before_import = tables(db_path)
    assert cli("questions", "import", str(pack), db=db_path).returncode == 0
    saved = newest(db_path, "pre-import")
    assert integrity(saved) == [("ok",)] and tables(saved) == before_import

    sheet = tmp_path / "programs.csv"
    sheet.write_text("Program,City\nLakeshore Radiology,Chicago\n")
    before_programs = tables(db_path)
    assert cli("programs", "import", str(sheet), db=db_path).returncode == 0
    saved = newest(db_path, "pre-import")
    assert integrity(saved) == [("ok",)] and tables(saved) == before_programs

    old = tmp_path / "old.json"
    assert cli("backup", "-o", str(old), db=db_path).returncode == 0
    (tmp_path / "more.csv").write_text("text,category\nAnother one?,ethics\n")
    assert cli("questions", "import", str(tmp_path / "more.csv"), db=db_path).returncode == 0
    before_restore = tables(db_path)
    restored = cli("restore", str(old), db=db_path)
    assert restored.returncode == 0, restored.stderr
    saved = newest(db_path, "pre-restore")
    assert integrity(saved) == [("ok",)] and tables(saved) == before_restore
    assert tables(db_path) == json.loads(old.read_text())["tables"]  # exactly the backup


async def test_an_import_in_the_app_is_preceded_by_a_backup(app_factory, db_path, tmp_path):
    from tests.reliability.screens import submit_path, until

    sheet = tmp_path / "programs.csv"
    sheet.write_text("Program,City\nBay Imaging,Oakland\n")
    before = tables(db_path)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_path(app, pilot, "i", "ImportDialog", sheet)
        await until(pilot, lambda: type(app.screen).__name__ != "ImportDialog")
    saved = newest(db_path, "pre-import")
    assert integrity(saved) == [("ok",)] and tables(saved) == before


def test_automatic_backups_are_rotated_keeping_the_last_ten(db_path, tmp_path):
    manual = cli("backup", db=db_path)
    assert manual.returncode == 0
    made = []
    for i in range(KEEP + 3):
        db = connect(db_path)
        db["settings"].upsert({"key": "marker", "value": str(i)}, pk="key")
        db.close()
        made.append(automatic_backup(db_path, "pre-import"))
    kept = [p for p in list_backups(backups_dir(db_path)) if "pre-import" in p.name]
    assert kept == made[-KEEP:]
    assert all(integrity(p) == [("ok",)] for p in kept)
    markers = [next(r["value"] for r in tables(p)["settings"] if r["key"] == "marker")
               for p in kept]
    assert markers == [str(i) for i in range(3, KEEP + 3)]  # the newest, in order
    assert any(p.stem.endswith("-manual") for p in list_backups(backups_dir(db_path)))


def test_a_backup_that_cannot_be_made_whole_leaves_nothing_and_blocks_the_import(
        db_path, tmp_path):
    damaged = tmp_path / "damaged.db"
    data = bytearray(db_path.read_bytes())
    data[4096 * 2: 4096 * 6] = bytes(4096 * 4)  # pages of the bank zeroed
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        automatic_backup(damaged, "pre-import")
    assert list_backups(backups_dir(damaged)) == []
    assert not [p for p in backups_dir(damaged).glob("*")] if backups_dir(damaged).exists() \
        else True
    pack = tmp_path / "pack.csv"
    pack.write_text("text,category\nA question?,why\n")
    result = cli("questions", "import", str(pack), db=damaged)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert damaged.read_bytes() == bytes(data)


@pytest.mark.slow
def test_a_backup_taken_while_the_app_writes_restores_exactly(db_path, tmp_path):
    """The real app types into an answer while `matchprep backup` copies the database."""
    typed = "Every word of this answer is typed while a backup is taken [ok] \\ " * 4
    with Terminal(matchprep(db=db_path)) as terminal:
        open_editor(terminal)
        typist = threading.Thread(target=terminal.type, args=(typed,), kwargs={"per_key": 0.01})
        typist.start()
        terminal.wait_for("Saved ")  # the autosaves are under way
        copies = [tmp_path / "during.db", tmp_path / "during.json"]
        results = [cli("backup", "-o", str(copy), db=db_path) for copy in copies]
        typist.join()
        assert terminal.quit() == 0
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert integrity(copies[0]) == [("ok",)]
    for copy in copies:
        snapshot = tables(copy) if copy.suffix == ".db" else json.loads(copy.read_text())["tables"]
        [answer] = snapshot["answers"]
        text = "".join(json.loads(answer["parts"]).values())
        assert typed.startswith(text) and 0 < len(text) < len(typed)  # caught mid-typing
        target = tmp_path / f"restored-{copy.suffix[1:]}.db"
        restore(target, copy)
        assert tables(target) == snapshot, f"{copy.name} did not restore exactly"
        assert integrity(target) == [("ok",)]


async def test_an_import_whose_backup_cannot_be_made_says_so_and_imports_nothing(
        app_factory, db_path, tmp_path, monkeypatch):
    """No room for the backup taken before an import: the dialog says so (it used to stay
    on "Importing…" for ever) and nothing is imported."""
    import tui.screens.dialogs.transfer
    from tests.reliability.screens import submit_path, until

    def no_room(path, reason):
        raise BackupError(f"{path} could not be read for a backup (database or disk is full).")

    monkeypatch.setattr(tui.screens.dialogs.transfer, "automatic_backup", no_room)
    sheet = tmp_path / "programs.csv"
    sheet.write_text("Program,City\nBay Imaging,Oakland\n")
    before = tables(db_path)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_path(app, pilot, "i", "ImportDialog", sheet)
        await until(pilot, lambda: "disk is full" in str(
            app.screen.query_one("#dialog-error").render()))
    assert tables(db_path) == before


def marked(path: Path, mark: str) -> Path:
    """A database whose settings hold `mark`, so that its backups can be told apart."""
    from tui.cli.launch import prepare_database
    from tui.store.settings import set_setting

    prepare_database(path)
    db = connect(path)
    try:
        set_setting(db, "mark", mark)
        db.conn.commit()
    finally:
        db.close()
    return path


def mark_of(backup: Path) -> str:
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return conn.execute("select value from settings where key = 'mark'").fetchone()[0]
    finally:
        conn.close()


def test_two_databases_of_one_name_keep_their_own_backups(tmp_path):
    """`a.db` and `a.sqlite` used to share `a-backups/`, and rotating the backups of one
    deleted the other's."""
    first, second = marked(tmp_path / "a.db", "first"), marked(tmp_path / "a.sqlite", "second")
    for _ in range(3):
        automatic_backup(second, "pre-import")
    for _ in range(KEEP + 2):
        automatic_backup(first, "pre-import")
    of_second = [p for p in tmp_path.rglob("*.db") if p.parent != tmp_path
                 and mark_of(p) == "second"]
    assert len(of_second) == 3  # the rotation of a.db's backups left them alone
    assert backups_dir(first) != backups_dir(second)
    assert {mark_of(p) for p in list_backups(backups_dir(first))} == {"first"}
    assert len(list_backups(backups_dir(first))) == KEEP


def test_the_backups_of_an_earlier_version_move_to_the_new_folder_whole(tmp_path, run_cli):
    path = marked(tmp_path / "matchprep.db", "mine")
    for _ in range(KEEP):
        automatic_backup(path, "pre-import")
    old = backups_dir(path).rename(tmp_path / "matchprep-backups")  # as an earlier one kept them
    (old / "matchprep-20250101-000000-000000-manual.db").write_bytes(
        list_backups(old)[0].read_bytes())
    names = sorted(p.name for p in old.iterdir())
    assert run_cli("questions", "list", db=path).returncode == 0  # any start of matchprep
    assert not old.exists()
    assert backups_dir(path) == tmp_path / "matchprep.db-backups"
    assert sorted(p.name for p in backups_dir(path).iterdir()) == names


def test_backups_an_earlier_version_shared_between_two_databases_are_left_whole(tmp_path,
                                                                                run_cli):
    first, second = marked(tmp_path / "a.db", "first"), marked(tmp_path / "a.sqlite", "second")
    old = tmp_path / "a-backups"  # both kept theirs here
    old.mkdir(mode=0o700)
    for path in (first, second):
        for _ in range(6):
            automatic_backup(path, "pre-import")
        for backup in list_backups(backups_dir(path)):
            backup.rename(old / f"{backup.stem}-{path.suffix[1:]}.db")
        backups_dir(path).rmdir()
    before = sorted(p.name for p in old.iterdir())
    for _ in range(KEEP + 1):
        assert run_cli("backup", db=first).returncode == 0
        automatic_backup(first, "pre-import")
    assert sorted(p.name for p in old.iterdir()) == before  # whose is whose? never rotated
    # Its own folder: every manual backup, the newest KEEP automatic ones.
    assert len(list_backups(backups_dir(first))) == (KEEP + 1) + KEEP
    doctor = run_cli("doctor", db=first)
    assert f"{len(before)} in {old}" in doctor.stdout and "a.sqlite" in doctor.stdout
