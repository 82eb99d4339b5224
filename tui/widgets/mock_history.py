"""The past mock sessions, beside the mock setup: read off the event loop when the screen
asks (`reload`: each time it is shown), newest first; enter on one posts
`MockHistory.Chosen` (the screen opens its review)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.worker import Worker

from question_bank.mock import SessionSummary, list_sessions
from question_bank.structures import format_duration
from tui.context import AppContext
from tui.widgets.table_fit import FitColumn, FitTable

# Beside the setup the list is 34-46 cells wide: the time spoken and the ratings come in as
# there is room (they ran past its edge, cut there without a sign).
COLUMNS = (FitColumn("when", "When", 12), FitColumn("format", "Format", 8, min_width=6),
           FitColumn("answered", "Done", 5), FitColumn("spoke", "Spoke", 5, shown_from=40),
           FitColumn("rated", "Rated", 5, shown_from=46))
# Rows shown with the list's first frame: more than the tallest terminal shows at once.
FIRST_ROWS = 60


class MockHistory(Vertical):
    @dataclass
    class Chosen(Message):
        """The user chose a past session."""

        session_id: int

    def __init__(self, ctx: AppContext, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.border_title = "Past sessions"
        self.history_read: Worker | None = None
        self.fills = 0  # the list's fills so far: rows added after a frame are for the last
        self.keep: int | None = None  # the cursor's row while the rest of the list is to come

    def compose(self) -> ComposeResult:
        yield FitTable(COLUMNS, id="mock-history", cursor_type="row", zebra_stripes=True)
        yield Static(id="mock-history-status")

    def reload(self) -> None:
        """Read the sessions again (not while a read is still on its way: two reads would
        fill the list twice)."""
        if self.history_read is None or self.history_read.is_finished:
            self.history_read = self.load_sessions()

    @work(thread=True, exclusive=True, group="mock-history", exit_on_error=False)
    def load_sessions(self) -> None:
        with self.ctx.reader() as db:
            sessions = list_sessions(db)
        self.app.call_from_thread(self.fill, sessions)

    def fill(self, sessions: list[SessionSummary]) -> None:
        """Show `sessions`: the first screenful at once, the rest after that frame is drawn
        (adding a row measures its cells: the 200 rows kept were about 45 ms of a first
        open, most of them below the fold)."""
        table = self.query_one(FitTable)
        # The row the cursor is on, or was meant to go back to if the rest never came.
        keep = table.cursor_row if self.keep is None else self.keep
        table.clear()
        self.fills += 1
        self.keep = None
        self.add_rows(table, sessions[:FIRST_ROWS])
        rest = sessions[FIRST_ROWS:]
        if rest:
            self.keep = keep
            self.call_after_refresh(self.add_rest, self.fills, rest, keep, len(sessions))
        else:
            self.put_cursor(table, keep, len(sessions))
        status = (f"{len(sessions)} session{'s' if len(sessions) != 1 else ''} · enter opens one"
                  if sessions else "No sessions yet. Set one up and press ctrl+s to start.")
        self.query_one("#mock-history-status", Static).update(Content(status))

    def add_rest(self, fill: int, rest: list[SessionSummary], keep: int, count: int) -> None:
        if fill != self.fills or not self.is_attached:
            return  # a newer fill has replaced the list meanwhile (or the screen is gone)
        table = self.query_one(FitTable)
        self.add_rows(table, rest)
        self.put_cursor(table, keep, count)
        self.keep = None

    @staticmethod
    def add_rows(table: FitTable, sessions: list[SessionSummary]) -> None:
        for s in sessions:
            table.add_cells(str(s.id), {
                "when": Text(s.started_at.astimezone().strftime("%d %b %H:%M")),
                "format": Text(s.label.split()[0], no_wrap=True, overflow="ellipsis"),
                "answered": Text(f"{s.answered}/{s.planned}", justify="right"),
                "spoke": Text(format_duration(s.speak_seconds), justify="right"),
                "rated": Text(str(s.rated), justify="right")})

    @staticmethod
    def put_cursor(table: FitTable, keep: int, count: int) -> None:
        if count:
            table.move_cursor(row=min(max(keep, 0), count - 1), animate=False)

    @on(DataTable.RowSelected)
    def session_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:  # every row is added with its session's id
            self.post_message(self.Chosen(int(event.row_key.value)))

    def focus_list(self) -> None:
        self.query_one(FitTable).focus()
