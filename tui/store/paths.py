"""Where matchprep keeps its files. Resolved when asked, never at import."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "matchprep"
DB_ENV = "MATCHPREP_DB"


class PathError(ValueError):
    """A database path that cannot be meant, in a sentence."""


def data_dir() -> Path:
    """The platform's user data folder for matchprep (not created here)."""
    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "matchprep.db"


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The database to use: `--db`, else `MATCHPREP_DB`, else the default.

    An empty `--db` is refused rather than read as "no --db": it is what an unset shell
    variable gives (`--db "$DB"`), and opening the real database then would surprise.
    """
    if cli_value is not None:
        if not str(cli_value).strip():
            raise PathError("--db was given an empty path (an unset shell variable?); give "
                            "the database file's path, or leave --db out for the default "
                            f"database ({default_db_path()}).")
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def backups_dir(db_path: Path) -> Path:
    """Automatic and manual backups of `db_path` live beside it, in a folder named after the
    whole file name (`a.db-backups`): `a.db` and `a.sqlite` each have their own."""
    return db_path.parent / f"{db_path.name}-backups"


def old_backups_dir(db_path: Path) -> Path:
    """Where an earlier matchprep kept them: named after the name without its suffix
    (`a-backups`), which `a.db` and `a.sqlite` shared."""
    return db_path.parent / f"{db_path.stem}-backups"
