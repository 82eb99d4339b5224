"""FitTable: a DataTable that knows its columns, which of them fit at which width, and which
one stretches to take what the others leave.

It keeps each row's cells by column key, so when its own width changes (a resize, a pane
shown beside it, a return to a screen that was resized while hidden) it shows the columns
that fit, fills them again and puts the cursor back on the same row. Screens hand it every
cell of a row; they never add columns or re-measure the table themselves.

The stretching column (a list's names) gets the room first: a column declared with a
`min_width` gives it room, down to that width, until its widest cell shows whole; what is
left goes to the flexible columns, up to their own widest cell, then to the names again.
A cut cell shows it is cut when it is a `Text` with overflow "ellipsis" (`cells.text_cell`);
a header is cut with "…" too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Self

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.content import Content
from textual.css.scalar import Unit
from textual.render import measure
from textual.widgets import DataTable

from tui.textual_private import remeasure_table

Cells = Mapping[str, RenderableType]  # a row's cells by column key (a cell left out is blank)


@dataclass(frozen=True)
class FitColumn:
    key: str
    label: str | Text  # a str is shown as it is, never read as markup
    width: int | None = None  # None: as wide as its widest cell
    shown_from: int = 0  # the narrowest table that shows it
    shown_below: int | None = None  # from this table width another column stands in for it
    # It gives the stretching column room, down to this width, and takes what is left after
    # it, up to its widest cell or label (None: it keeps `width`; with one, `width` is
    # only its width until the table is first measured).
    min_width: int | None = None

    def fits(self, table_width: int) -> bool:
        return table_width >= self.shown_from and (
            self.shown_below is None or table_width < self.shown_below)

    @property
    def header(self) -> Text:
        """The label as shown: literal (a str is never markup), cut with "…"."""
        label = Text(self.label) if isinstance(self.label, str) else self.label.copy()
        label.no_wrap = True
        label.overflow = "ellipsis"
        return label


class FitTable(DataTable):
    """A DataTable with declared columns (`FitColumn`), one of them (`stretch`) as wide as
    the table leaves it, at least `min_stretch` cells. Rows go in with `add_cells`, `refill`
    and `update_cells`, which take every cell of a row by column key."""

    def __init__(self, columns: Sequence[FitColumn] = (), *, stretch: str | None = None,
                 min_stretch: int = 12, **kwargs) -> None:
        super().__init__(**kwargs)
        self.declared: tuple[FitColumn, ...] = tuple(columns)
        self.stretch_key = stretch
        self.min_stretch = min_stretch
        self.cells_by_row: dict[str, Cells] = {}
        self.widest: dict[str, int] = {}  # a column's widest cell or label, once measured

    # Columns -----------------------------------------------------------------------------

    def declare(self, columns: Sequence[FitColumn], *, stretch: str | None = None) -> None:
        """Replace the declared columns (new labels, another set): the rows kept are shown
        under them."""
        self.declared = tuple(columns)
        self.stretch_key = stretch
        self.widest = {}
        self.show_columns(self.keys_that_fit())

    @property
    def shown_keys(self) -> tuple[str, ...]:
        return tuple(key.value or "" for key in self.columns)

    def keys_that_fit(self) -> tuple[str, ...]:
        # Before its first layout the table has no width: the terminal's is the best guess.
        width = self.size.width or self.app.size.width
        return tuple(c.key for c in self.declared if c.fits(width))

    def fit(self) -> None:
        """Show the columns that fit the table's width, and share the width out."""
        keys = self.keys_that_fit()
        if keys != self.shown_keys:
            self.show_columns(keys)
        else:
            self.share_out()

    def show_columns(self, keys: tuple[str, ...]) -> None:
        keep = self.cursor_key()
        DataTable.clear(self, columns=True)  # the rows kept in cells_by_row go back in below
        for c in self.declared:
            if c.key in keys:
                self.add_column(c.header, key=c.key, width=c.width)
        for key, cells in self.cells_by_row.items():
            self.add_row(*self.shown_cells(cells), key=key)
        self.keep_cursor(keep)
        self.share_out()

    def share_out(self) -> None:
        """Give each shown column its width (each has padding on both sides; the vertical
        scrollbar, when shown, takes its own: a list of a few rows had its two cells blank
        at its right, beside a name cut)."""
        width = self.size.width
        if not width or not self.columns:
            return
        declared = {c.key: c for c in self.declared}
        shown = [declared[key] for key in self.shown_keys if key in declared]
        room = width - 2 * self.cell_padding * len(self.columns) - self.scrollbar_room()
        changed = False
        for key, wanted in self.widths_in(shown, room).items():
            column = self.columns[key]  # type: ignore[index]
            if column.width != wanted or column.auto_width:
                column.width, column.auto_width = wanted, False
                changed = True
        if changed:
            remeasure_table(self)

    def scrollbar_room(self) -> int:
        """The vertical scrollbar's cells: while it is shown, and as soon as the rows are more
        than the table's lines (`lines_for_rows`; each row is one line), before Textual
        shows it at the next layout. Shared out without them, the columns ran two cells
        past the table's edge, scrolled sideways, until that layout shared them out again."""
        shown = self.scrollbar_size_vertical
        lines = self.lines_for_rows()
        if shown or self.styles.overflow_y != "auto" or lines is None:
            return shown
        header = self.header_height if self.show_header else 0
        overflowing = self.row_count + header > lines
        return self.styles.scrollbar_size_vertical if overflowing else 0

    def lines_for_rows(self) -> int | None:
        """The lines the table has for its header and rows: its height, or the most a table
        as high as its rows grows to (a max-height in cells); None where it is not known
        (it grows without a limit, or up to a share of its container)."""
        height = self.styles.height
        if height is not None and not height.is_auto:
            return self.size.height
        most = self.styles.max_height
        if most is None or most.unit != Unit.CELLS:
            return None
        return int(most.value) - self.styles.gutter.height

    def widths_in(self, shown: Sequence[FitColumn], room: int) -> dict[str, int]:
        """The width of each of the `shown` columns, in `room` cells (padding left out): the
        others theirs (a flexible one the least it takes), the stretching one up to its
        widest cell (at least `min_stretch`), the flexible ones what is left up to their
        widest, and the rest to the last column if flexible, else to the stretching one."""
        stretch = self.stretch_key if any(c.key == self.stretch_key for c in shown) else None
        widths: dict[str, int] = {}
        most: dict[str, int] = {}  # the flexible columns' widest, in order
        for c in shown:
            if c.key == stretch:
                continue
            if c.min_width is None:
                widths[c.key] = c.width if c.width is not None else self.widest_of(c)
            else:
                most[c.key] = self.widest_of(c)
                widths[c.key] = min(c.min_width, most[c.key])
        free = room - sum(widths.values())
        if stretch is not None:
            # With nothing to give it room, it takes what there is, as wide as it is.
            wanted = self.widest_of(declared_column(shown, stretch)) if most else free
            widths[stretch] = max(self.min_stretch, min(wanted, free))
            free -= widths[stretch]
        for key, widest in most.items():
            more = max(0, min(free, widest - widths[key]))
            widths[key] += more
            free -= more
        # The rest: to a flexible last column, which runs to the table's edge (a note, the
        # overlaps), else to the stretching one.
        last = shown[-1].key if shown else None
        to = last if last in most else stretch
        if to is not None and free > 0:
            widths[to] += free
        return widths

    @property
    def follows_cells(self) -> bool:
        """Whether some column's width follows its cells (as wide as its widest, or giving
        way to the stretching one down to its min_width)."""
        return any(c.width is None or c.min_width is not None for c in self.declared)

    def widest_of(self, column: FitColumn) -> int:
        """The widest of the column's label and cells (measured once, until they change)."""
        if column.key not in self.widest:
            self.widest[column.key] = max(
                [self.cell_width(column.header),
                 *(self.cell_width(cells.get(column.key, "")) for cells in
                   self.cells_by_row.values())])
        return self.widest[column.key]

    def cell_width(self, cell: RenderableType) -> int:
        if isinstance(cell, Text):
            return cell.cell_len
        if isinstance(cell, Content):
            return cell.cell_length
        if isinstance(cell, str):
            return Text.from_markup(cell).cell_len  # as DataTable reads a str
        return measure(self.app.console, cell, 1)

    def on_resize(self, event: events.Resize) -> None:
        # Also when the rows come to need a scrollbar, or no longer do (the room within the
        # table changes): its two cells go to the columns or come from them.
        self.fit()

    # Rows --------------------------------------------------------------------------------

    def shown_cells(self, cells: Cells) -> list[RenderableType]:
        return [cells.get(key.value or "", "") for key in self.columns]

    def add_cells(self, key: str, cells: Cells) -> None:
        """Add a row: every cell it has, by column key (those shown now go in the table)."""
        self.put_row(key, cells)
        if self.follows_cells:  # the new cells may be wider
            self.share_out()

    def put_row(self, key: str, cells: Cells) -> None:
        if self.declared and not self.columns:
            self.show_columns(self.keys_that_fit())
        self.cells_by_row[key] = cells
        self.add_row(*self.shown_cells(cells), key=key)
        header = self.header_height if self.show_header else 0
        if self.row_count + header == (self.lines_for_rows() or -1) + 1:
            self.share_out()  # this row is the first the lines cannot hold: the scrollbar comes
        for column, widest in self.widest.items():  # the widths measured so far
            self.widest[column] = max(widest, self.cell_width(cells.get(column, "")))

    def update_cells(self, key: str, cells: Cells) -> None:
        """Change some cells of row `key`."""
        self.cells_by_row[key] = {**self.cells_by_row.get(key, {}), **cells}
        for column, value in cells.items():
            if column in self.columns:
                self.update_cell(key, column, value)
        if self.widest.keys() & cells.keys():  # a cell its width follows changed
            for column in cells:
                self.widest.pop(column, None)
            self.share_out()

    def refill(self, rows: Iterable[tuple[str, Cells]], select: str | None = None) -> None:
        """Replace every row; the cursor goes to `select`, else back to the row it was on."""
        keep = select if select is not None else self.cursor_key()
        self.clear()
        for key, cells in rows:
            self.put_row(key, cells)
        self.share_out()  # widths that follow the cells follow the new ones
        self.keep_cursor(keep)

    def clear(self, columns: bool = False) -> Self:
        self.cells_by_row = {}
        self.widest = {}
        if columns:
            self.declared = ()
        return super().clear(columns=columns)

    # The cursor --------------------------------------------------------------------------

    def cursor_key(self) -> str | None:
        """The key of the row under the cursor, or None for an empty table."""
        if self.row_count == 0:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except Exception:  # the cursor is outside the rows while the table refills
            return None

    def keep_cursor(self, key: str | None) -> None:
        """Put the cursor on row `key`, if the table has it."""
        if key is not None and key in self.rows:
            self.move_cursor(row=self.get_row_index(key), animate=False)


def declared_column(columns: Sequence[FitColumn], key: str) -> FitColumn:
    return next(c for c in columns if c.key == key)
