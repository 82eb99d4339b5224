"""Small dialogs of the answer editor: choose a structure, set the speaking pace."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from question_bank.structures import PACE_MAX, PACE_MIN, STRUCTURES, parse_pace
from tui.screens.dialogs.base import Dialog


class StructureDialog(Dialog[str | None]):
    """Switch structure"""

    HELP_TITLE = "Structure dialog"
    TITLE = "Structure"
    SUB_TITLE = "enter choose · escape cancel"

    def __init__(self, current: str, offered: list[str] | None = None) -> None:
        super().__init__()
        self.current = current
        # The structures for this applicant (the current one always among them).
        self.offered = [s for s in STRUCTURES if s in (offered or STRUCTURES) or s == current]

    def compose_body(self) -> ComposeResult:
        options = []
        for s in (STRUCTURES[key] for key in self.offered):
            mark = "● " if s.id == self.current else "  "
            parts = ", ".join(p.label for p in s.parts)
            options.append(Option(Content.from_markup(
                "$mark[b]$label[/b]\n    [dim]$parts[/dim]", mark=mark, label=s.label,
                parts=parts), id=s.id))
        yield OptionList(*options, id="structure-options")
        yield Static(Content("Switching keeps every word: parts that do not fit are set "
                             "aside, not deleted."), classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.offered.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class PaceDialog(Dialog[int | None]):
    """Set your speaking pace"""

    HELP_TITLE = "Pace dialog"
    TITLE = "Speaking pace"
    SUB_TITLE = "enter save · escape cancel"

    def __init__(self, pace: int) -> None:
        super().__init__()
        self.pace = pace

    def compose_body(self) -> ComposeResult:
        yield Static(Content(f"Words a minute, {PACE_MIN} to {PACE_MAX}. Most people "
                             "speak about 140 in an interview; time yourself reading an "
                             "answer aloud to find yours."), classes="dialog-hint")
        yield Input(str(self.pace), id="pace-input", type="integer", max_length=3)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        try:
            pace = parse_pace(event.value)
        except ValueError as error:
            self.show_error(f"The {error}.")
            return
        self.dismiss(pace)
