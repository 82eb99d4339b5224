"""The STAR budget of an answer as it goes: Situation, Task, Action, Result, and where you are."""

from __future__ import annotations

from textual.content import Content, Span
from textual.reactive import reactive
from textual.widget import Widget

from question_bank.mock_formats import star_part_at, star_parts


def _label(name: str, seconds: float, cells: int) -> str:
    """The longest of "Situation 18s", "Situation", "S 18s", "S" that fits in `cells`."""
    for text in (f"{name} {seconds:.0f}s", name, f"{name[0]} {seconds:.0f}s", name[0]):
        if len(text) < cells:
            return text.ljust(cells)
    return name[0][:cells].ljust(cells)


class StarBudget(Widget):
    """One line, the answer's limit split into its STAR parts; the part the speaker should be
    on is lit, the time spoken fills the bar."""

    DEFAULT_CSS = """
    StarBudget {
        height: 2;
        width: 1fr;
        max-width: 76;
    }
    """

    limit: reactive[float] = reactive(120.0)
    elapsed: reactive[float] = reactive(0.0)

    def render(self) -> Content:
        width = max(8, self.size.width)
        parts = star_parts(self.limit)
        current = star_part_at(self.limit, self.elapsed)
        done_style = "on $primary-muted"
        now_style = "bold $background on $accent"
        bar, labels = [], []
        spans: list[Span] = []
        position = 0
        filled = int(min(1.0, self.elapsed / self.limit) * width) if self.limit else 0
        for index, (name, start, end) in enumerate(parts):
            cells = round(end / self.limit * width) - position if self.limit else 0
            if index == len(parts) - 1:
                cells = width - position
            labels.append(_label(name, end - start, cells))
            segment = "▏" + " " * (cells - 1) if cells else ""
            bar.append(segment)
            if name == current:
                spans.append(Span(position, position + cells, now_style))
            position += cells
        label_line = "".join(labels)
        bar_line = "".join(bar)
        content = Content(label_line + "\n" + bar_line)
        offset = len(label_line) + 1
        extra = [Span(offset, offset + filled, done_style)] if filled else []
        return Content(content.plain, spans=[*spans, *extra])
