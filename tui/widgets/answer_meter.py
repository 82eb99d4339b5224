"""The editor's meter: words, spoken length at the user's pace, and the question's target."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from question_bank.feedback import length_verdict
from question_bank.structures import format_duration, spoken_seconds


def meter_content(words: int, pace: int, target: int) -> Content:
    """The length by the feedback's one length rule (the panel explains it when it fires):
    "too short", "too long" or "on target", and how far from the target."""
    seconds = spoken_seconds(words, pace)
    verdict = length_verdict(words, pace, target)
    if verdict == "short":
        verdict, style = f"too short ({format_duration(target - seconds)} under)", \
            "$text-warning"
    elif verdict == "long":
        verdict, style = f"too long ({format_duration(seconds - target)} over)", "$text-error"
    elif verdict:
        style = "$text-success"
    else:
        style = ""
    markup = "[b]$words[/b] words · [b]$spoken[/b] at $pace wpm · target $target"
    if verdict:
        markup += f" · [{style}]$verdict[/]"
    return Content.from_markup(markup, words=str(words), spoken=format_duration(seconds),
                               pace=str(pace), target=format_duration(target), verdict=verdict)


class AnswerMeter(Static):
    """One line, updated on every keystroke without a new layout."""

    def show(self, words: int, pace: int, target: int) -> None:
        self.update(meter_content(words, pace, target), layout=False)
