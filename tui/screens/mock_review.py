"""The review of a mock session: each question's thinking and speaking time against its
target, a self-rating that goes to the drill scheduler, and a note."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from question_bank.categories import category_label
from question_bank.drill import RATINGS
from question_bank.mock import MockItem, MockSession, get_session, rate_item, set_item_note
from question_bank.structures import format_duration
from tui.context import AppContext
from tui.messages import OpenAnswer
from tui.practice.program_names import version_for_program
from tui.practice.spoken_answers import SpokenAnswers, load_spoken
from tui.sections import SECTIONS
from tui.store.audio_files import forget_recording
from tui.widgets.footer import KeysFooter
from tui.widgets.player import STEP
from tui.widgets.recorded_answer import RecordedAnswer
from tui.widgets.table_fit import FitColumn, FitTable

OUTCOME_WORDS = {"answered": "", "skipped": "skipped", "unreached": "not reached",
                 "pending": "not reached"}
# One measure per column: the time spoken, the aim it is measured against (the question's
# target, or the round's cap when shorter) and the share of that aim. A narrow table keeps
# the rating and the share; the times come back as it widens.
COLUMNS = (FitColumn("n", "#", 2), FitColumn("text", "Question", 30),
           FitColumn("think", "Think", 5, shown_from=72), FitColumn("spoke", "Spoke", 5,
                                                                    shown_from=56),
           FitColumn("aim", "Aim", 5, shown_from=64), FitColumn("used", "Of aim", 10),
           FitColumn("rating", "Rating", 6))


def duration_or_dash(seconds: float | None) -> str:
    return format_duration(seconds) if seconds is not None else "–"


def used_text(item: MockItem) -> str:
    """The share of the aim spoken, with a word where it matters (never only a colour):
    "over" past the limit (the clock stopped the answer), "short" under half the aim."""
    ratio = item.used_ratio
    if ratio is None:
        return OUTCOME_WORDS.get(item.outcome, "")
    if (item.speak_seconds or 0) > item.limit_seconds:
        return f"{ratio:.0%} over"
    return f"{ratio:.0%} short" if ratio < 0.5 else f"{ratio:.0%}"


def aim_words(item: MockItem) -> str:
    """What the answer was measured against, named: "the target 1:30", or "the round's cap
    0:45 (target 1:30)"."""
    if item.limit_seconds < item.target_seconds:
        return (f"the round's cap of {format_duration(item.limit_seconds)} (the question's "
                f"target is {format_duration(item.target_seconds)})")
    return f"the question's target of {format_duration(item.target_seconds)}"


def session_start_text(session: MockSession) -> str:
    """When the session started, in the local zone: "Tue 04 Mar 2025, 14:05"."""
    return session.started_at.astimezone().strftime("%a %d %b %Y, %H:%M")


class MockReviewScreen(Screen):
    """Mock interview review"""

    HELP_TITLE = "Mock interview review"
    BINDINGS = [
        Binding("1", "rate(1)", "Again", id="mock_review.again",
                tooltip="I could not answer it well: bring it back soon"),
        Binding("2", "rate(2)", "Hard", id="mock_review.hard", tooltip="I struggled"),
        Binding("3", "rate(3)", "Good", id="mock_review.good", tooltip="It went well"),
        Binding("4", "rate(4)", "Easy", id="mock_review.easy", tooltip="Easy: leave it a while"),
        Binding("n", "note", "Note", id="mock_review.note",
                tooltip="Write a note on the selected question"),
        Binding("a", "answer", "Answer", id="mock_review.answer",
                tooltip="Open the answer editor for the selected question"),
        Binding("space", "play", "Play/pause", id="mock_review.play",
                tooltip="Play the selected answer's recording, or pause it"),
        Binding("left_square_bracket", "skip(-1)", "−5 s", id="mock_review.back5", show=False),
        Binding("right_square_bracket", "skip(1)", "+5 s", id="mock_review.forward5",
                show=False),
        Binding("x", "speed", "1x/1.25x", id="mock_review.speed", show=False,
                tooltip="Play at normal speed or 1.25x (same pitch)"),
        Binding("f", "forget", "Forget audio", id="mock_review.forget", show=False,
                tooltip="Delete the selected answer's audio now (its transcript and figures "
                        "stay)"),
        Binding("escape,q", "close", "Back", id="mock_review.back"),
    ]

    def __init__(self, ctx: AppContext, session_id: int, *, just_ended: bool = False) -> None:
        super().__init__(id="screen-mock-review")
        self.ctx = ctx
        self.session_id = session_id
        self.just_ended = just_ended
        self.session: MockSession | None = None
        self.recorded = RecordedAnswer(ctx, id="review-recorded")

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        yield FitTable(COLUMNS, stretch="text", id="review-table", cursor_type="row",
                       zebra_stripes=True)
        with VerticalScroll(id="review-detail"):
            yield Static(id="review-question")
            yield Static(id="review-times")
            yield self.recorded
            yield Input(placeholder="A note on this answer (enter saves)", id="review-note",
                        max_length=2000)
        yield KeysFooter()

    def on_mount(self) -> None:
        self._load()
        self.query_one(FitTable).focus()
        self.ctx.recorded.subscribe(self._news)

    def on_unmount(self) -> None:
        self.ctx.recorded.unsubscribe(self._news)

    def _news(self, news) -> None:
        """A recording of this session was stored or analysed (told from another thread)."""
        if news.take.session_id == self.session_id and news.kind != "stored":
            self._load()

    @work(thread=True, exclusive=True, group="mock-review", exit_on_error=False)
    def _load(self) -> None:
        with self.ctx.reader() as db:
            session = get_session(db, self.session_id)
            spoken = load_spoken(db, self.session_id, self.ctx.recorded.in_progress)
        self.app.call_from_thread(self._fill, session, spoken)

    def _fill(self, session: MockSession | None, spoken: SpokenAnswers | None = None) -> None:
        if session is None:
            self.notify("That session no longer exists.", severity="warning")
            self.app.pop_screen()
            return
        self.session = session
        if spoken is not None:
            self.recorded.set_session(session, spoken)
            self.refresh_bindings()
        answered = session.count("answered")
        self.query_one("#review-title", Static).update(Content.from_markup(
            "[b]$label[/b] · $when · $answered of $total answered · spoke $spoke · "
            "thought $think",
            label=session.label + (f": {session.program}" if session.program else ""),
            when=session_start_text(session), answered=str(answered),
            total=str(len(session.items)), spoke=duration_or_dash(session.speak_seconds),
            think=duration_or_dash(session.think_total)))
        table = self.query_one(FitTable)
        keep = table.cursor_row
        table.clear()
        for item in session.items:
            table.add_cells(str(item.id), self._cells(item))
        if self.just_ended and keep == 0:
            keep = self._next_to_rate(-1)
        if session.items:
            table.move_cursor(row=min(max(keep, 0), len(session.items) - 1), animate=False)
        self._show_detail()

    def _cells(self, item: MockItem) -> dict[str, Text]:
        ratio = item.used_ratio
        style = ""
        if ratio is not None:
            over_limit = (item.speak_seconds or 0) > item.limit_seconds
            style = "bold red" if over_limit else ("yellow" if ratio < 0.5 else "green")
        dim = "dim" if item.outcome != "answered" else ""
        return {
            "n": Text(str(item.position + 1), style="dim"),
            "text": Text(item.text, style=dim, no_wrap=True, overflow="ellipsis"),
            "think": Text(duration_or_dash(item.think_seconds), justify="right"),
            "spoke": Text(duration_or_dash(item.speak_seconds if item.outcome == "answered"
                                           else None), justify="right"),
            "aim": Text(format_duration(item.aim_seconds), justify="right"),
            "used": Text(used_text(item), style=style or dim, justify="right"),
            "rating": Text(RATINGS[item.rating - 1] if item.rating else "", style="bold"),
        }

    def selected(self) -> MockItem | None:
        if self.session is None or not self.session.items:
            return None
        row = self.query_one(DataTable).cursor_row
        return self.session.items[row] if 0 <= row < len(self.session.items) else None

    def _show_detail(self) -> None:
        item = self.selected()
        question = self.query_one("#review-question", Static)
        times = self.query_one("#review-times", Static)
        note = self.query_one("#review-note", Input)
        if item is None:
            question.update("")
            times.update("")
            return
        question.update(Content(item.text))
        lines = [Content.from_markup(
            "$category · thought [b]$think[/b] · spoke [b]$spoke[/b] against $aim",
            category=category_label(item.category), think=duration_or_dash(item.think_seconds),
            spoke=duration_or_dash(item.speak_seconds), aim=aim_words(item))]
        if item.outcome != "answered":
            lines.append(Content(f"This question was {OUTCOME_WORDS[item.outcome]}."))
        rating = RATINGS[item.rating - 1] if item.rating else "not rated yet"
        left = sum(1 for i in self.session.items if i.outcome == "answered" and i.rating is None) \
            if self.session else 0
        lines.append(Content.from_markup(
            "Rating: [b]$rating[/b]  ·  1 again  2 hard  3 good  4 easy$left", rating=rating,
            left=f"  ·  {left} still to rate (↓ next)" if left else ""))
        times.update(Content("\n").join(lines))
        if not note.has_focus:
            note.value = item.note
        self.recorded.show(item)

    def action_play(self) -> None:
        self.recorded.player.toggle()

    def action_skip(self, direction: int) -> None:
        self.recorded.player.skip(direction * STEP)

    def action_speed(self) -> None:
        self.recorded.player.toggle_speed()

    def action_forget(self) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog

        recording = self.recorded.recording(self.selected())
        if recording is None or not recording.has_audio:
            self.notify("This answer has no audio to forget.")
            return

        async def forget(yes: bool | None) -> None:
            if yes:
                self.recorded.player.stop()
                await asyncio.wrap_future(self.ctx.writer.submit(
                    forget_recording, self.ctx.db_path, recording.id, self.ctx.now()))
                self.notify("The audio was deleted; its transcript and figures stay.")
                self._load()

        self.app.push_screen(ConfirmDialog(
            "Delete this answer's audio now?", "Its transcript and figures stay in the review "
            "and in Progress.", yes="Delete audio"), forget)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _next_to_rate(self, after: int) -> int:
        items = self.session.items if self.session else ()
        for index in range(after + 1, len(items)):
            if items[index].outcome == "answered" and items[index].rating is None:
                return index
        return max(after, 0)

    def _replace(self, updated: MockItem) -> None:
        if self.session is None:  # an item is rated only once the session is shown
            return
        items = list(self.session.items)
        items[updated.position] = updated
        self.session = replace(self.session, items=tuple(items))
        self.query_one(FitTable).update_cells(str(updated.id), self._cells(updated))

    async def action_rate(self, rating: int) -> None:
        item = self.selected()
        if item is None:
            return
        future = self.ctx.writer.submit(rate_item, item.id, rating, self.ctx.now())
        try:
            updated = await asyncio.wrap_future(future)
        except Exception as error:  # a database that cannot be written, say
            self.notify(f"The rating was not saved: {type(error).__name__}.", severity="error",
                        markup=False)
            return
        self._replace(updated)  # the cursor stays on the row rated: Down goes to the next
        self._show_detail()

    def action_note(self) -> None:
        if self.selected() is not None:
            self.query_one("#review-note", Input).focus()

    @on(Input.Submitted, "#review-note")
    async def _note_submitted(self) -> None:
        await self._save_note()
        self.query_one(DataTable).focus()

    @on(Input.Blurred, "#review-note")
    async def _note_left(self) -> None:
        await self._save_note()

    async def _save_note(self) -> None:
        item = self.selected()
        text = self.query_one("#review-note", Input).value.strip()
        if item is None or text == item.note:
            return
        updated = await asyncio.wrap_future(self.ctx.writer.submit(set_item_note, item.id, text))
        self._replace(updated)
        self.notify("Note saved.")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("play", "skip", "speed", "forget"):
            if not self.recorded.spoken.recordings:
                return False  # nothing recorded in this session: no keys for it
            return self.recorded.playable(self.selected())
        if action == "answer":
            if not any(s.id == "answers" for s in SECTIONS):
                return False  # no answer editor in this version: no key for it
            item = self.selected()
            return True if item is not None and item.kind == "question" else None
        return True

    def action_answer(self) -> None:
        """Open the editor on the question's answer (in a program round, the version named
        for that program, if there is one); escape there comes back here."""
        item = self.selected()
        if item is not None and item.kind == "question" and item.ref:
            version = None
            if self.session is not None and self.session.program:
                version = version_for_program(self.ctx.db, item.ref, self.session.program)
            self.app.post_message(OpenAnswer(item.ref, version))

    async def action_close(self) -> None:
        if self.query_one("#review-note", Input).has_focus:
            self.query_one(DataTable).focus()
            return
        self.app.pop_screen()
