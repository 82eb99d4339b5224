"""Choose the stories to tell at one program, from the story bank (ticked: planned)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Static
from textual.widgets.selection_list import Selection

from question_bank.stories import StorySummary, competency_labels, list_stories
from tui.context import AppContext
from tui.screens.dialogs.base import Dialog
from tui.widgets.marks import SelectionList


class StoryPlanPicker(Dialog[list[int] | None]):
    """Tick the stories you plan to tell there; the result is every ticked story's id."""

    HELP_TITLE = "Stories to tell at a program"
    BINDINGS = [
        Binding("ctrl+s", "done", "Save", id="story_plan.done", priority=True,
                tooltip="Plan the ticked stories for this program"),
    ]
    TITLE = "Stories to tell here"
    SUB_TITLE = "space tick · ctrl+s save · escape cancel"

    def __init__(self, ctx: AppContext, program_name: str, planned: list[int]) -> None:
        super().__init__()
        self.ctx, self.program_name, self.planned = ctx, program_name, list(planned)
        self.order: list[int] = []

    def compose_body(self) -> ComposeResult:
        yield Static(Content.from_markup("Which stories will you tell at [b]$name[/b]? "
                                         "Their cards come back before its interview.",
                                         name=self.program_name), id="story-plan-intro")
        yield SelectionList[int](id="story-plan-list")
        yield Static("", id="story-plan-count")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Save", variant="primary", id="done")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="story-plan", exit_on_error=False)
    def load(self) -> None:
        with self.ctx.reader() as db:
            stories, labels = list_stories(db), competency_labels(db)
        self.app.call_from_thread(self.fill, stories, labels)

    def fill(self, stories: list[StorySummary], labels: dict[str, str]) -> None:
        self.order = [s.id for s in stories]
        selection = self.query_one("#story-plan-list", SelectionList)
        selection.add_options([
            Selection(Content(s.title) + Content.styled(
                "  " + ", ".join(labels.get(c, c) for c in s.competencies), "dim"),
                s.id, s.id in self.planned)
            for s in stories
        ])
        if stories:
            selection.highlighted = 0
            selection.focus()
        self.count()

    @on(SelectionList.SelectedChanged, "#story-plan-list")
    def count(self) -> None:
        ticked = len(self.query_one("#story-plan-list", SelectionList).selected)
        text = (f"{ticked} planned of {len(self.order)} in your story bank" if self.order else
                "Your story bank is empty: write your stories in Stories (4) first.")
        self.query_one("#story-plan-count", Static).update(Content(text))

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        ticked = set(self.query_one("#story-plan-list", SelectionList).selected)
        # Stories already planned keep their place; the newly ticked follow, by title.
        kept = [s for s in self.planned if s in ticked]
        self.dismiss(kept + [s for s in self.order if s in ticked and s not in kept])
