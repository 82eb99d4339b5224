"""Add or edit a person in a dossier: name, role, and a note (interests, what you talked about)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from dossiers.people import ROLES, Person


class PersonForm(ModalScreen[tuple[str, str, str] | None]):
    """Returns (name, role, note), or None when cancelled."""

    HELP_TITLE = "Person dialog"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="person_form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="person_form.cancel"),
    ]

    def __init__(self, title: str, person: Person | None = None, *,
                 default_role: str = "faculty", note_hint: str = "note") -> None:
        super().__init__(classes="dialog")
        self.title_text, self.person = title, person
        self.default_role, self.note_hint = default_role, note_hint

    def compose(self) -> ComposeResult:
        p = self.person
        with Vertical(classes="dialog-body") as body:
            body.border_title = self.title_text
            body.border_subtitle = "ctrl+s save · escape cancel"
            with Horizontal(classes="form-row"):
                yield Input(p.name if p else "", placeholder="name", id="person-name")
                yield Select([(label, key) for key, label in ROLES.items()], allow_blank=False,
                             value=p.role if p else self.default_role, id="person-role")
            yield Input(p.note if p else "", placeholder=self.note_hint, id="person-note")
            yield Static("", id="person-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        name = self.query_one("#person-name", Input).value.strip()
        if not name:
            self.query_one("#person-error", Static).update(
                Content("Name: write the person's name."))
            self.query_one("#person-name", Input).focus()
            return
        self.dismiss((name, str(self.query_one("#person-role", Select).value),
                      self.query_one("#person-note", Input).value.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
