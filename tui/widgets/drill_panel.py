"""Home card: what is due to drill today, when the next is due, the week's practice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from question_bank import drill
from question_bank.mock import list_sessions
from tui.practice.drill_queue import due_today
from tui.practice.when import end_of_day, relative_when
from tui.widgets.home_panel import HomePanel, NextStep

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class DrillState:
    now: datetime
    due_today: int
    due_now: int
    programs_today: int  # of those due today, program cards (rehearsal before an interview)
    next_due: datetime | None
    rated: int  # questions ever rated
    drilled_week: int
    mock_week: int


class DrillPanel(HomePanel):
    TITLE = "Drill and mock interviews"
    READ_APART = True  # counts over every card and review, in SQLite

    def compose(self) -> ComposeResult:
        yield Static(id="drill-summary")
        yield Button("Drill what is due", id="drill-now", compact=True)

    def gather(self, db: Database) -> DrillState:
        now = self.ctx.now()
        today = end_of_day(now)
        week_ago = now - timedelta(days=7)
        due = due_today(db, now)
        return DrillState(
            now=now,
            due_today=due.questions_today + due.programs_today,
            due_now=due.questions_now + due.programs_now,
            programs_today=due.programs_today,
            next_due=drill.next_due(db, now, after=today),
            rated=drill.card_count(db),
            drilled_week=drill.reviews_since(db, week_ago, source="drill"),
            mock_week=sum(1 for s in list_sessions(db, limit=50) if s.started_at >= week_ago),
        )

    def show(self, state: DrillState) -> None:
        if state.due_today:
            first = Content.from_markup("[b]$n[/b] due today$later", n=str(state.due_today),
                                        later=(f" ({state.due_now} of them now)"
                                               if state.due_now != state.due_today else ""))
        elif state.rated:
            first = Content("Nothing is due today.")
        else:
            first = Content("Nothing rated yet: drill a few questions to start the schedule.")
        lines = [first]
        if state.next_due is not None:
            lines.append(Content(f"Next due {relative_when(state.next_due, state.now)}"))
        lines.append(Content.from_markup(
            "This week: [b]$d[/b] drilled · [b]$m[/b] mock interview$s",
            d=str(state.drilled_week), m=str(state.mock_week), s="" if state.mock_week == 1
            else "s"))
        self.query_one("#drill-summary", Static).update(Content("\n").join(lines))
        button = self.query_one("#drill-now", Button)
        button.label = (f"Drill the {state.due_today} due now" if state.due_today
                        else "Drill new questions")

    def next_steps(self, state: DrillState) -> list[NextStep]:
        steps = []
        questions = state.due_today - state.programs_today
        if questions:
            # Program cards due today have their own step, per program ("Rehearse ..."):
            # counted here too, they were listed twice.
            steps.append(NextStep(10, f"Drill the {questions} question"
                                      f"{'s' if questions != 1 else ''} due today", "app.drill"))
        elif not state.rated and not state.due_today:
            steps.append(NextStep(40, "Start drilling: answer a few questions aloud and rate them",
                                  "app.drill"))
        if not state.mock_week:
            steps.append(NextStep(50, "Run a timed mock interview, read aloud (6)",
                                  "app.section('mock')"))
        return steps

    @on(Button.Pressed, "#drill-now")
    async def _drill(self) -> None:
        await self.run_action("app.drill")
