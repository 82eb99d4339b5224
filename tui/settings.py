"""Small preferences kept in the database (theme, speaking pace, time zone...)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

DEFAULTS: dict[str, str] = {
    "theme": "textual-dark",
}


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    try:
        return db["settings"].get(key)["value"]
    except NotFoundError:
        return DEFAULTS.get(key, default) if default is None else default


def set_setting(db: Database, key: str, value: str) -> None:
    db["settings"].upsert({"key": key, "value": value}, pk="key")
