"""Pick questions to ask a program from the bank's questions-to-ask, by audience."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Select, Static
from textual.widgets.selection_list import Selection

from question_bank.categories import AUDIENCES
from question_bank.questions import Question, list_questions
from tui.context import AppContext
from tui.screens.dialogs.base import Dialog
from tui.widgets.marks import SelectionList


class AskPicker(Dialog[list[Question] | None]):
    """Tick bank questions to add; the ones already on the dossier are shown ticked."""

    HELP_TITLE = "Questions-to-ask picker"
    BINDINGS = [
        Binding("ctrl+s", "done", "Add ticked", id="ask_picker.done", priority=True),
    ]
    TITLE = "Questions to ask, from the bank"
    SUB_TITLE = "space tick · ctrl+s add · escape cancel"

    def __init__(self, ctx: AppContext, already: set[str]) -> None:
        super().__init__()
        self.ctx, self.already = ctx, already
        self._questions: dict[str, Question] = {}
        self._ticked: set[str] = set(already)

    def compose_body(self) -> ComposeResult:
        yield Select([(label, key) for key, label in AUDIENCES.items()], prompt="Everyone",
                     id="ask-audience")
        yield SelectionList[str](id="ask-list")
        yield Static("", id="ask-count")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Add ticked", variant="primary", id="done")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="ask-picker", exit_on_error=False)
    def _load(self) -> None:
        with self.ctx.reader() as db:
            questions = list_questions(db, category="to-ask")
        self.app.call_from_thread(self._fill, questions)

    def _fill(self, questions: list[Question]) -> None:
        self._questions = {q.id: q for q in questions}
        self._show()
        self.query_one("#ask-list", SelectionList).focus()

    @on(Select.Changed, "#ask-audience")
    def _show(self) -> None:
        audience = self.query_one("#ask-audience", Select).value
        selection = self.query_one("#ask-list", SelectionList)
        selection.clear_options()
        selection.add_options([
            Selection(Content(q.text) + Content.styled(
                f"  {AUDIENCES.get(q.audience or '', '')}", "dim"), q.id, q.id in self._ticked)
            for q in self._questions.values()
            if audience == Select.NULL or q.audience == audience
        ])
        if selection.option_count:
            selection.highlighted = 0
        self._count()

    @on(SelectionList.SelectionToggled, "#ask-list")
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        value = event.selection.value
        if value in self.already:  # already on the dossier: remove it there, not here
            self.query_one("#ask-list", SelectionList).select(value)
            self.notify("Already on this dossier; remove it from the list there.")
            return
        self._ticked.symmetric_difference_update({value})
        self._count()

    def _count(self) -> None:
        new = len(self._ticked - self.already)
        total = len(self._ticked)
        self.query_one("#ask-count", Static).update(Content(
            f"{new} to add · {total} on the dossier then (5-7 is the aim)"))

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        self.dismiss([self._questions[i] for i in self._questions
                      if i in self._ticked and i not in self.already])
