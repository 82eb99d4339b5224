"""Reading an answer aloud at the user's pace: what is read, at which engine rate, and how
long the reading lasts (so that the same key stops a reading still going, and starts a new
one after it has finished)."""

from __future__ import annotations

from question_bank.structures import get_structure, spoken_seconds, structure_words
from tui.practice.preferences import MAX_RATE, MIN_RATE

ALLOWANCE = 2.0  # seconds beyond the reading's spoken length before it counts as finished


def engine_rate(pace_wpm: int) -> int:
    """The engine's rate for the user's pace: pyttsx3 (espeak-ng) takes words a minute."""
    return max(MIN_RATE, min(MAX_RATE, int(pace_wpm)))


def spoken_text(parts: dict[str, str], structure: str) -> str:
    """What the user will say: the structure's parts in order (not the ones set aside)."""
    chunks = (" ".join(parts.get(key, "").split()) for key in get_structure(structure).keys)
    return "\n\n".join(chunk for chunk in chunks if chunk)


def reading_seconds(parts: dict[str, str], structure: str, rate: int) -> float:
    """How long reading `parts` at `rate` takes, with the allowance."""
    return spoken_seconds(structure_words(parts, structure), rate) + ALLOWANCE
