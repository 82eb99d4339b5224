"""Rehearse an answer aloud: record a spoken take, hear it back, and see what it shows
(pace, pauses, fillers, the parts of the written answer heard), take after take."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, DataTable, Static

from question_bank.answers import Answer
from question_bank.recordings import Recording, answer_takes
from question_bank.structures import format_duration
from tui.context import AppContext
from tui.practice.recorded_answers import RecordingNews, Take, record_choice
from tui.screens.dialogs.base import Dialog
from tui.store.audio_files import forget_recording, resolve
from tui.widgets.answer_recording import AnswerRecording
from tui.widgets.player import STEP, Player
from tui.widgets.spoken_review import SpokenReviewPanel
from tui.widgets.table_fit import FitColumn, FitTable

COLUMNS = (FitColumn("when", "Take", 12), FitColumn("length", "Length", 6),
           FitColumn("wpm", "Pace", 5), FitColumn("fillers", "Fillers/min", 11),
           FitColumn("pauses", "Long pauses", 11))


class RehearseAloudDialog(Dialog[None]):
    HELP_TITLE = "Rehearse aloud"
    FOOTER = True
    BINDINGS = [
        Binding("r", "record", "Record/stop", id="rehearse.record",
                tooltip="Record a spoken take of this answer; press again to stop"),
        Binding("space", "play", "Play/pause", id="rehearse.play"),
        Binding("left_square_bracket", "skip(-1)", "−5 s", id="rehearse.back5", show=False),
        Binding("right_square_bracket", "skip(1)", "+5 s", id="rehearse.forward5", show=False),
        Binding("x", "speed", "1x/1.25x", id="rehearse.speed", show=False),
        Binding("f", "forget", "Forget audio", id="rehearse.forget", show=False,
                tooltip="Delete the selected take's audio now (its figures stay)"),
    ]

    def __init__(self, ctx: AppContext, answer: Answer, *, target: int, pace: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.answer = answer
        self.target = target
        self.pace = pace
        self.takes: list[Recording] = []
        self.title = "Rehearse aloud"
        self.sub_title = "r record/stop · space play · esc back"
        self.recording = AnswerRecording(ctx, wanted=True, listen=False,
                                         ready="Ready: press r to record a take.",
                                         id="rehearse-recording")
        self.player = Player(ctx.recorder, listen=False, id="rehearse-player")

    def compose_body(self) -> ComposeResult:
        yield Static(id="rehearse-intro")
        yield self.recording
        yield FitTable(COLUMNS, stretch="when", id="rehearse-takes", cursor_type="row")
        yield self.player
        yield SpokenReviewPanel(id="rehearse-spoken")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Back (esc)", id="cancel")

    def on_mount(self) -> None:
        recorder = self.ctx.recorder
        if recorder is not None:
            recorder.set_listener(self._heard)
        self.ctx.recorded.subscribe(self._news)
        self.query_one("#rehearse-intro", Static).update(Content(
            "Say the answer as you would in the interview: r starts recording, r again stops. "
            "Each take is transcribed and measured here, offline."))
        if record_choice(self.ctx.db) is not True:
            self.recording.display = False
            self.query_one("#rehearse-intro", Static).update(Content(
                "Recording is off: turn on “Record my answers” in a mock interview's setup "
                "(6) first; it says where the audio is kept."))
        self._load()
        self.query_one(FitTable).focus()

    def on_unmount(self) -> None:
        self.ctx.recorded.unsubscribe(self._news)
        self.recording.end(True)  # a take still running is kept
        if self.ctx.recorder is not None:
            self.ctx.recorder.set_listener(None)

    def _heard(self, event) -> None:
        """The recorder's news, from its thread, to both the meter and the player."""
        self.recording.hear(event)
        self.player.hear(event)

    def _news(self, news: RecordingNews) -> None:
        if news.take.answer_id == self.answer.id and news.kind != "stored":
            self._load()

    @work(thread=True, exclusive=True, group="rehearse-takes", exit_on_error=False)
    def _load(self) -> None:
        with self.ctx.reader() as db:
            takes = answer_takes(db, self.answer.id)
        self.app.call_from_thread(self._fill, takes)

    def _fill(self, takes: list[Recording]) -> None:
        self.takes = takes
        table = self.query_one(FitTable)
        keep = table.cursor_row
        table.clear()
        for take in takes:
            figures = take.figures
            table.add_cells(str(take.id), {
                "when": Text(take.recorded_at.astimezone().strftime("%d %b %H:%M")),
                "length": Text(format_duration(take.seconds), justify="right"),
                "wpm": Text(f"{figures['wpm']:.0f}" if figures.get("wpm") else "–",
                            justify="right"),
                "fillers": Text(f"{figures['fillers_per_minute']:.1f}"
                                if figures.get("fillers_per_minute") is not None else "–",
                                justify="right"),
                "pauses": Text(str(figures.get("long_pauses", "–")), justify="right")})
        if takes:
            table.move_cursor(row=min(max(keep, 0), len(takes) - 1), animate=False)
        self._show()

    def selected(self) -> Recording | None:
        row = self.query_one(FitTable).cursor_row
        return self.takes[row] if 0 <= row < len(self.takes) else None

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show()

    def _show(self) -> None:
        take = self.selected()
        waiting = any(t.answer_id == self.answer.id for t in self.ctx.recorded.in_progress)
        path = resolve(self.ctx.db_path, take.path) if take and take.path else None
        self.player.load(path, take.seconds if take else 0.0)
        self.query_one(SpokenReviewPanel).show(
            take, target=self.target, cap=self.target, pace=self.pace,
            written=(self.answer.parts, self.answer.structure), waiting=waiting,
            recorded=bool(self.takes) or waiting)
        self.refresh_bindings()

    def action_record(self) -> None:
        if not self.recording.display:
            return
        if self.recording.live:
            self.recording.end(True)
            self._show()
        elif not self.recording.active:  # its line says why: below the fold on a small screen
            self.recording.scroll_visible(animate=False, top=True)
        else:
            self.player.stop()
            self.recording.begin(Take("take", answer_id=self.answer.id,
                                      question_id=self.answer.question_id))

    def action_play(self) -> None:
        self.player.toggle()

    def action_skip(self, direction: int) -> None:
        self.player.skip(direction * STEP)

    def action_speed(self) -> None:
        self.player.toggle_speed()

    def action_forget(self) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog

        take = self.selected()
        if take is None or not take.has_audio:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._forget(take.id)

        self.app.push_screen(ConfirmDialog("Delete this take's audio now?", "Its figures and "
                                           "transcript stay.", yes="Delete audio"), answered)

    @work(exclusive=True, group="rehearse-forget", exit_on_error=False)
    async def _forget(self, recording_id: int) -> None:
        self.player.stop()
        await asyncio.wrap_future(self.ctx.writer.submit(
            forget_recording, self.ctx.db_path, recording_id, self.ctx.now()))
        self.notify("The audio was deleted; its figures stay.")
        self._load()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("play", "skip", "speed", "forget"):
            take = self.selected()
            return take is not None and take.has_audio
        return True
