"""A chart card for the Progress section: a sparkline or bars, or the table of its figures.

A card is three widgets (its text, the sparkline, the lines drawn under it), not one per
part: six cards of nine widgets each were most of the section's first open (styling,
laying out and drawing each part)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content, Span
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import DataTable, Sparkline, Static

from tui.practice.progress_charts import Bar, Chart

LABEL_WIDTH = 16
NOTE_WIDTH = 8  # "127% ▲": the share and its sign


class BarRows(Widget):
    """What a chart draws in text under its sparkline, if it has one: the sparkline's axis
    (its first day at the left, "today" at the right), or a blank line and horizontal bars,
    one row each (a label, coloured segments, a note; a reference mark); then the legend."""

    COMPONENT_CLASSES = {"bar-rows--muted"}  # the axis and the legend
    DEFAULT_CSS = """
    BarRows { height: auto; }
    BarRows > .bar-rows--muted { color: $text-muted; }
    """

    chart: reactive[Chart | None] = reactive(None, layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return self.drawing(width).get_height(self.styles.get_rules(), width)

    def render(self) -> Content:
        return self.drawing(self.size.width)

    def drawing(self, width: int) -> Content:
        chart = self.chart
        if chart is None:
            return Content("")
        lines: list[Content] = []
        muted = self.get_visual_style("bar-rows--muted", partial=True)
        if chart.spark:
            start, end = chart.axis
            gap = max(1, width - len(start) - len(end))
            lines.append(Content.styled(start + " " * gap + end, muted))
        if chart.bars:
            label_width = min(LABEL_WIDTH, max(len(b.label) for b in chart.bars) + 1)
            bar_width = max(4, width - label_width - NOTE_WIDTH - 1)
            lines.append(Content(""))  # the bars stand a line below the summary
            lines.extend(self._line(bar, chart, label_width, bar_width) for bar in chart.bars)
        if chart.legend:
            # Each square in its bar's colour (a style passed to markup as a variable
            # drew every square in the text's colour).
            legend = [Content.assemble(("■", style), f" {name}") for name, style in chart.legend]
            lines.append(Content("   ").join(legend).stylize_before(muted))
        return Content("\n").join(lines)
    def _line(self, bar: Bar, chart: Chart, label_width: int, width: int) -> Content:
        scale = chart.scale or 1.0
        cells, spans, position = [], [], label_width
        for value, style in bar.segments:
            n = round(max(0.0, value) / scale * width)
            n = min(n, width - (position - label_width))
            if n:
                cells.append("█" * n)
                spans.append(Span(position, position + n, style))
                position += n
        used = position - label_width
        text = list("".join(cells) + " " * (width - used))
        if chart.marker is not None:
            mark = min(width - 1, round(chart.marker / scale * width))
            text[mark] = "┃" if mark >= used else "╋"
            spans.append(Span(label_width + mark, label_width + mark + 1, "$foreground"))
        label = bar.label[:label_width - 1].ljust(label_width)
        note = " " + bar.note.rjust(NOTE_WIDTH - 1)
        # "$foreground-muted", not "$text-muted": the text colours are worked out against a
        # background, which a span inside the drawing does not have (they drew white).
        spans.append(Span(0, label_width, "$foreground-muted"))
        return Content(label + "".join(text) + note, spans=spans)


class ChartCard(Vertical):
    """One chart: its title, its summary (or what is missing), the drawing (or the table of
    figures)."""

    DEFAULT_CSS = """
    ChartCard {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-primary;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    ChartCard .chart-text { color: $text-muted; }
    ChartCard Sparkline { height: 5; margin-top: 1; }
    ChartCard DataTable { height: auto; max-height: 16; margin-top: 1; }
    """

    numbers: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chart: Chart | None = None

    def compose(self) -> ComposeResult:
        yield Static(classes="chart-text")
        yield Sparkline([], summary_function=max)
        yield BarRows()
        # The table of figures (a DataTable: a dozen widgets' worth of styling) is made
        # when first asked for (t), not with every card.

    def show(self, chart: Chart) -> None:
        self.chart = chart
        self.border_title = chart.title
        self.query_one(Sparkline).data = list(chart.spark)
        self.query_one(BarRows).chart = chart
        for table in self.query_children(DataTable):
            self.fill_figures(table, chart)
        self.watch_numbers(self.numbers)

    @staticmethod
    def fill_figures(table: DataTable, chart: Chart) -> None:
        table.clear(columns=True)
        table.add_columns(*chart.columns)
        for row in chart.rows:
            table.add_row(*(Text(cell) for cell in row))

    def watch_numbers(self, numbers: bool) -> None:
        if numbers and self.chart is not None and not self.query_children(DataTable):
            table: DataTable = DataTable(cursor_type="row", zebra_stripes=True)
            self.fill_figures(table, self.chart)
            self.mount(table)
        self._arrange()

    def text(self) -> Content:
        """The summary and, when there is nothing to draw (and the figures are not shown),
        the sentence that says so, in italics."""
        chart = self.chart
        parts = [Content(chart.summary)] if chart is not None and chart.summary else []
        if chart is not None and chart.empty is not None and not self.numbers:
            parts.append(Content.styled(chart.empty, "italic"))
        return Content("\n").join(parts)

    def _arrange(self) -> None:
        chart = self.chart
        if chart is None:
            return
        drawing = not self.numbers and chart.empty is None
        text = self.text()
        summary = self.query_one(".chart-text", Static)
        summary.update(text)
        summary.display = bool(text)
        self.query_one(Sparkline).display = drawing and bool(chart.spark)
        self.query_one(BarRows).display = drawing and bool(chart.spark or chart.bars
                                                           or chart.legend)
        for table in self.query_children(DataTable):
            table.display = self.numbers
