"""FitTable, the one table every list uses: the columns that fit its width, one stretching,
the rows' cells kept across a change of columns, the cursor kept on its row."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tests.tui.pilot_helpers import until
from tui.widgets.table_fit import FitColumn, FitTable

COLUMNS = (FitColumn("name", "Name", 10), FitColumn("city", "City", 12, shown_from=50),
           FitColumn("short", "When", 6, shown_below=70),
           FitColumn("long", "When exactly", 20, shown_from=70),
           FitColumn("n", "[b]N[/b]", 3))


class TableApp(App):
    def compose(self) -> ComposeResult:
        yield FitTable(COLUMNS, stretch="name", cursor_type="row")


def shown(table: FitTable) -> tuple[str, ...]:
    return table.shown_keys


def cells(i: int) -> dict[str, Text]:
    return {"name": Text(f"[b]row {i}[/b]"), "city": Text(f"city {i}"),
            "short": Text(f"{i}h"), "long": Text(f"at {i} o'clock"), "n": Text(str(i))}


async def test_columns_follow_the_width_and_rows_keep_their_cells():
    app = TableApp()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(FitTable)
        table.refill((str(i), cells(i)) for i in range(30))
        table.keep_cursor("17")
        await until(pilot, lambda: shown(table) == ("name", "city", "long", "n"))
        assert table.columns["name"].width == 100 - (12 + 20 + 3) - 2 * 4 - 2  # type: ignore[index]
        assert str(table.columns["n"].label) == "[b]N[/b]"  # type: ignore[index]
        await pilot.resize_terminal(60, 20)
        await until(pilot, lambda: shown(table) == ("name", "city", "short", "n"))
        assert table.cursor_key() == "17"
        assert str(table.get_row("17")[2]) == "17h"
        assert table.virtual_size.width <= table.size.width
        await pilot.resize_terminal(40, 20)
        await until(pilot, lambda: shown(table) == ("name", "short", "n"))
        assert table.columns["name"].width == 40 - (6 + 3) - 2 * 3 - 2  # type: ignore[index]
        await pilot.resize_terminal(25, 20)
        await until(pilot, lambda: table.size.width == 25)
        assert table.columns["name"].width == 12  # type: ignore[index]  # never narrower
        table.update_cells("17", {"city": Text("changed while hidden")})
        await pilot.resize_terminal(100, 20)
        await until(pilot, lambda: shown(table) == ("name", "city", "long", "n"))
        assert str(table.get_row("17")[1]) == "changed while hidden"
        assert table.cursor_key() == "17" and table.row_count == 30


async def test_refill_puts_the_cursor_back_or_where_asked():
    app = TableApp()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(FitTable)
        table.refill((str(i), cells(i)) for i in range(5))
        table.keep_cursor("3")
        table.refill((str(i), cells(i)) for i in (4, 3, 2))
        assert table.cursor_key() == "3"
        table.refill(((str(i), cells(i)) for i in (4, 3, 2)), select="2")
        assert table.cursor_key() == "2"
        table.clear()
        assert table.cursor_key() is None and table.cells_by_row == {}
        await pilot.pause()
