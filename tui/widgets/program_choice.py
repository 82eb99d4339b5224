"""The program picker of the mock setup. It reads the programs in a worker and posts
`ProgramChoice.Loaded` (the screen offers the program round only when one exists, and
picks the program to show); the user's pick is posted as `ProgramChoice.Changed`.

Its Select (five widgets, one an option list) is made when the row is first shown
(`show`): most setups are not a program round, and the row stays hidden."""

from __future__ import annotations

from collections.abc import Callable
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
        self.pending: str | None = None  # the program shown, until the Select is made
        self.display = False  # until `show`

    def compose(self) -> ComposeResult:
        yield Label("Program", classes="setup-label")

    def show(self, shown: bool) -> None:
        """Show or hide the row; the first time it is shown, make its Select."""
        if shown and not self.query_children(Select):
            options = [(Text(name), name) for name in self.names]
            self.mount(Select(options, prompt="choose a program", id="mock-program",
                              compact=True, value=self.pending if self.pending in self.names
                              else Select.NULL,
                              tooltip="The program whose dossier the round is drawn from"))
        self.display = shown

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
        self.with_select(lambda select: select.set_options([(Text(name), name)
                                                            for name in self.names]))

    def with_select(self, change: Callable[[Select], object]) -> None:
        """Change the Select, if made, without posting Changed: at once if it is mounted,
        else once it is (a Select just mounted has not made its parts yet)."""
        def quietly(select: Select) -> None:
            with select.prevent(Select.Changed):
                change(select)

        for select in self.query_children(Select):
            if select.is_mounted:
                quietly(select)
            else:
                select.call_later(quietly, select)

    @property
    def chosen(self) -> str | None:
        for select in self.query_children(Select):
            value = select.value
            return None if value == Select.NULL else str(value)
        return self.pending

    def pick(self, name: str) -> None:
        """Show `name` in the picker (listed first if need be: a program asked for by the
        command line before the programs were read)."""
        if name not in self.names:
            self.names = (*self.names, name)
            self.list_names()
        self.pending = name
        self.with_select(lambda select: setattr(select, "value", name))

    @on(Select.Changed)
    def picked(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.chosen))
