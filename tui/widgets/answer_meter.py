"""The editor's meter: words, spoken length at the user's pace, and the question's target."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from question_bank.structures import format_duration, spoken_seconds

ON_TARGET = 0.15  # within 15 % of the target counts as on target


def meter_content(words: int, pace: int, target: int) -> Content:
    seconds = spoken_seconds(words, pace)
    if not words:
        verdict, style = "", ""
    elif seconds < target * (1 - ON_TARGET):
        verdict, style = f"{format_duration(target - seconds)} short", "$text-warning"
    elif seconds > target * (1 + ON_TARGET):
        verdict, style = f"{format_duration(seconds - target)} over", "$text-error"
    else:
        verdict, style = "on target", "$text-success"
    markup = "[b]$words[/b] words · [b]$spoken[/b] at $pace wpm · target $target"
    if verdict:
        markup += f" · [{style}]$verdict[/]"
    return Content.from_markup(markup, words=str(words), spoken=format_duration(seconds),
                               pace=str(pace), target=format_duration(target), verdict=verdict)


class AnswerMeter(Static):
    """One line, updated on every keystroke without a new layout."""

    def show(self, words: int, pace: int, target: int) -> None:
        self.update(meter_content(words, pace, target), layout=False)
