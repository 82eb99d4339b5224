"""The app's one writer: a thread that owns a connection and applies writes in order.

Every change the UI makes (an autosave, a new question, a rating) is a job handed to
`Writer.submit`; jobs run one after another on the writer's own connection, so writes
never wait on the event loop, never race each other, and the newest text is always
written last. `close()` drains the queue, so quitting keeps everything submitted.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.storage import connect, retry_locked

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")
_STOP = object()


class Writer:
    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="matchprep-writer",
                                                daemon=True)
                self._thread.start()

    def submit(self, job: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Queue `job(db, *args, **kwargs)`; the future holds its result or its error."""
        future: Future[T] = Future()
        if self._closed:
            future.set_exception(RuntimeError("the writer is closed"))
            return future
        self.start()
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

    def _run(self) -> None:
        db: Database | None = None
        try:
            db = connect(self.db_path)
            while True:
                item = self._jobs.get()
                if item is _STOP:
                    break
                job, args, kwargs, future = item
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    result = retry_locked(lambda: job(db, *args, **kwargs))
                except BaseException as error:  # handed to whoever awaits the future
                    future.set_exception(error)
                else:
                    future.set_result(result)
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
