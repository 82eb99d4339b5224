"""A question's answers: drafts or versions for different programs, one of them current."""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from question_bank.answers import (
    Answer,
    AnswerError,
    answers_for_question,
    delete_answer,
    duplicate_answer,
    rename_answer,
    set_current,
)
from question_bank.questions import Question
from question_bank.structures import words_phrase
from tui.context import AppContext
from tui.screens.dialogs.answer_history import when
from tui.screens.dialogs.base import Dialog

NEW_ANSWER = -1


class AnswerVersions(Dialog[int | None]):
    """Versions of an answer"""

    HELP_TITLE = "Answer versions"
    BINDINGS = [
        Binding("enter", "open", "Open", id="versions.open", show=False),
        Binding("c", "make_current", "Make current", id="versions.current",
                tooltip="The current answer is the one read aloud and printed in the binder"),
        Binding("n", "new", "New", id="versions.new", tooltip="Start a new, blank answer"),
        Binding("d", "duplicate", "Duplicate", id="versions.duplicate",
                tooltip="Copy this answer as a new version (say, for one program)"),
        Binding("r", "rename", "Rename", id="versions.rename"),
        Binding("x", "delete", "Delete", id="versions.delete",
                tooltip="Delete this version and its history (asks first)"),
        Binding("escape", "cancel", "Close", id="versions.close"),
    ]
    TITLE = "Versions"
    SUB_TITLE = "enter open · c current · n new · d duplicate · r rename · x delete"
    FOOTER = True

    def __init__(self, ctx: AppContext, question: Question, open_id: int | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.question = question
        self.open_id = open_id
        self.answers: list[Answer] = []

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.question.text), id="versions-question")
        yield OptionList(id="versions-list")
        yield Input(id="versions-name", placeholder="New name, then enter (escape: keep)")

    def on_mount(self) -> None:
        self.query_one("#versions-name", Input).display = False
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.answers = answers_for_question(self.ctx.db, self.question.id)
        options = self.query_one("#versions-list", OptionList)
        options.clear_options()
        now = self.ctx.now()
        for a in self.answers:
            marks = ("● " if a.is_current else "  ") + ("▶ " if a.id == self.open_id else "  ")
            options.add_option(Option(Content.from_markup(
                "$marks[b]$label[/b]$current\n      [dim]$words · edited $edited[/dim]",
                marks=marks, label=a.label, current=" (current)" if a.is_current else "",
                words=words_phrase(a.words), edited=when(a.updated_at, now)), id=str(a.id)))
        ids = [a.id for a in self.answers]
        wanted = select if select in ids else self.open_id
        options.highlighted = ids.index(wanted) if wanted in ids else (0 if ids else None)
        options.focus()

    def selected(self) -> Answer | None:
        index = self.query_one("#versions-list", OptionList).highlighted
        return self.answers[index] if index is not None and self.answers else None

    async def run(self, job, *args):
        return await asyncio.wrap_future(self.ctx.writer.submit(job, *args))

    @on(OptionList.OptionSelected, "#versions-list")
    def action_open(self) -> None:
        answer = self.selected()
        if answer is not None:
            self.dismiss(answer.id)

    def action_new(self) -> None:
        self.dismiss(NEW_ANSWER)

    async def action_make_current(self) -> None:
        answer = self.selected()
        if answer is not None:
            await self.run(set_current, answer.id)
            self.reload(answer.id)

    async def action_duplicate(self) -> None:
        answer = self.selected()
        if answer is not None:
            copy = await self.run(duplicate_answer, answer.id)
            self.reload(copy.id)
            self.notify("Copied as a new version. Press r to name it (e.g. for a program).")

    def action_rename(self) -> None:
        answer = self.selected()
        if answer is None:
            return
        name = self.query_one("#versions-name", Input)
        name.display = True
        name.value = answer.label
        name.focus()

    @on(Input.Submitted, "#versions-name")
    async def renamed(self, event: Input.Submitted) -> None:
        answer = self.selected()
        if answer is None:
            return
        try:
            await self.run(rename_answer, answer.id, event.value)
        except AnswerError as error:
            self.show_field_error(error, event.input, label="Name")
            return
        event.input.display = False
        self.clear_error()
        self.reload(answer.id)

    def action_delete(self) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog

        answer = self.selected()
        if answer is None:
            return
        if answer.id == self.open_id:
            self.notify("This is the version you are editing: open another one first.",
                        severity="warning")
            return

        async def answered(yes: bool | None) -> None:
            if yes:
                await self.run(delete_answer, answer.id)
                self.reload()

        self.app.push_screen(ConfirmDialog(
            Content.from_markup("Delete “$label” ($words)?", label=answer.label,
                                words=words_phrase(answer.words)),
            "Its history goes with it. This cannot be undone.", yes="Delete"), answered)

    async def action_cancel(self) -> None:
        name = self.query_one("#versions-name", Input)
        if name.display:  # leave the name being typed, not the dialog
            name.display = False
            self.clear_error()
            self.query_one("#versions-list", OptionList).focus()
            return
        self.dismiss(None)
