"""What a recorded answer shows, in the review: speaking time against the target and the
cap, time to the first word, pauses, pace against the user's, fillers a minute, hedges, the
parts of the written answer heard, and the transcript with fillers marked and rough words
dimmed. Every figure is shown with what it is measured against; nothing is a score."""

from __future__ import annotations

from textual.content import Content, Span
from textual.widgets import Static

from question_bank.recordings import Recording
from question_bank.spoken import LONG_PAUSE, SpokenReview, normalise, pace_word
from question_bank.structures import format_duration

FILLER_STYLE = "bold $warning"
ROUGH_STYLE = "dim italic"


def seconds_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s"


def delivery_line(review: SpokenReview, target: int, cap: int) -> Content:
    d = review.delivery
    if not d.heard:
        return Content("No voice was heard in this recording.")
    long_count = len(d.long_pauses)
    return Content.from_markup(
        "Speaking [b]$spoke[/b] (target $target, cap $cap) · first word after "
        "[b]$first[/b] · longest pause [b]$longest[/b] · $long",
        spoke=format_duration(d.speaking_seconds), target=format_duration(target),
        cap=format_duration(cap), first=seconds_text(d.first_word),
        longest=seconds_text(d.longest_pause),
        long=(f"{long_count} pause{'s' if long_count != 1 else ''} over {LONG_PAUSE:.0f} s"
              if long_count else f"no pause over {LONG_PAUSE:.0f} s"))


def words_line(review: SpokenReview, pace: int) -> Content:
    if not review.transcribed:
        return Content("Not transcribed (no transcription engine): pace and fillers need the "
                       "words.")
    wpm, fpm = review.wpm, review.fillers_per_minute
    fillers = review.fillers
    kinds: dict[str, int] = {}
    for filler in fillers:
        kinds[filler.text] = kinds.get(filler.text, 0) + 1
    which = ", ".join(f"“{k}” ×{n}" if n > 1 else f"“{k}”" for k, n in kinds.items())
    return Content.from_markup(
        "Pace [b]$wpm[/b] (yours: $pace, $word) · fillers [b]$fpm[/b] a minute$which",
        wpm=f"{wpm:.0f} wpm" if wpm is not None else "–", pace=f"{pace} wpm",
        word=pace_word(wpm, pace) or "too short to tell",
        fpm="–" if fpm is None else f"{fpm:.1f}", which=f" ({which})" if which else "")


def phrases_line(found: dict[str, list[str]]) -> Content | None:
    parts = []
    for key, label in (("hedges", "hedges"), ("apologetic", "apologetic")):
        if found.get(key):
            parts.append(f"{label}: " + ", ".join(f"“{p}”" for p in found[key]))
    return Content("Heard " + "; ".join(parts)) if parts else None


def coverage_line(review: SpokenReview, parts: dict[str, str], structure: str) -> Content | None:
    covered = review.coverage(parts, structure)
    if not covered:
        return None
    pieces = []
    for part in covered:
        if part.covered:
            pieces.append(Content.from_markup("[green]✓[/green] $label", label=part.label))
        else:
            missed = ", ".join(part.missed[:3])
            pieces.append(Content.from_markup("[yellow]✗[/yellow] $label (not heard: $missed)",
                                              label=part.label, missed=missed))
    return Content("Written answer: ") + Content(" · ").join(pieces)


def transcript(review: SpokenReview) -> Content:
    """The words as heard: fillers marked, words the engine was unsure of dimmed."""
    filler_words: set[int] = set()
    for filler in review.fillers:
        filler_words.update(range(filler.index, filler.index + filler.length))
    text, spans, at = [], [], 0
    for index, word in enumerate(review.words):
        shown = normalise(word.text)
        if index in filler_words:
            spans.append(Span(at, at + len(shown), FILLER_STYLE))
        elif word.rough:
            spans.append(Span(at, at + len(shown), ROUGH_STYLE))
        text.append(shown)
        at += len(shown) + 1
    return Content(" ".join(text), spans=spans)


class SpokenReviewPanel(Static):
    DEFAULT_CSS = """
    SpokenReviewPanel { height: auto; }
    """

    def show(self, recording: Recording | None, *, target: int, cap: int, pace: int,
             written: tuple[dict[str, str], str] | None = None, waiting: bool = False,
             recorded: bool = True) -> None:
        """Fill in one answer's figures (`written`: the answer's parts and structure)."""
        if recording is None:
            self.update(Content("Transcribing this answer…" if waiting else
                                ("" if not recorded else "This answer was not recorded.")))
            return
        if recording.status == "failed":
            self.update(Content(f"This recording could not be analysed: {recording.problem}"))
            return
        review = recording.review
        if review is None:
            self.update(Content("Transcribing this answer…"))
            return
        lines = [delivery_line(review, target, cap), words_line(review, pace)]
        if review.transcribed:
            phrases = phrases_line(recording.figures or review.phrases())
            if phrases is not None:
                lines.append(phrases)
            if written is not None:
                covered = coverage_line(review, *written)
                if covered is not None:
                    lines.append(covered)
            if review.words:
                lines.append(Content.from_markup(
                    "[dim]Transcript by $engine, rough: dimmed words are its guesses, fillers "
                    "are marked[/dim]", engine=recording.engine or "the engine"))
                lines.append(transcript(review))
        if not recording.has_audio and recording.audio_deleted_at is not None:
            lines.append(Content("The audio was deleted; the figures and transcript stay."))
        self.update(Content("\n").join(lines))
