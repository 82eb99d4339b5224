"""The rank-order list: programs in order, moved with keys, score and notes beside each."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from dossiers.rank import RankEntry, move_in_rank, rank_order
from tui.context import AppContext
from tui.widgets.cells import signal_cell
from tui.widgets.footer import KeysFooter
from tui.widgets.table_fit import FitColumn, FitTable

# The names get the room first; the notes take what is left (they were as wide as the
# longest, past the screen's edge, cut there without a sign).
COLUMNS = (FitColumn("position", "#", 3), FitColumn("name", "Program"),
           FitColumn("signal", "Signal", 6), FitColumn("score", "Score", 6),
           FitColumn("note", "Notes: + best moment, ! red flags", shown_from=60, min_width=12))


class RankScreen(Screen):
    """Rank-order list"""

    HELP_TITLE = "Rank-order list"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="rank.back"),
        Binding("shift+up,left_square_bracket", "move(-1)", "Move up", id="rank.up",
                tooltip="Move the highlighted program up the list"),
        Binding("shift+down,right_square_bracket", "move(1)", "Move down", id="rank.down",
                tooltip="Move the highlighted program down the list"),
        Binding("home", "move(-1000)", "To the top", show=False, id="rank.top"),
        Binding("end", "move(1000)", "To the bottom", show=False, id="rank.bottom"),
    ]

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(id="screen-rank")
        self.ctx = ctx
        self._entries: list[RankEntry] = []

    def compose(self) -> ComposeResult:
        yield Static(Content.from_markup(
            "[b]Rank-order list[/b]  [dim]$keys[/dim]",
            keys="shift+↑/↓ or [ ] move · enter opens the dossier"), id="rank-title")
        yield FitTable(COLUMNS, stretch="name", id="rank-table", cursor_type="row",
                       zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#rank-table", FitTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="rank", exit_on_error=False)
    def reload(self, select: int | None = None) -> None:
        with self.ctx.reader() as db:
            entries = rank_order(db)
        self.app.call_from_thread(self._fill, entries, select)

    def _fill(self, entries: list[RankEntry], select: int | None) -> None:
        self._entries = entries
        self.query_one("#rank-table", FitTable).refill(
            ((str(e.program.id), self._cells(e)) for e in entries),
            select=None if select is None else str(select))

    @staticmethod
    def _cells(e: RankEntry) -> dict[str, Text]:
        score = e.impression.score
        return {
            "position": Text(str(e.position), justify="right"),
            "name": Text(e.program.name, style="bold", no_wrap=True, overflow="ellipsis"),
            "signal": signal_cell(e.program.signal),
            "score": Text(f"{score}/10" if score is not None else "—", justify="right",
                          style="" if score is not None else "dim"),
            "note": Text(e.note or "—", style="" if e.note else "dim", no_wrap=True,
                         overflow="ellipsis"),
        }

    def _highlighted(self) -> int | None:
        key = self.query_one("#rank-table", FitTable).cursor_key()
        return None if key is None else int(key)

    async def action_move(self, delta: int) -> None:
        program_id = self._highlighted()
        if program_id is None:
            return
        await asyncio.wrap_future(self.ctx.writer.submit(move_in_rank, program_id, delta))
        self.reload(select=program_id)

    @on(DataTable.RowSelected, "#rank-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        from tui.screens.dossier import DossierScreen

        if event.row_key.value is not None:  # every row is added with its program's id
            self.app.push_screen(DossierScreen(self.ctx, int(event.row_key.value)))
