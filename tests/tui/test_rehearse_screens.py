"""Rehearsal before an interview, from Home: the card, the next step, the program's drill."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList

from question_bank import drill
from tui.practice.program_material import KIND
from tui.store.settings import set_setting

from .link_helpers import NOW, ODD, lakeshore, shown, until


async def test_home_says_what_to_rehearse_and_drills_exactly_those(app_factory, db, speaker):
    p = lakeshore(db)  # interview in 10 hours: its 24-hour window is open
    set_setting(db, "speech_enabled", "0")
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: "still to review" in shown(app, "#rehearse-summary"))
        summary = shown(app, "#rehearse-summary")
        assert p.name in summary and "5 of 5 cards still to review before it" in summary
        steps = app.screen.query_one("#next-steps", OptionList)
        first = str(steps.get_option_at_index(0).prompt)
        assert f"Rehearse {p.name}: 5 cards to review before its interview" in first
        steps.focus()
        steps.highlighted = 0
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.id == "screen-drill"
                    and app.screen.query_one("#drill-question").display)
        await until(pilot, lambda: "why this program? (reason 1 of 2)" in shown(
            app, "#drill-question"))
        assert shown(app, "#drill-question").startswith(p.name)
        assert "1 of 5" in shown(app, "#drill-progress")
        assert p.name in shown(app, "#drill-title")
        assert not app.screen.query_one("#drill-guidance").display
        await pilot.press("space")
        assert shown(app, "#drill-guidance") == ODD  # the material, literally
        fronts = []
        for _ in range(5):
            fronts.append(shown(app, "#drill-question"))
            await pilot.press("3")
            await pilot.pause()
        await until(pilot, lambda: "Done: 5 ratings" in shown(app, "#drill-result"))
        assert any("who is Dr. Samuel Okafor?" in f for f in fronts)
        assert any("tell the story you planned" in f and "[US city] 🚑 [/]" in f for f in fronts)
        app.ctx.writer.flush()
        kinds = [r["kind"] for r in db.query(
            "select c.kind from drill_reviews r join drill_cards c on c.id = r.card_id")]
        assert kinds == [KIND] * 5
        await pilot.press("escape")
        await until(pilot, lambda: "all 5 cards reviewed" in shown(app, "#rehearse-summary"))


async def test_the_daily_drill_serves_program_cards_with_the_questions(app_factory, db):
    p = lakeshore(db, with_story=False)
    set_setting(db, "speech_enabled", "0")
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.run_action("app.drill")
        await until(pilot, lambda: "program cards" in shown(app, "#drill-due"))
        assert f"4 program cards ({p.name}) is due today" not in shown(app, "#drill-due")
        assert f"4 program cards ({p.name}) are due today." in shown(app, "#drill-due")
        app.screen.query_one("#drill-new-count").value = "0"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.query_one("#drill-question").display
                    and p.name in shown(app, "#drill-question"))
        assert "Program material" in shown(app, "#drill-facts")
        await pilot.press("1")  # again: comes back at the end of the session
        await until(pilot, lambda: "2 of 5" in shown(app, "#drill-progress"))


async def test_a_program_with_nothing_written_says_what_to_write(app_factory, db):
    from dossiers import interviews, programs

    p = programs.add_program(db, "Cascade Regional Imaging Residency")
    start = NOW + timedelta(days=2)
    interviews.add_interview(db, p.id, date=start.date(), start_time="09:00", timezone="UTC")
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "nothing to rehearse yet" in shown(app, "#rehearse-summary"))
        assert not app.screen.query_one("#rehearse-now").display
        await app.run_action(f"app.drill({p.id})")
        await until(pilot, lambda: "Nothing to rehearse for" in shown(app, "#drill-result"))
        assert drill.cards_of(db, KIND) == []


async def test_home_lists_a_programs_cards_once_and_the_drill_calls_them_due(app_factory, db):
    from question_bank.questions import list_questions

    p = lakeshore(db, with_story=False)
    due_q = list_questions(db, category="why")[0]
    drill.rate(db, due_q.id, "again", NOW - timedelta(hours=1))
    set_setting(db, "speech_enabled", "0")
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "still to review" in shown(app, "#rehearse-summary"))
        steps = app.screen.query_one("#next-steps", OptionList)
        lines = [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]
        assert sum("card" in line for line in lines) == 1, lines  # the rehearse step alone
        assert any(line.endswith("Drill the 1 question due today") for line in lines), lines
        await app.run_action("app.drill")
        await until(pilot, lambda: "program cards" in shown(app, "#drill-due"))
        app.screen.query_one("#drill-new-count").value = "0"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: p.name in shown(app, "#drill-question"))
        assert shown(app, "#drill-progress") == "1 of 5 · due"  # never rated, yet due: not new


async def test_escape_ends_the_drill_with_what_was_done(app_factory, db):
    lakeshore(db, with_story=False)
    set_setting(db, "speech_enabled", "0")
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.run_action("app.drill")
        await until(pilot, lambda: "program cards" in shown(app, "#drill-due"))
        app.screen.query_one("#drill-new-count").value = "0"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "1 of 4" in shown(app, "#drill-progress"))
        await pilot.press("3")
        await until(pilot, lambda: "2 of 4" in shown(app, "#drill-progress"))
        await pilot.press("escape")
        await until(pilot, lambda: "Done: 1 rating" in shown(app, "#drill-result"),
                    what="the summary after escape")
        assert app.screen.id == "screen-drill"
        assert "3 of 4 not reached" in shown(app, "#drill-result")
        assert "The next card is due" not in shown(app, "#drill-result")  # they are due now
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.id != "screen-drill", what="escape again to leave")
