"""Home card: the question bank at a glance: how many questions, how many of them the
applicant may be asked (what Home's other cards and Progress count out of), how many to ask."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from question_bank.categories import TO_ASK, categories
from question_bank.questions import category_counts, origin_counts
from tui.widgets.home_panel import HomePanel, NextStep

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class BankState:
    by_category: dict[str, int]
    own: int
    hidden: int
    edited: int

    @property
    def total(self) -> int:
        return sum(self.by_category.values())

    @property
    def to_ask(self) -> int:
        return self.by_category.get(TO_ASK, 0)


class BankPanel(HomePanel):
    TITLE = "Question bank"

    def compose(self) -> ComposeResult:
        yield Static(id="bank-summary")

    def gather(self, db: Database) -> BankState:
        origins = origin_counts(db)
        return BankState(
            by_category=category_counts(db),
            own=origins.get("user", 0) + origins.get("pack", 0),
            hidden=origins.get("hidden", 0),
            edited=origins.get("edited", 0),
        )

    def show(self, state: BankState) -> None:
        extras = []
        if state.own:
            extras.append(f"{state.own} of your own")
        if state.edited:
            extras.append(f"{state.edited} edited")
        if state.hidden:
            extras.append(f"{state.hidden} hidden")
        line = Content.from_markup(
            "[b]$total[/b] questions in [b]$cats[/b] categories$extra: [b]$asked[/b] you "
            "may be asked, [b]$to_ask[/b] to ask programs",
            total=str(state.total),
            cats=str(sum(1 for n in state.by_category.values() if n)),
            asked=str(state.total - state.to_ask),
            to_ask=str(state.to_ask),
            extra=f" ({', '.join(extras)})" if extras else "",
        )
        parts = [line]
        for c in categories():
            n = state.by_category.get(c.id, 0)
            if n:
                parts.append(Content.from_markup("  [dim]$n[/dim] $label", n=f"{n:>4}",
                                                 label=c.label))
        self.query_one("#bank-summary", Static).update(Content("\n").join(parts))

    def next_steps(self, state: BankState) -> list[NextStep]:
        steps = [NextStep(80, f"Browse the {state.total} questions and read their guidance (2)",
                          "app.section('questions')")]
        if not state.own:
            steps.append(NextStep(85, "Add a question you expect to be asked (2, then a)",
                                  "app.section('questions')"))
        return steps
