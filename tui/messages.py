"""Messages that travel up to the app: requests any screen or provider may make."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenQuestion(Message):
    """Show this question (from the command palette, the home screen, a link)."""

    question_id: str
