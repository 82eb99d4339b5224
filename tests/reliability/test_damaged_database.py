"""Point 3: a damaged database (truncated, random bytes, a text file, a folder, a read-only
file, a full disk simulated by a tiny file-size limit). The user gets one clear sentence
and a way out, never a traceback, and the original file is left as it was.
"""

from __future__ import annotations

import hashlib
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from question_bank.questions import add_question
from tests.conftest import BOTH_WAYS
from tests.reliability.terminal import Terminal, app_env, matchprep


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str, db: Path, preexec=None, cwd=None, timeout: float = 60):
    """The real command line (like conftest's run_cli), optionally with a limit planted."""
    return subprocess.run(matchprep(*args, db=db), capture_output=True, check=False, text=True,
                          env=app_env(), cwd=cwd or db.parent, preexec_fn=preexec,
                          timeout=timeout)


run_in_a_process = run  # (a test that runs its commands either way names its own `run`)


def says_what_to_do(result, path: Path) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr.split("(")[0]
    message = result.stderr.strip()
    assert message.startswith("matchprep: ") and str(path) in message, message
    return message


def truncated(good: bytes, page: int) -> bytes:
    return good[: len(good) // 2]


def torn_page(good: bytes, page: int) -> bytes:
    """The answers' page overwritten with noise, as a failing disk might leave it: the
    file opens, the question bank reads fine, and the damage shows only when answers are
    read."""
    data = bytearray(good)
    size = int.from_bytes(good[16:18], "big")
    data[(page - 1) * size: page * size] = random.Random(7).randbytes(size)
    return bytes(data)


DAMAGES = {
    "truncated": truncated,
    "torn page": torn_page,
    "random bytes": lambda good, page: random.Random(1).randbytes(50_000),
    "sqlite header then noise": lambda good, page: good[:100] + random.Random(2).randbytes(30_000),
    "a text file": lambda good, page: b"My personal statement, draft 3.\n" * 300,
}
# Commands that cannot help reading what the damage hit (the others may still work).
MUST_FAIL = {"torn page": [["answers", "export"]]}
COMMANDS = [["questions", "list"], ["answers", "export"], ["programs", "list"]]


@pytest.fixture
def good_db(db_path, db):
    from question_bank.answers import save_answer

    add_question(db, text="Mine: why [this] program? \U0001fa7b", category="why")
    save_answer(db, None, question_id="why.why-radiology", structure="outline",
                parts={"outline": "Because of one night in the reading room."})
    db.close()
    return db_path


def damaged(good_db: Path, damage: str) -> bytes:
    conn = sqlite3.connect(good_db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("select rootpage from sqlite_master where name = 'answers'"
                            ).fetchone()[0]
    finally:
        conn.close()
    return DAMAGES[damage](good_db.read_bytes(), page)


# The damage whose commands the fast run also runs in processes of their own (the others, in
# the test's process: conftest's BOTH_WAYS).
IN_A_PROCESS_TOO = "torn page"


def damages_each_way() -> list:
    ways = []
    for damage in DAMAGES:
        for way in BOTH_WAYS:
            own_process = way.values[0]
            marks = () if own_process and damage == IN_A_PROCESS_TOO else way.marks
            ways.append(pytest.param(damage, own_process, marks=marks, id=f"{damage}-{way.id}"))
    return ways


@pytest.mark.parametrize(("damage", "own_process"), damages_each_way())
def test_a_damaged_file_gets_a_sentence_a_way_out_and_is_left_alone(good_db, tmp_path, damage,
                                                                    own_process, run_cli):
    def run(*args: str, db: Path):
        if own_process:
            return run_in_a_process(*args, db=db)
        return run_cli("--db", str(db), *args)

    backup = tmp_path / "good-backup.db"
    assert run("backup", "-o", str(backup), db=good_db).returncode == 0
    path = tmp_path / "damaged.db"
    path.write_bytes(damaged(good_db, damage))
    os.chmod(path, 0o600)
    before = digest(path)

    for command in COMMANDS:
        result = run(*command, db=path)
        if result.returncode == 0 and command not in MUST_FAIL.get(damage, COMMANDS):
            continue
        message = says_what_to_do(result, path)
        assert "doctor" in message and "restore" in message
    assert digest(path) == before

    doctor = run("doctor", db=path)
    assert doctor.returncode == 1 and "!! integrity" in doctor.stdout
    assert "Traceback" not in doctor.stdout + doctor.stderr
    assert digest(path) == before

    # The way out the sentence names: restore a backup over it. The damaged file is kept.
    restored = run("restore", str(backup), db=path)
    assert restored.returncode == 0, restored.stderr
    assert "Traceback" not in restored.stderr
    kept = list((tmp_path / "damaged.db-backups").iterdir())
    assert any(p.read_bytes() == damaged(good_db, damage) for p in kept), kept
    listed = run("questions", "list", "--search", "mine", db=path)
    assert listed.returncode == 0 and "Mine: why [this] program?" in listed.stdout


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncated", "a text file"])
def test_opening_the_app_on_a_damaged_file_prints_a_sentence(good_db, tmp_path, damage):
    path = tmp_path / "damaged.db"
    path.write_bytes(damaged(good_db, damage))
    before = digest(path)
    with Terminal(matchprep(db=path)) as terminal:
        assert terminal.process.wait(30) == 1
        screen = terminal.wait_for("restore")
    assert f"matchprep: {path}" in screen.replace("\n", "") or str(path) in screen
    assert "Traceback" not in screen and "doctor" in screen
    assert digest(path) == before


def test_a_folder_is_named_as_a_folder(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    message = says_what_to_do(run("questions", "list", db=folder), folder)
    assert "is a folder" in message
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


# A read-only file ------------------------------------------------------------------------

def _read_only(path: Path) -> None:
    """Make `path` read-only even for root (file modes do not bind root: `chattr +i` does)."""
    if os.geteuid() != 0:
        os.chmod(path, 0o500 if path.is_dir() else 0o400)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False) \
        if shutil.which("chattr") else None
    if done is None or done.returncode != 0:
        pytest.skip("running as root where `chattr +i` is not possible: no file is read-only")


def _writable(path: Path) -> None:
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    os.chmod(path, 0o700 if path.is_dir() else 0o600)


@pytest.mark.parametrize("folder_too", [False, True], ids=["file", "file-and-folder"])
def test_a_read_only_database_is_said_to_be_read_only_and_kept(good_db, tmp_path, folder_too):
    home = tmp_path / "home"
    home.mkdir()
    path = home / "matchprep.db"
    conn = sqlite3.connect(good_db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(good_db, path)
    before = digest(path)
    locked = [path, home] if folder_too else [path]
    pack = tmp_path / "pack.csv"
    pack.write_text("text,category\nA new one?,why\n")
    try:
        for target in locked:
            _read_only(target)
        # Reading still works, or is refused in a sentence that says why.
        listed = run("questions", "list", "--search", "mine", db=path, cwd=tmp_path)
        if listed.returncode == 0:
            assert "Mine: why [this] program?" in listed.stdout
        else:
            assert "read-only" in says_what_to_do(listed, path)
        # Writing is refused in a sentence that says why.
        imported = run("questions", "import", str(pack), db=path, cwd=tmp_path)
        message = says_what_to_do(imported, path)
        assert "read-only" in message, message
        assert "Nothing was changed" in message
        # The app itself says so before the first screen.
        with Terminal(matchprep(db=path), cwd=tmp_path) as terminal:
            terminal.process.wait(30)
            screen = terminal.wait_for("read-only")
        assert terminal.process.returncode == 1 and "Traceback" not in screen
    finally:
        for target in reversed(locked):
            _writable(target)
    assert digest(path) == before


# A full disk, simulated by a limit on the size of any file the process writes ------------

def _file_size_limit(limit: int):
    def plant():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return plant


def test_a_full_disk_during_an_import_changes_nothing(good_db, tmp_path):
    pack = tmp_path / "pack.csv"
    pack.write_text("text,category,guidance\n" + "".join(
        f"Question {i} about a long rotation?,why,{'Guidance ' * 60}\n" for i in range(3000)))
    before = good_db.read_bytes()
    size = len(before)
    result = run("questions", "import", str(pack), db=good_db,
                 preexec=_file_size_limit(size + 64 * 1024))
    message = says_what_to_do(result, good_db)
    assert "full" in message, message
    conn = sqlite3.connect(good_db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("select count(*) from questions where text like 'Question % about%'"
                            ).fetchone() == (0,)
    finally:
        conn.close()


def test_a_full_disk_during_a_backup_leaves_no_half_copy(good_db, tmp_path):
    target = tmp_path / "out" / "copy.db"
    result = run("backup", "-o", str(target), db=good_db, preexec=_file_size_limit(8192))
    message = says_what_to_do(result, good_db)
    assert "full" in message or "space" in message, message
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir()] == [] if target.parent.exists() else True


def test_a_full_disk_on_a_new_database_is_a_sentence(tmp_path):
    path = tmp_path / "new" / "matchprep.db"
    result = run("questions", "list", db=path, preexec=_file_size_limit(4096), cwd=tmp_path)
    message = says_what_to_do(result, path)
    assert "full" in message, message


# The disk fills while the app runs ------------------------------------------------------

@pytest.mark.slow
def test_a_disk_that_fills_while_typing_is_said_and_nothing_is_lost(good_db):
    """The app keeps running, says it cannot save, and saves everything once there is room."""
    from tests.reliability.test_kill9 import open_editor, saved_texts

    limit = resource.RLIMIT_FSIZE
    with Terminal(matchprep(db=good_db)) as terminal:
        pid = terminal.process.pid
        hard = resource.prlimit(pid, limit)[1]
        open_editor(terminal)
        terminal.type("First words, saved. ")
        terminal.wait_for("Saved ")
        resource.prlimit(pid, limit, (1, hard))  # no file may grow: the disk is full
        terminal.type("Then more [while] full \U0001fa7b")
        terminal.wait_for("Cannot save")  # a notification: nothing typed is lost, it waits
        terminal.press("escape")  # leave the editor: another save, waiting too
        terminal.type("5")
        terminal.wait_for("No programs yet")
        terminal.type("n")
        terminal.wait_for("The program's name")
        terminal.type("Lakeshore Radiology")
        terminal.press("enter")
        # The scenario: the new program's save meets the full disk for a while. Nothing on
        # screen changes (the dialog waits for the save), so there is nothing to wait for.
        time.sleep(1.0)
        assert terminal.process.poll() is None, "the app ended"
        resource.prlimit(pid, limit, (hard, hard))  # room again: everything goes through
        terminal.wait_for("Saving works again")
        terminal.wait_for("Lakeshore Radiology")  # the new program's dossier opens
        assert terminal.quit() == 0
    assert saved_texts(good_db)[-1] == "First words, saved. Then more [while] full \U0001fa7b"
    assert query_one(good_db, "select name from programs") == ("Lakeshore Radiology",)
    assert integrity_ok(good_db)


def query_one(path: Path, sql: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()
    finally:
        conn.close()


def integrity_ok(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


@pytest.mark.slow
def test_damage_found_while_the_app_runs_is_said_not_shown_as_an_empty_list(good_db, tmp_path):
    """A torn page under the answers: the app opens (the bank reads fine) and, rather than
    show no answers as if there were none, says the database is damaged and what to do."""
    path = tmp_path / "damaged.db"
    path.write_bytes(damaged(good_db, "torn page"))
    with Terminal(matchprep(db=path), size=(120, 40)) as terminal:
        terminal.wait_for("What to do next")
        terminal.type("3")
        screen = terminal.wait_for("damaged")
        assert "Traceback" not in screen
        terminal.wait_for("restore")
        assert terminal.process.poll() is None
        terminal.open_questions()  # what still reads, still works
        assert terminal.quit() == 0
