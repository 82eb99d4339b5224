"""Read my answer aloud: the answer editor's key that reads the answer at the user's pace.

A mixin of `AnswerEditor` (kept apart to keep each module small); it uses the editor's
`ctx`, `structure`, `pace` and `current_parts()`. Speaking goes through `ctx.speaker`
(never blocks); the same key stops it, and so do leaving the editor and quitting.
"""

from __future__ import annotations

from textual.content import Content

from question_bank.structures import get_structure, spoken_seconds, structure_words
from tui.practice.preferences import MAX_RATE, MIN_RATE, speech_prefs

ALLOWANCE = 2.0  # seconds beyond the reading's spoken length before it counts as finished


def engine_rate(pace_wpm: int) -> int:
    """The engine's rate for the user's pace: pyttsx3 (espeak-ng) takes words a minute."""
    return max(MIN_RATE, min(MAX_RATE, int(pace_wpm)))


def spoken_text(parts: dict[str, str], structure: str) -> str:
    """What the user will say: the structure's parts in order (not the ones set aside)."""
    chunks = (" ".join(parts.get(key, "").split()) for key in get_structure(structure).keys)
    return "\n\n".join(chunk for chunk in chunks if chunk)


class ReadAloud:
    reading_until: float | None = None  # on the context's clock, while reading aloud

    def is_reading(self) -> bool:
        return self.reading_until is not None and self.ctx.clock() < self.reading_until

    def action_read_aloud(self) -> None:
        if self.is_reading():
            self.stop_reading()
            self.notify("Stopped reading.", title="Read aloud", timeout=2)
            return
        speaker = self.ctx.speaker
        if speaker is None or not speaker.available:
            problem = getattr(speaker, "problem", None) or "Speech is not available."
            self.notify(Content(problem), title="Read aloud", severity="warning", timeout=10)
            return
        parts = self.current_parts()
        text = spoken_text(parts, self.structure)
        if not text:
            self.notify("Nothing to read yet: write your answer first.", title="Read aloud")
            return
        rate = engine_rate(self.pace)
        speaker.say(text, rate=rate, voice=speech_prefs(self.ctx.db).voice)
        seconds = spoken_seconds(structure_words(parts, self.structure), rate)
        self.reading_until = self.ctx.clock() + seconds + ALLOWANCE
        self.notify(f"Reading your answer at {rate} words a minute. Press ctrl+n again to "
                    "stop.", title="Read aloud", timeout=4)

    def stop_reading(self) -> None:
        """Stop reading aloud (if reading): the key again, leaving the editor, quitting."""
        if self.reading_until is not None:
            self.reading_until = None
            if self.ctx.speaker is not None:
                self.ctx.speaker.stop()
