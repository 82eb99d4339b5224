"""The store: permissions, damaged files, migrations, two writers at once."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading

import pytest

from tui.store.database import DatabaseError, connect, open_database, retry_locked


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_database_and_its_folder_are_private_whatever_the_umask(tmp_path, umask_022):
    path = tmp_path / "new" / "deeper" / "m.db"
    db = open_database(path)
    db["questions"].insert({"id": "x", "text": "t", "category": "intro", "tags": "[]",
                            "target_seconds": 60, "structure": "outline", "origin": "user"})
    assert mode(path) == 0o600
    for side in ("-wal", "-shm"):
        assert mode(f"{path}{side}") == 0o600
    assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
    db.close()


def test_an_existing_readable_database_is_tightened(tmp_path, umask_022):
    path = tmp_path / "m.db"
    open_database(path).close()
    os.chmod(path, 0o644)
    open_database(path).close()
    assert mode(path) == 0o600


def test_journal_is_wal_with_foreign_keys_and_a_busy_timeout(tmp_path):
    db = open_database(tmp_path / "m.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    db.close()


@pytest.mark.parametrize("content", [b"this is my CV, not a database\n" * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_file_that_is_not_a_database_is_explained_and_left_untouched(tmp_path, content):
    path = tmp_path / "m.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    message = str(caught.value)
    assert str(path) in message and "doctor" in message and "restore" in message
    assert path.read_bytes() == content
    assert not (tmp_path / "m.db-wal").exists()


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def _components(steps):
    return [("core", []), ("demo", steps)]


def test_migrations_run_once_record_their_version_and_back_up_first(tmp_path):
    path = tmp_path / "m.db"
    first = [lambda db: db["things"].create({"id": int, "name": str}, pk="id")]
    db = open_database(path, components=_components(first))
    db["things"].insert({"id": 1, "name": "kept"})
    db.close()

    backups = []
    second = first + [lambda db: db["things"].add_column("note", str)]
    db = open_database(path, components=_components(second),
                       backup=lambda p, reason: backups.append((p, reason)))
    assert backups == [(path, "pre-migration")]
    assert db["schema_versions"].get("demo")["version"] == 2
    assert list(db["things"].rows) == [{"id": 1, "name": "kept", "note": None}]
    db.close()

    backups.clear()
    open_database(path, components=_components(second), backup=lambda *a: backups.append(a)).close()
    assert backups == []


def test_a_failing_migration_changes_nothing(tmp_path):
    path = tmp_path / "m.db"
    first = [lambda db: db["things"].create({"id": int}, pk="id")]
    open_database(path, components=_components(first)).close()

    def broken(db):
        db["other"].create({"id": int}, pk="id")
        raise RuntimeError("step failed")

    with pytest.raises(RuntimeError):
        open_database(path, components=_components(first + [broken]))
    db = connect(path)
    assert db["schema_versions"].get("demo")["version"] == 1
    assert not db["other"].exists()
    db.close()


def test_a_database_from_a_newer_matchprep_is_refused_clearly(tmp_path):
    path = tmp_path / "m.db"
    steps = [lambda db: None, lambda db: None]
    open_database(path, components=_components(steps)).close()
    with pytest.raises(DatabaseError, match="newer matchprep"):
        open_database(path, components=_components(steps[:1]))


def test_two_connections_writing_at_once_lose_nothing(db_path):
    errors = []

    def writer(prefix: str) -> None:
        db = connect(db_path)
        try:
            for i in range(150):
                def job(i=i):
                    with db.atomic():
                        db["settings"].upsert({"key": f"{prefix}{i}", "value": "v"}, pk="key")
                retry_locked(job)
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(p,)) for p in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    db = connect(db_path)
    assert db.execute("select count(*) from settings where key glob '[ab]*'").fetchone()[0] == 300
    db.close()


def test_retry_locked_gives_up_only_on_other_errors():
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert retry_locked(flaky, first_wait=0.001) == "done"
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        retry_locked(lambda: (_ for _ in ()).throw(sqlite3.OperationalError("no such table: x")))
