"""Programs: the master spreadsheet. Every program with its next interview (in the program's
zone and the user's), readiness, score and thank-you; sortable, filtered as you type."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from dossiers.errors import DossierError
from dossiers.overview import SORTS, ProgramRow, filter_rows, overview, sort_rows
from dossiers.programs import add_program, delete_program
from dossiers.zones import format_instant, same_clock
from tui.practice.user_zone import set_user_zone, user_zone, zone_is_chosen
from tui.screens.base import SectionScreen
from tui.screens.held import HeldUntilMounted
from tui.widgets.cells import signal_cell, text_cell
from tui.widgets.readiness_meter import readiness_cell
from tui.widgets.table_fit import FitColumn, FitTable

SORT_ORDER = list(SORTS)
NARROW = 70  # below this many cells the next interview goes without its weekday
BOTH_ZONES = 140  # from this many cells the table also shows the user's time
# The next interview has a column per width: short (no weekday), plain, and in both zones.
NEXT_COLUMNS = {"next-short": (18, 0, NARROW), "next": (23, NARROW, BOTH_ZONES),
                "next-both": (38, BOTH_ZONES, None)}
SORT_OF_COLUMN = {"name": "name", **dict.fromkeys(NEXT_COLUMNS, "next"),
                  "readiness": "readiness", "score": "score"}
# The names get the room first: the other columns come in one at a time as the table widens,
# each where the names keep a dozen cells and more beside them and the columns before it
# (the next interview, readiness, signal, city, score, thank-you note), and the city gives
# its room to the names down to a word.
COMES_IN = {"readiness": 52, "signal": 78, "place": 86, "score": 94, "thanks": 102}


def program_columns(sort: str) -> list[FitColumn]:
    """The table's columns, the one the rows are sorted by marked with an arrow."""
    arrow = {k: " ▼" if k == sort else "" for k in SORTS}
    return [FitColumn("name", f"Program{arrow['name']}", 12),
            FitColumn("place", "City", 13, shown_from=COMES_IN["place"], min_width=8),
            *(FitColumn(key, f"Next interview{arrow['next']}", width, shown_from=low,
                        shown_below=high) for key, (width, low, high) in NEXT_COLUMNS.items()),
            FitColumn("readiness", f"Ready{arrow['readiness']}", 12,
                      shown_from=COMES_IN["readiness"]),
            FitColumn("signal", "Signal", 6, shown_from=COMES_IN["signal"]),
            FitColumn("score", f"Score{arrow['score']}", 7, shown_from=COMES_IN["score"]),
            FitColumn("thanks", "Thanks", 6, shown_from=COMES_IN["thanks"])]


class ProgramsScreen(SectionScreen):
    """Programs"""

    SECTION = "programs"
    HELP_TITLE = "Programs"
    # The list has the focus from the start (the first focusable widget took it, then
    # gave it to the list: two more stylings and a footer made twice on the first open).
    AUTO_FOCUS = "#programs-table"
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="programs.filter"),
        Binding("n", "new", "New", id="programs.new", tooltip="Add a program"),
        Binding("s", "cycle_sort", "Sort", id="programs.sort",
                tooltip="Sort by name, next interview, readiness, score or rank"),
        Binding("r", "rank", "Rank list", id="programs.rank",
                tooltip="The rank-order list: move programs up and down"),
        Binding("i", "import", "Import", id="programs.import",
                tooltip="Import programs from a CSV spreadsheet"),
        Binding("x", "export", "Export", id="programs.export",
                tooltip="Export programs: CSV, iCalendar or Markdown"),
        Binding("z", "zone", "Time zone", id="programs.zone",
                tooltip="Set your own time zone (interview times are shown in it too)"),
        Binding("delete", "delete", "Delete", show=False, id="programs.delete",
                tooltip="Delete the highlighted program (asks first)"),
        Binding("escape", "leave_filter", "List", show=False, id="programs.list"),
    ]

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._rows: list[ProgramRow] = []
        self._shown: list[ProgramRow] = []
        self._sort = "next"
        self._zone = "UTC"
        self.reads = HeldUntilMounted(self._fill)  # a read may come before the widgets

    def compose_body(self) -> ComposeResult:
        self.reload()  # the first read starts now, while the screen is composed and mounted
        with Horizontal(id="programs-bar"):
            yield Input(placeholder="Filter: any name, city or state", id="programs-filter")
        yield FitTable(program_columns(self._sort), stretch="name", id="programs-table",
                       cursor_type="row", zebra_stripes=True)
        yield Static(id="programs-status")

    def on_mount(self) -> None:
        self.query_one("#programs-table", FitTable).focus()
        self.reads.mounted()

    def on_screen_resume(self) -> None:
        # Read again on every visit but the first (two resumes), whose read started as
        # the screen was composed.
        if not self.never_left:
            self.reload()

    @work(thread=True, exclusive=True, group="programs", exit_on_error=False)
    def reload(self, select: int | None = None) -> None:
        with self.ctx.reader() as db:
            rows = overview(db, self.ctx.now())
            zone = user_zone(db)
        self.app.call_from_thread(self.reads.deliver, rows, zone, select)

    def _fill(self, rows: list[ProgramRow], zone: str, select: int | None = None) -> None:
        self._rows, self._zone = rows, zone
        self._show(select)

    def _show(self, select: int | None = None) -> None:
        query = self.query_one("#programs-filter", Input).value
        self._shown = sort_rows(filter_rows(self._rows, query), self._sort)
        self.query_one("#programs-table", FitTable).refill(
            ((str(row.id), self._cells(row)) for row in self._shown),
            select=None if select is None else str(select))
        self._status(query)

    def _cells(self, row: ProgramRow) -> dict:
        return {
            "name": text_cell(row.program.name, "bold"),
            "place": text_cell(row.program.place or "—", "" if row.program.place else "dim"),
            **self._next_cells(row),
            "readiness": readiness_cell(row.readiness),
            "signal": signal_cell(row.program.signal),
            "score": Text(f"{row.score}/10" if row.score is not None else "—", justify="right"),
            "thanks": Text("sent" if row.thank_you_sent else "—",
                           style="" if row.thank_you_sent else "dim"),
        }

    def _next_cells(self, row: ProgramRow) -> dict:
        """The next interview as each of its columns shows it."""
        nxt = row.next_interview
        if nxt is None:
            return dict.fromkeys(NEXT_COLUMNS, text_cell("—", "dim"))
        text = format_instant(nxt.starts_at, nxt.timezone, year=False)
        both = text
        if not same_clock(nxt.timezone, self._zone, nxt.starts_at):
            both += f" · you {format_instant(nxt.starts_at, self._zone, with_date=False)}"
        flag, style = ("⚠ ", "bold red") if row.overlapping else ("", "")
        return {"next-short": text_cell(flag + text[4:], style),  # "26 Nov 08:00 MST"
                "next": text_cell(flag + text, style), "next-both": text_cell(flag + both, style)}

    def _status(self, query: str) -> None:
        n, total = len(self._shown), len(self._rows)
        parts = [f"{n} of {total} programs" if query.strip() else
                 f"{total} program{'s' if total != 1 else ''}",
                 f"sorted by {SORTS[self._sort].lower()}",
                 f"your zone {self._zone}"]
        if not total:
            parts = ["No programs yet: n adds one, i imports your spreadsheet (CSV)"]
        elif not n:
            parts.append("nothing matches the filter")
        if any(r.overlapping for r in self._rows):
            parts.append("⚠ some interviews overlap")
        detail = self._detail()
        summary = Content(" · ".join(parts))
        self.query_one("#programs-status", Static).update(
            summary if detail is None else Content("\n").join([detail, summary]))

    @on(DataTable.RowHighlighted, "#programs-table")
    def _highlighted_row(self) -> None:
        self._status(self.query_one("#programs-filter", Input).value)

    def _detail(self) -> Content | None:
        """The highlighted program's next interview in both zones, and what it overlaps."""
        row = next((r for r in self._shown if r.id == self.highlighted_id()), None)
        if row is None or row.next_interview is None:
            return None
        nxt = row.next_interview
        text = (f"{row.program.name}: {format_instant(nxt.starts_at, nxt.timezone)}"
                f" = {format_instant(nxt.starts_at, self._zone)} your time")
        if row.overlapping:
            text += " · ⚠ overlaps another interview"
        return Content(text)

    def highlighted_id(self) -> int | None:
        key = self.query_one("#programs-table", FitTable).cursor_key()
        return None if key is None else int(key)

    # Opening -----------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#programs-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:  # every row is added with its program's id
            self.open_program(int(event.row_key.value))

    def open_program(self, program_id: int, pane: str = "") -> None:
        from tui.screens.dossier import DossierScreen

        self.app.push_screen(DossierScreen(self.ctx, program_id, pane=pane))

    # Actions -----------------------------------------------------------------------------

    @on(Input.Changed, "#programs-filter")
    def _filtered(self) -> None:
        self._show()

    @on(Input.Submitted, "#programs-filter")
    def _filter_done(self) -> None:
        self.query_one("#programs-table", FitTable).focus()
        if len(self._shown) == 1:
            self.open_program(self._shown[0].id)

    @on(DataTable.HeaderSelected, "#programs-table")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        sort = SORT_OF_COLUMN.get(event.column_key.value or "")
        if sort is not None:
            self.sort_by(sort)

    def action_focus_filter(self) -> None:
        self.query_one("#programs-filter", Input).focus()

    def action_leave_filter(self) -> None:
        self.query_one("#programs-table", FitTable).focus()

    def action_cycle_sort(self) -> None:
        self.sort_by(SORT_ORDER[(SORT_ORDER.index(self._sort) + 1) % len(SORT_ORDER)])
        self.notify(f"Sorted by {SORTS[self._sort].lower()}.")

    def sort_by(self, sort: str) -> None:
        self._sort = sort
        self.query_one("#programs-table", FitTable).declare(program_columns(sort),
                                                            stretch="name")
        self._show()

    def action_new(self) -> None:
        from tui.screens.dialogs.prompt import TextPrompt

        async def check(name: str) -> DossierError | None:
            try:
                self._new = await asyncio.wrap_future(self.ctx.writer.submit(add_program, name))
            except DossierError as error:
                return error
            return None

        self.app.push_screen(TextPrompt("New program", "The program's name (its other names "
                                        "go in the dossier):", check=check), self._created)

    def _created(self, name: str | None) -> None:
        if name:
            self.reload(select=self._new.id)
            self.open_program(self._new.id)

    def action_rank(self) -> None:
        from tui.screens.rank import RankScreen

        self.app.push_screen(RankScreen(self.ctx))

    def action_import(self) -> None:
        from tui.screens.dialogs.transfer import ImportDialog

        self.app.push_screen(ImportDialog(self.ctx), self._imported)

    def _imported(self, summary: str | None) -> None:
        if summary:
            self.notify(summary, title="Imported", markup=False, timeout=8)
            self.reload()

    def action_export(self) -> None:
        from tui.screens.dialogs.transfer import ExportDialog

        self.app.push_screen(ExportDialog(self.ctx))

    def action_zone(self) -> None:
        from tui.screens.dialogs.zone_picker import ZonePicker

        self.app.push_screen(ZonePicker(self._zone, self.ctx.now(),
                                        chosen=zone_is_chosen(self.ctx.db)), self._zone_chosen)

    async def _zone_chosen(self, zone: str | None) -> None:
        if zone is None:
            return
        await asyncio.wrap_future(self.ctx.writer.submit(set_user_zone, zone))
        self.notify(f"Times are now also shown in {zone or 'the system zone'}.", markup=False)
        self.reload()

    def action_delete(self) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog

        row = next((r for r in self._shown if r.id == self.highlighted_id()), None)
        if row is None:
            return
        self.app.push_screen(ConfirmDialog(f"Delete {row.program.name} and its whole dossier?",
                                           "Its interview days, ticks and impressions go with "
                                           "it. A backup (matchprep backup) is the only way "
                                           "back.", yes="Delete"),
                             lambda yes: self._deleted(yes, row.id))

    async def _deleted(self, yes: bool, program_id: int) -> None:
        if yes:
            await asyncio.wrap_future(self.ctx.writer.submit(delete_program, program_id))
            self.reload()
