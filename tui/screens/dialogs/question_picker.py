"""Link questions to a story: search the bank, tick the questions the story answers."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from question_bank.categories import category_label
from question_bank.questions import Question, list_questions
from question_bank.stories import get_story, link_question, unlink_question
from tui.context import AppContext
from tui.screens.dialogs.base import Dialog

LIMIT = 60


class QuestionPicker(Dialog[None]):
    """Questions a story answers"""

    HELP_TITLE = "Questions for a story"
    BINDINGS = [
        Binding("escape", "cancel", "Close", id="qpicker.close"),
        Binding("down", "to_list", show=False, id="qpicker.list"),
    ]
    SUB_TITLE = "type to search · enter link/unlink · escape close"
    FOOTER = True

    @dataclass
    class Found(Message):
        generation: int
        questions: list[Question]

    def __init__(self, ctx: AppContext, story_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.story_id = story_id
        self.linked: set[str] = set()
        self.found: list[Question] = []
        self.generation = 0

    def compose_body(self) -> ComposeResult:
        story = get_story(self.ctx.db, self.story_id)
        self.linked = set(story.question_ids) if story else set()
        self.title = f"Questions “{story.title if story else ''}” answers"
        yield Input(placeholder="Search questions (type words)", id="qpicker-search")
        yield OptionList(id="qpicker-list")

    def on_mount(self) -> None:
        self.query_one("#qpicker-search", Input).focus()
        self.search("")

    @on(Input.Changed, "#qpicker-search")
    def changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @on(Input.Submitted, "#qpicker-search")
    def action_to_list(self) -> None:
        self.query_one("#qpicker-list", OptionList).focus()

    def search(self, text: str) -> None:
        self.generation += 1
        self.find(self.generation, text.strip())

    @work(thread=True, exclusive=True, group="qpicker", exit_on_error=False)
    def find(self, generation: int, text: str) -> None:
        with self.ctx.reader() as db:
            if text:
                questions = list_questions(db, search=text, limit=LIMIT)
            else:  # linked ones first, then the behavioral questions stories usually answer
                linked = [q for q in list_questions(db, include_hidden=True)
                          if q.id in self.linked]
                questions = linked + [q for q in list_questions(db, category="behavioral")
                                      if q.id not in self.linked]
        self.post_message(self.Found(generation, questions[:LIMIT]))

    @on(Found)
    def found_questions(self, event: Found) -> None:
        if event.generation != self.generation:
            return
        self.found = event.questions
        self.fill()

    def fill(self) -> None:
        options = self.query_one("#qpicker-list", OptionList)
        keep = options.highlighted
        options.clear_options()
        for q in self.found:
            mark = "✓ " if q.id in self.linked else "  "
            options.add_option(Option(Content.from_markup(
                "$mark$text [dim]$category[/dim]", mark=mark, text=q.text,
                category=category_label(q.category)), id=q.id))
        if self.found:
            options.highlighted = min(keep or 0, len(self.found) - 1)

    @on(OptionList.OptionSelected, "#qpicker-list")
    async def toggle(self, event: OptionList.OptionSelected) -> None:
        question_id = event.option.id
        if question_id is None:  # every option is added with its question's id
            return
        job = unlink_question if question_id in self.linked else link_question
        await asyncio.wrap_future(self.ctx.writer.submit(job, self.story_id, question_id))
        self.linked ^= {question_id}
        self.fill()
