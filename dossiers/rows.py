"""Writing rows in one statement each.

sqlite-utils' `db[table].insert(...)` looks the table up (its name among all tables, its
columns) at every call: an import of 10,000 programs spent half its time doing that. The
dossier's writes name their columns (code's own names, never user text) and go straight
to SQLite.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def _names(row: Mapping[str, object]) -> str:
    return ", ".join(f"[{name}]" for name in row)


def insert_row(db: Database, table: str, row: Mapping[str, object]) -> int:
    """Insert `row`; the new row's id."""
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"insert into [{table}] ({_names(row)}) values ({marks})",
                        list(row.values()))
    return int(cursor.lastrowid or 0)


def update_row(db: Database, table: str, row_id: int, values: Mapping[str, object]) -> None:
    """Set `values` on the row whose id is `row_id`."""
    if values:
        sets = ", ".join(f"[{name}] = ?" for name in values)
        db.execute(f"update [{table}] set {sets} where id = ?", [*values.values(), row_id])


def upsert_row(db: Database, table: str, row: Mapping[str, object], key: str) -> None:
    """Insert `row`, or set its other values on the row that has its `key` already."""
    marks = ", ".join("?" for _ in row)
    sets = ", ".join(f"[{name}] = excluded.[{name}]" for name in row if name != key) or \
        f"[{key}] = excluded.[{key}]"
    db.execute(f"insert into [{table}] ({_names(row)}) values ({marks}) "
               f"on conflict([{key}]) do update set {sets}", list(row.values()))
