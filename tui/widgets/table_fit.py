"""FitTable: a DataTable that knows its columns, which of them fit at which width, and which
one stretches to take what the others leave.

It keeps each row's cells by column key, so when its own width changes (a resize, a pane
shown beside it, a return to a screen that was resized while hidden) it shows the columns
that fit, fills them again and puts the cursor back on the same row. Screens hand it every
cell of a row; they never add columns or re-measure the table themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Self

from rich.console import RenderableType
from rich.text import Text
from textual import events
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

    def fits(self, table_width: int) -> bool:
        return table_width >= self.shown_from and (
            self.shown_below is None or table_width < self.shown_below)


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

    # Columns -----------------------------------------------------------------------------

    def declare(self, columns: Sequence[FitColumn], *, stretch: str | None = None) -> None:
        """Replace the declared columns (new labels, another set): the rows kept are shown
        under them."""
        self.declared = tuple(columns)
        self.stretch_key = stretch
        self.show_columns(self.keys_that_fit())

    @property
    def shown_keys(self) -> tuple[str, ...]:
        return tuple(key.value or "" for key in self.columns)

    def keys_that_fit(self) -> tuple[str, ...]:
        # Before its first layout the table has no width: the terminal's is the best guess.
        width = self.size.width or self.app.size.width
        return tuple(c.key for c in self.declared if c.fits(width))

    def fit(self) -> None:
        """Show the columns that fit the table's width, and stretch the stretching one."""
        keys = self.keys_that_fit()
        if keys != self.shown_keys:
            self.show_columns(keys)
        else:
            self.stretch()

    def show_columns(self, keys: tuple[str, ...]) -> None:
        keep = self.cursor_key()
        DataTable.clear(self, columns=True)  # the rows kept in cells_by_row go back in below
        for c in self.declared:
            if c.key in keys:
                label = Text(c.label) if isinstance(c.label, str) else c.label
                self.add_column(label, key=c.key, width=c.width)
        for key, cells in self.cells_by_row.items():
            self.add_row(*self.shown_cells(cells), key=key)
        self.keep_cursor(keep)
        self.stretch()

    def stretch(self) -> None:
        """Give the stretching column the width the other columns leave (each has padding on
        both sides; the vertical scrollbar takes its own)."""
        column = self.columns.get(self.stretch_key) if self.stretch_key else None  # type: ignore[call-overload]
        width = self.size.width
        if column is None or not width:
            return
        others = sum(c.get_render_width(self) for key, c in self.columns.items()
                     if key.value != self.stretch_key)
        wanted = max(self.min_stretch, width - others - 2 * self.cell_padding
                     - self.styles.scrollbar_size_vertical)
        if column.width != wanted:
            column.width = wanted
            remeasure_table(self)

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    # Rows --------------------------------------------------------------------------------

    def shown_cells(self, cells: Cells) -> list[RenderableType]:
        return [cells.get(key.value or "", "") for key in self.columns]

    def add_cells(self, key: str, cells: Cells) -> None:
        """Add a row: every cell it has, by column key (those shown now go in the table)."""
        if self.declared and not self.columns:
            self.show_columns(self.keys_that_fit())
        self.cells_by_row[key] = cells
        self.add_row(*self.shown_cells(cells), key=key)

    def update_cells(self, key: str, cells: Cells) -> None:
        """Change some cells of row `key`."""
        self.cells_by_row[key] = {**self.cells_by_row.get(key, {}), **cells}
        for column, value in cells.items():
            if column in self.columns:
                self.update_cell(key, column, value)

    def refill(self, rows: Iterable[tuple[str, Cells]], select: str | None = None) -> None:
        """Replace every row; the cursor goes to `select`, else back to the row it was on."""
        keep = select if select is not None else self.cursor_key()
        self.clear()
        for key, cells in rows:
            self.add_cells(key, cells)
        self.keep_cursor(keep)

    def clear(self, columns: bool = False) -> Self:
        self.cells_by_row = {}
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
