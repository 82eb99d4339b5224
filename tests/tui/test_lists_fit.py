"""Every list fits its width: the names get the room first (Stories, Programs), a name cut
ends with "…", and no list runs past its edge (cut there without a sign) at 40x12, 80x24
and 100x30."""

from __future__ import annotations

import pytest

from dossiers.programs import add_program
from question_bank.stories import add_story
from tests.fakes import FakeSpeaker
from tests.tui.pilot_helpers import until
from tui.widgets.table_fit import FitTable

STORY = "Night float and a missed PE"  # 27 cells: whole at 100 columns
LONG_STORY = "The longest night of my surgical rotation, told from the start to the end"
PROGRAM = "Great Northern Lakes Radiology"  # 30 cells: whole at 100 columns
LONG_PROGRAM = "Saint Bartholomew's University Hospital and Medical Center Radiology"


def drawn(table: FitTable) -> list[str]:
    """What the table shows, row by row (the header first)."""
    return ["".join(segment.text for segment in table.render_line(y))
            for y in range(table.size.height)]


async def open_section(app, pilot, key: str, table_id: str) -> FitTable:
    await pilot.press(key)
    await until(pilot, lambda: app.screen.query_one(table_id, FitTable).row_count > 0,
                what=f"the list {table_id}")
    await pilot.pause()
    return app.screen.query_one(table_id, FitTable)


async def test_the_names_get_the_room_first_and_a_cut_one_says_so(app_factory, db):
    for title in (STORY, LONG_STORY):
        add_story(db, title=title, competencies=("teamwork", "communication", "leadership"))
    for name in (PROGRAM, LONG_PROGRAM):
        add_program(db, name, city="Minneapolis–Saint Paul, MN")
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        # Stories: the titles had 16 cells beside the 22 of the competencies.
        stories = drawn(await open_section(app, pilot, "4", "#stories-table"))
        assert any(f" {STORY} " in line for line in stories)
        assert any(f" {LONG_STORY[:20]}" in line and "… " in line for line in stories)
        # Programs: the names had 19 cells while the city kept 13.
        programs = drawn(await open_section(app, pilot, "5", "#programs-table"))
        assert any(f" {PROGRAM} " in line for line in programs)
        cut = next(line for line in programs if f" {LONG_PROGRAM[:20]}" in line)
        assert LONG_PROGRAM not in cut and "… " in cut
        assert " Minneap… " in cut  # the city gave its room, and says so too


@pytest.fixture
def demo_app(tmp_path):
    """The app on the demo's database (every list filled), and a long name in each list."""
    from dossiers import asks, people
    from dossiers.programs import list_programs
    from tui.cli.launch import make_app
    from tui.cli.open import fill_demo
    from tui.store.database import connect

    path = tmp_path / "demo.db"
    fill_demo(path)
    db = connect(path)
    try:
        first = list_programs(db)[0].id
        add_program(db, LONG_PROGRAM, city="Minneapolis–Saint Paul, MN")
        people.add_person(db, first, "Dr. Anneliese Vanderbilt-Okonkwo", "pd",
                          "Runs the night-float teaching and the informatics journal club")
        asks.add_ask(db, first, "How do residents on night float get feedback on their "
                                "preliminary reads, and how quickly?")
        add_story(db, title=LONG_STORY, competencies=("teamwork",))
    finally:
        db.close()
    app = make_app(path, prepare=False, speaker=FakeSpeaker())
    yield app
    app.ctx.close()


def runs_past_its_edge(app) -> list[str]:
    """The lists of the screen shown wider than their room (the coverage grid aside: it
    scrolls sideways, with its scrollbar)."""
    return [f"{table.id} {table.virtual_size.width} > {table.size.width}"
            for table in app.screen.query(FitTable)
            if table.region.width and table.id != "coverage-table"
            and table.virtual_size.width > table.size.width]


async def look(app, pilot, where: str, filled: bool = True) -> list[str]:
    """What runs past its edge on the screen shown, once its lists are filled (some of a
    dossier's may be empty)."""
    await until(pilot, lambda: not filled or all(
        t.row_count for t in app.screen.query(FitTable)
        if t.region.width and t.id != "coverage-table"), what=f"the lists of {where}")
    await pilot.pause()
    return [f"{where}: {line}" for line in runs_past_its_edge(app)]


# Every list of every section and of a dossier, at a size: 2 s of CPU each. The fast run
# (-m "not slow") walks them at 80x24, where most columns are in and the room is short.
WHY_SLOW = "every list at a second and third size: the fast run walks them at 80x24"


@pytest.mark.parametrize("size", [pytest.param((40, 12), marks=pytest.mark.slow(reason=WHY_SLOW)),
                                  (80, 24),
                                  pytest.param((100, 30), marks=pytest.mark.slow(reason=WHY_SLOW))])
async def test_no_list_runs_past_its_edge(demo_app, size):
    app = demo_app
    wrong: list[str] = []
    async with app.run_test(size=size) as pilot:
        for key, table_id in (("2", "#question-table"), ("3", "#answers-table"),
                              ("4", "#stories-table"), ("5", "#programs-table")):
            await open_section(app, pilot, key, table_id)
            wrong += await look(app, pilot, table_id)
        await pilot.press("r")  # the rank-order list
        await until(pilot, lambda: app.screen.id == "screen-rank", what="the rank list")
        wrong += await look(app, pilot, "rank")
        await pilot.press("escape")
        await until(pilot, lambda: app.current_mode == "programs", what="Programs")
        await pilot.press("enter")  # the first program's dossier, tab by tab
        await until(pilot, lambda: type(app.screen).__name__ == "DossierScreen",
                    what="the dossier")
        for tab in range(9):
            await pilot.press("ctrl+pagedown")
            await pilot.pause()
            wrong += await look(app, pilot, f"dossier tab {tab + 2}", filled=False)
        await pilot.press("escape")
        await until(pilot, lambda: app.current_mode == "programs", what="Programs")
        await pilot.press("6")
        await until(pilot, lambda: app.current_mode == "mock", what="Mock")
        wrong += await look(app, pilot, "mock")
    assert not wrong

