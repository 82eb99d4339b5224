"""The app's one writer: a thread that owns a connection and applies writes in order.

Every change the UI makes (an autosave, a new question, a rating) is a job handed to
`Writer.submit`; jobs run one after another on the writer's own connection, so writes
never wait on the event loop, never race each other, and the newest text is always
written last. `close()` drains the queue, so quitting keeps everything submitted.

When the file itself refuses a write (a full disk, a read-only file, another program
holding it too long), the job is not dropped: the writer tells its listener once, tries
the same job again every few seconds, keeping everything behind it in order, and tells
the listener again when writing works again. Only a damaged database fails the job.

Before each job the writer also checks that the file at the database's path is still the
one it opened (same device and inode: one `stat`). If it was deleted or replaced, the
writes would land in a file nobody can open again: what is open is copied (SQLite's backup
API) into a recovery file beside it, the writer goes on there, and its listener is told
("swapped", with a `FileSwapped` saying where). Once every connection is closed,
`put_back` moves a recovery file to the path of a deleted database.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from tui.store.database import connect, is_file_trouble, retry_locked
from tui.store.files import PRIVATE_FILE, ensure_private_dir
from tui.store.paths import data_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")
P = ParamSpec("P")
_STOP = object()
RETRY_WAITS = (0.5, 1.0, 2.0)  # then every 2 s, until the write goes through

Listener = Callable[[str, BaseException | None], None]
"""`listener(kind, error)`: kind "trouble" (with the error: a write is waiting), "recovered"
(writing works again), "damaged" (the error: the database cannot be read or written),
"swapped" (a `FileSwapped`: the file was deleted or replaced; writes go to its recovery)."""


class FileSwapped(Exception):
    """The database file was deleted or replaced while open; what was open, and every
    write since, is in `recovery`."""

    def __init__(self, path: Path, recovery: Path, deleted: bool) -> None:
        super().__init__(path, recovery, deleted)
        self.path, self.recovery, self.deleted = path, recovery, deleted

    def __str__(self) -> str:
        what = "deleted" if self.deleted else "replaced by another file"
        then = (f"it is put back at {self.path} when you quit" if self.deleted else
                f"open it with `matchprep --db {self.recovery}`, or put it back with "
                f"`matchprep --db {self.path} restore {self.recovery}`")
        # What matters first: a small terminal shows a notice's first sentences.
        return (f"Nothing you typed is lost. {self.path} was {what} while matchprep had it "
                f"open: everything you had is saved in {self.recovery}; {then}.")

    def left_where(self) -> str:
        """Where everything is, when the recovery could not take the database's place."""
        return (f"{self.path} was deleted or replaced while matchprep had it open; everything "
                f"you had, and typed since, is in {self.recovery}. Open it with `matchprep "
                f"--db {self.recovery}`, or put it back with `matchprep --db {self.path} "
                f"restore {self.recovery}`.")


def identity(path: Path) -> tuple[int, int] | None:
    """The file at `path` (device, inode), or None if there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _recovery_path(path: Path) -> Path:
    """A new file for what was open: beside the database, or (its folder gone or read-only)
    in the data folder."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for folder in (path.parent, data_dir()):
        try:
            ensure_private_dir(folder)
            candidate = folder / f"{path.name}-recovered-{stamp}.db"
            fd = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
        except OSError:
            continue
        os.close(fd)
        return candidate
    raise OSError(f"no folder to write a copy of {path} in")


def put_back(swapped: FileSwapped) -> bool:
    """Move the recovery file of a deleted database to its path, once nothing has either
    open (at quit). False when something is at the path now, or the move fails."""
    if not swapped.deleted or os.path.lexists(swapped.path):
        return False
    try:
        os.rename(swapped.recovery, swapped.path)
    except OSError:
        return False
    return True


def is_damage(error: BaseException) -> bool:
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def can_wait_out(error: BaseException) -> bool:
    """A refusal that may pass (full disk, read-only, busy, I/O): worth trying again."""
    return is_file_trouble(error) and not is_damage(error)


class Writer:
    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._lock = threading.Lock()
        self._listener: Listener | None = None
        self._unwritten = 0  # submitted, not yet done
        self.in_trouble = False
        self.opened: tuple[int, int] | None = None  # the file the connection is on
        self.swapped: FileSwapped | None = None

    def set_listener(self, listener: Listener | None) -> None:
        """Called from the writer's thread when writing stops or starts working again."""
        self._listener = listener

    @property
    def unwritten(self) -> int:
        """How many submitted jobs are not done yet (still waiting after `close`: lost)."""
        return self._unwritten

    def start(self) -> None:
        with self._lock:
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="matchprep-writer",
                                                daemon=True)
                self._thread.start()

    def submit(self, job: Callable[Concatenate[Database, P], T], *args: P.args,
               **kwargs: P.kwargs) -> Future[T]:
        """Queue `job(db, *args, **kwargs)`; the future holds its result or its error."""
        future: Future[T] = Future()
        if self._closed:
            future.set_exception(RuntimeError("the writer is closed"))
            return future
        self.start()
        with self._lock:
            self._unwritten += 1
        self._jobs.put((job, args, kwargs, future))
        return future

    def check_file(self) -> None:
        """Look at the database file now (a reader found it gone): a job that writes
        nothing, before which the writer checks the file as before any other."""
        if not self._closed:
            self.submit(lambda db: None)

    def flush(self, timeout: float | None = 10) -> None:
        """Wait until everything submitted so far is written."""
        if self._thread is None:
            return
        self.submit(lambda db: None).result(timeout)

    def close(self, timeout: float | None = 10) -> None:
        """Write what is queued, then stop the thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._jobs.put(_STOP)
            thread.join(timeout)

    def _patiently(self, db: Database, job: Callable[..., Any], args: tuple[Any, ...],
                   kwargs: dict[str, Any]) -> Any:
        """Run the job; while the file refuses it for a reason that may pass, try again."""
        attempt = 0
        while True:
            try:
                result = retry_locked(lambda: job(db, *args, **kwargs))
            except Exception as error:
                if not can_wait_out(error):
                    if is_damage(error):
                        self._tell("damaged", error)
                    raise
                if not self.in_trouble:
                    self.in_trouble = True
                    self._tell("trouble", error)
                time.sleep(RETRY_WAITS[min(attempt, len(RETRY_WAITS) - 1)])
                attempt += 1
                continue
            if self.in_trouble:
                self.in_trouble = False
                self._tell("recovered", None)
            return result

    def _same_file(self, db: Database) -> Database:
        """The connection to write with: `db`, unless the file at the path is no longer the
        one it opened; then a connection to the recovery file made from what `db` has."""
        if self.swapped is not None or identity(self.db_path) == self.opened:
            return db
        path = self.db_path
        try:
            recovery = _recovery_path(path)
            target = sqlite3.connect(recovery)
            try:
                db.conn.backup(target)  # what this connection sees: every write made
                target.execute("PRAGMA journal_mode = DELETE")  # no -wal to leave behind
            finally:
                target.close()
        except (OSError, sqlite3.Error):
            return db  # nowhere to copy it: keep writing where it is, and try again later
        fresh = connect(recovery)
        db.close()
        self.swapped = FileSwapped(path, recovery, deleted=identity(path) is None)
        self.db_path = recovery
        self.opened = identity(recovery)
        self._tell("swapped", self.swapped)
        return fresh

    def _tell(self, kind: str, error: BaseException | None) -> None:
        listener = self._listener
        if listener is not None:
            try:
                listener(kind, error)
            except Exception:
                pass

    def _run(self) -> None:
        db: Database | None = None
        try:
            db = connect(self.db_path)
            self.opened = identity(self.db_path)
            while True:
                item = self._jobs.get()
                if item is _STOP:
                    break
                job, args, kwargs, future = item
                try:
                    if not future.set_running_or_notify_cancel():
                        continue
                    db = self._same_file(db)
                    try:
                        result = self._patiently(db, job, args, kwargs)
                    except BaseException as error:  # handed to whoever awaits the future
                        future.set_exception(error)
                    else:
                        future.set_result(result)
                finally:
                    with self._lock:
                        self._unwritten -= 1
        finally:
            if db is not None:
                db.close()
            # Fail whatever is still queued rather than leave its awaiter hanging.
            while True:
                try:
                    item = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if item is not _STOP:
                    item[3].set_exception(RuntimeError("the writer stopped"))
