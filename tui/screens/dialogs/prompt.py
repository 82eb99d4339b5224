"""Small dialogs: ask for one line of text, or confirm something that cannot be undone."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class TextPrompt(ModalScreen[str | None]):
    """One line of text; Enter accepts, Escape cancels. `check(value)` may return an error."""

    HELP_TITLE = "Text dialog"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, title: str, label: str, value: str = "", *, placeholder: str = "",
                 check=None) -> None:
        super().__init__(classes="dialog")
        self.title_text, self.label, self.value = title, label, value
        self.placeholder, self.check = placeholder, check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body") as body:
            body.border_title = self.title_text
            body.border_subtitle = "enter accept · escape cancel"
            yield Label(Content(self.label))
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="dialog-error")

    def show_error(self, message: str) -> None:
        self.query_one("#prompt-error", Static).update(Content(message))

    @on(Input.Submitted, "#prompt-input")
    async def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.show_error("Type something first, or press escape.")
            return
        if self.check is not None:
            error = await self.check(value)
            if error:
                self.show_error(error)
                return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """Yes or no; the safe answer (no) is the default."""

    HELP_TITLE = "Confirmation"
    BINDINGS = [
        Binding("escape,n", "answer(False)", "No", id="confirm.no"),
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    ]

    def __init__(self, question: str, yes: str = "Delete") -> None:
        super().__init__(classes="dialog")
        self.question, self.yes = question, yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body"):
            yield Static(Content(self.question))
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes")
                yield Button("Keep (n)", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
