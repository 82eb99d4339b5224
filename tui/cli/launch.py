"""Building the app: one factory for the command line and the tests."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from question_bank.categories import bank_is_current
from tui.audio.recorder import NoRecorder
from tui.context import AppContext
from tui.speech.speaker import SilentSpeaker
from tui.store.database import is_current, open_database
from tui.store.writer import Writer

# How long a thread may hold the interpreter while another waits for it (Python's default
# is 5 ms). The workers read SQLite, which hands the interpreter back at every row; each time
# they then wait out the whole interval if the interface thread is busy drawing, and a read
# of 50 rows took 600 ms instead of 25 (benchmarks/scale.py: Progress opened in 510-580 ms
# at 5 ms, 230-290 ms at 1 ms). Set for the app's whole process.
SWITCH_INTERVAL = 0.001


def hold_collection() -> None:
    """Run no garbage collection until the app's first frame (the app starts it again then:
    `MatchprepApp.on_ready`). Start-up makes about 100,000 objects that live as long as the
    app (modules, styles, widgets); Python's collector went through them about 110 times
    before the first frame (20 ms of it). At the first frame they are set aside for good
    (`gc.freeze`), so later collections (a full one took 30-90 ms, and fell on whatever key
    was being typed) go only through what came after."""
    gc.disable()


def prepare_database(db_path: Path) -> None:
    """Open, migrate (after a backup) and bring in a newer shipped bank. Raises DatabaseError.

    Most starts find everything current: a quick look with plain sqlite3 says so, and the
    app opens without loading sqlite-utils before its first screen.
    """
    from tui.store.backup import adopt_old_backups, automatic_backup

    adopt_old_backups(db_path)  # backups an earlier matchprep kept under another name
    if is_current(db_path, also=bank_is_current):
        return
    from tui.practice.bank_update import update_bank

    db = open_database(db_path, backup=automatic_backup)
    try:
        update_bank(db)
    finally:
        db.close()


def make_context(
    db_path: Path,
    *,
    speaker: Any = None,
    recorder: Any = None,
    clock: Callable[[], float] | None = None,
    now: Callable[[], datetime] | None = None,
    options: dict | None = None,
) -> AppContext:
    if speaker is None:
        speaker = SilentSpeaker()
    if recorder is None:
        recorder = NoRecorder()
    ctx = AppContext(db_path=Path(db_path), writer=Writer(db_path),
                     speaker=speaker, recorder=recorder, options=dict(options or {}))
    if clock is not None:
        ctx.clock = clock
    if now is not None:
        ctx.now = now
    return ctx


def make_app(
    db_path: Path | str,
    *,
    speaker: Any = None,
    recorder: Any = None,
    clock: Callable[[], float] | None = None,
    now: Callable[[], datetime] | None = None,
    start: str = "home",
    options: dict | None = None,
    prepare: bool = True,
):
    """The app on `db_path`, with its dependencies handed in."""
    from tui.app import MatchprepApp

    sys.setswitchinterval(SWITCH_INTERVAL)
    db_path = Path(db_path)
    if prepare:
        prepare_database(db_path)
    ctx = make_context(db_path, speaker=speaker, recorder=recorder, clock=clock, now=now,
                       options=options)
    return MatchprepApp(ctx, start=start)
