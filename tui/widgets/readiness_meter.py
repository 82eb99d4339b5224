"""A dossier's readiness: a bar, the count, and the parts still missing."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from dossiers.readiness import Readiness

BAR = 10


def bar(fraction: float, width: int = BAR) -> str:
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)


def readiness_cell(r: Readiness) -> Content:
    """For a table cell: "███████░░░ 7/11"."""
    style = "$text-success" if r.complete else ("$text-warning" if r.fraction >= 0.5
                                               else "$text-error")
    return Content.from_markup(f"[{style}]$bar[/] $count", bar=bar(r.fraction, 6),
                               count=f"{len(r.done)}/{r.total}")


class ReadinessMeter(Static):
    """Shows a Readiness; `show(None)` while loading."""

    DEFAULT_CSS = """
    ReadinessMeter { height: auto; padding: 0 1; color: $text-muted; }
    """

    def show(self, r: Readiness | None) -> None:
        if r is None:
            self.update("")
            return
        style = "$text-success" if r.complete else "$text-warning"
        head = Content.from_markup(f"[{style}]$bar[/] [b]$count[/b] ready",
                                   bar=bar(r.fraction), count=f"{len(r.done)}/{r.total}")
        if r.complete:
            self.update(head + Content(" · everything is in place"))
            return
        missing = ", ".join(f"{g.label} ({g.detail})" for g in r.missing)
        self.update(head + Content(" · missing: ") + Content(missing))
