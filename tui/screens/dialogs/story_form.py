"""Write or edit a story: title, where it comes from, what it shows, its STAR parts."""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Select, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from question_bank.answers import Answer
from question_bank.stories import (
    EXPERIENCE_KINDS,
    STORY_KEYS,
    STORY_PARTS,
    Story,
    StoryError,
    add_competency,
    add_story,
    competencies,
    update_story,
)
from question_bank.structures import part_label
from tui.context import AppContext
from tui.screens.dialogs.base import Dialog

# Where an answer's parts go when a story is written from it.
_FROM_ANSWER = {"context": "situation", "background": "situation", "changed": "action"}
# The widget of each field a StoryError names, and how a sentence names it.
FIELDS = {"title": "#story-title", "experience_kind": "#story-kind",
          "competencies": "#story-competencies", "competency": "#story-new-competency"}
LABELS = {"experience_kind": "Kind of experience"}


def parts_from_answer(answer: Answer) -> dict[str, str]:
    """STAR parts for a new story from an answer: same parts, equivalents, the rest into the
    Situation under their labels (nothing is left out)."""
    parts = {k: "" for k in STORY_KEYS}
    for key, text in answer.parts.items():
        if not text.strip():
            continue
        target = key if key in STORY_KEYS else _FROM_ANSWER.get(key, "situation")
        if target != key and key not in _FROM_ANSWER:
            text = f"{part_label(key)}: {text}"
        parts[target] = f"{parts[target]}\n\n{text}".strip()
    return parts


class StoryForm(Dialog[int | None]):
    """Write or edit a story"""

    HELP_TITLE = "Story dialog"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="story_form.save", priority=True),
        Binding("escape", "cancel", "Close", id="story_form.close",
                tooltip="Save and close (asks before throwing away a story without a title)"),
    ]
    SUB_TITLE = "ctrl+s save · escape close"

    def __init__(self, ctx: AppContext, story: Story | None = None, *,
                 parts: dict[str, str] | None = None, competencies: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.ctx = ctx
        self.story = story
        self.preset = competencies
        self.parts = dict(story.parts if story else (parts or {}))
        self.start: dict | None = None
        self.title = "Edit story" if story else "New story"

    def compose_body(self) -> ComposeResult:
        s = self.story
        chosen = set(s.competencies) if s else set(self.preset)
        title = Input(s.title if s else "", id="story-title",
                      placeholder="a few words you will recognise (“The missed PE”)")
        kind = Select([(label, key) for key, label in EXPERIENCE_KINDS.items()],
                      value=s.experience_kind if s else "rotation", allow_blank=False,
                      id="story-kind", classes="labelled")
        where = Input(s.experience if s else "", id="story-experience",
                      placeholder="the rotation, project or job")
        # Named by their border titles: a placeholder is gone once something is typed.
        title.border_title, kind.border_title, where.border_title = "Title", "Kind", "Where"
        yield title
        with Horizontal(classes="story-row"):
            yield kind
            yield where
        yield Label("What it shows (space to tick)")
        yield SelectionList[str](
            *[Selection(Content(c.label), c.id, c.id in chosen) for c in competencies(
                self.ctx.db)], id="story-competencies")
        yield Input(id="story-new-competency",
                    placeholder="Add a competency of your own, then enter")
        for part in STORY_PARTS:
            area = TextArea(self.parts.get(part.key, ""), id=f"story-{part.key}",
                            soft_wrap=True, tab_behavior="focus",
                            placeholder=Content(part.prompt), classes="story-part")
            area.border_title = part.label
            yield area

    def on_mount(self) -> None:
        self.query_one("#story-title", Input).focus()
        self.start = self.fields()

    def fields(self) -> dict:
        return {
            "title": self.query_one("#story-title", Input).value,
            "experience_kind": self.query_one("#story-kind", Select).value,
            "experience": self.query_one("#story-experience", Input).value,
            "competencies": tuple(self.query_one("#story-competencies", SelectionList).selected),
            "parts": {k: self.query_one(f"#story-{k}", TextArea).text for k in STORY_KEYS},
        }

    @on(Input.Submitted, "#story-new-competency")
    async def new_competency(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        try:
            comp = await asyncio.wrap_future(self.ctx.writer.submit(add_competency, event.value))
        except StoryError as error:
            self.field_error(error)
            return
        options = self.query_one("#story-competencies", SelectionList)
        options.add_option(Selection(Content(comp.label), comp.id, True))
        event.input.value = ""
        self.clear_error()

    async def action_save(self) -> bool:
        fields = self.fields()
        if self.story is None:
            future = self.ctx.writer.submit(add_story, **fields)
        else:
            future = self.ctx.writer.submit(update_story, self.story.id, **fields)
        try:
            saved = await asyncio.wrap_future(future)
        except StoryError as error:
            self.field_error(error)
            return False
        self.dismiss(saved.id)
        return True

    def field_error(self, error: StoryError) -> None:
        selector = FIELDS.get(error.field)
        self.show_field_error(error, self.query_one(selector) if selector else None,
                              label=LABELS.get(error.field))

    async def action_cancel(self) -> None:
        if self.fields() == self.start:
            self.dismiss(None)
            return
        if self.fields()["title"].strip():
            await self.action_save()
            return
        from tui.screens.dialogs.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Throw away what you wrote?",
                                           "This story has no title, so it cannot be saved.",
                                           yes="Throw away", no="Keep writing"), answered)
