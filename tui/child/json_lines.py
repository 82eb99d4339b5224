"""A helper process spoken to in JSON lines: the speech helper, the audio helper and the
transcriber (`tui.speech` and `tui.audio` both sit above this layer).

The app never blocks on a helper: one thread writes what `send` queues, one reads the
helper's events (a JSON object a line) and hands each to `on_event`, then None when the
helper's output ends. A helper runs in a session of its own, so `kill` ends it with
whatever it started (a player, a sound server client).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
from collections.abc import Callable
from typing import Any


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill the helper and everything it started, and reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):  # no killpg: not POSIX
        try:
            proc.kill()
        except OSError:
            pass
    try:
        proc.wait(timeout=2)
    except subprocess.TimeoutExpired:
        pass


class JsonProcess:
    """A child process spoken to in JSON lines: one thread writes, one reads (and hands each
    event to `on_event`, then None when the process's output ends)."""

    def __init__(self, argv: list[str], on_event: Callable[[dict[str, Any] | None], None],
                 env: dict[str, str] | None = None, *, name: str = "helper") -> None:
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True, close_fds=True)
        self._input: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._on_event = on_event
        threading.Thread(target=self._read, name=f"matchprep-{name}-read", daemon=True).start()
        threading.Thread(target=self._write, name=f"matchprep-{name}-write", daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None  # a pipe, as asked for above
        try:
            for raw in stream:
                try:
                    event = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(event, dict):
                    self._on_event(event)
        except (OSError, ValueError):
            pass
        finally:
            stream.close()
        self._on_event(None)

    def _write(self) -> None:
        stream = self.proc.stdin
        assert stream is not None  # a pipe, as asked for above
        try:
            while (data := self._input.get()) is not None:
                stream.write(data)
                stream.flush()
        except (OSError, ValueError):
            pass
        finally:
            try:
                stream.close()
            except (OSError, ValueError):
                pass

    def send(self, message: dict[str, Any]) -> None:
        self._input.put((json.dumps(message) + "\n").encode("utf-8"))

    def kill(self) -> None:
        """Kill it now; its threads see the pipes close and end by themselves."""
        kill_group(self.proc)
        self._input.put(None)

    def quit(self, timeout: float = 2.0) -> None:
        """Ask it to end; kill it if it has not within `timeout` seconds."""
        self.send({"op": "quit"})
        self._input.put(None)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(self.proc)
