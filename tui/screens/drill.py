"""Drill what is due: a program's cards due before its interview, due questions, then new
ones from the categories chosen; each answered aloud, its guidance (or the program
material) revealed, then rated again / hard / good / easy (keys 1-4). Opened for one
program, it rehearses exactly that program's cards still to review before its interview."""

from __future__ import annotations

import asyncio
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Input, Label, Static
from textual.widgets.selection_list import Selection

from dossiers.programs import get_program
from question_bank import drill
from question_bank.categories import category_label
from question_bank.drill import RATINGS
from tui.context import AppContext
from tui.practice.drill_queue import (
    KINDS,
    DrillOutlook,
    Turn,
    build_queue,
    drill_outlook,
    program_queue,
    rate_turn,
)
from tui.practice.preferences import drill_categories, save_drill_categories, speech_prefs
from tui.practice.program_cards import ensure_synced
from tui.practice.when import relative_when
from tui.widgets.footer import KeysFooter
from tui.widgets.marks import SelectionList
from tui.widgets.question_detail import question_guidance

MAX_NEW = 50


class DrillScreen(Screen):
    """Drill"""

    HELP_TITLE = "Drill"
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="drill.start", priority=True,
                tooltip="Start drilling: due questions first, then new ones"),
        Binding("space", "reveal", "Guidance", id="drill.reveal",
                tooltip="Show (or hide) what the question probes and the shape of an answer"),
        Binding("1", "rate(1)", "Again", id="drill.again", tooltip="Bring it back soon"),
        Binding("2", "rate(2)", "Hard", id="drill.hard"),
        Binding("3", "rate(3)", "Good", id="drill.good"),
        Binding("4", "rate(4)", "Easy", id="drill.easy"),
        Binding("r", "read", "Read aloud", id="drill.read", tooltip="Hear the question"),
        Binding("s", "skip", "Skip", id="drill.skip", tooltip="Leave it for later, unrated"),
        Binding("escape", "close", "Close", id="drill.close",
                tooltip="Mid-drill: end it and see what was done; then leave"),
    ]

    def __init__(self, ctx: AppContext, *, program_id: int | None = None) -> None:
        super().__init__(id="screen-drill")
        self.ctx = ctx
        self.program_id = program_id  # rehearse this program's cards only
        self.program_name = ""
        self.speech = speech_prefs(ctx.db)
        self.queue: list[Turn] = []
        self.position = 0
        self.counts = {name: 0 for name in RATINGS}
        self._shown_at = 0.0
        self._revealed = False
        self.left = 0  # cards not reached when the drill was ended early

    def compose(self) -> ComposeResult:
        yield Static("Rehearse before the interview" if self.program_id is not None
                     else "Drill what is due", id="drill-title")
        with ContentSwitcher(initial="drill-start", id="drill-views"):
            with VerticalScroll(id="drill-start"):
                yield Static(id="drill-due")
                yield Label("Then new questions from:", id="drill-new-label")
                yield SelectionList[str](id="drill-categories", compact=True)
                with Horizontal(id="drill-new-row"):
                    yield Label("How many new", classes="setup-label")
                    yield Input("5", id="drill-new-count", type="integer", compact=True,
                                tooltip=f"0 to {MAX_NEW} new questions after the due ones")
                yield Static(id="drill-error")
                yield Button("Start drilling (ctrl+s)", variant="primary", id="drill-go",
                             compact=True)
            with VerticalScroll(id="drill-card"):
                for name in ("progress", "question", "facts", "guidance", "hint"):
                    with Center():
                        yield Static(id=f"drill-{name}")
            with Vertical(id="drill-summary"):
                with Center():
                    yield Static(id="drill-result")
                with Center():
                    yield Button("Back (escape)", id="drill-back", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.program_id is not None:
            self._build_program_queue(self.program_id)
        else:
            self._read_outlook()

    @property
    def view(self) -> str:
        return self.query_one(ContentSwitcher).current or ""

    def _switch(self, view: str) -> None:
        self.query_one(ContentSwitcher).current = view
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "start":
            return self.view == "drill-start" and self.program_id is None
        if action in ("reveal", "rate", "skip", "read"):
            return self.view == "drill-card"
        return True

    # The start view ---------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="drill-outlook", exit_on_error=False)
    def _read_outlook(self) -> None:
        ensure_synced(self.ctx.writer, self.ctx.now()).result()
        now = self.ctx.now()
        with self.ctx.reader() as db:
            found = drill_outlook(db, now)
            chosen = drill_categories(db)
        self.app.call_from_thread(self._show_outlook, found, chosen)

    def _show_outlook(self, outlook: DrillOutlook, chosen: list[str]) -> None:
        if self.view != "drill-start":
            return  # the user pressed start before the outlook came in: the drill is on
        now = self.ctx.now()
        parts = []
        if outlook.due:
            parts.append(f"{outlook.due} question{'s' if outlook.due != 1 else ''}")
        if outlook.program_due:
            parts.append(f"{outlook.program_due} program card"
                         f"{'s' if outlook.program_due != 1 else ''} "
                         f"({', '.join(outlook.programs)})")
        if parts:
            total = outlook.due + outlook.program_due
            text = f"{' and '.join(parts)} {'are' if total != 1 else 'is'} due today."
        else:
            text = "Nothing is due today."
            if outlook.next_due:
                text += f" The next is due {relative_when(outlook.next_due, now)}."
        self.query_one("#drill-due", Static).update(Content(text))
        selections = self.query_one(SelectionList)
        selections.clear_options()
        selections.add_options([
            Selection(Content(f"{category_label(cid)} ({n} new)"), cid, cid in chosen)
            for cid, n in outlook.new_by_category.items()
        ])
        if outlook.due or outlook.program_due:
            self.query_one("#drill-go", Button).focus()
        else:
            selections.focus()

    @on(Button.Pressed, "#drill-go")
    async def _go(self) -> None:
        await self.action_start()

    async def action_start(self) -> None:
        if self.view != "drill-start":
            return
        raw = self.query_one("#drill-new-count", Input).value.strip() or "0"
        try:
            new = int(raw)
            if not 0 <= new <= MAX_NEW:
                raise ValueError
        except ValueError:
            self.query_one("#drill-error", Static).update(Content(
                f"How many new: {raw!r} is not a number from 0 to {MAX_NEW}."))
            return
        chosen = list(self.query_one(SelectionList).selected)
        self.ctx.writer.submit(save_drill_categories, chosen)
        self.query_one("#drill-error", Static).update("")
        self._build_queue(chosen, new)

    @work(thread=True, exclusive=True, group="drill", exit_on_error=False)
    def _build_queue(self, chosen: list[str], new: int) -> None:
        ensure_synced(self.ctx.writer, self.ctx.now()).result()
        now = self.ctx.now()
        with self.ctx.reader() as db:
            turns = build_queue(db, now, chosen, new)
        self.app.call_from_thread(self._begin, turns)

    @work(thread=True, exclusive=True, group="drill", exit_on_error=False)
    def _build_program_queue(self, program_id: int) -> None:
        ensure_synced(self.ctx.writer, self.ctx.now()).result()
        now = self.ctx.now()
        with self.ctx.reader() as db:
            program = get_program(db, program_id)
            turns = program_queue(db, now, program_id)
        self.program_name = program.name if program else "this program"
        self.app.call_from_thread(self._begin, turns)

    def _begin(self, turns: list[Turn]) -> None:
        if self.program_id is not None:
            self.query_one("#drill-title", Static).update(Content(
                f"Rehearse before the interview: {self.program_name}"))
        if not turns and self.program_id is not None:
            self._switch("drill-summary")
            self.query_one("#drill-back", Button).focus()
            self.query_one("#drill-result", Static).update(Content(
                f"Nothing to rehearse for {self.program_name} yet. Write its “why this "
                "program” and “why I fit” reasons, its people, the questions you will ask "
                "and the stories you plan to tell in its dossier (Programs, 5)."))
            return
        if not turns:
            self.query_one("#drill-error", Static).update(Content(
                "Nothing to drill: nothing is due, and no new questions were asked for. "
                "Choose categories and a number of new questions."))
            return
        self.queue = turns
        self.position = 0
        self._switch("drill-card")
        self.query_one("#drill-card").focus()
        self._show_turn()

    # The card view ----------------------------------------------------------------------

    def _show_turn(self) -> None:
        turn = self.queue[self.position]
        # A program card never rated is still due (before its interview), not "new".
        kind = "again" if turn.again else \
            "new" if turn.question is not None and turn.is_new else "due"
        self.query_one("#drill-progress", Static).update(Content(
            f"{self.position + 1} of {len(self.queue)} · {kind}"))
        self.query_one("#drill-question", Static).update(Content(turn.front))
        self.query_one("#drill-facts", Static).update(Content(" · ".join(
            turn.facts(self.ctx.now()))))
        self._revealed = False
        self._show_guidance()
        self._shown_at = self.ctx.clock()
        if self.speech.enabled:
            self.ctx.speaker.say(turn.front, rate=self.speech.rate, voice=self.speech.voice)

    def _show_guidance(self) -> None:
        turn = self.queue[self.position]
        guidance = self.query_one("#drill-guidance", Static)
        hint = self.query_one("#drill-hint", Static)
        what = "the guidance" if turn.question is not None else "your material"
        if self._revealed:
            if turn.question is not None:
                guidance.update(question_guidance(turn.question, self.ctx.now().date()))
            elif turn.material is not None:
                guidance.update(Content(turn.material.back))
            hint.update("How did it go? 1 again · 2 hard · 3 good · 4 easy")
        else:
            guidance.update("")
            hint.update(f"Answer it aloud, then press space for {what}, or rate it: "
                        "1 again · 2 hard · 3 good · 4 easy")
        guidance.display = self._revealed

    def action_reveal(self) -> None:
        self._revealed = not self._revealed
        self._show_guidance()
        if self._revealed:
            self.call_after_refresh(self.query_one("#drill-guidance").scroll_visible)

    def action_read(self) -> None:
        if not self.ctx.speaker.available:
            self.notify(self.ctx.speaker.problem or "Speech is not available.",
                        severity="warning", markup=False)
            return
        turn = self.queue[self.position]
        self.ctx.speaker.say(turn.front, rate=self.speech.rate, voice=self.speech.voice)

    async def action_rate(self, rating: int) -> None:
        turn = self.queue[self.position]
        took = int((self.ctx.clock() - self._shown_at) * 1000)
        self.ctx.speaker.stop()
        kind, ref = turn.kind_ref
        future = self.ctx.writer.submit(rate_turn, kind, ref, rating, self.ctx.now(), took)
        try:
            await asyncio.wrap_future(future)
        except Exception as error:
            self.notify(f"The rating was not saved: {type(error).__name__}.", severity="error",
                        markup=False)
            return
        self.counts[RATINGS[rating - 1]] += 1
        if rating == 1 and not turn.again:
            self.queue.append(Turn(turn.question, turn.card, turn.material, again=True))
        self._next()

    def action_skip(self) -> None:
        self.ctx.speaker.stop()
        self._next()

    def _next(self) -> None:
        self.position += 1
        if self.position < len(self.queue):
            self._show_turn()
        else:
            self._finish()

    # The summary ------------------------------------------------------------------------

    def _finish(self) -> None:
        self._switch("drill-summary")
        self.query_one("#drill-back", Button).focus()
        self._summarise()

    @work(thread=True, exclusive=True, group="drill", exit_on_error=False)
    def _summarise(self) -> None:
        self.ctx.writer.flush()
        now = self.ctx.now()
        with self.ctx.reader() as db:
            upcoming = drill.next_due(db, now, kinds=KINDS)
        self.app.call_from_thread(self._show_summary, upcoming)

    def _show_summary(self, upcoming: datetime | None) -> None:
        total = sum(self.counts.values())
        parts = [f"{n} {name}" for name, n in self.counts.items() if n]
        lines = [f"Done: {total} rating{'s' if total != 1 else ''}"
                 + (f" ({', '.join(parts)})." if parts else ".")]
        if self.left:
            lines.append(f"Ended early: {self.left} of {len(self.queue)} not reached; they "
                         "wait for the next drill.")
        if upcoming is not None and not self.left:  # those not reached are due already
            lines.append(f"The next card is due {relative_when(upcoming, self.ctx.now())}.")
        self.query_one("#drill-result", Static).update(Content("\n".join(lines)))

    @on(Button.Pressed, "#drill-back")
    def _back(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.ctx.speaker.stop()
        if self.view == "drill-card":
            # Ending mid-drill shows what was done first; escape again leaves.
            self.left = len(self.queue) - self.position
            self._finish()
            return
        self.app.pop_screen()
