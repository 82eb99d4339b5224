"""What the answer editor's "why this program" feedback accepts as specific: the names,
people and cities of the programs in the dossiers, or of the one program an answer
version is named for ("For Lakeshore"). Not drawn: it reads them in a worker when the
version's label changes, and posts `FeedbackNames.Changed` when they arrive different.
A version named for a program the applicant signaled also brings that program's signal and
dossier reasons (`signal`), for the rule that holds the answer to them."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message
from textual.widget import Widget

from tui.context import AppContext
from tui.practice.program_names import SignalContext, feedback_names, signal_context


class FeedbackNames(Widget):
    DEFAULT_CSS = "FeedbackNames { display: none; }"

    @dataclass
    class Changed(Message):
        """The names the rule accepts changed: the feedback should run again."""

        accepted: tuple[str, ...]

    def __init__(self, ctx: AppContext, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.accepted: tuple[str, ...] = ()  # handed to FeedbackInput.program_names
        self.signal: SignalContext | None = None  # a signaled program the version is for
        self.for_label: str | None = None  # the version label they were read for

    def follow(self, label: str) -> None:
        """The answer shown is called `label`: read the names again if it changed."""
        if label != self.for_label:
            self.for_label = label
            self.load_names(label)

    @work(thread=True, exclusive=True, group="feedback-names", exit_on_error=False)
    def load_names(self, label: str) -> None:
        with self.ctx.reader() as db:
            names = feedback_names(db, label)
            signal = signal_context(db, label)
        self.app.call_from_thread(self.names_loaded, label, names, signal)

    def names_loaded(self, label: str, names: tuple[str, ...],
                     signal: SignalContext | None = None) -> None:
        if label == self.for_label and (names, signal) != (self.accepted, self.signal):
            self.accepted, self.signal = names, signal
            self.post_message(self.Changed(names))
