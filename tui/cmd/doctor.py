"""`matchprep doctor`: what works, what does not, and what to do about it."""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import tui
from tui.backup import list_backups
from tui.cmd.common import add_db_option, db_path
from tui.cmd.programs import check_timezone
from tui.cmd.speech_check import check_speech
from tui.paths import backups_dir, data_dir


@dataclass(frozen=True)
class Finding:
    ok: bool | None  # None: for information
    label: str
    detail: str


Check = Callable[[Path], Iterator[Finding]]


def check_versions(path: Path) -> Iterator[Finding]:
    import textual

    yield Finding(None, "matchprep", f"{tui.__version__} (Python {platform.python_version()}, "
                  f"Textual {textual.__version__}, SQLite {sqlite3.sqlite_version})")


def check_database(path: Path) -> Iterator[Finding]:
    yield Finding(None, "data folder", str(data_dir()))
    if path.is_dir():
        yield Finding(False, "database", f"{path} is a folder, not a file. Give a file path "
                      "with --db.")
        return
    if not path.exists():
        yield Finding(None, "database", f"{path} (not created yet: it will be on first start)")
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    yield Finding(None, "database", f"{path} ({path.stat().st_size:,} bytes)")
    yield Finding(mode & 0o077 == 0, "permissions",
                  f"{mode:04o}" + ("" if mode & 0o077 == 0 else
                                   f" (others can read it: run `chmod 600 {path}`)"))
    from question_bank.questions import count_questions  # the bank owns its table

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            versions = dict(conn.execute("select component, version from schema_versions"))
            questions = count_questions(conn, include_hidden=True)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        yield Finding(False, "integrity", f"SQLite cannot read it ({error}). Restore a backup: "
                      f"`matchprep --db {path} restore FILE`.")
        return
    if result == [("ok",)]:
        yield Finding(True, "integrity", "ok")
    else:
        yield Finding(False, "integrity", f"{result[0][0]}. Restore a backup: "
                      f"`matchprep --db {path} restore FILE`.")
    yield Finding(None, "schema", ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))
    yield Finding(None, "questions", f"{questions}")
    if not os.access(path, os.W_OK):
        yield Finding(False, "writable", f"{path} is read-only: changes cannot be saved.")


def check_backups(path: Path) -> Iterator[Finding]:
    folder = backups_dir(path)
    found = list_backups(folder)
    if found:
        yield Finding(None, "backups", f"{len(found)} in {folder}, newest {found[-1].name}")
    else:
        yield Finding(None, "backups", f"none yet ({folder}); make one with `matchprep backup`")


# Each part of the app may add a check here (speech adds its own).
CHECKS: list[Check] = [check_versions, check_database, check_backups, check_timezone,
                       check_speech]


def register(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("doctor", help="paths, database integrity, speech engine: what works")
    add_db_option(d)
    d.set_defaults(handler=doctor_command)


def doctor_command(args: argparse.Namespace) -> int:
    path = db_path(args)
    problems = 0
    for check in CHECKS:
        for finding in check(path):
            mark = {True: "ok ", False: "!! ", None: "   "}[finding.ok]
            problems += finding.ok is False
            print(f"{mark}{finding.label:<12} {finding.detail}")
    if problems:
        print(f"\n{problems} problem{'s' if problems > 1 else ''} found (marked !!).", file=sys.stderr)
        return 1
    return 0
