"""A real capture path without a microphone: PulseAudio with a pipe source.

PortAudio records from ALSA's pulse plugin, PulseAudio's pipe source reads a FIFO, and
whatever a feeder thread writes into the FIFO (silence, in real time, until it is handed
speech) is what the "microphone" hears. The tests start their own PulseAudio with
XDG_RUNTIME_DIR in a temporary folder, and stop it by its process id.

Speech is made by espeak-ng and converted by sox to 16 kHz signed 16-bit mono; pauses are
exact runs of zeros, so every boundary is known to the sample.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from ctypes.util import find_library
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

RATE = 16_000
CHUNK = RATE // 20  # 50 ms of samples per write


def missing_pieces() -> list[str]:
    """What this machine lacks for the fake microphone (empty when it has everything)."""
    needed = {"pulseaudio": "pulseaudio", "pactl": "pulseaudio-utils", "espeak-ng": "espeak-ng",
              "sox": "sox"}
    absent = [f"{program} (apt install {package})" for program, package in needed.items()
              if shutil.which(program) is None]
    if find_library("portaudio") is None:
        absent.append("libportaudio (apt install libportaudio2)")
    if not list(Path("/usr/lib").glob("*/alsa-lib/libasound_module_pcm_pulse.so")):
        absent.append("ALSA's pulse plugin (apt install libasound2-plugins)")
    return absent


def speech(text: str, *, voice: str = "en-us", wpm: int = 150) -> np.ndarray:
    """`text` said by espeak-ng, trimmed of its own leading and trailing silence."""
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "--stdout", text],
                         capture_output=True, check=True).stdout
    raw = subprocess.run(
        ["sox", "-D", "-t", "wav", "-", "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed",
         "-t", "raw", "-", "silence", "1", "0.01", "0.3%", "reverse", "silence", "1", "0.01",
         "0.3%", "reverse"], input=wav, capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype=np.int16)


@dataclass
class Script:
    """Speech and pauses laid end to end, with where each spoken piece is."""

    samples: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int16))
    pieces: list[tuple[str, float, float]] = field(default_factory=list)  # (text, start, end)

    @property
    def seconds(self) -> float:
        return len(self.samples) / RATE

    def pause(self, seconds: float) -> Script:
        self.samples = np.concatenate([self.samples, np.zeros(int(seconds * RATE), np.int16)])
        return self

    def say(self, text: str, **options) -> Script:
        start = self.seconds
        self.samples = np.concatenate([self.samples, speech(text, **options)])
        self.pieces.append((text, start, self.seconds))
        return self

    @property
    def words(self) -> int:
        return sum(len(text.split()) for text, _, _ in self.pieces)

    def gaps(self) -> list[tuple[float, float]]:
        """The silences between spoken pieces."""
        return [(a[2], b[1]) for a, b in zip(self.pieces, self.pieces[1:], strict=False)]


class FakeMic:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.run_dir = folder / "run"
        self.fifo = folder / "mic.fifo"
        self.proc: subprocess.Popen | None = None
        self._queue: list[np.ndarray] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._paused = threading.Event()
        self._feeder: threading.Thread | None = None

    @property
    def env(self) -> dict[str, str]:
        """What a process needs to hear this microphone."""
        return {"XDG_RUNTIME_DIR": str(self.run_dir),
                "PULSE_SERVER": f"unix:{self.run_dir / 'pulse' / 'native'}"}

    def _pactl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["pactl", *args], env={**os.environ, **self.env},
                              capture_output=True, text=True, timeout=20)

    def start(self) -> FakeMic:
        self.run_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n",
             "--load=module-native-protocol-unix", "--load=module-null-sink",
             "--log-target=stderr"],
            env={**os.environ, **self.env}, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 20
        while self._pactl("info").returncode != 0:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("PulseAudio did not start")
            time.sleep(0.1)
        loaded = self._pactl("load-module", "module-pipe-source", "source_name=fakemic",
                             f"file={self.fifo}", "format=s16le", f"rate={RATE}", "channels=1")
        if loaded.returncode != 0:
            self.stop()
            raise RuntimeError(f"the pipe source did not load: {loaded.stderr}")
        self._pactl("set-default-source", "fakemic")
        self._feeder = threading.Thread(target=self._feed, name="fake-mic", daemon=True)
        self._feeder.start()
        return self

    def _feed(self) -> None:
        try:
            self._feed_until_stopped()
        except OSError:  # PulseAudio stopped first: the pipe is broken
            pass

    def _feed_until_stopped(self) -> None:
        silence = np.zeros(CHUNK, np.int16)
        with open(self.fifo, "wb") as fifo:
            start, sent = time.monotonic(), 0
            while not self._stop.is_set():
                if self._paused.is_set():  # a device that stops delivering
                    time.sleep(0.02)
                    start, sent = time.monotonic(), 0
                    continue
                with self._lock:
                    chunk = silence
                    if self._queue:
                        head = self._queue[0]
                        chunk, rest = head[:CHUNK], head[CHUNK:]
                        if len(rest):
                            self._queue[0] = rest
                        else:
                            self._queue.pop(0)
                        if len(chunk) < CHUNK:
                            chunk = np.concatenate([chunk, silence[:CHUNK - len(chunk)]])
                fifo.write(chunk.tobytes())
                fifo.flush()
                sent += CHUNK
                ahead = start + sent / RATE - time.monotonic()
                if ahead < -0.2:  # the write waited for a reader: go on from now, no burst
                    start, sent = time.monotonic(), 0
                time.sleep(max(0.0, ahead))

    def play(self, samples: np.ndarray | Script) -> None:
        """Have the microphone hear `samples` next (after what it was already given)."""
        data = samples.samples if isinstance(samples, Script) else samples
        with self._lock:
            self._queue.append(np.asarray(data, dtype=np.int16))

    def busy(self) -> bool:
        with self._lock:
            return bool(self._queue)

    def freeze(self, frozen: bool = True) -> None:
        """Stop delivering samples (a stuck device), or deliver them again."""
        if frozen:
            self._paused.set()
        else:
            self._paused.clear()

    def stop(self) -> None:
        self._stop.set()
        if self._feeder is not None:
            self._feeder.join(5)
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)


def answer_script(sentences: Sequence[str], pauses: Sequence[float], *, lead: float = 1.0,
                  tail: float = 1.0, **options) -> Script:
    """Sentences separated by the given pauses (len(pauses) == len(sentences) - 1)."""
    script = Script().pause(lead)
    for i, sentence in enumerate(sentences):
        if i:
            script.pause(pauses[i - 1])
        script.say(sentence, **options)
    return script.pause(tail)
