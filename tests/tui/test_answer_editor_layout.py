"""The answer editor's layout at different sizes: a question cut to the lines it has shows
that it is cut, and a lone part takes the height there is."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from question_bank.questions import add_question
from tests.fakes import FakeClock
from tests.tui.answer_helpers import area, open_editor, type_text
from tests.tui.pilot_helpers import until

LONG = ("Interventional radiologists now see their [patients] in clinic before and after "
        "procedures. Why does that matter, and what would a good IR clinic look like, "
        "for the patient, the referrers and the trainee who runs it?")


def drawn(widget: Widget) -> list[str]:
    """The lines the widget draws, as the terminal shows them."""
    return ["".join(segment.text for segment in widget.render_line(y)).rstrip()
            for y in range(widget.size.height)]


@pytest.mark.parametrize("size, lines", [((40, 12), 1), ((80, 24), 2)])
async def test_a_question_cut_to_the_lines_it_has_ends_with_an_ellipsis(app_factory, db, size,
                                                                         lines):
    question = add_question(db, text=LONG, category="ir")
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=size) as pilot:
        await open_editor(app, pilot, question.id)
        shown = drawn(app.screen.query_one("#answer-question"))
        assert len(shown) == lines
        assert shown[-1].endswith("…")
        assert LONG.startswith(" ".join(shown)[:-1].rstrip())  # its beginning, as written


async def test_a_question_with_room_is_shown_whole(app_factory, db):
    question = add_question(db, text=LONG, category="ir")
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(200, 60)) as pilot:
        await open_editor(app, pilot, question.id)
        assert " ".join(drawn(app.screen.query_one("#answer-question"))) == LONG


async def test_a_lone_part_takes_the_height_there_is_and_parts_side_by_side_share_it(
        app_factory, db):
    """A plain outline stopped at 16 rows (the most one of several parts grows to) and
    scrolled, most of a tall terminal left empty below it."""
    question = add_question(db, text="What would you bring to our program?", category="why")
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(200, 60)) as pilot:
        await open_editor(app, pilot, question.id)
        column = app.screen.query_one("#answer-parts")
        outline = area(app, "outline")
        assert outline.region.bottom == column.region.bottom  # down to the column's end
        height = outline.region.height
        assert height > 40
        await type_text(pilot, "a\n" * 24)
        await until(pilot, lambda: outline.text.count("\n") == 24, what="the 24 lines typed")
        assert outline.region.height == height and outline.max_scroll_y == 0  # all in sight
        await pilot.press("ctrl+r")  # the structure: STAR (the outline's text set aside)
        await until(pilot, lambda: app.screen.query("#structure-options"), what="structures")
        await pilot.press("home", "enter")
        await until(pilot, lambda: app.screen.query("#part-situation"), what="STAR's parts")
        # empty: as tall as its text; the outline's 25 lines: the most a part grows to
        await until(pilot, lambda: area(app, "situation").region.height == 3
                    and area(app, "outline").region.height == 16, what="the parts laid out")
