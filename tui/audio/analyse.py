"""What was heard in a recording: its stretches of voice and its words, worked out in a
process of its own (`python -m tui.audio.analyse`), one recording after another, so the
app never waits for the transcriber and a transcriber that hangs can be killed.

In:  {"id": 1, "path": "/…/a.ogg"}
Out: {"id": 1, "seconds": 12.4, "voiced": [[0.8, 3.1], …], "words": [["so", 0.8, 1.0, 0.9], …],
      "engine": "pocketsphinx", "problem": null}   (words null when no engine could run)
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from question_bank.spoken import SpokenReview, SpokenWord, delivery
from tui.child.json_lines import JsonProcess


@dataclass(frozen=True)
class Heard:
    """What the analysis found in one recording."""

    seconds: float
    voiced: list[tuple[float, float]]
    words: list[SpokenWord] | None  # None: not transcribed (no engine)
    engine: str | None
    problem: str | None = None

    def review(self, pace_wpm: int) -> SpokenReview:
        return SpokenReview(delivery(self.voiced, self.seconds), tuple(self.words or ()),
                            transcribed=self.words is not None, pace_wpm=pace_wpm)


def hear(path: Path | str, engine: Any = None) -> Heard:
    """Read an audio file, find its voice and (with an engine) its words. Blocking."""
    import numpy as np
    import soundfile as sf

    from tui.audio.vad import voiced_stretches

    samples, rate = sf.read(str(path), dtype="int16")
    if samples.ndim > 1:
        samples = samples.mean(axis=1).astype(np.int16)
    if rate != 16_000:  # our own files are 16 kHz; anything else is resampled simply
        positions = np.arange(0, len(samples), rate / 16_000)
        samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.int16)
        rate = 16_000
    seconds = len(samples) / rate
    voiced = voiced_stretches(samples, rate)
    if engine is None or not voiced:
        return Heard(seconds, voiced, [] if engine is not None else None,
                     getattr(engine, "name", None))
    return Heard(seconds, voiced, engine.transcribe(samples, voiced), engine.name)


def _heard(event: dict[str, Any]) -> Heard:
    words = event.get("words")
    return Heard(
        seconds=float(event.get("seconds") or 0.0),
        voiced=[(float(a), float(b)) for a, b in event.get("voiced") or []],
        words=None if words is None else [SpokenWord(str(w[0]), float(w[1]), float(w[2]),
                                                     float(w[3])) for w in words],
        engine=event.get("engine"), problem=event.get("problem"))


class AnalysisError(Exception):
    """A recording that could not be analysed (a sentence)."""


class Analyser:
    """Sends recordings to the analysis process, one at a time; each gets a Future[Heard].

    The process starts on the first request and stays (the engine loads once). A request
    that takes longer than `budget(seconds of audio)` has its process killed and fails; the
    next request starts a fresh one.
    """

    def __init__(self, argv: list[str] | None = None, *,
                 budget: Callable[[float], float] = lambda s: 60.0 + 3.0 * s) -> None:
        self._argv = argv or [sys.executable, "-m", "tui.audio.analyse"]
        self._budget = budget
        self._lock = threading.Lock()
        self._proc: JsonProcess | None = None
        self._pending: dict[int, tuple[Future[Heard], float]] = {}
        self._next = 0
        self._closed = False
        self._watch: threading.Thread | None = None

    def submit(self, path: Path, seconds: float = 60.0) -> Future[Heard]:
        future: Future[Heard] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(AnalysisError("matchprep is closing"))
                return future
            if self._proc is None:
                holder: list[JsonProcess] = []
                self._proc = JsonProcess(
                    self._argv, lambda e: self._on_event(holder[0] if holder else None, e),
                    name="transcriber")
                holder.append(self._proc)
            self._next += 1
            deadline = time.monotonic() + self._budget(seconds) * (1 + len(self._pending))
            self._pending[self._next] = (future, deadline)
            self._proc.send({"id": self._next, "path": str(path)})
            if self._watch is None:
                self._watch = threading.Thread(target=self._watchdog, daemon=True,
                                               name="matchprep-analysis-watch")
                self._watch.start()
        return future

    def _on_event(self, proc: JsonProcess | None, event: dict[str, Any] | None) -> None:
        with self._lock:
            if proc is not self._proc:
                return
            if event is None:
                self._proc = None
                self._fail_all("The transcriber ended unexpectedly.")
                return
            entry = self._pending.pop(int(event.get("id") or 0), None)
        if entry is None:
            return
        future = entry[0]
        if event.get("failed"):
            future.set_exception(AnalysisError(str(event.get("problem") or "it failed")))
        else:
            future.set_result(_heard(event))

    def _fail_all(self, problem: str) -> None:
        pending, self._pending = self._pending, {}
        for future, _ in pending.values():
            if not future.done():
                future.set_exception(AnalysisError(problem))

    def _watchdog(self) -> None:
        while not self._closed:
            time.sleep(0.5)
            with self._lock:
                late = [d for _, d in self._pending.values() if time.monotonic() > d]
                if late and self._proc is not None:
                    proc, self._proc = self._proc, None
                    proc.kill()
                    self._fail_all("The transcriber took too long and was stopped.")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            proc, self._proc = self._proc, None
            self._fail_all("matchprep is closing")
        if proc is not None:
            proc.kill()


def main() -> int:
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    engine: Any = None
    problem = None
    try:
        from tui.audio.transcribe import EngineMissing, default_engine

        try:
            engine = default_engine()
        except EngineMissing as error:
            problem = str(error)
    except ImportError as error:
        problem = f"The transcriber cannot start ({error})."
    for line in sys.stdin:
        try:
            request = json.loads(line)
            path = request["path"]
        except (ValueError, KeyError, TypeError):
            continue
        try:
            heard = hear(path, engine)
            reply: dict[str, Any] = {
                "id": request.get("id"), "seconds": round(heard.seconds, 3),
                "voiced": heard.voiced, "engine": heard.engine, "problem": problem,
                "words": None if heard.words is None else [
                    [w.text, round(w.start, 3), round(w.end, 3), round(w.confidence, 3)]
                    for w in heard.words]}
        except Exception as error:  # a damaged file: said, and the next one goes on
            reply = {"id": request.get("id"), "failed": True,
                     "problem": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(reply) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
