"""Progress: practice per day, time used against target, the mix of ratings, as charts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Sparkline, Static
from textual.worker import Worker

from tui.practice.progress_charts import CHARTS, Chart, Window, answers_chart, ratings_chart
from tui.screens.base import SectionScreen
from tui.screens.held import HeldUntilMounted
from tui.widgets.chart import BarRows, ChartCard
from tui.widgets.scroll_body import ScrollBody

if TYPE_CHECKING:
    from sqlite_utils import Database

WINDOWS = (4, 8, 12)  # weeks
READ_APART: tuple[Callable[[Database, Window], Chart], ...] = (answers_chart, ratings_chart)
# (each read in a thread of its own, see `_load`)
# The kinds of widget the charts are made of: the app's warm-up parses their DEFAULT_CSS ahead.
WARM_WIDGETS = [Static, ScrollBody, ChartCard, Sparkline, BarRows]


def read_chart(make: Callable[[Database, Window], Chart], window: Window, db: Database) -> Chart:
    return make(db, window)


class ProgressScreen(SectionScreen):
    """Progress"""

    SECTION = "progress"
    HELP_TITLE = "Progress"
    BINDINGS = [
        Binding("t", "numbers", "Numbers/charts", id="progress.numbers",
                tooltip="Show the figures behind each chart as a table, or the charts again"),
        Binding("w", "weeks", "Weeks", id="progress.weeks",
                tooltip="Show the last 4, 8 or 12 weeks"),
        Binding("r", "reload", "Refresh", id="progress.refresh", tooltip="Read everything again"),
    ]

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.weeks = WINDOWS[0]
        self.numbers = False
        self.reads = HeldUntilMounted(self._show)  # a read may come before the cards
        self._early_read: Worker | None = None

    def compose_body(self) -> ComposeResult:
        # The figures are read while the cards mount (both take about as long at scale);
        # the resumes that come with the first visit have nothing more to read.
        self._early_read = self._load(self.weeks)
        yield Static(id="progress-header")
        with ScrollBody(id="progress-body"):
            for index in range(len(CHARTS)):
                yield ChartCard(id=f"chart-{index}")

    def on_mount(self) -> None:
        self._header()
        self.query_one("#progress-body").focus()
        self.reads.mounted()

    def on_screen_resume(self) -> None:
        if self._early_read is None or self._early_read.is_finished:
            self.action_reload()

    def _header(self) -> None:
        view = "figures" if self.numbers else "charts"
        self.query_one("#progress-header", Static).update(Content.from_markup(
            "The last [b]$weeks weeks[/b] · showing $view · t $other · w weeks",
            weeks=str(self.weeks), view=view, other="charts" if self.numbers else "figures"))

    def action_reload(self) -> None:
        self._load(self.weeks)

    @work(thread=True, exclusive=True, group="progress", exit_on_error=False)
    def _load(self, weeks: int) -> None:
        window = Window.weeks(self.ctx.now(), weeks)
        # The heaviest charts (every answer counted; the ratings of the weeks), mostly
        # SQLite's work, which lets go of the interpreter, read each on a connection of its
        # own in a thread of its own, alongside the others: at scale the reads are what the
        # first open waits for last.
        apart = {make: self.ctx.read_apart(partial(read_chart, make, window))
                 for make in READ_APART}
        with self.ctx.reader() as db:
            here = {make: make(db, window) for make in CHARTS if make not in apart}
        charts = [here[make] if make in here else apart[make].result() for make in CHARTS]
        self.app.call_from_thread(self.reads.deliver, charts, weeks)

    def _show(self, charts: list[Chart], weeks: int) -> None:
        if weeks != self.weeks:
            return  # read for a window the user has since changed (w): a newer read follows
        for index, chart in enumerate(charts):
            card = self.query_one(f"#chart-{index}", ChartCard)
            card.show(chart)
            card.numbers = self.numbers

    def action_numbers(self) -> None:
        self.numbers = not self.numbers
        for card in self.query(ChartCard):
            card.numbers = self.numbers
        self._header()

    def action_weeks(self) -> None:
        self.weeks = WINDOWS[(WINDOWS.index(self.weeks) + 1) % len(WINDOWS)]
        self._header()
        self.action_reload()
