"""What every screen is handed: the database, the writer, the speaker, the clocks."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from tui.storage import connect
from tui.writer import Writer


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class AppContext:
    db_path: Path
    db: Database
    """A connection for quick reads on the event loop's thread (never for writes)."""
    writer: Writer
    """Every write goes here: `ctx.writer.submit(job, ...)` runs `job(db, ...)` in order."""
    speaker: Any = None
    clock: Callable[[], float] = time.monotonic
    """A monotonic clock in seconds, for countdowns (injected by tests)."""
    now: Callable[[], datetime] = _local_now
    """The aware wall-clock time, for dates and scheduling (injected by tests)."""
    options: dict[str, Any] = field(default_factory=dict)
    """Start-up options from the command line (a mock session to open, say)."""

    @contextmanager
    def reader(self) -> Iterator[Database]:
        """A private connection for a worker thread's reads; closed afterwards."""
        db = connect(self.db_path)
        try:
            yield db
        finally:
            db.close()

    def close(self) -> None:
        self.writer.close()
        speaker = self.speaker
        if speaker is not None and hasattr(speaker, "close"):
            speaker.close()
        self.db.close()
