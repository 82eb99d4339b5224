"""The speech helper: a process that owns the one pyttsx3 engine (`python -m tui.speech.child`).

pyttsx3's loop hangs now and then, may speak only once, and fails when shared across
threads, so the app never runs it: it starts this process, writes what to say to its
standard input as JSON lines (never on its command line), reads events back from its
standard output, and kills it to stop speech at once.

In:  {"op": "say", "id": 1, "text": "...", "rate": 170, "voice": "gmw/en-US"}
     {"op": "save", "id": 2, "text": "...", "path": "/tmp/x.wav"}   (speech to a WAV file)
     {"op": "quit"}
Out: {"event": "ready", "driver": "espeak", "voices": [...], "playback": true, "problem": null}
     {"event": "unavailable", "problem": "..."}   (then the helper exits)
     {"event": "started", "id": 1} / {"event": "done", "id": 1}
     {"event": "failed", "id": 1, "problem": "..."}
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
from typing import Any

INSTALL_HINT = ("On Debian or Ubuntu: sudo apt install espeak-ng alsa-utils. On macOS and "
                "Windows, pyttsx3 uses the system's own voices.")


def _driver_name(engine: Any) -> str:
    driver = getattr(getattr(engine, "proxy", None), "_driver", None)
    return type(driver).__module__.rsplit(".", 1)[-1] if driver is not None else "unknown"


def _playback_problem(driver: str) -> str | None:
    """pyttsx3 plays espeak's speech on Linux through `aplay`; say so when it is missing."""
    if driver == "espeak" and platform.system() == "Linux" and not shutil.which("aplay"):
        return ("espeak-ng works, but pyttsx3 plays speech through aplay, which is missing. "
                "On Debian or Ubuntu: sudo apt install alsa-utils.")
    return None


def _voices(engine: Any) -> list[dict]:
    found = []
    for voice in engine.getProperty("voices") or []:
        languages = []
        for lang in getattr(voice, "languages", None) or []:
            languages.append(lang.decode("utf-8", "replace") if isinstance(lang, bytes)
                             else str(lang))
        found.append({"id": str(voice.id), "name": str(voice.name or voice.id),
                      "languages": languages})
    return found


def _explain_start(error: BaseException) -> str:
    text = str(error)
    if "espeak" in text.lower() or isinstance(error, (OSError, ImportError)):
        return f"pyttsx3 found no speech engine ({type(error).__name__}: {text}). {INSTALL_HINT}"
    return (f"pyttsx3 could not start its speech engine ({type(error).__name__}: {text}). "
            f"{INSTALL_HINT}")


def _apply(engine: Any, message: dict, voice_ids: set[str]) -> None:
    rate = message.get("rate")
    if isinstance(rate, (int, float)) and 60 <= rate <= 400:
        engine.setProperty("rate", int(rate))
    voice = message.get("voice")
    if isinstance(voice, str) and voice in voice_ids:
        engine.setProperty("voice", voice)


def _speak(engine: Any, message: dict, send) -> None:
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        send(event="failed", id=message.get("id"), problem="nothing to say")
        return
    send(event="started", id=message.get("id"))
    try:
        if message["op"] == "save":
            engine.save_to_file(text, str(message["path"]))
        else:
            engine.say(text)
        engine.runAndWait()
    except Exception as error:  # reported without the text, which is the user's
        send(event="failed", id=message.get("id"), problem=type(error).__name__)
        return
    finally:
        driver = getattr(getattr(engine, "proxy", None), "_driver", None)
        if driver is not None and hasattr(driver, "_save_file"):
            driver._save_file = None  # pyttsx3 2.99's espeak driver keeps saving to the file
    send(event="done", id=message.get("id"))


def main() -> int:
    # The protocol gets its own copy of stdout; the engine's own prints ("Audio saved to",
    # aplay's complaints) go to stderr, which the app discards.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)

    def send(**event: Any) -> None:
        out.write(json.dumps(event) + "\n")
        out.flush()

    try:
        import pyttsx3

        engine = pyttsx3.init()
        voices = _voices(engine)
    except Exception as error:
        send(event="unavailable", problem=_explain_start(error))
        return 0
    driver = _driver_name(engine)
    problem = _playback_problem(driver)
    send(event="ready", driver=driver, voices=voices, playback=problem is None, problem=problem,
         rate=engine.getProperty("rate"))
    voice_ids = {v["id"] for v in voices}
    for line in sys.stdin:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        op = message.get("op") if isinstance(message, dict) else None
        if op == "quit":
            break
        if op in ("say", "save"):
            _apply(engine, message, voice_ids)
            _speak(engine, message, send)
    return 0


if __name__ == "__main__":
    sys.exit(main())
