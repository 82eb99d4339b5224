"""The program picker of the mock setup: the program round is offered only when at least
one program exists, and its program defaults to the one interviewing next.

A mixin of `MockScreen` (kept apart to keep each module small); it uses the screen's
`ctx` and `setup`, and the radio button `#format-program`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message_pump import MessagePump
from textual.widgets import Label, RadioButton, Select

from question_bank.mock_formats import PROGRAM


@dataclass(frozen=True)
class ProgramChoices:
    names: list[str]
    next_name: str | None  # the program whose interview comes next


def read_choices(db, now) -> ProgramChoices:
    from dossiers.interviews import next_interview
    from dossiers.programs import list_programs

    coming = next_interview(db, now)
    return ProgramChoices([p.name for p in list_programs(db)],
                          coming.program_name if coming else None)


class ProgramChoice(MessagePump):
    # A MessagePump, so that Textual finds its @on handlers (it reads them only from
    # the classes it built: in a plain mixin they would never be called).

    program_names: tuple[str, ...] = ()

    def compose_program_choice(self) -> ComposeResult:
        with Horizontal(classes="setup-row", id="mock-program-row"):
            yield Label("Program", classes="setup-label")
            yield Select([], prompt="choose a program", id="mock-program", compact=True,
                         tooltip="The program whose dossier the round is drawn from")

    @work(thread=True, exclusive=True, group="mock-programs", exit_on_error=False)
    def load_programs(self) -> None:
        with self.ctx.reader() as db:
            choices = read_choices(db, self.ctx.now())
        self.app.call_from_thread(self.show_programs, choices)

    def show_programs(self, choices: ProgramChoices) -> None:
        self.program_names = tuple(choices.names)
        button = self.query_one(f"#format-{PROGRAM.id}", RadioButton)
        button.display = bool(choices.names)
        button.disabled = not choices.names
        select = self.query_one("#mock-program", Select)
        with select.prevent(Select.Changed):
            select.set_options([(Text(name), name) for name in choices.names])
            wanted = self.setup.program if self.setup.program in choices.names else \
                choices.next_name
            if wanted in choices.names:
                select.value = wanted
        if self.setup.format == PROGRAM.id and not choices.names:
            self.choose_format("faculty")
        self.show_program_row()

    def show_program_row(self) -> None:
        self.query_one("#mock-program-row").display = self.setup.format == PROGRAM.id

    def chosen_program(self) -> str | None:
        value = self.query_one("#mock-program", Select).value
        return None if value == Select.NULL else str(value)

    @on(Select.Changed, "#mock-program")
    def program_changed(self) -> None:
        self.setup = replace(self.setup, program=self.chosen_program())

    def choose_program(self, name: str) -> None:
        """Show `name` in the picker (a program asked for by the command line)."""
        select = self.query_one("#mock-program", Select)
        with select.prevent(Select.Changed):
            if name not in self.program_names:
                self.program_names = (*self.program_names, name)
                select.set_options([(Text(n), n) for n in self.program_names])
            select.value = name
