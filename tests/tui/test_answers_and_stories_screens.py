"""The Answers and Stories sections and the home card, driven as a user would."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable

from question_bank.answers import save_answer
from question_bank.stories import add_story, get_story, link_story, list_stories
from tests.fakes import FakeClock
from tests.tui.answer_helpers import settle, shown, type_text
from tui.screens.answer_editor import AnswerEditor

ODD = "[bold]x[/bold] [/] 🩻"


def rows(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def fill(db):
    a = save_answer(db, None, question_id="behavioral.mistake", structure="star",
                    parts={"situation": f"I missed a pneumothorax {ODD}", "action": "I paged"})
    b = save_answer(db, None, question_id="intro.tell-me-about-yourself",
                    structure="narrative", parts={"background": "Ohio, engineering, Dublin"})
    return a, b


async def test_answers_list_search_sort_and_open(app_factory, db):
    a, b = fill(db)
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await settle(app, pilot)
        texts = [r[0] for r in rows(app, "#answers-table")]
        assert texts == ["● Tell me about yourself.",
                         "● Tell me about a mistake you made in patient care and what you learned "
                         "from it."] or len(texts) == 2
        assert "2 answers" in shown(app, "#answers-status")
        await pilot.press("s")  # by question, A to Z
        await settle(app, pilot)
        assert "by question" in shown(app, "#answers-status")
        assert rows(app, "#answers-table")[0][0].startswith("● Tell me about a mistake")
        await pilot.press("slash", *"pneumo")
        await settle(app, pilot)
        assert len(rows(app, "#answers-table")) == 1
        assert ODD in shown(app, "#answer-preview-text")  # literally, with the snippet
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AnswerEditor) and app.screen.draft.answer_id == a.id


async def test_delete_an_answer_after_confirming(app_factory, db):
    fill(db)
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert "cannot be undone" in shown(app, "#confirm-consequence")
        await pilot.press("n")
        await settle(app, pilot)
        assert len(rows(app, "#answers-table")) == 2
        await pilot.press("x", "y")
        await settle(app, pilot)
        assert len(rows(app, "#answers-table")) == 1


async def test_write_a_story_and_see_it_and_its_answers(app_factory, db):
    a, _ = fill(db)
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await settle(app, pilot)
        assert "press a to write your first story" in shown(app, "#stories-status")
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "The PE ")
        title = app.screen.query_one("#story-title")
        title.insert_text_at_cursor(ODD)
        competencies = app.screen.query_one("#story-competencies")
        competencies.select("leadership")
        app.screen.query_one("#story-situation").insert("Night float, 3 a.m.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        story = list_stories(db)[0]
        assert story.title == f"The PE {ODD}" and story.competencies == ("leadership",)
        assert rows(app, "#stories-table")[0][0] == f"The PE {ODD}"
        await asyncio.wrap_future(app.ctx.writer.submit(link_story, a.id, story.id))
        app.screen.reload()
        await settle(app, pilot)
        assert "Tell me about a mistake" in str(
            app.screen.query_one("#story-answers").get_option_at_index(0).prompt)
        assert ODD in shown(app, "#story-text")
        await pilot.press("o", "enter")  # from the story, open an answer that uses it
        await settle(app, pilot)
        assert isinstance(app.screen, AnswerEditor) and app.screen.draft.answer_id == a.id


async def test_story_without_a_title_asks_before_throwing_it_away(app_factory, db):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#story-action").insert("I called radiology")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Title" in shown(app, "#dialog-error")
        await pilot.press("escape")
        await pilot.pause()
        assert "no title" in shown(app, "#confirm-consequence")
        await pilot.press("n")  # keep writing
        await pilot.pause()
        app.screen.query_one("#story-title").value = "Radiology call"
        await pilot.press("escape")  # escape with a title saves
        await settle(app, pilot)
    assert [s.title for s in list_stories(db)] == ["Radiology call"]


async def test_coverage_shows_gaps_and_overloaded_stories(app_factory, db):
    add_story(db, title="Everything [story]", competencies=("teamwork", "conflict", "stress"))
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        summary = shown(app, "#coverage-summary")
        assert "No story yet:" in summary and "Leadership" in summary
        assert "“Everything [story]” carries too much" in summary
        table = rows(app, "#coverage-table")
        by_name = {r[0]: r for r in table}
        assert by_name["Teamwork"][1] == "1" and by_name["Teamwork"][2] == "●"
        assert by_name["Leadership"][1] == "✗ none"
        await pilot.press("down", "down", "down", "down", "enter")  # Leadership: write one
        await pilot.pause()
        assert app.screen.query_one("#story-competencies").selected == ["leadership"]


async def test_link_questions_to_a_story(app_factory, db):
    story = add_story(db, title="PE")
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("q")
        await settle(app, pilot)
        await pilot.press(*"stressful")
        await settle(app, pilot)
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert get_story(db, story.id).question_ids == ("behavioral.most-stressful",)
        assert "most stressful situation" in shown(app, "#story-questions")


async def test_home_card_counts_answers_and_offers_to_continue(app_factory, db):
    fill(db)
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        summary = shown(app, "#answers-summary")
        assert "2 of" in summary and "Behavioral" in summary and "No story yet for" in summary
        steps = app.screen.query_one("#next-steps")
        first = str(steps.get_option_at_index(0).prompt)
        assert "Continue your answer to “Tell me about yourself.”" in first
        steps.focus()
        steps.highlighted = 0
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AnswerEditor)
        assert app.screen.question.id == "intro.tell-me-about-yourself"


async def test_a_one_word_answer_is_one_word_in_the_preview(app_factory, db):
    """The lists, previews, history and versions said "1 words"."""
    save_answer(db, None, question_id="intro.tell-me-about-yourself", structure="outline",
                parts={"outline": "Curiosity"})
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("3")
        await settle(app, pilot)
        preview = shown(app, "#answer-preview-text")
        assert "1 word" in preview and "1 words" not in preview
