"""Home card: what to rehearse before the next interview (that program's cards still to
review within the 24 hours before it) and a button that drills exactly those."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from dossiers.zones import until
from tui.practice.program_cards import Rehearsal, ensure_synced, rehearsals
from tui.practice.when import relative_when
from tui.widgets.home_panel import HomePanel, NextStep

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class RehearseState:
    now: datetime
    rehearsals: list[Rehearsal]

    @property
    def first(self) -> Rehearsal | None:
        return self.rehearsals[0] if self.rehearsals else None


def _cards(n: int) -> str:
    return f"{n} card{'s' if n != 1 else ''}"


def rehearsal_line(r: Rehearsal, now: datetime) -> Content:
    """One program: how many of its cards are still to review before its interview."""
    head = Content.from_markup("[b]$name[/b] · interview $when ($until)", name=r.program_name,
                               when=relative_when(r.interview.starts_at, now),
                               until=until(now, r.interview.starts_at))
    if not r.total:
        return head + Content(": nothing to rehearse yet. Add its reasons, people, questions "
                              "to ask and planned stories in its dossier.")
    if not r.pending:
        return head + Content(f": all {_cards(r.total)} reviewed in the 24 hours before ✓")
    if r.window_open(now):
        return head + Content.from_markup(
            ": [b $text-warning]$n of $total[/] still to review before it", n=str(r.pending),
            total=_cards(r.total))
    return head + Content(f": {_cards(r.total)} to review in its last 24 hours (from "
                          f"{relative_when(r.window_opens, now)})")


class RehearsePanel(HomePanel):
    TITLE = "Rehearse before the interview"
    first_program_id: int | None = None  # the program the button rehearses

    def compose(self) -> ComposeResult:
        yield Static(id="rehearse-summary")
        yield Button("Rehearse them", id="rehearse-now", compact=True)

    _synced: Future[int] | None = None

    def prepare(self) -> None:
        self._synced = ensure_synced(self.ctx.writer, self.ctx.now())

    def gather(self, db: Database) -> RehearseState:
        # The cards follow the dossiers before they are read.
        synced, self._synced = self._synced or ensure_synced(self.ctx.writer, self.ctx.now()), None
        synced.result()
        now = self.ctx.now()
        return RehearseState(now, rehearsals(db, now))

    def show(self, state: RehearseState) -> None:
        self.display = state.first is not None
        if state.first is None:
            return
        lines = [rehearsal_line(r, state.now) for r in state.rehearsals]
        first = state.first
        if first.pending and not first.window_open(state.now):
            lines.append(Content("Rehearsing now helps you learn them; the review that counts "
                                 "is the one in the last 24 hours."))
        self.query_one("#rehearse-summary", Static).update(Content("\n").join(lines))
        button = self.query_one("#rehearse-now", Button)
        self.first_program_id = first.program_id
        button.display = bool(first.total)
        count = first.pending or first.total
        button.label = f"Rehearse the {_cards(count)} for {first.program_name}"

    def next_steps(self, state: RehearseState) -> list[NextStep]:
        steps = []
        for r in state.rehearsals:
            if not (r.total and r.pending):
                continue
            if r.window_open(state.now):
                steps.append(NextStep(5, f"Rehearse {r.program_name}: {_cards(r.pending)} to "
                                         "review before its interview",
                                      f"app.drill({r.program_id})"))
            elif r is state.first:
                steps.append(NextStep(35, f"Rehearse {r.program_name} ({_cards(r.total)}); "
                                          "the review that counts is from "
                                          f"{relative_when(r.window_opens, state.now)}",
                                      f"app.drill({r.program_id})"))
        first = state.first
        if first is not None and not first.total:
            steps.append(NextStep(22, f"Write what to rehearse for {first.program_name}: "
                                      "reasons, people, questions to ask",
                                  f"app.open_program({first.program_id}, 'why')"))
        return steps

    @on(Button.Pressed, "#rehearse-now")
    async def _rehearse(self) -> None:
        if self.first_program_id is not None:
            await self.run_action(f"app.drill({self.first_program_id})")
