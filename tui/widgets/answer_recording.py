"""Recording the answers of a running mock interview: one line with a level meter while the
answer clock runs, or the sentence saying why nothing is recorded.

The screen says when an answer starts and ends (method calls down); this widget starts and
ends the takes (`ctx.recorded`), hears the recorder (from its thread, by thread-safe
messages to itself) and says once when the microphone is missing or stuck (in its line,
which keeps it) or silent (a notice: the meter goes on in the line). The interview never
waits for audio.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui.audio.recorder import AudioEvent
from tui.practice.recorded_answers import Take

METER_CELLS = 12
FLOOR_DB = -60.0


def meter(db: float, cells: int = METER_CELLS) -> str:
    """A bar of `cells` for a level from -60 dBFS (empty) to 0 (full)."""
    filled = round(max(0.0, min(1.0, (db - FLOOR_DB) / -FLOOR_DB)) * cells)
    return "▮" * filled + "▯" * (cells - filled)


class AnswerRecording(Static):
    """● REC ▮▮▮▮▯▯▯▯ while an answer is recorded; a sentence when it is not."""

    DEFAULT_CSS = """
    AnswerRecording { width: auto; max-width: 100%; height: auto; color: $text-muted; }
    AnswerRecording.-live { color: $text; }
    AnswerRecording.-trouble { color: $warning; }
    """

    @dataclass
    class Heard(Message):
        """The recorder said something (posted from its thread to this widget)."""

        event: AudioEvent

    def __init__(self, ctx, *, wanted: bool, listen: bool = True,
                 ready: str = "Recording is on: each answer is recorded while its clock runs.",
                 **kwargs) -> None:
        """`listen`: become the recorder's listener (else the owner hands events to `hear`);
        `ready`: what is said before the first recording."""
        super().__init__(**kwargs)
        self.ready = ready
        self.ctx = ctx
        self.wanted = wanted
        self.listen = listen
        self.live = False
        self.paused = False
        self.problem: str | None = None
        self._told: set[str] = set()

    @property
    def active(self) -> bool:
        """Whether answers are being recorded in this interview."""
        recorder = self.ctx.recorder
        return self.wanted and recorder is not None and recorder.available

    def on_mount(self) -> None:
        recorder = self.ctx.recorder
        if self.wanted and recorder is not None and recorder.available:
            # The recorder has one listener: the review's player takes it over when it
            # opens (this widget's messages then go nowhere: it is gone).
            if self.listen:
                recorder.set_listener(self.hear)
            recorder.start()  # ready before the first answer
            self._show(self.ready)
        elif self.wanted:
            self._off(getattr(recorder, "problem", None) or "Recording is not available.")
        else:  # the user's choice, made in the setup: nothing to say here
            self.display = False

    def _show(self, text: str, *, live: bool = False, trouble: bool = False) -> None:
        self.set_class(live, "-live")
        self.set_class(trouble, "-trouble")
        self.update(Content(text))

    def _off(self, problem: str) -> None:
        """Recording cannot happen: said once, in this line under the clock, where the user
        looks while answering (a toast said it again, over the question on a small
        terminal). Why, in the first sentence of `problem` ("Not recording." before it when
        that sentence does not say so itself), then what to do: what to install is
        `matchprep doctor`'s to say; nothing when recording was turned off (--no-record)."""
        self.problem = problem
        first = problem.split(". ")[0].rstrip(".") + "."
        says_so = "record" in first.lower()  # "Recording is off…", "…cannot be recorded"
        chosen = "--no-record" in first
        self._show(("" if says_so else "Not recording. ") + first
                   + ("" if chosen else " `matchprep doctor` says what to do."), trouble=True)

    def _say(self, text: str) -> None:
        """A problem the user should hear about, once (the interview goes on)."""
        if text not in self._told:
            self._told.add(text)
            self.notify(text, severity="warning", timeout=8, markup=False)

    # The screen's calls -------------------------------------------------------------------

    def hear(self, event: AudioEvent) -> None:
        """The recorder's news (from any thread)."""
        self.post_message(self.Heard(event))

    def begin(self, take: Take) -> None:
        if not self.active:
            return
        self.ctx.recorded.begin(take)
        self.live, self.paused = True, False
        self._show(f"● REC {meter(FLOOR_DB)}", live=True)

    def end(self, answered: bool) -> None:
        """The answer ended: keep the take if it was answered, else drop it."""
        if not self.live:
            return
        self.live = False
        if answered:
            self.ctx.recorded.end()
            self._show("Recorded; it is being transcribed.")
        else:
            self.ctx.recorded.cancel()
            self._show("Skipped: nothing kept.")

    def pause(self, paused: bool) -> None:
        if self.live:
            self.paused = paused
            self.ctx.recorded.pause(paused)
            if paused:
                self._show("❚❚ Recording paused with the clocks.", live=True)

    # The recorder's news ---------------------------------------------------------------------

    @on(Heard)
    def _heard(self, message: Heard) -> None:
        event = message.event
        if event.kind == "level" and self.live and not self.paused:
            self._show(f"● REC {meter(event.db)}", live=True)
        elif event.kind == "silent":  # the line goes on with the meter: a notice says it
            self._say(event.message)
        elif event.kind == "stalled":  # the line keeps it until the next answer: said there
            self.live = False
            self._show(event.message, trouble=True)
        elif event.kind == "unavailable":
            self.live = False
            self._off(event.message)
        elif event.kind == "failed" and self.live:
            self.live = False
            self._show(f"This answer was not recorded: {event.message}", trouble=True)
