"""A countdown: a label and big digits that change colour as the limit nears and passes."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Digits, Static

from question_bank.structures import format_duration


def clock_text(seconds: float) -> str:
    """"1:05" with 65 s left (whole seconds, rounded up: 0:00 is the limit itself);
    "+0:12" once over by 12 s (whole seconds, rounded down)."""
    if seconds >= 0:
        return format_duration(math.ceil(seconds - 1e-6))
    return "+" + format_duration(int(-seconds))


class Countdown(Vertical):
    """Shows seconds left with a caption; the `-think`, `-warn`, `-over` and `-paused`
    classes colour it (as the limit nears, once it is passed)."""

    DEFAULT_CSS = """
    Countdown {
        height: auto;
        width: auto;
        align-horizontal: center;
    }
    Countdown > #countdown-caption {
        width: 100%;
        text-align: center;
        color: $text-muted;
        text-style: bold;
    }
    Countdown > Digits {
        width: auto;
        color: $text-success;
    }
    Countdown.-think > Digits { color: $text-accent; }
    Countdown.-warn > Digits { color: $text-warning; }
    Countdown.-over > Digits { color: $text-error; }
    Countdown.-over > #countdown-caption { color: $text-error; }
    Countdown.-paused > Digits { color: $text-muted; }
    Countdown.-compact { width: 100%; }
    Countdown.-compact > Digits { display: none; }
    Countdown.-compact > #countdown-caption { color: $text-success; }
    Countdown.-compact.-think > #countdown-caption { color: $text-accent; }
    Countdown.-compact.-warn > #countdown-caption { color: $text-warning; }
    Countdown.-compact.-paused > #countdown-caption { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._caption = ""
        self._value = ""

    def compose(self) -> ComposeResult:
        yield Static(id="countdown-caption")
        yield Digits("", id="countdown-digits")

    def show(self, seconds: float, caption: str, *, state: str = "") -> None:
        """Display `seconds` left; `state` is "", "think", "warn", "over" or "paused"."""
        value = clock_text(seconds)
        compact = self.has_class("-compact")
        label = f"{caption}  {value}" if compact else caption
        if label != self._caption:
            self._caption = label
            self.query_one("#countdown-caption", Static).update(Content(label))
        if value != self._value:
            self._value = value
            self.query_one(Digits).update(value)
        for name in ("think", "warn", "over", "paused"):
            self.set_class(state == name, f"-{name}")
