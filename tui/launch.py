"""Building the app: one factory for the command line and the tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from question_bank.bank import bank_is_current, merge_shipped
from tui.context import AppContext
from tui.speech import SilentSpeaker
from tui.storage import is_current, open_database
from tui.writer import Writer


def prepare_database(db_path: Path) -> None:
    """Open, migrate (after a backup) and bring in a newer shipped bank. Raises DatabaseError.

    Most starts find everything current: a quick look with plain sqlite3 says so, and the
    app opens without loading sqlite-utils before its first screen.
    """
    if is_current(db_path, also=bank_is_current):
        return
    from tui.backup import automatic_backup

    db = open_database(db_path, backup=automatic_backup)
    try:
        merge_shipped(db)
    finally:
        db.close()


def make_context(
    db_path: Path,
    *,
    speaker: Any = None,
    clock: Callable[[], float] | None = None,
    now: Callable[[], datetime] | None = None,
    options: dict | None = None,
) -> AppContext:
    if speaker is None:
        speaker = SilentSpeaker()
    ctx = AppContext(db_path=Path(db_path), writer=Writer(db_path),
                     speaker=speaker, options=dict(options or {}))
    if clock is not None:
        ctx.clock = clock
    if now is not None:
        ctx.now = now
    return ctx


def make_app(
    db_path: Path | str,
    *,
    speaker: Any = None,
    clock: Callable[[], float] | None = None,
    now: Callable[[], datetime] | None = None,
    start: str = "home",
    options: dict | None = None,
    prepare: bool = True,
):
    """The app on `db_path`, with its dependencies handed in."""
    from tui.app import MatchprepApp

    db_path = Path(db_path)
    if prepare:
        prepare_database(db_path)
    ctx = make_context(db_path, speaker=speaker, clock=clock, now=now, options=options)
    return MatchprepApp(ctx, start=start)
