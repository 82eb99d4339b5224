"""The answer editor's read-aloud control: it owns the reading state and talks to the
speaker. Not drawn; the editor's key calls `toggle`. Speaking goes through `ctx.speaker`
(never blocks); the same key stops it, and so do leaving the editor and quitting (the
control stops the voice when it is unmounted)."""

from __future__ import annotations

from textual.widget import Widget

from tui.context import AppContext
from tui.practice.preferences import speech_prefs
from tui.practice.read_aloud import engine_rate, reading_seconds, spoken_text


class ReadAloud(Widget):
    DEFAULT_CSS = "ReadAloud { display: none; }"

    def __init__(self, ctx: AppContext, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.reading_until: float | None = None  # on the context's clock, while reading

    def is_reading(self) -> bool:
        return self.reading_until is not None and self.ctx.clock() < self.reading_until

    def toggle(self, parts: dict[str, str], structure: str, pace: int) -> None:
        """Read `parts` aloud at the user's `pace`, or stop the reading still going."""
        if self.is_reading():
            self.stop_reading()
            self.notify("Stopped reading.", title="Read aloud", timeout=2)
            return
        speaker = self.ctx.speaker
        if speaker is None or not speaker.available:
            problem = getattr(speaker, "problem", None) or "Speech is not available."
            self.notify(problem, title="Read aloud", severity="warning", timeout=10, markup=False)
            return
        text = spoken_text(parts, structure)
        if not text:
            self.notify("Nothing to read yet: write your answer first.", title="Read aloud")
            return
        rate = engine_rate(pace)
        speaker.say(text, rate=rate, voice=speech_prefs(self.ctx.db).voice)
        self.reading_until = self.ctx.clock() + reading_seconds(parts, structure, rate)
        self.notify(f"Reading your answer at {rate} words a minute. Press ctrl+n again to "
                    "stop.", title="Read aloud", timeout=4)

    def stop_reading(self) -> None:
        """Stop reading aloud (if reading): the key again, leaving the editor, quitting."""
        if self.reading_until is not None:
            self.reading_until = None
            if self.ctx.speaker is not None:
                self.ctx.speaker.stop()

    def on_unmount(self) -> None:
        self.stop_reading()
