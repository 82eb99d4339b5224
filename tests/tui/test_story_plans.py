"""Stories planned for a program: chosen in the dossier, shown there, in its Markdown, and
on the story screen; deleting a story forgets its plans."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import DataTable, SelectionList, TabbedContent

from dossiers import plans, programs
from question_bank.stories import add_story
from tui.practice.exports import export_text
from tui.screens.dialogs.story_plan_picker import StoryPlanPicker

from .link_helpers import STORY, until

NOW = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)


def rows(app, selector: str) -> list[str]:
    table = app.screen.query_one(selector, DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_plan_two_stories_in_the_dossier_then_take_one_off(app_factory, db):
    p = programs.add_program(db, "Lakeshore University Diagnostic Radiology")
    odd = add_story(db, title=STORY, competencies=("mistake-feedback",))
    plain = add_story(db, title="Disagreeing about a head CT", competencies=("conflict",))
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: app.screen.id == "screen-programs")
        await app.run_action(f"open_program({p.id}, 'stories')")
        await until(pilot, lambda: app.screen.id == "screen-dossier"
                    and not app.screen.query_one("#dossier-tabs").loading)
        tabs = app.screen.query_one("#dossier-tabs", TabbedContent)
        assert tabs.active == "tab-stories"
        app.screen.query_one("#stories-table").focus()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, StoryPlanPicker)
                    and app.screen.query_one(SelectionList).option_count == 2)
        await pilot.press("space", "down", "space", "ctrl+s")
        await until(pilot, lambda: app.screen.id == "screen-dossier"
                    and len(rows(app, "#stories-table")) == 2)
        assert sorted(rows(app, "#stories-table")) == sorted([STORY, plain.title])
        app.ctx.writer.flush()
        assert sorted(plans.planned_stories(db, p.id)) == sorted([odd.id, plain.id])
        table = app.screen.query_one("#stories-table", DataTable)
        table.move_cursor(row=rows(app, "#stories-table").index(plain.title))
        await pilot.press("x")
        await until(pilot, lambda: rows(app, "#stories-table") == [STORY])
        assert plans.planned_stories(db, p.id) == [odd.id]
    markdown = export_text(db, "md", [p.id], zone="UTC", now=NOW)
    assert "## Stories I plan to tell" in markdown
    assert r"Night call in \[US city\] 🚑 \[/\] the label mix-up" in markdown


async def test_the_story_screen_names_the_programs_and_deleting_forgets_the_plans(app_factory,
                                                                                 db):
    p = programs.add_program(db, "Lakeshore University Diagnostic Radiology")
    q = programs.add_program(db, "Cascade Regional Imaging Residency")
    story = add_story(db, title=STORY)
    for program in (p, q):
        plans.plan_story(db, program.id, story.id)
    app = app_factory(now=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: "Planned for" in str(
            app.screen.query_one("#story-questions").render()))
        detail = str(app.screen.query_one("#story-questions").render())
        assert f"· {q.name}" in detail and f"· {p.name}" in detail
        await pilot.press("x")
        await until(pilot, lambda: bool(app.screen.query("#confirm-question")))
        assert "the programs that planned it forget it" in str(
            app.screen.query_one("#confirm-consequence").render())
        await pilot.press("y")
        await until(pilot, lambda: app.screen.id == "screen-stories"
                    and "No story selected" in str(app.screen.query_one("#story-text").render()))
        app.ctx.writer.flush()
    assert plans.programs_for_story(db, story.id) == []
