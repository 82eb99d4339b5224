"""Messages that travel up to the app: requests any screen or provider may make.

Each names what the user wants to see; the app decides how (switching section, pushing
a screen). The part of the app that owns the destination adds the handler in `tui/app.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class OpenQuestion(Message):
    """Show this question (from the command palette, the home screen, a link)."""

    question_id: str


@dataclass
class OpenAnswer(Message):
    """Open the answer editor on this question (its current answer, or `answer_id`)."""

    question_id: str
    answer_id: int | None = None


@dataclass
class OpenProgram(Message):
    """Open this program's dossier."""

    program_id: int


@dataclass
class StartMock(Message):
    """Start a mock interview of this format (a program round: for `program`, by name)."""

    format_id: str = ""
    program: str | None = None


@dataclass
class SpeechTrouble(Message):
    """The speech engine needs the user to know something (missing, restarted, given up);
    posted from the speaker's own thread."""

    kind: str
    text: str


@dataclass
class SaveTrouble(Message):
    """Writing to the database stopped working ("trouble": it is retried, nothing is
    dropped), works again ("recovered"), found the database damaged ("damaged"), or found
    its file deleted or replaced ("swapped": what was open is now at `moved_to`); posted
    from the writer's thread."""

    kind: str
    text: str
    moved_to: Path | None = None
