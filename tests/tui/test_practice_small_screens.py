"""A 40×12 terminal: every practice screen stays usable (cramped) and nothing crashes."""

from __future__ import annotations

from textual.widgets import DataTable

from question_bank.practice_demo import populate
from tests.fakes import FakeClock
from tests.tui.pilot_helpers import shown, until


async def test_mock_drill_and_progress_fit_a_tiny_terminal(app_factory, db):
    populate(db)
    clock = FakeClock()
    app = app_factory(clock=clock)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("6")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        assert app.screen.query_one("#mock-setup").region.width >= 36
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.id == "screen-mock-run" and app.screen.session_id)
        question = app.screen.query_one("#run-question")
        assert question.region.width >= 30 and question.region.height >= 1
        assert app.screen.query_one("#run-clock").has_class("-compact")
        caption = app.screen.query_one("#countdown-caption")
        assert 0 < caption.region.y and caption.region.bottom <= 11  # the clock is in view
        caption_text = shown(app, "#countdown-caption")
        assert "Answer" in caption_text or "Think" in caption_text
        await pilot.press("enter")  # stop thinking
        clock.advance(30)
        await pilot.press("e")
        await until(pilot, lambda: app.screen.id == "screen-mock-review")
        assert app.screen.query_one(DataTable).region.height >= 3
        await pilot.press("3", "escape")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        await app.run_action("drill")
        await until(pilot, lambda: app.screen.id == "screen-drill")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.view == "drill-card"
                    and app.screen.query_one("#drill-question").region.height >= 1)
        await pilot.press("space", "2")
        await pilot.press("escape")
        await pilot.press("7")
        await until(pilot, lambda: app.screen.id == "screen-progress")
        await pilot.press("t", "w")
        await pilot.pause()


async def test_help_lists_the_practice_screens_keys(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        keys = str(app.screen.query_one("#help-keys").render())
        for words in ("Mock interviews", "Mock interview (running)", "Pause/resume", "Repeat aloud",
                      "Mock interview review", "Drill", "Guidance", "Progress", "Numbers/charts",
                      "Go to Mock", "Go to Progress"):
            assert words in keys, words
