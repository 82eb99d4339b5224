"""A chart card for the Progress section: a sparkline or bars, or the table of its figures."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content, Span
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import DataTable, Sparkline, Static

from tui.practice.progress_charts import Bar, Chart

LABEL_WIDTH = 16
NOTE_WIDTH = 8  # "127% ▲": the share and its sign


class BarRows(Widget):
    """Horizontal bars, one row each: a label, coloured segments, a note; a reference mark."""

    DEFAULT_CSS = """
    BarRows { height: auto; }
    """

    chart: reactive[Chart | None] = reactive(None, layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.chart.bars) if self.chart else 0

    def render(self) -> Content:
        chart = self.chart
        if chart is None or not chart.bars:
            return Content("")
        label_width = min(LABEL_WIDTH, max(len(b.label) for b in chart.bars) + 1)
        width = max(4, self.size.width - label_width - NOTE_WIDTH - 1)
        lines = [self._line(bar, chart, label_width, width) for bar in chart.bars]
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
            spans.append(Span(label_width + mark, label_width + mark + 1, "$text"))
        label = bar.label[:label_width - 1].ljust(label_width)
        note = " " + bar.note.rjust(NOTE_WIDTH - 1)
        spans.append(Span(0, label_width, "$text-muted"))
        return Content(label + "".join(text) + note, spans=spans)


class ChartCard(Vertical):
    """One chart: its title, a one-line summary, the drawing (or the table of figures)."""

    DEFAULT_CSS = """
    ChartCard {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-primary;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    ChartCard .chart-summary { color: $text-muted; }
    ChartCard .chart-empty { color: $text-muted; text-style: italic; }
    ChartCard Sparkline { height: 5; margin-top: 1; }
    ChartCard .chart-axis { height: 1; layout: horizontal; color: $text-muted; }
    ChartCard .chart-axis Static { width: 1fr; }
    ChartCard .chart-axis .axis-end { text-align: right; }
    ChartCard BarRows { margin-top: 1; }
    ChartCard .chart-legend { color: $text-muted; }
    ChartCard DataTable { height: auto; max-height: 16; margin-top: 1; }
    """

    numbers: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chart: Chart | None = None

    def compose(self) -> ComposeResult:
        yield Static(classes="chart-summary")
        yield Static(classes="chart-empty")
        yield Sparkline([], summary_function=max)
        with Horizontal(classes="chart-axis"):
            yield Static(classes="axis-start")
            yield Static(classes="axis-end")
        yield BarRows()
        yield Static(classes="chart-legend")
        # The table of figures (a DataTable: a dozen widgets' worth of styling) is made
        # when first asked for (t), not with every card.

    def show(self, chart: Chart) -> None:
        self.chart = chart
        self.border_title = chart.title
        self.query_one(".chart-summary", Static).update(Content(chart.summary))
        self.query_one(".chart-empty", Static).update(Content(chart.empty or ""))
        self.query_one(Sparkline).data = list(chart.spark)
        self.query_one(".axis-start", Static).update(Content(chart.axis[0]))
        self.query_one(".axis-end", Static).update(Content(chart.axis[1]))
        self.query_one(BarRows).chart = chart
        legend = [Content.from_markup("[$style]■[/] $name", style=style, name=name)
                  for name, style in chart.legend]
        self.query_one(".chart-legend", Static).update(Content("   ").join(legend))
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

    def _arrange(self) -> None:
        chart = self.chart
        if chart is None:
            return
        drawing = not self.numbers and chart.empty is None
        self.query_one(".chart-summary").display = bool(chart.summary)
        self.query_one(".chart-empty").display = chart.empty is not None and not self.numbers
        self.query_one(Sparkline).display = drawing and bool(chart.spark)
        self.query_one(".chart-axis").display = drawing and bool(chart.spark)
        self.query_one(BarRows).display = drawing and bool(chart.bars)
        self.query_one(".chart-legend").display = drawing and bool(chart.legend)
        for table in self.query_children(DataTable):
            table.display = self.numbers
