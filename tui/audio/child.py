"""The audio helper: a process that owns PortAudio (`python -m tui.audio.child`).

A device can hang (a driver that stops delivering, a Bluetooth headset gone), and PortAudio
cannot be interrupted from Python, so the app never opens a device itself: it starts this
process, writes requests to its standard input as JSON lines, reads events back from its
standard output, and kills it when it stops answering.

In:  {"op": "record", "id": 1, "path": "/…/a.ogg"}   (records until "stop")
     {"op": "stop", "id": 1}                          (saves: Ogg Opus, 0600, atomically)
     {"op": "cancel", "id": 1}                        (records nothing)
     {"op": "pause", "id": 1, "paused": true}         (drops what it hears until false)
     {"op": "play", "id": 2, "path": "/…/a.ogg", "start": 12.5, "speed": 1.25}
     {"op": "halt", "id": 2}                          (stops playing)
     {"op": "quit"}
Out: {"event": "ready", "input": "default", "output": "default"}
     {"event": "unavailable", "problem": "..."}       (then the helper exits)
     {"event": "recording", "id": 1}  {"event": "level", "id": 1, "db": -23.5, "seconds": 1.2}
     {"event": "saved", "id": 1, "path": "...", "seconds": 12.4, "peak_db": -8.1}
     {"event": "playing", "id": 2, "seconds": 4.0}  (every 100 ms)  {"event": "ended", "id": 2}
     {"event": "halted", "id": 2, "seconds": 6.1}    (where playing stopped)
     {"event": "failed", "id": 1, "problem": "..."}
"""

from __future__ import annotations

import io
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

RATE = 16_000  # what the transcriber wants, and plenty for a voice
BLOCK = RATE // 10  # 100 ms: one level reading per block
DEVICE_ENV = "MATCHPREP_AUDIO_DEVICE"  # a PortAudio device name or index (tests, odd setups)

INSTALL_HINT = ("On Debian or Ubuntu: sudo apt install libportaudio2, and for a desktop's "
                "microphone pulseaudio (or pipewire-pulse) with libasound2-plugins.")


def explain_start(error: BaseException) -> str:
    text = str(error)
    if isinstance(error, OSError) and "portaudio" in text.lower():
        return f"PortAudio is not installed, so answers cannot be recorded. {INSTALL_HINT}"
    if isinstance(error, ImportError):
        return (f"The audio libraries are missing ({error.name or text}); reinstall matchprep "
                "with its dependencies.")
    if isinstance(error, LookupError):
        return f"No microphone was found: {text}. {INSTALL_HINT}"
    return f"No microphone was found ({type(error).__name__}: {text})."


def device() -> str | int | None:
    value = os.environ.get(DEVICE_ENV, "").strip()
    if not value:
        return None
    return int(value) if value.isdigit() else value


def encode(samples: Any) -> bytes:
    """Ogg Opus bytes of int16 mono samples at RATE."""
    import soundfile as sf

    buffer = io.BytesIO()
    sf.write(buffer, samples, RATE, format="OGG", subtype="OPUS")
    return buffer.getvalue()


class Helper:
    def __init__(self, out: Any) -> None:
        self.out = out
        self.lock = threading.Lock()
        self.recording: dict[str, Any] | None = None
        self.playing: dict[str, Any] | None = None

    def send(self, **event: Any) -> None:
        with self.lock:
            self.out.write(json.dumps(event) + "\n")
            self.out.flush()

    # Recording ----------------------------------------------------------------------------

    def record(self, message: dict[str, Any]) -> None:
        import numpy as np
        import sounddevice as sd

        from tui.audio.vad import level_db

        self.cancel(None)
        take: dict[str, Any] = {"id": message.get("id"), "path": str(message["path"]),
                                "blocks": [], "frames": 0, "peak": -100.0}

        def callback(data: Any, frames: int, time: Any, status: Any) -> None:
            if take.get("paused"):
                self.send(event="level", id=take["id"], db=-100.0,
                          seconds=round(take["frames"] / RATE, 2))
                return
            block = np.array(data[:, 0], dtype=np.int16)
            take["blocks"].append(block)
            take["frames"] += frames
            db = level_db(block)
            take["peak"] = max(take["peak"], db)
            self.send(event="level", id=take["id"], db=round(db, 1),
                      seconds=round(take["frames"] / RATE, 2))

        try:
            stream = sd.InputStream(samplerate=RATE, channels=1, dtype="int16", blocksize=BLOCK,
                                    device=device(), callback=callback)
            stream.start()
        except Exception as error:
            self.send(event="failed", id=take["id"], problem=explain_start(error))
            return
        take["stream"] = stream
        self.recording = take
        self.send(event="recording", id=take["id"])

    def _close_stream(self, take: dict[str, Any]) -> None:
        try:
            take["stream"].stop()
            take["stream"].close()
        except Exception:
            pass

    def stop(self, message: dict[str, Any]) -> None:
        import numpy as np

        from tui.store.files import WriteError, atomic_write, ensure_private_dir

        take, self.recording = self.recording, None
        if take is None:
            self.send(event="failed", id=message.get("id"), problem="nothing was being recorded")
            return
        self._close_stream(take)
        samples = (np.concatenate(take["blocks"]) if take["blocks"]
                   else np.zeros(0, dtype=np.int16))
        if len(samples) == 0:
            self.send(event="failed", id=take["id"], problem="the microphone gave no sound")
            return
        path = Path(take["path"])
        try:
            ensure_private_dir(path.parent)
            atomic_write(path, encode(samples))
        except (OSError, WriteError) as error:
            self.send(event="failed", id=take["id"], problem=str(error))
            return
        self.send(event="saved", id=take["id"], path=str(path),
                  seconds=round(len(samples) / RATE, 2), peak_db=round(take["peak"], 1))

    def pause(self, message: dict[str, Any]) -> None:
        """Keep the device open but drop what it hears (the interview is paused)."""
        if self.recording is not None:
            self.recording["paused"] = bool(message.get("paused", True))

    def cancel(self, message: dict[str, Any] | None) -> None:
        take, self.recording = self.recording, None
        if take is not None:
            self._close_stream(take)

    # Playing ------------------------------------------------------------------------------

    def play(self, message: dict[str, Any]) -> None:
        import sounddevice as sd
        import soundfile as sf

        from tui.audio.speed import stretch

        self.halt(None)
        play_id = message.get("id")
        try:
            samples, rate = sf.read(str(message["path"]), dtype="float32")
        except Exception as error:
            self.send(event="failed", id=play_id, problem=f"cannot read the audio ({error})")
            return
        if samples.ndim > 1:
            samples = samples.mean(axis=1)
        speed = float(message.get("speed") or 1.0)
        start = max(0.0, min(float(message.get("start") or 0.0), len(samples) / rate))
        rest = stretch(samples[int(start * rate):], rate, speed)
        state: dict[str, Any] = {"id": play_id, "at": 0, "rate": rate, "start": start,
                                 "speed": speed, "next_report": 0.0}
        finished = threading.Event()

        def callback(out: Any, frames: int, time: Any, status: Any) -> None:
            chunk = rest[state["at"]:state["at"] + frames]
            out[:len(chunk), 0] = chunk
            out[len(chunk):, 0] = 0
            state["at"] += frames
            position = start + min(state["at"], len(rest)) / rate * speed
            if position >= state["next_report"]:
                state["next_report"] = position + 0.1 * speed
                self.send(event="playing", id=play_id, seconds=round(position, 2))
            if len(chunk) < frames:
                raise sd.CallbackStop

        def done() -> None:
            finished.set()
            if self.playing is state:
                self.playing = None
                self.send(event="ended", id=play_id, seconds=round(start + len(rest) / rate
                                                                   * speed, 2))

        try:
            stream = sd.OutputStream(samplerate=rate, channels=1, dtype="float32",
                                     device=device(), callback=callback,
                                     finished_callback=done)
            state["stream"] = stream
            self.playing = state
            stream.start()
        except Exception as error:
            self.playing = None
            self.send(event="failed", id=play_id, problem=explain_start(error))

    def halt(self, message: dict[str, Any] | None) -> None:
        state, self.playing = self.playing, None
        if state is None:
            return
        try:
            state["stream"].abort()
            state["stream"].close()
        except Exception:
            pass
        position = state["start"] + state["at"] / state["rate"] * state["speed"]
        self.send(event="halted", id=state["id"], seconds=round(position, 2))


def probe_devices() -> dict[str, Any]:
    """Which input and output devices PortAudio offers by default (raises if none)."""
    import sounddevice as sd

    wanted = device()
    try:
        found = sd.query_devices(wanted, kind="input")
    except (sd.PortAudioError, ValueError):
        raise LookupError("PortAudio sees no input device") from None
    try:
        output = sd.query_devices(wanted, kind="output")["name"]
    except Exception:
        output = None
    return {"input": found["name"], "output": output}


def main() -> int:
    # The protocol gets its own copy of stdout; anything else printed (ALSA's complaints)
    # goes to stderr, which the app discards.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    helper = Helper(out)
    try:
        devices = probe_devices()
    except Exception as error:
        helper.send(event="unavailable", problem=explain_start(error))
        return 0
    helper.send(event="ready", **devices)
    handlers = {"record": helper.record, "stop": helper.stop, "cancel": helper.cancel,
                "pause": helper.pause,
                "play": helper.play, "halt": helper.halt}
    for line in sys.stdin:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        op = message.get("op") if isinstance(message, dict) else None
        if op == "quit":
            break
        handler = handlers.get(str(op))
        if handler is not None:
            try:
                handler(message)
            except Exception as error:  # a device that fails mid-way: said, not fatal
                helper.send(event="failed", id=message.get("id"),
                            problem=f"{type(error).__name__}: {error}")
    helper.cancel(None)
    helper.halt(None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
