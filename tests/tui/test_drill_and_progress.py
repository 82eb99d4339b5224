"""The drill from Home, the home card, and the Progress charts, driven as a user would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import DataTable, Input, OptionList, SelectionList, Sparkline

from question_bank import drill
from question_bank.practice_demo import populate
from question_bank.questions import list_questions
from tests.tui.pilot_helpers import shown as text
from tests.tui.pilot_helpers import until
from tui.widgets.chart import BarRows, ChartCard

NOW = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)


async def test_home_shows_what_is_due_and_the_drill_serves_due_then_new(app_factory, db, speaker):
    due_q = list_questions(db, category="why")[0]
    drill.rate(db, due_q.id, "again", NOW - timedelta(hours=1))
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: "1 due today" in text(app, "#drill-summary"))
        steps = app.screen.query_one("#next-steps", OptionList)
        first = str(steps.get_option_at_index(0).prompt)
        assert "Drill the 1 question due today" in first
        steps.focus()
        steps.highlighted = 0
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.id == "screen-drill")
        await until(pilot, lambda: "1 question is due today" in text(app, "#drill-due"))
        choices = app.screen.query_one(SelectionList)
        assert "to-ask" not in choices.selected  # questions to ask are not drilled by default
        choices.deselect_all()
        choices.select("ethics")
        app.screen.query_one("#drill-new-count", Input).value = "2"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.query_one("#drill-question").display
                    and text(app, "#drill-question") == due_q.text)
        assert "1 of 3 · due" in text(app, "#drill-progress")
        assert speaker.said == [due_q.text]
        assert not app.screen.query_one("#drill-guidance").display
        await pilot.press("space")
        assert "Probing:" in text(app, "#drill-guidance")
        await pilot.press("3")
        ethics = list_questions(db, category="ethics")
        await until(pilot, lambda: text(app, "#drill-question") == ethics[0].text)
        assert "new" in text(app, "#drill-progress")
        await pilot.press("1")  # again: asked once more at the end
        await until(pilot, lambda: text(app, "#drill-question") == ethics[1].text)
        await pilot.press("s")  # skipped: no rating
        await until(pilot, lambda: text(app, "#drill-question") == ethics[0].text)
        assert "again" in text(app, "#drill-progress")
        await pilot.press("4")
        await until(pilot, lambda: "Done: 3 ratings" in text(app, "#drill-result"))
        assert "1 good" in text(app, "#drill-result") and "next card is due" in text(
            app, "#drill-result")
        app.ctx.writer.flush()
        assert drill.get_card(db, "question", due_q.id).reps == 2
        assert drill.get_card(db, "question", ethics[0].id).reps == 2
        assert drill.get_card(db, "question", ethics[1].id) is None
        ratings = [r["rating"] for r in db.query("select rating from drill_reviews order by id")]
        assert ratings == [1, 3, 1, 4]
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.id == "screen-home")
        await until(pilot, lambda: "Nothing is due today" in text(app, "#drill-summary"))


async def test_nothing_to_drill_is_said_plainly(app_factory):
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.run_action("drill")
        await until(pilot, lambda: "Nothing is due today" in text(app, "#drill-due"))
        app.screen.query_one("#drill-new-count", Input).value = "0"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Nothing to drill" in text(app, "#drill-error"))
        app.screen.query_one("#drill-new-count", Input).value = "x9"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "How many new" in text(app, "#drill-error"))


async def test_progress_renders_with_no_history(app_factory):
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7")
        await until(pilot, lambda: all(c.chart is not None for c in app.screen.query(ChartCard)))
        cards = list(app.screen.query(ChartCard))
        assert [c.border_title for c in cards] == ["Practice per day", "Time used against target",
                                                  "Ratings over time",
                                                  "Answers written per category",
                                                  "Speaking pace (recorded answers)",
                                                  "Filler words a minute (recorded answers)"]
        for card in cards:
            assert card.query_one(".chart-text").display
            assert "yet" in str(card.query_one(".chart-text").render())
            assert not card.query_one(Sparkline).display and not card.query_one(BarRows).display
        await pilot.press("t")
        practice = cards[0].query_one(DataTable)
        assert practice.display and practice.row_count == 28


async def test_progress_renders_a_full_history_with_its_numbers(app_factory, db):
    now = datetime.now(UTC)
    populate(db, now=now)
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("7")
        await until(pilot, lambda: all(c.chart is not None for c in app.screen.query(ChartCard)))
        practice, timing, ratings, _answers, _pace, _fillers = app.screen.query(ChartCard)
        assert practice.query_one(Sparkline).display
        assert len(practice.query_one(Sparkline).data) == 28 and max(practice.chart.spark) > 0
        assert "questions practised" in str(practice.query_one(".chart-text").render())
        bars = timing.query_one(BarRows)
        assert bars.display and len(timing.chart.bars) >= 5
        blank, *drawn, legend = str(bars.render()).splitlines()  # the bars, a line down
        assert not blank.strip() and "too long" in legend
        assert any("┃" in line or "╋" in line for line in drawn)  # the 100% mark
        for bar, line in zip(timing.chart.bars, drawn, strict=True):
            share = float(bar.note.split("%")[0]) / 100  # a verdict reads without colour:
            sign = "▲" if share > 1.15 else "▼" if share < 0.7 else ""  # a sign, not a hue
            assert line.rstrip().endswith(f"{bar.note.split()[0]} {sign}".rstrip())
        assert "good or easy" in str(ratings.query_one(".chart-text").render())
        assert ratings.query_one(BarRows).display
        await pilot.press("t")
        assert timing.query_one(DataTable).row_count == len(timing.chart.bars)
        assert not bars.display
        await pilot.press("w")
        await until(pilot, lambda: practice.query_one(DataTable).row_count == 56)
        assert "8 weeks" in text(app, "#progress-header")


async def test_a_late_read_for_the_old_window_does_not_replace_the_new_one(app_factory, db):
    from tui.practice.progress_charts import CHARTS, Window

    populate(db, now=datetime.now(UTC))
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("7")
        await until(pilot, lambda: all(c.chart is not None for c in app.screen.query(ChartCard)))
        four_weeks = [make(db, Window.weeks(app.ctx.now(), 4)) for make in CHARTS]
        await pilot.press("w")
        practice = app.screen.query(ChartCard).first()
        await until(pilot, lambda: len(practice.chart.spark) == 56)
        app.screen._show(four_weeks, 4)  # the 4-week read, finishing after the 8-week one
        await pilot.pause()
        assert len(practice.chart.spark) == 56 and "8 weeks" in text(app, "#progress-header")
