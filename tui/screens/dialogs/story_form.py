"""Write or edit a story: title, where it comes from, what it shows, its STAR parts."""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea
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

# Where an answer's parts go when a story is written from it.
_FROM_ANSWER = {"context": "situation", "background": "situation", "changed": "action"}


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


class StoryForm(ModalScreen[int | None]):
    """Write or edit a story"""

    HELP_TITLE = "Story dialog"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="story_form.save", priority=True),
        Binding("escape", "close", "Close", id="story_form.close",
                tooltip="Save and close (asks before throwing away a story without a title)"),
    ]

    def __init__(self, ctx: AppContext, story: Story | None = None, *,
                 parts: dict[str, str] | None = None, competencies: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.ctx = ctx
        self.story = story
        self.preset = competencies
        self.parts = dict(story.parts if story else (parts or {}))
        self.start: dict | None = None

    def compose(self) -> ComposeResult:
        s = self.story
        chosen = set(s.competencies) if s else set(self.preset)
        with VerticalScroll(id="story-form", classes="dialog") as body:
            body.border_title = "Edit story" if s else "New story"
            body.border_subtitle = "ctrl+s save · escape close"
            yield Input(s.title if s else "", id="story-title",
                        placeholder="Title: a few words you will recognise (“The missed PE”)")
            with Horizontal(classes="story-row"):
                yield Select([(label, key) for key, label in EXPERIENCE_KINDS.items()],
                             value=s.experience_kind if s else "rotation", allow_blank=False,
                             id="story-kind")
                yield Input(s.experience if s else "", id="story-experience",
                            placeholder="Where: the rotation, project or job")
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
            yield Static(Content(""), id="story-error")

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

    def show_error(self, text: str) -> None:
        self.query_one("#story-error", Static).update(Content(text))

    @on(Input.Submitted, "#story-new-competency")
    async def new_competency(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        try:
            comp = await asyncio.wrap_future(self.ctx.writer.submit(add_competency, event.value))
        except StoryError as error:
            self.show_error(f"Competency: {error.message}.")
            return
        options = self.query_one("#story-competencies", SelectionList)
        options.add_option(Selection(Content(comp.label), comp.id, True))
        event.input.value = ""
        self.show_error("")

    async def action_save(self) -> bool:
        fields = self.fields()
        if self.story is None:
            future = self.ctx.writer.submit(add_story, **fields)
        else:
            future = self.ctx.writer.submit(update_story, self.story.id, **fields)
        try:
            saved = await asyncio.wrap_future(future)
        except StoryError as error:
            label = {"experience_kind": "Kind of experience"}.get(error.field, error.field)
            self.show_error(f"{label.capitalize()}: {error.message}.")
            if error.field == "title":
                self.query_one("#story-title", Input).focus()
            return False
        self.dismiss(saved.id)
        return True

    async def action_close(self) -> None:
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

        self.app.push_screen(ConfirmDialog("This story has no title, so it cannot be saved. "
                                           "Throw away what you wrote?", yes="Throw away",
                                           no="Keep writing"), answered)
