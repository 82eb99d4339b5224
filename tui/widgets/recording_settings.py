"""The mock setup's recording choices: whether to record the answers, and how many recent
sessions keep their audio. Owns the two settings; asks the screen (a message up) to ask the
user the first time recording is turned on, since only a screen opens dialogs."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label

from tui.practice.recorded_answers import record_choice, save_record_choice
from tui.store.audio_files import KEEP_SETTING, keep_sessions
from tui.store.settings import set_setting
from tui.widgets.marks import Checkbox

KEEP_RANGE = (1, 500)


class RecordingSettings(Vertical):
    DEFAULT_CSS = """
    RecordingSettings { height: auto; }
    """

    @dataclass
    class ConsentNeeded(Message):
        """Recording was turned on for the first time: the screen asks, then calls
        `consented`."""

        settings: RecordingSettings

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.choice = record_choice(ctx.db)  # None: not asked yet
        self.keep = keep_sessions(ctx.db)

    @property
    def record(self) -> bool:
        return self.choice is True

    def compose(self) -> ComposeResult:
        yield Checkbox("Record my answers (kept on this computer)", self.record,
                       id="mock-record", compact=True,
                       tooltip="Record each answer to hear it back, with its pace, pauses and "
                               "filler words in the review")
        with Horizontal(classes="setup-row"):
            yield Label("Sessions with audio", classes="setup-label")
            yield Input(str(self.keep), id="mock-keep-audio", type="integer", compact=True,
                        tooltip="Audio older than this many sessions is deleted (transcripts "
                                "and figures stay)")

    @on(Checkbox.Changed, "#mock-record")
    def _record_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        if event.value and self.choice is None:
            self.post_message(self.ConsentNeeded(self))
            return
        self._keep_choice(event.value)

    def consented(self, yes: bool) -> None:
        self._keep_choice(yes)
        if not yes:
            with self.prevent(Checkbox.Changed):
                self.query_one("#mock-record", Checkbox).value = False

    def _keep_choice(self, record: bool) -> None:
        self.choice = record
        self.ctx.writer.submit(save_record_choice, record)

    @on(Input.Changed, "#mock-keep-audio")
    def _keep_changed(self, event: Input.Changed) -> None:
        event.stop()
        value = event.value.strip()
        low, high = KEEP_RANGE
        if value.isdigit() and low <= int(value) <= high:
            self.keep = int(value)
            self.ctx.writer.submit(set_setting, KEEP_SETTING, str(self.keep))
            self.query_one("#mock-keep-audio", Input).set_class(False, "-invalid")
        else:
            self.query_one("#mock-keep-audio", Input).set_class(True, "-invalid")

