"""The one yes/no question, asked before something that cannot be undone."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Static

from tui.screens.dialogs.base import Dialog


class ConfirmDialog(Dialog[bool]):
    """Asks `question` ("Delete the story “Night float”?"), says what follows
    (`consequence`: "Answers keep the text they pulled from it."), and offers two buttons
    that say what they do (`yes`: "Delete", `no`: "Keep"). The safe answer is the default:
    escape and n keep things as they are. A `str` is shown as it is, never as markup."""

    HELP_TITLE = "Confirmation"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]
    CANCELLED = False

    def __init__(self, question: str | Content, consequence: str | Content = "", *,
                 yes: str, no: str = "Keep", title: str = "Are you sure?") -> None:
        super().__init__()
        self.question = Content(question) if isinstance(question, str) else question
        self.consequence = Content(consequence) if isinstance(consequence, str) else consequence
        self.yes, self.no = yes, no
        self.title = title
        self.sub_title = f"y {yes.lower()} · n {no.lower()}"

    def compose_body(self) -> ComposeResult:
        yield Static(self.question, id="confirm-question")
        if self.consequence:
            yield Static(self.consequence, id="confirm-consequence")

    def compose_buttons(self) -> ComposeResult:
        yield Button(f"{self.yes} (y)", variant="error", id="confirm-yes")
        yield Button(f"{self.no} (n)", variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")
