"""The editor's meter: words, spoken length at the user's pace, and the question's target."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from question_bank.feedback import length_verdict
from question_bank.structures import format_duration, spoken_seconds


def meter_forms(words: int, pace: int, target: int) -> list[Content]:
    """The meter, from its whole sentence to its shortest: the length by the feedback's one
    length rule (the panel explains it when it fires), "too short", "too long" or "on
    target", and how far from the target. A narrow editor shows the longest that fits."""
    seconds = spoken_seconds(words, pace)
    verdict = length_verdict(words, pace, target)
    style, how_far = "", ""
    if verdict == "short":
        verdict, style = "too short", "$text-warning"
        how_far = f"{format_duration(target - seconds)} under"
    elif verdict == "long":
        verdict, style = "too long", "$text-error"
        how_far = f"{format_duration(seconds - target)} over"
    elif verdict:
        style = "$text-success"
    values = {"words": str(words), "noun": "word" if words == 1 else "words",
              "spoken": format_duration(seconds), "pace": str(pace),
              "target": format_duration(target), "verdict": verdict, "how_far": how_far}
    said = f" · [{style}]$verdict ($how_far)[/]" if how_far else (
        f" · [{style}]$verdict[/]" if verdict else "")
    brief = f" · [{style}]$verdict[/]" if verdict else ""
    forms = [
        f"[b]$words[/b] $noun · [b]$spoken[/b] at $pace wpm · target $target{said}",
        f"[b]$words[/b] $noun · [b]$spoken[/b] of $target{said}",
        f"[b]$words[/b] $noun · [b]$spoken[/b] of $target{brief}",
        "[b]$words[/b] $noun · [b]$spoken[/b] of $target",
        "[b]$words[/b] $noun · [b]$spoken[/b]",
    ]
    return [Content.from_markup(form, **values) for form in forms]


class AnswerMeter(Widget):
    """One line, redrawn without a new layout; at each width, the longest form that fits
    (a narrow editor cut the sentence off mid-phrase, beside the save line)."""

    DEFAULT_CSS = "AnswerMeter { height: 1; }"

    forms: list[Content] = []

    def show(self, words: int, pace: int, target: int) -> None:
        self.forms = meter_forms(words, pace, target)
        self.refresh()

    def render(self) -> Content:
        width = self.size.width
        return next((form for form in self.forms if form.cell_length <= width),
                    self.forms[-1] if self.forms else Content(""))
