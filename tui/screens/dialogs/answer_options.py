"""Small dialogs of the answer editor: choose a structure, set the speaking pace."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from question_bank.structures import PACE_MAX, PACE_MIN, STRUCTURES, parse_pace


class StructureDialog(ModalScreen[str | None]):
    """Switch structure"""

    HELP_TITLE = "Structure dialog"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="structure.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="structure-body", classes="dialog") as body:
            body.border_title = "Structure"
            body.border_subtitle = "enter choose · escape cancel"
            options = []
            for s in STRUCTURES.values():
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
        options.highlighted = list(STRUCTURES).index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class PaceDialog(ModalScreen[int | None]):
    """Set your speaking pace"""

    HELP_TITLE = "Pace dialog"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="pace.cancel")]

    def __init__(self, pace: int) -> None:
        super().__init__()
        self.pace = pace

    def compose(self) -> ComposeResult:
        with Vertical(id="pace-body", classes="dialog") as body:
            body.border_title = "Speaking pace"
            body.border_subtitle = "enter save · escape cancel"
            yield Static(Content(f"Words a minute, {PACE_MIN} to {PACE_MAX}. Most people "
                                 "speak about 140 in an interview; time yourself reading an "
                                 "answer aloud to find yours."), classes="dialog-hint")
            yield Input(str(self.pace), id="pace-input", type="integer", max_length=3)
            yield Static(Content(""), id="pace-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        try:
            pace = parse_pace(event.value)
        except ValueError as error:
            self.query_one("#pace-error", Static).update(Content(f"The {error}."))
            return
        self.dismiss(pace)
