"""FitTable, the one table every list uses: the columns that fit its width, one stretching,
the rows' cells kept across a change of columns, the cursor kept on its row."""

from __future__ import annotations

import pytest
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


NAMES = ("Lakeshore University Diagnostic Radiology", "Desert Valley Radiology")  # 41, 23
FLEXIBLE = (FitColumn("name", "Program"), FitColumn("city", "City", 13, min_width=8),
            FitColumn("n", "N", 3))


class FlexibleApp(App):
    def compose(self) -> ComposeResult:
        yield FitTable(FLEXIBLE, stretch="name", cursor_type="row")


def drawn_row(table: FitTable, row: int) -> str:
    """Row `row` as the table draws it (the header is the first line)."""
    return "".join(segment.text for segment in table.render_line(row + 1))


async def fitted(pilot, table: FitTable, width: int) -> None:
    await pilot.resize_terminal(width, 10)
    await until(pilot, lambda: table.size.width == width, what=f"the table at {width}")
    await pilot.pause()


async def test_the_stretching_column_gets_the_room_first_and_a_cut_shows_it():
    app = FlexibleApp()
    async with app.run_test(size=(100, 10)) as pilot:
        table = app.query_one(FitTable)
        table.refill((str(i), {"name": text(name), "city": text("New York, NY"),
                               "n": Text(str(i))}) for i, name in enumerate(NAMES))

        def widths() -> tuple[int, int]:
            return table.columns["name"].width, table.columns["city"].width  # type: ignore[index]

        padding = 2 * 3  # each column's two cells (two rows: no scrollbar)
        await fitted(pilot, table, 41 + 12 + 3 + padding)  # room for both whole
        assert widths() == (41, 12)
        assert NAMES[0] in drawn_row(table, 0) and "New York, NY" in drawn_row(table, 0)
        await fitted(pilot, table, 41 + 12 + 3 + padding - 4)  # the city gives its room
        assert widths() == (41, 8)
        assert NAMES[0] in drawn_row(table, 0) and "New Yor… " in drawn_row(table, 0)
        await fitted(pilot, table, 30 + 8 + 3 + padding)  # the name is cut, and says so
        assert widths() == (30, 8)
        assert f"{NAMES[0][:29]}… " in drawn_row(table, 0)
        assert f"{NAMES[1]} " in drawn_row(table, 1)  # a short one is whole
        await fitted(pilot, table, 100)  # what the others leave goes to the names
        assert widths() == (100 - 12 - 3 - padding, 12)
        for width in (100, 70, 55, 40):
            await fitted(pilot, table, width)
            assert table.virtual_size.width <= table.size.width  # nothing past the edge
        # Rows enough for a scrollbar: it takes two cells from the names.
        table.refill((str(i), {"name": text(NAMES[i % 2]), "city": text("Ely"),
                               "n": Text(str(i))}) for i in range(20))
        await until(pilot, lambda: table.show_vertical_scrollbar, what="the scrollbar")
        assert table.columns["name"].width == 40 - 4 - 3 - padding - 2  # type: ignore[index]
        assert table.virtual_size.width <= table.size.width - 2


def text(value: str) -> Text:
    return Text(value, no_wrap=True, overflow="ellipsis")


async def test_widths_follow_the_cells_as_rows_come_and_change():
    app = FlexibleApp()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(FitTable)
        await pilot.pause()
        table.add_cells("0", {"name": text("Short"), "city": text("Ely"), "n": Text("0")})
        # As wide as its widest cell or label, while that is less than its min_width
        assert table.columns["city"].width == len("City")  # type: ignore[index]
        table.add_cells("1", {"name": text("Also short"), "city": text("Salt Lake City, UT"),
                              "n": Text("1")})
        assert table.columns["city"].width == 18  # type: ignore[index]  # the names need little
        table.update_cells("1", {"city": text("Boise, ID")})
        assert table.columns["city"].width == 9  # type: ignore[index]


class HeaderApp(App):
    def compose(self) -> ComposeResult:
        yield FitTable((FitColumn("name", "Program"),
                        FitColumn("note", "Notes: + best moment, ! red flags", min_width=10)),
                       stretch="name")


async def test_a_header_cut_ends_with_an_ellipsis():
    app = HeaderApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FitTable)
        table.refill([("0", {"name": text("Desert Valley Radiology"), "note": text("+ kind")})])
        await pilot.pause()
        assert table.columns["note"].width == 40 - 23 - 2 * 2  # type: ignore[index]
        header = "".join(segment.text for segment in table.render_line(0))
        assert " Notes: + bes… " in header


async def test_a_flexible_last_column_runs_to_the_edge():
    """The rest of the width goes to a flexible last column (a note), not between the
    names and what follows them."""
    app = HeaderApp()
    async with app.run_test(size=(100, 10)) as pilot:
        table = app.query_one(FitTable)
        table.refill([("0", {"name": text("Desert Valley Radiology"), "note": text("+ kind")})])
        await pilot.pause()
        assert table.columns["name"].width == len("Desert Valley Radiology")  # type: ignore[index]
        assert table.columns["note"].width == 100 - 23 - 2 * 2  # type: ignore[index]


@pytest.mark.parametrize("height", ["1fr", "auto"])
async def test_rows_more_than_the_lines_leave_the_scrollbar_its_cells_at_once(height):
    """The columns are shared out again as the first row the table's lines cannot hold
    comes, not at the layout after it: they ran two cells past the edge until then (the
    Questions list scrolled sideways on its first open, on a busy machine)."""
    app = TableApp()
    async with app.run_test(size=(100, 12)) as pilot:
        table = app.query_one(FitTable)
        # as most lists: the screen's height, whatever its rows; or as high as its rows, up
        # to a most (the takes of Rehearse aloud)
        table.styles.height = height
        table.styles.max_height = 12
        await until(pilot, lambda: table.size.width == 100)
        for i in range(30):
            table.add_cells(str(i), cells(i))
            used = sum(c.get_render_width(table) for c in table.columns.values())
            lines = table.row_count + table.header_height
            assert used == 100 - (2 if lines > 12 else 0), (i, used)
