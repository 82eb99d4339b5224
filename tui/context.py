"""What every screen is handed: the database, the writer, the speaker, the recorder, the
clocks."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from tui.store.database import connect
from tui.store.writer import Writer

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class AppContext:
    db_path: Path
    writer: Writer
    """Every write goes here: `ctx.writer.submit(job, ...)` runs `job(db, ...)` in order."""
    speaker: Any = None
    recorder: Any = None
    """Records answers and plays them back (`tui.audio.recorder.Recorder`); a NoRecorder
    saying why when recording cannot or may not happen."""
    clock: Callable[[], float] = time.monotonic
    """A monotonic clock in seconds, for countdowns (injected by tests)."""
    now: Callable[[], datetime] = _local_now
    """The aware wall-clock time, for dates and scheduling (injected by tests)."""
    options: dict[str, Any] = field(default_factory=dict)
    """Start-up options from the command line (a mock session to open, say)."""
    on_read_trouble: Callable[[BaseException], None] | None = None
    """Told (from any thread) when a read in `reader()` finds the file damaged or unreadable,
    so that a worker's failure is said rather than shown as an empty list."""
    _db: Database | None = field(default=None, repr=False)
    _analyser: Any = field(default=None, repr=False)
    _recorded: Any = field(default=None, repr=False)
    _apart: ThreadPoolExecutor | None = field(default=None, repr=False)

    @property
    def analyser(self) -> Any:
        """Works out what was heard in a recording, in a process of its own (started on first
        use; `tui.audio.analyse.Analyser`)."""
        if self._analyser is None:
            from tui.audio.analyse import Analyser

            self._analyser = Analyser()
        return self._analyser

    @property
    def recorded(self) -> Any:
        """The recorded answers of this run (`tui.practice.recorded_answers.RecordedAnswers`):
        starts and ends takes, stores them, has them analysed, tells who listens."""
        if self._recorded is None:
            from tui.practice.recorded_answers import RecordedAnswers

            self._recorded = RecordedAnswers(self.db_path, self.writer, self.recorder,
                                             lambda: self.analyser, self.now)
        return self._recorded

    @property
    def db(self) -> Database:
        """A connection for quick reads on the event loop's thread (never for writes).

        Opened on first use, so the first screen is painted before sqlite-utils is loaded.
        """
        if self._db is None:
            self._db = connect(self.db_path)
        return self._db

    def follow(self, path: Path) -> None:
        """The database is at `path` now (the writer went on in a recovery file, the one
        it opened being deleted or replaced): reads go there too, from the next one on."""
        self.db_path = Path(path)
        if self._db is not None:
            self._db.close()
            self._db = None

    def peek_setting(self, key: str) -> str | None:
        """A setting read with plain sqlite3 (for start-up, before sqlite-utils is loaded)."""
        from tui.store.settings import get_setting

        return self.peek(lambda conn: get_setting(conn, key), None)

    def peek(self, read: Callable[[sqlite3.Connection], T], default: T) -> T:
        """`read(connection)` with plain sqlite3 (for start-up); `default` if it fails."""
        try:
            with closing(sqlite3.connect(f"file:{quote(str(self.db_path))}?mode=rw", uri=True,
                                         timeout=5)) as conn:
                return read(conn)
        except sqlite3.Error:
            return default

    @contextmanager
    def reader(self) -> Iterator[Database]:
        """A private connection for a worker thread's reads; closed afterwards."""
        db = connect(self.db_path)
        try:
            yield db
        except sqlite3.DatabaseError as error:
            from tui.store.database import is_file_trouble

            if self.on_read_trouble is not None and is_file_trouble(error):
                self.on_read_trouble(error)
            raise
        finally:
            db.close()

    def read_apart(self, read: Callable[[Database], T]) -> Future[T]:
        """`read(db)` on a private connection in a thread of its own, for a worker that
        reads something else meanwhile: SQLite lets go of the interpreter while it works,
        so two reads mostly of SQLite's work run side by side on two cores. The future
        holds what it read, or what it raised."""
        if self._apart is None:
            # Threads kept for the next read (Home's cards and Progress's charts ask for two
            # at a time); a read starts at once, not when the event loop next turns.
            self._apart = ThreadPoolExecutor(max_workers=3, thread_name_prefix="read-apart")
        return self._apart.submit(self._read_with, read)

    def _read_with(self, read: Callable[[Database], T]) -> T:
        with self.reader() as db:
            return read(db)

    def close(self) -> None:
        if self._apart is not None:
            self._apart.shutdown(wait=False, cancel_futures=True)
        for part in (self.recorder, self._analyser):
            if part is not None and hasattr(part, "close"):
                part.close()
        self.writer.close()
        speaker = self.speaker
        if speaker is not None and hasattr(speaker, "close"):
            speaker.close()
        if self._db is not None:
            self._db.close()


def app_context(app: object) -> AppContext:
    """The context of the running app, for the parts Textual makes itself and so cannot be
    handed one (command-palette providers)."""
    ctx = getattr(app, "ctx", None)
    if not isinstance(ctx, AppContext):
        raise TypeError(f"{app!r} is not the matchprep app: it has no AppContext")
    return ctx
