"""Table cells that show user text literally (a `str` cell would be read as markup)."""

from __future__ import annotations

from rich.text import Text


def text_cell(text: str, style: str = "") -> Text:
    """User text on one line, cut with an ellipsis where the column ends."""
    return Text(" ".join(str(text).split()), style=style, no_wrap=True, overflow="ellipsis")


SIGNAL_WORDS = {"gold": ("gold", "bold"), "silver": ("silver", ""), "none": ("none", "dim")}


def signal_cell(signal: str) -> Text:
    """A program's preference signal in words ("gold", "silver", "none"; "—" when not
    recorded): readable without colour."""
    word, style = SIGNAL_WORDS.get(signal, ("—", "dim"))
    return Text(word, style=style, no_wrap=True)
