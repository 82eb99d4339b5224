"""What a test needs from the machine: `@needs("espeak-ng", "aplay")` skips the test, naming
what is missing and how to install it, and runs it wherever the pieces are there.

Each piece is looked for as the app (or the test) looks for it: espeak-ng as a program or
as the library pyttsx3 loads, aplay and tmux on PATH, PulseAudio as a server that answers.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from ctypes.util import find_library
from functools import cache

import pytest


def _espeak() -> bool:
    return bool(shutil.which("espeak-ng") or find_library("espeak-ng"))


def _on_path(program: str) -> Callable[[], bool]:
    return lambda: shutil.which(program) is not None


def _pulseaudio() -> bool:
    pactl = shutil.which("pactl")
    if pactl is None:
        return False
    try:
        return subprocess.run([pactl, "info"], capture_output=True, timeout=10,
                              check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


# piece -> (is it there?, how to get it)
PIECES: dict[str, tuple[Callable[[], bool], str]] = {
    "espeak-ng": (_espeak, "apt install espeak-ng"),
    "aplay": (_on_path("aplay"), "apt install alsa-utils"),
    "tmux": (_on_path("tmux"), "apt install tmux"),
    "sox": (_on_path("sox"), "apt install sox"),
    "pulseaudio": (_pulseaudio, "apt install pulseaudio, then `pulseaudio --start`"),
}


@cache
def missing(piece: str) -> str | None:
    """None when `piece` is there, else what to do about it ("aplay: apt install alsa-utils")."""
    present, remedy = PIECES[piece]  # an unknown name is a KeyError: a typo must not skip
    return None if present() else f"{piece} ({remedy})"


def needs(*pieces: str) -> pytest.MarkDecorator:
    """Skip the test, saying why, unless every piece is on this machine."""
    absent = [reason for piece in pieces if (reason := missing(piece))]
    return pytest.mark.skipif(bool(absent), reason="not on this machine: " + ", ".join(absent))
