"""A mock interview in progress: the question large, read aloud, with both countdowns."""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from question_bank.categories import category_label
from question_bank.mock import create_session, delete_session, finish_session, record_item
from question_bank.mock_formats import limit_for
from question_bank.structures import format_duration
from tui.context import AppContext
from tui.practice.mock_clock import (
    ANSWER,
    ANSWER_STARTED,
    SESSION_TIME_UP,
    THINK,
    TIME_UP,
    MockRun,
    RunItem,
)
from tui.practice.mock_plan import Plan
from tui.practice.preferences import SpeechPrefs
from tui.practice.recorded_answers import Take
from tui.widgets.answer_recording import AnswerRecording
from tui.widgets.countdown import Countdown, clock_text
from tui.widgets.footer import KeysFooter
from tui.widgets.star_budget import StarBudget

TICK = 0.1  # seconds between refreshes (the clocks themselves never drift)
WARN_SHARE, WARN_MIN = 0.2, 10  # the countdown warns in the last 20% (at least 10 s)


class MockRunScreen(Screen):
    """Mock interview"""

    HELP_TITLE = "Mock interview (running)"
    BINDINGS = [
        Binding("enter,n", "advance", "Next", id="mock_run.next", priority=True,
                tooltip="While thinking: start answering now. "
                        "While answering: done, next question"),
        Binding("s", "skip", "Skip", id="mock_run.skip", tooltip="Leave this question and go on"),
        Binding("space,p", "pause", "Pause/resume", id="mock_run.pause",
                tooltip="Stop both clocks (and the voice); press again to go on"),
        Binding("r", "repeat", "Repeat aloud", id="mock_run.repeat",
                tooltip="Read the question aloud again"),
        Binding("e", "end", "End", id="mock_run.end",
                tooltip="End the session now and review what you answered"),
    ]

    def __init__(self, ctx: AppContext, plan: Plan, speech: SpeechPrefs, *,
                 record: bool = False) -> None:
        super().__init__(id="screen-mock-run")
        self.ctx = ctx
        self.plan = plan
        self.speech = speech
        self.recording = AnswerRecording(ctx, wanted=record, id="run-recording")
        fmt = plan.fmt
        items = [RunItem(p, limit_for(p, fmt, plan.setup.limit_seconds)) for p in plan.prompts]
        self.run = MockRun(items, think_seconds=plan.setup.think_seconds,
                           session_seconds=plan.seconds,
                           stop_at_session_end=plan.setup.mode == "minutes", clock=ctx.clock)
        self.session_id: int | None = None
        self._shown_index = -1
        self._ending = False
        self.speech_notices: list[str] = []  # what the speech engine said during the session
        self._format_label = fmt.label + (f": {plan.setup.program}"
                                          if fmt.needs_program and plan.setup.program else "")

    def compose(self) -> ComposeResult:
        with Horizontal(id="run-top"):
            yield Static(id="run-title")
            yield Static(id="run-session")
        with VerticalScroll(id="run-body"):
            with Center():
                yield Static(id="run-question")
            with Center():
                yield Static(id="run-facts")
            with Center():
                yield Static(id="run-cues")
            with Center():
                yield Countdown(id="run-clock")
            with Center():
                yield StarBudget(id="run-star")
            with Center():
                yield Static(id="run-status")
            with Center():
                yield self.recording
        yield Static(id="run-speech")  # what the speech engine needs the user to know
        yield KeysFooter()

    async def on_mount(self) -> None:
        plan = self.plan
        future = self.ctx.writer.submit(
            create_session, format=plan.setup.format, prompts=plan.prompts,
            started_at=self.ctx.now(), mode=plan.setup.mode, planned_seconds=plan.seconds,
            think_seconds=plan.setup.think_seconds, limit_seconds=plan.setup.limit_seconds,
            star_budgets=plan.setup.star_budgets, program=plan.setup.program)
        self.session_id = await asyncio.wrap_future(future)
        self._fit()
        self._show_question()
        self._started(self.run.start())
        self._refresh()
        self.set_interval(TICK, self._tick)

    def on_resize(self) -> None:
        self._fit()

    def show_speech_trouble(self, text: str) -> bool:
        """The speech engine's notice, in a line of its own under the clock for the rest of
        the session (a toast would cover the question and the clock on a small terminal)."""
        self.speech_notices.append(text)
        speech = self.query_one("#run-speech", Static)
        speech.display = True  # shown first: its height is then measured at its width
        speech.update(Content.from_markup("[b]Speech:[/b] $text", text=text))
        return True

    def _fit(self) -> None:
        compact = self.size.height < 20 or self.size.width < 50
        self.set_class(compact, "-compact")
        self.query_one(Countdown).set_class(compact, "-compact")

    # Showing --------------------------------------------------------------------------

    def _show_question(self) -> None:
        item = self.run.current
        if item is None or self.run.index == self._shown_index:
            return
        self._shown_index = self.run.index
        prompt = item.prompt
        self.query_one("#run-question", Static).update(Content(prompt.text))
        facts = [category_label(prompt.category),
                 f"target {format_duration(prompt.target_seconds)}"]
        if item.limit != prompt.target_seconds:
            facts.append(f"limit {format_duration(item.limit)}")
        self.query_one("#run-facts", Static).update(Content(" · ".join(facts)))
        cues = self.query_one("#run-cues", Static)
        cues.display = bool(prompt.cues)
        cues.border_title = "Your questions to ask"
        cues.update(Content("\n").join(Content.from_markup("[dim]·[/dim] $cue", cue=cue)
                                       for cue in prompt.cues))
        star = self.query_one(StarBudget)
        star.display = self.plan.setup.star_budgets and prompt.structure == "star"
        star.limit = float(item.limit)
        star.elapsed = 0.0
        self.query_one("#run-status", Static).update("")
        self._say(prompt.text)

    def _say(self, text: str) -> None:
        speaker = self.ctx.speaker
        if self.speech.enabled and speaker is not None:
            speaker.say(text, rate=self.speech.rate, voice=self.speech.voice)

    def _hush(self) -> None:
        if self.speech.enabled and self.ctx.speaker is not None:
            self.ctx.speaker.stop()

    def _refresh(self) -> None:
        run = self.run
        total = len(run.items)
        position = min(run.index + 1, total)
        compact = self.has_class("-compact")
        self.query_one("#run-title", Static).update(Content.from_markup(
            "[b]$fmt[/b] · $n of $total" if compact else "[b]$fmt[/b] · question $n of $total",
            fmt=self._format_label.split()[0] if compact else self._format_label,
            n=str(position), total=str(total)))
        remaining = run.session_remaining
        word = "" if compact else "session "
        session = (f"{word}{clock_text(remaining)} left" if remaining >= 0
                   else f"{word}over by {clock_text(remaining)[1:]}")
        self.query_one("#run-session", Static).update(Content(session))
        self.query_one("#run-session").set_class(remaining < 0, "-over")
        item = run.current
        if item is None:
            return
        clock = self.query_one(Countdown)
        if run.phase == THINK:
            clock.show(run.think_remaining, "Think", state="paused" if run.paused else "think")
        elif run.phase == ANSWER:
            left = run.answer_remaining
            warn_at = max(WARN_MIN, WARN_SHARE * item.limit)
            state = "over" if left < 0 else ("warn" if left <= warn_at else "")
            caption = "Time is up" if left < 0 else "Answer"
            clock.show(left, caption, state="paused" if run.paused else state)
            star = self.query_one(StarBudget)
            if star.display:
                star.elapsed = run.answer_elapsed
        self.set_class(run.paused, "-paused")

    def _tick(self) -> None:
        if self.run.finished or self._ending:
            return
        events = self.run.tick()
        self._started(events)
        for event in events:
            if event == TIME_UP:
                self.app.bell()
                self._status("Time is up for this answer: finish your sentence, then press n.")
            elif event == SESSION_TIME_UP:
                self.app.bell()
                self._status("The session's time is up." + (
                    " It ends with this answer." if self.run.stop_at_session_end else ""))
        self._refresh()

    def _status(self, text: str) -> None:
        self.query_one("#run-status", Static).update(Content(text))

    # Actions ----------------------------------------------------------------------------

    def _started(self, events: list[str]) -> None:
        """An answer's clock started: record it (think time is not recorded)."""
        if ANSWER_STARTED in events and self.session_id is not None:
            item = self.run.current
            ref = item.prompt.ref if item is not None and item.prompt.kind == "question" else None
            self.recording.begin(Take("mock", self.session_id, self.run.index, question_id=ref))

    async def _after(self, before: int, events: list[str] | None = None) -> None:
        """Record what the last action finished; show the next question or the review."""
        for index in range(before, min(self.run.index + 1, len(self.run.items))):
            item = self.run.items[index]
            if item.outcome in ("answered", "skipped"):
                if index == before:
                    self.recording.end(item.outcome == "answered")
                self._record(index, item)
        self._started(events or [])
        if self.run.finished:
            await self._close()
            return
        if self.run.index != before:
            self._hush()
            self._show_question()
        self._refresh()

    def _record(self, index: int, item: RunItem) -> None:
        if self.session_id is None:
            return
        self.ctx.writer.submit(record_item, self.session_id, index, think_seconds=item.think,
                               speak_seconds=item.speak, outcome=item.outcome,
                               at=self.ctx.now())

    async def action_advance(self) -> None:
        if self._busy():
            return
        before = self.run.index
        was_thinking = self.run.phase == THINK
        events = self.run.advance()
        if was_thinking and self.run.phase == ANSWER:
            self._hush()
        await self._after(before, events)

    async def action_skip(self) -> None:
        if self._busy():
            return
        before = self.run.index
        events = self.run.skip()
        await self._after(before, events)

    def action_pause(self) -> None:
        if self._busy():
            return
        paused = self.run.toggle_pause()
        self.recording.pause(paused)
        if paused:
            self._hush()
            self._status("Paused: both clocks are stopped. Press space or p to go on.")
        else:
            self._status("")
        self._refresh()

    def action_repeat(self) -> None:
        item = self.run.current
        if item is None:
            return
        if not self.speech.enabled:
            speaker = self.ctx.speaker
            why = (speaker.problem if getattr(speaker, "status", "") == "off" and speaker.problem
                   else "Reading aloud is off for this session (turn it on in the setup).")
            self.show_speech_trouble(why)
            return
        self._say(item.prompt.text)

    async def action_end(self) -> None:
        if self._busy():
            return
        before = self.run.index
        self.run.end()
        await self._after(before)

    def _busy(self) -> bool:
        return self.session_id is None or self._ending

    async def _close(self) -> None:
        """The session is over: store it, then show its review in place of this screen."""
        session_id = self.session_id
        if self._ending or session_id is None:
            return
        self._ending = True
        self._hush()
        self.recording.end(False)  # an answer under a second (not counted) keeps no audio
        if not self._anything_done():
            await asyncio.wrap_future(self.ctx.writer.submit(delete_session, session_id))
            self.notify("Nothing was answered, so the session was not kept.")
            self.app.pop_screen()
            return
        future = self.ctx.writer.submit(finish_session, session_id, ended_at=self.ctx.now(),
                                        status=self._status_word())
        await asyncio.wrap_future(future)
        if self.recording.active:
            self.ctx.recorded.tidy()  # the retention setting: older sessions' audio goes
        from tui.screens.mock_review import MockReviewScreen

        # Not awaited: the switch waits for this screen to finish handling the key.
        self.app.switch_screen(MockReviewScreen(self.ctx, session_id, just_ended=True))

    def _anything_done(self) -> bool:
        return any(i.outcome in ("answered", "skipped") for i in self.run.items)

    def _status_word(self) -> str:
        return "finished" if all(i.outcome != "unreached" for i in self.run.items) else "ended"

    def on_screen_suspend(self) -> None:
        """Another screen came in front (help, another section): the clocks wait."""
        if not self._ending and not self.run.finished and not self.run.paused:
            self.action_pause()

    def on_unmount(self) -> None:
        """Leaving without ending (the app quits): keep what was done."""
        self._hush()
        if self._ending or self.session_id is None:
            return
        before = self.run.index
        if not self.run.finished:
            self.run.end()
        item = self.run.items[before]
        self.recording.end(item.outcome == "answered")
        if item.outcome in ("answered", "skipped"):
            self._record(before, item)
        if self._anything_done():
            self.ctx.writer.submit(finish_session, self.session_id, ended_at=self.ctx.now(),
                                   status="ended")
        else:
            self.ctx.writer.submit(delete_session, self.session_id)
