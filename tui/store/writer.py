"""The app's one writer: a thread that owns a connection and applies writes in order.

Every change the UI makes (an autosave, a new question, a rating) is a job handed to
`Writer.submit`; jobs run one after another on the writer's own connection, so writes
never wait on the event loop, never race each other, and the newest text is always
written last. `close()` drains the queue, so quitting keeps everything submitted.

When the file itself refuses a write (a full disk, a read-only file, another program
holding it too long), the job is not dropped: the writer tells its listener once, tries
the same job again every few seconds, keeping everything behind it in order, and tells
the listener again when writing works again. Only a damaged database fails the job.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from tui.store.database import connect, is_file_trouble, retry_locked

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")
P = ParamSpec("P")
_STOP = object()
RETRY_WAITS = (0.5, 1.0, 2.0)  # then every 2 s, until the write goes through

Listener = Callable[[str, BaseException | None], None]
"""`listener(kind, error)`: kind "trouble" (with the error: a write is waiting), "recovered"
(writing works again), "damaged" (the error: the database cannot be read or written)."""


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
            while True:
                item = self._jobs.get()
                if item is _STOP:
                    break
                job, args, kwargs, future = item
                try:
                    if not future.set_running_or_notify_cancel():
                        continue
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
