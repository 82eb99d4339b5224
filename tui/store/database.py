"""The one module that opens matchprep's database.

It opens the file (WAL journal, foreign keys, a busy timeout, 0600), checks that it is
a database at all, and runs each domain package's numbered migrations, recording the
schema version of each component. It knows nothing of questions or programs.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import quote

from tui.store.files import PRIVATE_FILE, ensure_private_dir, tighten
from tui.store.paths import backups_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 15_000

Migration = Callable[["Database"], None]
T = TypeVar("T")


class DatabaseError(Exception):
    """A database matchprep cannot use, explained in a sentence a person understands."""


def schema_components() -> list[tuple[str, list[Migration]]]:
    """Every component's migrations, in the order they must run."""
    from dossiers.schema import COMPONENTS as dossier_components
    from question_bank.schema import COMPONENTS as question_components

    return [("core", CORE_MIGRATIONS), *question_components, *dossier_components]


def _core_001(db: Database) -> None:
    db.table("settings").create({"key": str, "value": str}, pk="key", if_not_exists=True)


CORE_MIGRATIONS: list[Migration] = [_core_001]


def _what_to_do(path: Path) -> str:
    return (
        f"Run `matchprep --db {path} doctor` for details, or restore a backup with "
        f"`matchprep --db {path} restore FILE` (backups are kept in {backups_dir(path)})."
    )


_FILE_TROUBLE = ("not a database", "malformed", "readonly", "read-only", "unable to open",
                 "disk", "full", "locked", "busy", "i/o error")


def is_file_trouble(error: BaseException) -> bool:
    """Whether an SQLite error is about the database file (damaged, read-only, a full disk,
    held by another program) rather than a bug: something to tell the user in a sentence."""
    return isinstance(error, sqlite3.DatabaseError) and any(
        word in str(error).lower() for word in _FILE_TROUBLE)


def explain(path: Path, error: BaseException) -> DatabaseError:
    """The sentence for an SQLite error about the file at `path`, with the way out."""
    text = str(error)
    lowered = text.lower()
    if "file is not a database" in lowered or "malformed" in lowered:
        reason = f"{path} is not a matchprep database, or it is damaged ({text})."
    elif "readonly" in lowered or "read-only" in lowered:
        return DatabaseError(f"{path} cannot be written: it is read-only ({text}). Nothing was "
                             "changed. Check the permissions of the file and of its folder "
                             f"(`matchprep --db {path} doctor` shows them).")
    elif "unable to open" in lowered and path.is_file() and not os.access(path.parent, os.W_OK):
        return DatabaseError(f"{path} cannot be opened for writing: its folder is read-only, "
                             "and SQLite keeps two small files beside the database "
                             f"({text}). Nothing was changed. Make the folder writable, or copy "
                             "the database somewhere writable and open it with --db.")
    elif "unable to open" in lowered:
        reason = f"{path} cannot be opened ({text}). Check that its folder exists and is writable."
    elif "full" in lowered:
        return DatabaseError(f"{path} cannot be written: the disk seems full ({text}). Nothing "
                             "was changed; free some space and try again.")
    elif "disk" in lowered or "i/o" in lowered:
        return DatabaseError(f"{path} cannot be written: the disk reported an error ({text}), "
                             "perhaps because it is full. Nothing was changed; free some space "
                             "and try again.")
    elif "locked" in lowered or "busy" in lowered:
        return DatabaseError(f"{path} is busy: another program has been writing to it for more "
                             f"than {BUSY_TIMEOUT_MS // 1000} seconds. Nothing was changed; "
                             "try again.")
    else:
        reason = f"{path} cannot be used ({text})."
    return DatabaseError(f"{reason} {_what_to_do(path)}")


SQLITE_MAGIC = b"SQLite format 3\x00"
_KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket"}


def special_file(path: Path) -> str | None:
    """What `path` is when it is neither a regular file nor missing ("a folder", "a named
    pipe (FIFO)", "a device"...), without opening it; else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return "a folder" if stat.S_ISDIR(mode) else _KINDS.get(stat.S_IFMT(mode),
                                                            "not a regular file")


def examine(path: Path) -> bool:
    """Look at what `path` is before anything touches it: True for a file matchprep may use
    as its database (one of its own, or an empty file), False when nothing is there.

    Raises DatabaseError, changing nothing, for a folder, a device, a named pipe, a socket,
    a file that is not an SQLite database (a script, a spreadsheet; or a database damaged
    beyond its first bytes) and another program's SQLite database.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise DatabaseError(f"{path} cannot be looked at ({error.strerror}). Nothing was "
                            "changed.") from None
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(f"{path} is a folder, not a database file. Give the path of a file.")
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise DatabaseError(f"{path} is {kind}, not a database file; matchprep opens nothing "
                            "else. Nothing was changed. Give the path of a matchprep database "
                            "(or of a new file).")
    if info.st_size == 0:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseError(f"{path} cannot be read ({error.strerror}). Nothing was "
                            "changed.") from None
    if head != SQLITE_MAGIC:
        raise DatabaseError(f"{path} is not a matchprep database: it does not begin as an "
                            "SQLite database does (a script, a spreadsheet, a document?). "
                            "Nothing was changed. If it was your database, it is damaged: "
                            f"{_what_to_do(path)}")
    if _tables_of_another_program(path):
        raise DatabaseError(f"{path} is another program's SQLite database, not matchprep's "
                            "(it has tables, but none of matchprep's). Nothing was changed. "
                            "Give the path of a matchprep database, or of a new file.")
    return True


def _tables_of_another_program(path: Path) -> bool:
    """Whether the SQLite file at `path` holds tables but no `schema_versions`: read as an
    immutable file, so that nothing (no -shm, no -journal) appears beside it."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        names = {row[0] for row in conn.execute(
            "select name from sqlite_master where type = 'table'")}
    except sqlite3.Error:
        return False  # damaged: opening it says so, with the way out
    finally:
        conn.close()
    return bool(names) and "schema_versions" not in names


def _prepare_file(path: Path) -> bool:
    """Create the file 0600 if missing (returning True), or tighten an existing one (only
    once `examine` has found it is matchprep's)."""
    if examine(path):
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            tighten(candidate)
        return False
    try:
        ensure_private_dir(path.parent)
    except OSError as error:
        raise DatabaseError(f"{path} cannot be created: its folder {path.parent} cannot be made "
                            f"({error.strerror or error}; is your home folder read-only?). "
                            "Nothing was changed. Give a database somewhere writable with "
                            "--db PATH (or MATCHPREP_DB).") from None
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:
        return False
    except OSError as error:
        raise DatabaseError(f"{path} cannot be created ({error.strerror}).") from None
    os.fchmod(fd, PRIVATE_FILE)
    os.close(fd)
    return True


def check_writable(path: Path | str) -> None:
    """Raise DatabaseError when changes to an existing database could not be saved: the
    file, or the folder where SQLite keeps its -wal and -shm beside it, is read-only."""
    path = Path(path)
    if not path.is_file():
        return
    sides = [Path(f"{path}{side}") for side in ("-wal", "-shm")]
    folder_ok = os.access(path.parent, os.W_OK) or all(
        side.exists() and os.access(side, os.W_OK) for side in sides)
    if not os.access(path, os.W_OK) or not folder_ok:
        what = "the file" if not os.access(path, os.W_OK) else "its folder"
        raise DatabaseError(f"{path} is read-only ({what} cannot be written), so nothing you "
                            "type could be saved. Make it writable (chmod u+w), or copy it "
                            f"somewhere writable and open it with --db. `matchprep --db {path} "
                            "doctor` shows the permissions.")


def is_locked_error(error: BaseException) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def retry_locked(job: Callable[[], T], *, attempts: int = 8, first_wait: float = 0.05) -> T:
    """Run a transactional `job`, retrying while another copy of matchprep holds the lock.

    The busy timeout covers most waits; a deferred transaction that must upgrade to a write
    can still be refused at once, which this absorbs. The job must be all-or-nothing.
    """
    wait = first_wait
    for attempt in range(attempts):
        try:
            return job()
        except sqlite3.OperationalError as error:
            if not is_locked_error(error) or attempt == attempts - 1:
                raise
            time.sleep(wait)
            wait = min(wait * 2, 1.0)
    raise AssertionError("unreachable")


def connect(path: Path | str) -> Database:
    """A light connection to an existing, migrated database (for a worker thread).

    Each thread uses its own connection: sqlite3 connections are not shared across threads.
    It never creates the file: a database deleted while the app runs is not replaced by an
    empty one (the writer puts what it had back, see writer.py).
    """
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:")
    else:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    # Imported here, not at the top: sqlite-utils costs ~50 ms to import, and the first
    # screen is painted before any connection is needed (see tui.cli.launch).
    from sqlite_utils import Database

    return Database(conn)


def open_database(
    path: Path | str,
    *,
    migrate: bool = True,
    components: Iterable[tuple[str, list[Migration]]] | None = None,
    backup: Callable[[Path, str], object] | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database at `path`.

    Raises DatabaseError with a sentence naming the file and the way out when the file is
    not a database, is damaged, read-only, or was made by a newer matchprep.
    """
    path = Path(path)
    created = _prepare_file(path)
    try:
        db = connect(path)
    except sqlite3.Error as error:
        raise explain(path, error) from None
    try:
        db.execute("select count(*) from sqlite_master").fetchone()
        mode = db.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal" and not created:
            # A read-only file or folder keeps its old journal mode; writes will fail later.
            db.conn.execute("select 1").fetchone()
        for side in ("-wal", "-shm"):
            tighten(Path(f"{path}{side}"))
        if migrate:
            run_migrations(
                db,
                path,
                components if components is not None else schema_components(),
                backup=None if created else backup,
            )
    except DatabaseError:
        db.close()
        raise
    except sqlite3.Error as error:
        db.close()
        raise explain(path, error) from None
    return db


def is_current(
    path: Path | str,
    components: Iterable[tuple[str, list[Migration]]] | None = None,
    *,
    also: Callable[[sqlite3.Connection], bool] | None = None,
) -> bool:
    """Whether `path` is a database with every migration run (and `also(conn)` holds).

    A quick look with plain sqlite3, for start-up: when it answers True there is nothing to
    prepare. Anything unusual (no file, damage, a newer schema) answers False, and
    `open_database` then does the full work and explains any problem.
    """
    path = Path(path)
    if not path.is_file():
        return False
    try:
        _prepare_file(path)  # tightens the file and its -wal/-shm as opening does
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except (DatabaseError, OSError, sqlite3.Error):
        return False
    try:
        versions = dict(conn.execute("select component, version from schema_versions"))
        components = components if components is not None else schema_components()
        if any(versions.get(name) != len(steps) for name, steps in components):
            return False
        return also(conn) if also is not None else True
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def schema_versions(db: Database) -> dict[str, int]:
    if not db.table("schema_versions").exists():
        return {}
    return {row["component"]: row["version"] for row in db.table("schema_versions").rows}


def run_migrations(
    db: Database,
    path: Path,
    components: Iterable[tuple[str, list[Migration]]],
    *,
    backup: Callable[[Path, str], object] | None = None,
) -> list[str]:
    """Bring every component up to date; return what ran ("questions 1→2", ...).

    Before any migration of an existing matchprep database (one that records schema
    versions), `backup(path, "pre-migration")` is called. Each component's pending steps run
    in one transaction with its version update, so a failure leaves that component exactly
    as it was.
    """
    db.table("schema_versions").create(
        {"component": str, "version": int}, pk="component", if_not_exists=True
    )
    current = schema_versions(db)
    components = list(components)
    for name, steps in components:
        if current.get(name, 0) > len(steps):
            raise DatabaseError(
                f"{path} was written by a newer matchprep (its {name} schema is version "
                f"{current[name]}; this matchprep knows version {len(steps)}). "
                "Upgrade matchprep to open it."
            )
    pending = [(n, s) for n, s in components if current.get(n, 0) < len(s)]
    ran: list[str] = []
    if not pending:
        return ran
    if backup is not None and current:
        # Any change to the schema of an existing database, even a new component's
        # tables beside the user's rows, is made after a backup.
        backup(path, "pre-migration")
    for name, steps in pending:
        start = current.get(name, 0)
        with db.atomic():
            for step in steps[start:]:
                step(db)
            db.table("schema_versions").upsert({"component": name, "version": len(steps)},
                                               pk="component")
        ran.append(f"{name} {start}→{len(steps)}")
    return ran


def integrity(db_or_path: Database | Path | str) -> str:
    """SQLite's `PRAGMA integrity_check`: "ok" or the first problem it found."""
    db = connect(db_or_path) if isinstance(db_or_path, (str, Path)) else db_or_path
    own = db is not db_or_path
    try:
        rows = db.conn.execute("PRAGMA integrity_check").fetchall()
        return "ok" if rows == [("ok",)] else "; ".join(r[0] for r in rows[:5])
    finally:
        if own:
            db.close()
