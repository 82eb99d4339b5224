"""A notice (Textual's toast) that leaves a small terminal usable.

Textual draws a toast 60 columns wide but at most half the screen's width, with a blank
line above and below its text: at 40x12 "Profile skipped" was a column 20 wide over half
the screen. On a narrow screen (the app's `-narrow` width class) `tui/styles/app.tcss` lets
a toast take the screen's width (up to its 60 columns) without the blank lines, and
`fit_notice` keeps its text to a third of the screen's height: the sentences that fit, from
the first (so a notice says its gist, and what to do, first), or else the first sentence
cut short. Wide screens show every notice whole, as Textual does. A toast still goes when
clicked, or after its timeout.
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.geometry import Size

TOAST_WIDTH = 60  # Textual's Toast is `width: 60`
TOAST_FRAME = 3  # columns of its left border and of its padding (0 1) on a narrow screen
HEIGHT_SHARE = 3  # a toast takes at most a third of the screen's height
# A sentence ends at . ! or ? followed by a space and a capital, a quote or a path (not at
# "e.g. for").
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(`/~])")


def toast_rows(title: str, text: str, width: int) -> int:
    """The lines a compact toast takes: its title, then its text, each wrapped to `width`."""
    return sum(len(Content(part).wrap(width)) for part in (title, text) if part)


def fit_notice(message: str, *, title: str, markup: bool, size: Size) -> str | None:
    """What of `message` a compact toast on a screen of `size` shows: None when all of it
    fits a third of the screen's height, else the plain text that does."""
    width = min(TOAST_WIDTH, size.width) - TOAST_FRAME
    rows = max(2, size.height // HEIGHT_SHARE)
    text = Content.from_markup(message).plain if markup else message
    if width < 1 or toast_rows(title, text, width) <= rows:
        return None
    sentences = SENTENCE_END.split(text)
    kept = ""
    for sentence in sentences:
        longer = f"{kept} {sentence}" if kept else sentence
        if toast_rows(title, longer, width) > rows:
            break
        kept = longer
    if kept:
        return kept
    return _cut(title, sentences[0], width, rows)


def _cut(title: str, text: str, width: int, rows: int) -> str:
    """The longest start of `text` that fits `rows` with "…" after it, ending at a space
    when one is not too far back (a path or a long word is cut where the room ends)."""
    low, high = 1, len(text)  # low fits (or nothing does), high does not
    while high - low > 1:
        middle = (low + high) // 2
        if toast_rows(title, text[:middle].rstrip() + "…", width) <= rows:
            low = middle
        else:
            high = middle
    space = text.rfind(" ", 0, low + 1)
    end = space if space > low // 2 else low
    return text[:end].rstrip() + "…"
