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
from tui.widgets.cells import text_cell
from tui.widgets.readiness_meter import readiness_cell

SORT_ORDER = list(SORTS)
NARROW = 70  # below this many cells the table keeps the essential columns
BOTH_ZONES = 140  # from this many cells the table also shows the user's time



class ProgramsScreen(SectionScreen):
    """Programs"""

    SECTION = "programs"
    HELP_TITLE = "Programs"
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
        self._both_zones = False

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="programs-bar"):
            yield Input(placeholder="Filter: any name, city or state", id="programs-filter")
        yield DataTable(id="programs-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="programs-status")

    def on_mount(self) -> None:
        self.query_one("#programs-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="programs", exit_on_error=False)
    def reload(self, select: int | None = None) -> None:
        with self.ctx.reader() as db:
            rows = overview(db, self.ctx.now())
            zone = user_zone(db)
        self.app.call_from_thread(self._fill, rows, zone, select)

    def _fill(self, rows: list[ProgramRow], zone: str, select: int | None = None) -> None:
        self._rows, self._zone = rows, zone
        self._show(select)

    def _show(self, select: int | None = None) -> None:
        table = self.query_one("#programs-table", DataTable)
        keep = select if select is not None else self.highlighted_id()
        query = self.query_one("#programs-filter", Input).value
        self._shown = sort_rows(filter_rows(self._rows, query), self._sort)
        width = self.size.width
        wide = width >= NARROW
        table.clear(columns=True)
        arrow = {k: " ▼" if k == self._sort else "" for k in SORTS}
        self._both_zones = width >= BOTH_ZONES
        widths = {"place": 13, "next": 38 if self._both_zones else 23, "readiness": 12,
                  "score": 5, "thanks": 6} if wide else {"next": 18, "readiness": 12}
        fixed = sum(widths.values()) + 2 * (len(widths) + 1) + 2
        table.add_column(f"Program{arrow['name']}", key="name", width=max(12, width - fixed))
        if wide:
            table.add_column("City", key="place", width=widths["place"])
        table.add_column(f"Next interview{arrow['next']}", key="next", width=widths["next"])
        table.add_column(f"Ready{arrow['readiness']}", key="readiness", width=12)
        if wide:
            table.add_column(f"Score{arrow['score']}", key="score", width=5)
            table.add_column("Thanks", key="thanks", width=6)
        for row in self._shown:
            table.add_row(*self._cells(row, wide), key=str(row.id))
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)), animate=False)
        self._status(query)

    def _cells(self, row: ProgramRow, wide: bool) -> list:
        nxt = row.next_interview
        if nxt is None:
            when = text_cell("—", "dim")
        else:
            text = format_instant(nxt.starts_at, nxt.timezone, year=False)
            if not wide:
                text = text[4:]  # "26 Nov 08:00 MST"
            if self._both_zones and not same_clock(nxt.timezone, self._zone, nxt.starts_at):
                text += f" · you {format_instant(nxt.starts_at, self._zone, with_date=False)}"
            when = text_cell(("⚠ " if row.overlapping else "") + text,
                         "bold red" if row.overlapping else "")
        cells = [text_cell(row.program.name, "bold")]
        if wide:
            cells.append(text_cell(row.program.place or "—", "" if row.program.place else "dim"))
        cells += [when, readiness_cell(row.readiness)]
        if wide:
            cells.append(Text(f"{row.score}/10" if row.score is not None else "—",
                              justify="right"))
            cells.append(Text("sent" if row.thank_you_sent else "—",
                              style="" if row.thank_you_sent else "dim"))
        return cells

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
        table = self.query_one("#programs-table", DataTable)
        if table.row_count == 0:
            return None
        try:
            return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except Exception:
            return None

    def on_resize(self) -> None:
        if self._rows:
            self._show()

    # Opening -----------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#programs-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
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
        self.query_one("#programs-table", DataTable).focus()
        if len(self._shown) == 1:
            self.open_program(self._shown[0].id)

    @on(DataTable.HeaderSelected, "#programs-table")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key in SORTS:
            self._sort = key
            self._show()

    def action_focus_filter(self) -> None:
        self.query_one("#programs-filter", Input).focus()

    def action_leave_filter(self) -> None:
        self.query_one("#programs-table", DataTable).focus()

    def action_cycle_sort(self) -> None:
        self._sort = SORT_ORDER[(SORT_ORDER.index(self._sort) + 1) % len(SORT_ORDER)]
        self._show()
        self.notify(f"Sorted by {SORTS[self._sort].lower()}.")

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
