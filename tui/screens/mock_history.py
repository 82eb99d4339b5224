"""The past sessions beside the mock setup: read off the event loop, opened with enter.

A mixin of `MockScreen` (kept apart to keep each module small); it uses the screen's `ctx`.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message_pump import MessagePump
from textual.widgets import DataTable, Static
from textual.worker import Worker

from question_bank.mock import SessionSummary, list_sessions
from question_bank.structures import format_duration
from tui.widgets.table_fit import FitColumn, FitTable

COLUMNS = (FitColumn("when", "When", 12), FitColumn("format", "Format", 8),
           FitColumn("answered", "Done", 5), FitColumn("spoke", "Spoke", 5),
           FitColumn("rated", "Rated", 5))


class MockHistory(MessagePump):
    # A MessagePump, so that Textual finds its @on handlers (it reads them only from
    # the classes it built: in a plain mixin they would never be called).

    _history_read: Worker | None = None

    def compose_history(self) -> ComposeResult:
        with Vertical(id="mock-history-pane") as pane:
            pane.border_title = "Past sessions"
            yield FitTable(COLUMNS, id="mock-history", cursor_type="row", zebra_stripes=True)
            yield Static(id="mock-history-status")

    def mount_history(self) -> None:
        self.reload_history()

    def reload_history(self) -> None:
        # Not while a read is still on its way (the first visit resumes the screen right
        # after mounting it): two reads would fill the list twice.
        if self._history_read is None or self._history_read.is_finished:
            self._history_read = self._load_history()

    @work(thread=True, exclusive=True, group="mock-history", exit_on_error=False)
    def _load_history(self) -> None:
        with self.ctx.reader() as db:
            sessions = list_sessions(db)
        self.app.call_from_thread(self._fill_history, sessions)

    def _fill_history(self, sessions: list[SessionSummary]) -> None:
        table = self.query_one("#mock-history", FitTable)
        keep = table.cursor_row
        table.clear()
        for s in sessions:
            table.add_cells(str(s.id), {
                "when": Text(s.started_at.astimezone().strftime("%d %b %H:%M")),
                "format": Text(s.label.split()[0], no_wrap=True, overflow="ellipsis"),
                "answered": Text(f"{s.answered}/{s.planned}", justify="right"),
                "spoke": Text(format_duration(s.speak_seconds), justify="right"),
                "rated": Text(str(s.rated), justify="right")})
        if sessions:
            table.move_cursor(row=min(max(keep, 0), len(sessions) - 1), animate=False)
        status = (f"{len(sessions)} session{'s' if len(sessions) != 1 else ''} · enter opens one"
                  if sessions else "No sessions yet. Set one up and press ctrl+s to start.")
        self.query_one("#mock-history-status", Static).update(Content(status))

    @on(DataTable.RowSelected, "#mock-history")
    def _open_session(self, event: DataTable.RowSelected) -> None:
        from tui.screens.mock_review import MockReviewScreen

        self.app.push_screen(MockReviewScreen(self.ctx, int(event.row_key.value)))

    def action_history(self) -> None:
        self.query_one("#mock-history", DataTable).focus()
