"""Add or edit a person in a dossier: name, role, and a note (interests, what you talked about)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Input, Select

from dossiers.errors import DossierError
from dossiers.people import ROLES, Person
from tui.screens.dialogs.base import Dialog


class PersonForm(Dialog[tuple[str, str, str] | None]):
    """Returns (name, role, note), or None when cancelled."""

    HELP_TITLE = "Person dialog"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="person_form.save", priority=True),
    ]

    def __init__(self, title: str, person: Person | None = None, *,
                 default_role: str = "faculty", note_hint: str = "note") -> None:
        super().__init__()
        self.title, self.sub_title = title, "ctrl+s save · escape cancel"
        self.person = person
        self.default_role, self.note_hint = default_role, note_hint

    def compose_body(self) -> ComposeResult:
        p = self.person
        name = Input(p.name if p else "", placeholder="Dr. Jane Doe", id="person-name")
        role = Select([(label, key) for key, label in ROLES.items()], allow_blank=False,
                      value=p.role if p else self.default_role, id="person-role",
                      classes="labelled")
        note = Input(p.note if p else "", placeholder=self.note_hint, id="person-note")
        # Named by their border titles: a placeholder is gone once something is typed.
        name.border_title, role.border_title, note.border_title = "Name", "Role", "Note"
        with Horizontal(classes="form-row"):
            yield name
            yield role
        yield note

    def compose_buttons(self) -> ComposeResult:
        yield Button("Save", variant="primary", id="save")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        name = self.query_one("#person-name", Input).value.strip()
        if not name:
            self.show_field_error(DossierError("name", "write the person's name"),
                                  self.query_one("#person-name", Input))
            return
        self.dismiss((name, str(self.query_one("#person-role", Select).value),
                      self.query_one("#person-note", Input).value.strip()))
