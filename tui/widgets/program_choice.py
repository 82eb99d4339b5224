"""The program picker of the mock setup. It reads the programs in a worker and posts
`ProgramChoice.Loaded` (the screen offers the program round only when one exists, and
picks the program to show); the user's pick is posted as `ProgramChoice.Changed`."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, Select

from tui.context import AppContext
from tui.practice.program_choices import ProgramChoices, read_choices


class ProgramChoice(Horizontal):
    @dataclass
    class Loaded(Message):
        """The programs were read (the picker lists them, with none picked yet)."""

        choices: ProgramChoices

    @dataclass
    class Changed(Message):
        """The user picked a program (None: none)."""

        program: str | None

    def __init__(self, ctx: AppContext, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.names: tuple[str, ...] = ()  # the programs listed

    def compose(self) -> ComposeResult:
        yield Label("Program", classes="setup-label")
        yield Select([], prompt="choose a program", id="mock-program", compact=True,
                     tooltip="The program whose dossier the round is drawn from")

    def on_mount(self) -> None:
        self.load_choices()

    @work(thread=True, exclusive=True, group="mock-programs", exit_on_error=False)
    def load_choices(self) -> None:
        with self.ctx.reader() as db:
            choices = read_choices(db, self.ctx.now())
        self.app.call_from_thread(self.choices_loaded, choices)

    def choices_loaded(self, choices: ProgramChoices) -> None:
        self.names = tuple(choices.names)
        self.list_names()
        self.post_message(self.Loaded(choices))

    def list_names(self) -> None:
        select = self.query_one(Select)
        with select.prevent(Select.Changed):
            select.set_options([(Text(name), name) for name in self.names])

    @property
    def chosen(self) -> str | None:
        value = self.query_one(Select).value
        return None if value == Select.NULL else str(value)

    def pick(self, name: str) -> None:
        """Show `name` in the picker (listed first if need be: a program asked for by the
        command line before the programs were read)."""
        if name not in self.names:
            self.names = (*self.names, name)
            self.list_names()
        select = self.query_one(Select)
        with select.prevent(Select.Changed):
            select.value = name

    @on(Select.Changed)
    def picked(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.chosen))
