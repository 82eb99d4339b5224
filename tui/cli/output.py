"""What the command line prints, made safe for a terminal.

Every line for a person goes through `say`: a control character in a program's name or a
question (from a file made before importers dropped them, or by another program) shows as
a symbol rather than retitling or clearing the terminal (`question_bank.text.inert`).
Data meant for another program (an export, `--json`) keeps its characters: JSON escapes
them, and an export is made inert only when it is printed straight to a terminal.
"""

from __future__ import annotations

import json
import sys

from question_bank.text import inert, inert_json


def say(text: str, *, err: bool = False) -> None:
    """Print a line for a person (on stderr with `err`), control characters inert."""
    print(inert(text), file=sys.stderr if err else sys.stdout)


def say_json(data: object) -> None:
    """Print JSON: what JSON leaves raw (DEL, C1 controls) escaped, the rest as is."""
    sys.stdout.write(inert_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def write_data(text: str) -> None:
    """Print an export: as it is into a pipe or a file, inert on a terminal."""
    if sys.stdout.isatty():
        text = inert(text)
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")


def draw_in_utf8() -> None:
    """The app draws in UTF-8 (box lines, symbols, your text) on the terminal's stream,
    whatever Python guessed from PYTHONIOENCODING or a C locale: an ASCII stream would show
    every line as backslash escapes."""
    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is None or (stream.encoding or "").lower().replace("-", "") == "utf8":
            continue
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def survive_any_encoding() -> None:
    """Let stdout and stderr write what their encoding cannot (PYTHONIOENCODING=ascii, a
    C locale) as backslash escapes ("S\\xe3o Paulo") rather than fail mid-line."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass  # not a text stream of its own (a test's capture): leave it
