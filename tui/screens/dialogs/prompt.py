"""A small dialog that asks for one line of text."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Label

from question_bank.errors import FieldError
from tui.screens.dialogs.base import Dialog

Check = Callable[[str], Awaitable["str | FieldError | None"]]


class TextPrompt(Dialog[str | None]):
    """One line of text; Enter accepts, Escape cancels. `check(value)` may return what is
    wrong with it: a sentence, or the FieldError a store raised (said, the field marked)."""

    HELP_TITLE = "Text dialog"

    def __init__(self, title: str, label: str, value: str = "", *, placeholder: str = "",
                 check: Check | None = None) -> None:
        super().__init__()
        self.title = title
        self.sub_title = "enter accept · escape cancel"
        self.label, self.value = label, value
        self.placeholder, self.check = placeholder, check

    def compose_body(self) -> ComposeResult:
        yield Label(Content(self.label))
        yield Input(self.value, placeholder=self.placeholder, id="prompt-input")

    @on(Input.Submitted, "#prompt-input")
    async def submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.show_error("Type something first, or press escape.")
            return
        if self.check is not None:
            error = await self.check(value)
            if isinstance(error, FieldError):
                self.show_field_error(error, event.input)
                return
            if error:
                self.show_error(error)
                return
        self.dismiss(value)
