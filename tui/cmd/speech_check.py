"""The speech engine, for `matchprep doctor`: which engine, how many voices, what to install."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def check_speech(path: Path) -> Iterator:
    from tui.cmd.doctor import Finding
    from tui.speech import probe

    report = probe()
    if report.ok:
        yield Finding(True, "speech", f"{report.driver} through pyttsx3, {report.voices} voices")
    else:
        # Not a failure: without an engine the app shows the questions and says how to get one.
        yield Finding(None, "speech", f"not available. {report.problem}")
