"""Add or edit a question: a dialog that checks each field and names what is wrong."""

from __future__ import annotations

import asyncio
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, TextArea

from question_bank.categories import (
    AUDIENCES,
    DEFAULT_STRUCTURE_BY_CATEGORY,
    STRUCTURES,
    categories,
)
from question_bank.questions import Question, QuestionError, add_question, update_question
from tui.context import AppContext
from tui.screens.dialogs.base import Dialog

W = TypeVar("W", bound=Widget)

def titled(widget: W, title: str) -> W:
    """`widget` named by its border title."""
    widget.border_title = title
    return widget


class QuestionForm(Dialog[str | None]):
    """Add or edit a question"""

    HELP_TITLE = "Question dialog"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="question_form.save", priority=True),
    ]
    SUB_TITLE = "ctrl+s save · escape cancel"

    def __init__(self, ctx: AppContext, question: Question | None = None,
                 *, category: str | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.question = question
        self.initial_category = question.category if question else (category or "behavioral")
        self.title = "Edit question" if question else "New question"

    def compose_body(self) -> ComposeResult:
        q = self.question
        yield Label("Question, as the interviewer would ask it")
        yield TextArea(q.text if q else "", id="field-text", soft_wrap=True,
                       show_line_numbers=False, tab_behavior="focus")
        # Every field is named by its border title ("90" alone said nothing).
        with Horizontal(classes="form-row"):
            yield titled(Select([(c.label, c.id) for c in categories()], allow_blank=False,
                                value=self.initial_category, id="field-category",
                                classes="labelled"), "Category")
            yield titled(Select([(label.split(" (")[0], key)
                                 for key, label in STRUCTURES.items()],
                                allow_blank=False, id="field-structure", classes="labelled",
                                value=q.structure if q else DEFAULT_STRUCTURE_BY_CATEGORY.get(
                                    self.initial_category, "outline")), "Answer structure")
        with Horizontal(classes="form-row"):
            yield titled(Input(str(q.target_seconds) if q else "90", id="field-target_seconds",
                               placeholder="90", type="integer",
                               tooltip="Target spoken length, in seconds"),
                         "Target (s)")
            yield titled(Input(", ".join(q.tags) if q else "", id="field-tags",
                               placeholder="teamwork, conflict"),
                         "Tags")
        yield titled(Select([(label, key) for key, label in AUDIENCES.items()],
                            id="field-audience", prompt="Not set", classes="labelled",
                            value=q.audience if q and q.audience else Select.NULL),
                     "Audience (questions to ask only)")
        yield Label("Guidance: what it probes, the shape of a good answer, the pitfall")
        yield TextArea(q.guidance if q else "", id="field-guidance", soft_wrap=True,
                       show_line_numbers=False, tab_behavior="focus")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Save", variant="primary", id="save")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._sync_audience()
        self.query_one("#field-text", TextArea).focus()

    @on(Select.Changed, "#field-category")
    def _category_changed(self, event: Select.Changed) -> None:
        self._sync_audience()
        if self.question is None and event.value in DEFAULT_STRUCTURE_BY_CATEGORY:
            self.query_one("#field-structure", Select).value = DEFAULT_STRUCTURE_BY_CATEGORY[
                event.value]

    def _sync_audience(self) -> None:
        category = self.query_one("#field-category", Select).value
        self.query_one("#field-audience", Select).display = category == "to-ask"

    def _fields(self) -> dict:
        audience = self.query_one("#field-audience", Select).value
        category = self.query_one("#field-category", Select).value
        return {
            "text": self.query_one("#field-text", TextArea).text,
            "category": category,
            "structure": self.query_one("#field-structure", Select).value,
            "target_seconds": self.query_one("#field-target_seconds", Input).value or "0",
            "tags": tuple(t.strip().lower().replace(" ", "-")
                          for t in self.query_one("#field-tags", Input).value.split(",")
                          if t.strip()),
            "guidance": self.query_one("#field-guidance", TextArea).text,
            "audience": audience if category == "to-ask" and audience != Select.NULL else None,
        }

    @on(Button.Pressed, "#save")
    async def action_save(self) -> None:
        fields = self._fields()
        if self.question is None:
            future = self.ctx.writer.submit(add_question, **fields)
        else:
            future = self.ctx.writer.submit(update_question, self.question.id, **fields)
        try:
            saved = await asyncio.wrap_future(future)
        except QuestionError as error:
            found = self.query(f"#field-{error.field}")
            self.show_field_error(error, found.first() if found else None)
            return
        self.dismiss(saved.id)
