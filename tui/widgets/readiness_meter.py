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
    # Made directly, not from markup: a list of 100 programs parsed 100 markups (7 ms).
    return Content.styled(bar(r.fraction, 6), style) + Content(f" {len(r.done)}/{r.total}")


class ReadinessMeter(Static):
    """Shows a Readiness on one line (the parts missing by name; what each needs in its
    tooltip); `show(None)` while loading."""

    DEFAULT_CSS = """
    ReadinessMeter {
        height: 1; padding: 0 1; color: $text-muted;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def show(self, r: Readiness | None) -> None:
        if r is None:
            self.update("")
            self.tooltip = None
            return
        style = "$text-success" if r.complete else "$text-warning"
        head = Content.from_markup(f"[{style}]$bar[/] [b]$count[/b] ready",
                                   bar=bar(r.fraction), count=f"{len(r.done)}/{r.total}")
        if r.complete:
            self.update(head + Content(" · everything is in place"))
            self.tooltip = None
            return
        self.update(head + Content(" · missing: ") + Content(", ".join(g.label for g in r.missing)))
        self.tooltip = Content("\n").join(
            [Content.from_markup("[b]$label[/b]: $detail", label=g.label, detail=g.detail)
             for g in r.missing] + [Content("ctrl+g goes to the next one.")])
