"""Small preferences kept in the database (theme, speaking pace, time zone...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

# Keys in use: "theme"; "pace_wpm" (speaking pace, 130-160, answers); "timezone" (the
# user's IANA zone, dossiers; empty means the system's); "speech_enabled", "speech_rate",
# "speech_voice" (mock interviews); "mock_setup" (JSON, the last mock interview setup);
# "drill_categories" (JSON list, where new drill questions come from).
# Add a key here with its default when a part needs one.
DEFAULTS: dict[str, str] = {
    "theme": "textual-dark",
    "pace_wpm": "140",
    "speech_enabled": "1",
    "speech_rate": "170",
}


def get_setting(db: Database | sqlite3.Connection, key: str,
                default: str | None = None) -> str | None:
    """A setting's value (works on a plain sqlite3 connection too), else its default."""
    row = db.execute("select value from settings where key = ?", [key]).fetchone()
    if row is not None:
        value: str | None = row[0]
        return value
    return DEFAULTS.get(key) if default is None else default


def set_setting(db: Database, key: str, value: str) -> None:
    db.table("settings").upsert({"key": key, "value": value}, pk="key")
