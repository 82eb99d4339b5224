"""From an answer: see the linked stories, link or unlink one, pull a story's parts in."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from question_bank.answers import Answer
from question_bank.stories import (
    StorySummary,
    competency_labels,
    get_story,
    link_story,
    list_stories,
    stories_for_answer,
    unlink_story,
)
from tui.context import AppContext
from tui.screens.dialogs.base import Dialog
from tui.widgets.story_view import story_content


class StoryPicker(Dialog[int | None]):
    """Stories for this answer"""

    HELP_TITLE = "Stories for an answer"
    BINDINGS = [
        Binding("space", "toggle_link", "Link/unlink", id="picker.toggle",
                tooltip="Link the story to this answer, or unlink it"),
        Binding("p", "pull", "Pull in", id="picker.pull",
                tooltip="Add the story's parts to the answer (nothing is replaced)"),
        Binding("n", "new", "New story", id="picker.new",
                tooltip="Write a new story, starting from this answer"),
        Binding("escape", "cancel", "Close", id="picker.close"),
    ]
    TITLE = "Stories"
    SUB_TITLE = "space link · p pull in · n new · escape close"
    CONTENT = Horizontal
    FOOTER = True

    @dataclass
    class Loaded(Message):
        stories: list[StorySummary]
        linked: set[int]
        labels: dict[str, str]

    def __init__(self, ctx: AppContext, answer: Answer) -> None:
        super().__init__()
        self.ctx = ctx
        self.answer = answer
        self.stories: list[StorySummary] = []
        self.linked: set[int] = set()
        self.labels: dict[str, str] = {}

    def compose_body(self) -> ComposeResult:
        yield OptionList(id="picker-list")
        with VerticalScroll(id="picker-preview", can_focus=True):
            yield Static(Content(""), id="picker-story")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="picker", exit_on_error=False)
    def load(self) -> None:
        with self.ctx.reader() as db:
            stories = list_stories(db)
            linked = {s.id for s in stories_for_answer(db, self.answer.id)}
            labels = competency_labels(db)
        self.post_message(self.Loaded(stories, linked, labels))

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        self.stories, self.linked, self.labels = event.stories, event.linked, event.labels
        options = self.query_one("#picker-list", OptionList)
        keep = options.highlighted
        options.clear_options()
        for s in self.stories:
            mark = "✓ " if s.id in self.linked else "  "
            shows = ", ".join(self.labels.get(c, c) for c in s.competencies) or "no competency yet"
            options.add_option(Option(Content.from_markup(
                "$mark[b]$title[/b]\n    [dim]$shows[/dim]", mark=mark, title=s.title,
                shows=shows), id=str(s.id)))
        if not self.stories:
            self.query_one("#picker-story", Static).update(Content(
                "Your story bank is empty. Press n to write the first story from this answer, "
                "or go to Stories (4)."))
            return
        options.highlighted = min(keep or 0, len(self.stories) - 1)
        options.focus()

    def selected(self) -> StorySummary | None:
        index = self.query_one("#picker-list", OptionList).highlighted
        return self.stories[index] if index is not None and self.stories else None

    @on(OptionList.OptionHighlighted, "#picker-list")
    def preview(self) -> None:
        summary = self.selected()
        story = get_story(self.ctx.db, summary.id) if summary else None
        if story is not None:
            linked = "Linked to this answer." if story.id in self.linked else "Not linked."
            self.query_one("#picker-story", Static).update(
                story_content(story, self.labels, note=linked))

    @on(OptionList.OptionSelected, "#picker-list")
    async def action_toggle_link(self) -> None:
        story = self.selected()
        if story is None:
            return
        job = unlink_story if story.id in self.linked else link_story
        await asyncio.wrap_future(self.ctx.writer.submit(job, self.answer.id, story.id))
        self.load()

    async def action_pull(self) -> None:
        story = self.selected()
        if story is None:
            return
        await asyncio.wrap_future(self.ctx.writer.submit(link_story, self.answer.id, story.id))
        self.dismiss(story.id)

    def action_new(self) -> None:
        from tui.screens.dialogs.story_form import StoryForm, parts_from_answer

        self.app.push_screen(StoryForm(self.ctx, parts=parts_from_answer(self.answer)),
                             self.created)

    async def created(self, story_id: int | None) -> None:
        if story_id is None:
            return
        await asyncio.wrap_future(self.ctx.writer.submit(link_story, self.answer.id, story_id))
        self.notify("Story saved and linked to this answer.")
        self.load()
