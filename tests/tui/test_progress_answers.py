"""Progress: answers written per category, drawn and with its numbers a keystroke away."""

from __future__ import annotations

from textual.widgets import DataTable

from question_bank.answers_demo import populate
from tui.widgets.chart import BarRows, ChartCard

from .link_helpers import NOW, until


def answers_card(app) -> ChartCard:
    return next(c for c in app.screen.query(ChartCard) if c.border_title.startswith("Answers"))


async def test_answers_per_category_with_none_written(app_factory):
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7")
        await until(pilot, lambda: all(c.chart is not None for c in app.screen.query(ChartCard)))
        card = answers_card(app)
        assert "No answers written yet" in str(card.query_one(".chart-text").render())
        assert not card.query_one(BarRows).display


async def test_answers_per_category_drawn_then_as_figures(app_factory, db):
    populate(db)  # five answers in four categories, one with a second version
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("7")
        await until(pilot, lambda: all(c.chart is not None for c in app.screen.query(ChartCard)))
        card = answers_card(app)
        summary = str(card.query_one(".chart-text").render())
        assert summary.startswith("5 of the ") and "may be asked have a written answer" in summary
        assert card.query_one(BarRows).display
        drawn = str(card.query_one(BarRows).render())
        assert "2/" in drawn and "Behavioral" in drawn and "Questions to ask" not in drawn
        await pilot.press("t")
        table = card.query_one(DataTable)
        assert table.display
        figures = {str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)[1:]]
                   for i in range(table.row_count)}
        why = figures["Why radiology, why this program"]
        assert why[0] == "2" and why[3] == "3"  # two answered; three versions in all


def _colours(bars: BarRows) -> list[list[tuple[str, object]]]:
    """Each drawn line of `bars` as (text, foreground colour) pieces, as the terminal gets them."""
    region = bars.region.reset_offset
    return [[(segment.text, segment.style.color if segment.style else None) for segment in strip]
            for strip in bars.render_lines(region)]


async def test_the_legend_squares_are_drawn_in_their_bars_colours(app_factory, db):
    populate(db)
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("7")
        await until(pilot, lambda: all(c.chart is not None for c in app.screen.query(ChartCard)))
        bars = answers_card(app).query_one(BarRows)
        lines = _colours(bars)
        squares = [colour for line in lines for text, colour in line if text.startswith("■")]
        blocks = {colour for line in lines for text, colour in line if text.startswith("█")}
        label = lines[1][0][1]  # the first bar's category
    answered, not_yet = squares
    assert answered != not_yet  # before, both squares had the text's colour
    assert {answered, not_yet} == blocks  # each square is the colour of its part of the bars
    assert label not in blocks and label is not None  # labels drawn muted, not as bars


async def test_home_and_progress_count_the_same_questions(app_factory, db):
    """Home said "5 of 219 questions answered" where Progress said "5 of 189": Home counted
    the questions to ask programs too. Every count of answers and of questions that fit is
    out of the questions the applicant may be asked, and the bank's card says how many."""
    import re

    from question_bank.answers import save_answer
    from question_bank.categories import TO_ASK
    from question_bank.questions import list_questions
    from tests.tui.pilot_helpers import shown

    populate(db)  # five answered questions
    to_ask = [q.id for q in list_questions(db) if q.category == TO_ASK]
    save_answer(db, None, question_id=to_ask[0], structure="outline",
                parts={"outline": "Asked on the day."})  # not one of those to be answered
    db.conn.commit()
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 60)) as pilot:
        await until(pilot, lambda: all(shown(app, f"#{card}-summary").strip() for card in
                                       ("bank", "answers", "profile")), what="Home's cards")
        bank = re.search(r"(\d+) questions in \d+ categories.*: (\d+) you may be asked, "
                         r"(\d+) to ask programs", shown(app, "#bank-summary"))
        answered = re.search(r"(\d+) of the (\d+) questions you may be asked are answered",
                             shown(app, "#answers-summary"))
        fitting = re.search(r"(\d+) of the (\d+) questions you may be asked fit you",
                            shown(app, "#profile-summary"))
        assert bank and answered and fitting
        total, asked, asks = (int(n) for n in bank.groups())
        assert asked == total - asks and asks == len(to_ask)
        assert answered.groups() == ("5", str(asked)) and fitting[2] == str(asked)
        await pilot.press("7")
        await until(pilot, lambda: all(c.chart is not None for c in app.screen.query(ChartCard)))
        summary = str(answers_card(app).query_one(".chart-text").render())
        assert summary.startswith(f"5 of the {asked} questions you may be asked have a "
                                  "written answer")
