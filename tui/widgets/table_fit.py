"""DataTable helpers: which columns fit the width, one flexible column, the row under the
cursor, and a table that says when it was resized."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.message import Message
from textual.widgets import DataTable

from tui.textual_private import remeasure_table

Column = tuple[str, str, int]  # key, label, width


def columns_that_fit(columns: Iterable[Column], width: int,
                     min_width: dict[str, int]) -> tuple[str, ...]:
    """The keys of the columns to show at this table width (`min_width`: the narrowest table
    that still shows a column; columns not named always show)."""
    return tuple(key for key, _, _ in columns if width >= min_width.get(key, 0))


def set_columns(table: DataTable, columns: Iterable[Column], keys: tuple[str, ...]) -> None:
    table.clear(columns=True)
    for key, label, width in columns:
        if key in keys:
            table.add_column(label, key=key, width=width)


def stretch(table: DataTable, flex_key: str, minimum: int = 12) -> None:
    """Give column `flex_key` the width the other columns leave (two cells of padding each,
    and the scrollbar)."""
    width = table.size.width
    column = table.columns.get(flex_key)  # type: ignore[call-overload]
    if not width or column is None:
        return
    others = sum(c.width + 2 for k, c in table.columns.items() if k.value != flex_key)
    wanted = max(minimum, width - others - 2 - table.styles.scrollbar_size_vertical)
    if column.width != wanted:
        column.width = wanted
        remeasure_table(table)


def cursor_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if table.row_count == 0:
        return None
    try:
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    except Exception:  # the cursor is outside the rows while the table refills
        return None


class FitTable(DataTable):
    """A DataTable that says when its own size changed (a screen's resize comes before the
    table has its new width), so the screen can fit its columns again."""

    class Resized(Message):
        def __init__(self, table: FitTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> FitTable:
            return self.table

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized(self))
