"""Backups and restores: SQLite's online backup, checked, private and rotated.

A backup is a consistent copy even while another copy of matchprep writes (SQLite's
backup API reads a snapshot). Automatic backups (before a migration, an import, a
restore) go to the backups folder beside the database and the last `KEEP` are kept.
A `.json` backup holds every table as rows, for other tools and for restore.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tui
from question_bank.text import Cleaning
from tui.store.database import (
    SQLITE_MAGIC,
    DatabaseError,
    connect,
    examine,
    open_database,
    run_migrations,
    schema_components,
    schema_versions,
    special_file,
)
from tui.store.files import PRIVATE_FILE, atomic_write, check_writable_target, ensure_private_dir
from tui.store.paths import backups_dir, old_backups_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP = 10
JSON_FORMAT = "matchprep-backup"


class BackupError(Exception):
    """A backup or restore that could not be done, in a sentence; nothing was changed."""


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _copy_database(source: Path, target: Path) -> None:
    """Online-backup `source` into a new private file at `target`, atomically."""
    check_writable_target(target)
    folder = target.parent
    try:
        ensure_private_dir(folder)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise BackupError(f"{target} cannot be written: {folder} cannot be written into "
                          f"({error.strerror or error}; a read-only folder?). Nothing was "
                          "changed. Give another place for the backup with -o FILE.") from None
    os.fchmod(fd, PRIVATE_FILE)
    os.close(fd)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=15)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            problem = dst.execute("PRAGMA integrity_check").fetchall()
            if problem != [("ok",)]:
                raise BackupError(f"the copy of {source} failed its integrity check "
                                  f"({problem[0][0]})")
        finally:
            dst.close()
            src.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, f"{tmp}-journal", f"{tmp}-wal", f"{tmp}-shm"):
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass
        raise


def dump_json(db: Database) -> dict[str, Any]:
    """Every table's rows (full-text indexes aside), with the schema versions they fit."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in db.table_names():
        if name == "schema_versions" or "_fts" in name or name.startswith("sqlite_"):
            continue
        tables[name] = list(db.table(name).rows)
    return {
        "format": JSON_FORMAT,
        "version": 1,
        "app_version": tui.__version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "schema_versions": schema_versions(db),
        "tables": tables,
    }


def backup(db_path: Path, target: Path | None = None, *, reason: str = "manual") -> Path:
    """Copy the database to `target` (or the backups folder); `.json` targets get a JSON dump."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise BackupError(f"{db_path} does not exist; there is nothing to back up.")
    examine(db_path)  # a folder, a device, a script or another program's file: refused
    adopt_old_backups(db_path)

    if target is None:
        target = backups_dir(db_path) / f"{db_path.stem}-{_stamp()}-{reason}.db"
    target = Path(target)
    if target.resolve() == db_path.resolve():
        raise BackupError(f"{target} is the database itself; choose another file for the backup.")
    try:
        if target.suffix.lower() == ".json":
            db = connect(db_path)
            try:
                data = json.dumps(dump_json(db), ensure_ascii=False, indent=1)
            finally:
                db.close()
            atomic_write(target, data)
        else:
            _copy_database(db_path, target)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{db_path} could not be read for a backup ({error}).") from None
    if reason != "manual" or target.parent == backups_dir(db_path):
        rotate(backups_dir(db_path))
    return target


def shares_old_backups(db_path: Path) -> list[Path]:
    """Other files beside `db_path` whose backups an earlier matchprep put in the same
    folder (`a.sqlite` beside `a.db`: both in `a-backups`)."""
    sides = {db_path.name, *(f"{db_path.name}{s}" for s in ("-wal", "-shm", "-journal"))}
    return sorted(p for p in db_path.parent.glob(f"{glob_escape(db_path.stem)}.*")
                  if p.name not in sides and p.is_file() and _begins_as_sqlite(p))


def _begins_as_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def adopt_old_backups(db_path: Path) -> Path | None:
    """Move the backups an earlier matchprep kept in `a-backups` to `a.db-backups`, whole
    (a rename: nothing is copied, nothing deleted). When another database beside it shared
    that folder, which backup is whose cannot be told: the folder is left as it is, never
    rotated again (`matchprep doctor` names it). Returns the folder it stays in, if so."""
    db_path = Path(db_path)
    old, new = old_backups_dir(db_path), backups_dir(db_path)
    if old == new or not old.is_dir() or old.is_symlink():
        return None
    if new.exists() or shares_old_backups(db_path):
        return old
    try:
        os.rename(old, new)
    except OSError:
        return old  # a read-only folder: they stay where they are, listed by doctor
    return None


def automatic_backup(db_path: Path, reason: str) -> Path | None:
    """A rotated backup before something that changes a lot (migration, import, restore)."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    return backup(db_path, reason=reason)


def list_backups(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob("*.db") if p.is_file()), key=lambda p: p.name)


def rotate(folder: Path, keep: int = KEEP) -> None:
    """Keep the newest `keep` automatic backups; manual ones, and copies of a damaged
    database kept before a restore, are the user's to delete."""
    automatic = [p for p in list_backups(folder)
                 if not p.stem.endswith(("-manual", "-damaged"))]
    for old in automatic[:-keep] if keep else automatic:
        old.unlink(missing_ok=True)


def _check_sqlite_backup(source: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"{source} cannot be opened ({error}).") from None
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise BackupError(f"{source} is damaged ({result[0][0]}); it was not restored.")
        names = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if "schema_versions" not in names:
            raise BackupError(f"{source} is an SQLite database but not a matchprep backup.")
        known = dict(schema_components())
        for component, version in conn.execute("select component, version from schema_versions"):
            if not isinstance(version, int) or not isinstance(component, str):
                raise BackupError(f"{source} is not a matchprep backup: its schema_versions "
                                  f"table says {component!r} is at version {version!r}. "
                                  "Nothing was changed.")
            if component in known and version > len(known[component]):
                raise BackupError(f"{source} comes from a newer matchprep ({component} schema "
                                  f"{version}); upgrade matchprep to restore it.")
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} is not a usable backup ({error}).") from None
    finally:
        conn.close()


def _without_controls(value: object, where: str, cleaning: Cleaning) -> object:
    """A JSON backup's cell with control characters dropped (question_bank.text): also
    inside a column that holds JSON itself (an answer's parts), where they are escaped."""
    if not isinstance(value, str):
        return value
    value = cleaning.take(value, where)
    if value[:1] in ("{", "[") and "\\u" in value:
        try:
            inner = json.loads(value)
        except ValueError:
            return value
        before = cleaning.total
        cleaned = _cleaned_json(inner, where, cleaning)
        if cleaning.total != before:
            return json.dumps(cleaned, ensure_ascii=False)
    return value


def _cleaned_json(value: object, where: str, cleaning: Cleaning) -> object:
    if isinstance(value, str):
        return cleaning.take(value, where)
    if isinstance(value, list):
        return [_cleaned_json(v, where, cleaning) for v in value]
    if isinstance(value, dict):
        return {k: _cleaned_json(v, where, cleaning) for k, v in value.items()}
    return value


def _database_from_json(source: Path, data: bytes, scratch: Path,
                        cleaning: Cleaning) -> None:
    """Build a complete, migrated database at `scratch` from a JSON backup, or raise."""
    if not data.lstrip().startswith(b"{"):
        raise BackupError(f"{source} is not a matchprep backup: matchprep backs up into a "
                          "database file (.db) or a JSON file (.json), and this is neither. "
                          "Nothing was changed.")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        # The parser's own words ("Expecting value: line 1 column 1 (char 0)") say nothing
        # to a person; where it stopped does.
        line = getattr(error, "lineno", None)
        where = f" (it cannot be read past line {line})" if line else ""
        raise BackupError(f"{source} is not a matchprep backup, or it is damaged or cut "
                          f"short{where}. Nothing was changed.") from None
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise BackupError(f"{source} is a JSON file, but not a matchprep backup (those say "
                          f"\"format\": \"{JSON_FORMAT}\"). Nothing was changed.")
    versions, tables = doc.get("schema_versions"), doc.get("tables")
    if not isinstance(versions, dict) or not isinstance(tables, dict):
        raise BackupError(f"{source}: fields 'schema_versions' and 'tables' must be objects.")
    components = schema_components()
    known = dict(components)
    for component, version in versions.items():
        if (not isinstance(version, int) or component not in known
                or version > len(known[component])):
            raise BackupError(f"{source}: field 'schema_versions.{component}': {version!r} is not "
                              "a schema this matchprep knows.")
    at_backup = [(name, steps[: versions.get(name, 0)]) for name, steps in components]
    db = open_database(scratch, components=at_backup)
    try:
        with db.atomic():
            for name, rows in tables.items():
                table = db.table(name)
                if not isinstance(rows, list) or not table.exists():
                    raise BackupError(f"{source}: field 'tables.{name}': not a table of this "
                                      "schema, or not a list of rows.")
                columns = set(table.columns_dict)
                for index, row in enumerate(rows):
                    if not isinstance(row, dict) or not set(row) <= columns:
                        raise BackupError(f"{source}: field 'tables.{name}[{index}]': expected "
                                          f"a row with columns among {', '.join(sorted(columns))}.")
                    for column, value in row.items():
                        row[column] = _without_controls(
                            value, f"field 'tables.{name}[{index}].{column}'", cleaning)
                if rows:
                    table.insert_all(rows)
        run_migrations(db, scratch, components)
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise BackupError(f"{source}: table '{problems[0][0]}' has rows that refer to "
                              "missing rows; it was not restored.")
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source}: these rows cannot be restored ({error}).") from None
    finally:
        db.close()


def restore(db_path: Path, source: Path, *, cleaning: Cleaning | None = None) -> Path | None:
    """Replace the database with `source` (SQLite or JSON backup); back up the current one first.

    Returns the path of the safety backup. A bad source raises BackupError and changes nothing.
    Control characters are dropped from a JSON backup's text (`cleaning` notes them).
    """
    db_path, source = Path(db_path), Path(source)
    if (kind := special_file(db_path)) is not None:
        raise BackupError(f"{db_path} is {kind}, not a database file; a backup is restored "
                          "only into a database file (or a new one). Nothing was changed.")
    if (kind := special_file(source)) is not None:
        raise BackupError(f"{source} is {kind}, not a backup. Nothing was changed.")
    try:
        head = source.read_bytes()
    except OSError as error:
        raise BackupError(f"{source} cannot be read ({error.strerror}).") from None
    # The scratch copy stays beside the database: nothing of the user's goes elsewhere.
    folder = ensure_private_dir(db_path.parent)
    with tempfile.TemporaryDirectory(prefix=".matchprep-restore-", dir=folder) as scratch_dir:
        os.chmod(scratch_dir, 0o700)
        if head.startswith(SQLITE_MAGIC):
            _check_sqlite_backup(source)
            candidate = Path(scratch_dir) / "candidate.db"
            _copy_database(source, candidate)
            _bring_up_to_date(source, candidate)
        else:
            candidate = Path(scratch_dir) / "candidate.db"
            _database_from_json(source, head, candidate,
                                cleaning if cleaning is not None else Cleaning())
        if _is_damaged(db_path):
            # It cannot be copied page by page, nor written into: keep its bytes, then
            # put the backup in its place.
            safety: Path | None = _keep_damaged(db_path)
            _replace_file(candidate, db_path)
            return safety
        safety = automatic_backup(db_path, "pre-restore")
        live = open_database(db_path, migrate=False) if db_path.exists() else open_database(db_path)
        try:
            src = sqlite3.connect(candidate)
            try:
                src.backup(live.conn)
            finally:
                src.close()
        finally:
            live.close()
    return safety


def _bring_up_to_date(source: Path, candidate: Path) -> None:
    """Run the migrations an older backup lacks on its copy, then check that every table of
    this matchprep's schema is there with its columns. Errors name `source`, the user's
    file (the copy is a temporary one, gone by the time they read the sentence)."""
    db = connect(candidate)
    try:
        run_migrations(db, source, schema_components())
        _check_fits(source, db)
    except DatabaseError as error:  # a newer matchprep's backup: the sentence names source
        raise BackupError(str(error)) from None
    except sqlite3.Error as error:
        raise BackupError(f"{source} is not a backup matchprep can restore: its tables do not "
                          f"fit the schema versions it records ({error}). Nothing was "
                          "changed.") from None
    finally:
        db.close()


def _columns(db: Database) -> dict[str, set[str]]:
    names = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' "
                                      "and name not like 'sqlite_%' and name not like '%_fts%'")]
    return {name: {r[1] for r in db.execute(f"PRAGMA table_info([{name}])")} for name in names}


def _check_fits(source: Path, db: Database) -> None:
    """Raise BackupError unless `db` has every table and column of this matchprep's schema."""
    reference = connect(":memory:")
    try:
        run_migrations(reference, Path(":memory:"), schema_components())
        wanted = _columns(reference)
    finally:
        reference.close()
    found = _columns(db)
    for table, columns in sorted(wanted.items()):
        missing = sorted(columns - found.get(table, set()))
        if table not in found or missing:
            what = f"table {table} is missing" if table not in found else \
                f"table {table} lacks the columns {', '.join(missing)}"
            raise BackupError(f"{source} is not a backup matchprep can restore: {what}, though "
                              "its schema_versions table says otherwise. Nothing was changed.")


def _is_damaged(db_path: Path) -> bool:
    """Whether the file at `db_path` exists but SQLite cannot read it as a sound database."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=15)
    except sqlite3.Error:
        return True
    try:
        return conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError as error:
        return "locked" not in str(error) and "busy" not in str(error)
    finally:
        conn.close()


def _keep_damaged(db_path: Path) -> Path:
    """A byte-for-byte copy of a damaged database (and its -wal) in the backups folder."""
    adopt_old_backups(db_path)
    folder = ensure_private_dir(backups_dir(db_path))
    target = folder / f"{db_path.stem}-{_stamp()}-damaged.db"
    for source, name in ((db_path, target.name), (Path(f"{db_path}-wal"), f"{target.name}-wal")):
        if source.exists():
            atomic_write(folder / name, source.read_bytes())
    return target


def _replace_file(candidate: Path, db_path: Path) -> None:
    """Put a copy of `candidate` at `db_path` by renaming: the old file goes whole, at once."""
    check_writable_target(db_path)
    data = candidate.read_bytes()
    for side in ("-wal", "-shm"):  # they belong to the damaged file; SQLite would replay them
        Path(f"{db_path}{side}").unlink(missing_ok=True)
    atomic_write(db_path, data)
