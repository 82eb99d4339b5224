"""What a spoken answer shows: pace, pauses, filler words, hedges, and which parts of the
written answer were said. Pure functions on what the recorder and the transcriber found
(stretches of voice, words with times); no audio here.

Definitions (the README says the same to users):
- a pause is silence between two stretches of voice of at least `PAUSE_MIN` seconds; a long
  pause is over `LONG_PAUSE` seconds;
- speaking time runs from the first voice to the last, less the long pauses (thinking, not
  speaking); words a minute are the transcript's words over that time;
- "um", "uh", "er", "hmm" are always fillers; "like", "you know", "basically" only where
  they are set off from the sentence on both sides (by a pause, another filler, the start or
  the end). A false filler is worse than a missed one, so anything else is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from question_bank.feedback import APOLOGETIC, HEDGES
from question_bank.structures import get_structure, part_label

PAUSE_MIN = 0.25  # seconds: shorter gaps are the breath between words
LONG_PAUSE = 3.0  # seconds: a pause this long is heard as being lost
ROUGH_BELOW = 0.5  # a word the engine gives less confidence than this is shown as rough

ALWAYS_FILLERS = frozenset({"um", "umm", "uh", "uhm", "er", "erm", "hmm", "hm", "mm"})
# Fillers only where set off from the sentence (by a pause, another filler, start or end).
CONTEXT_FILLERS: tuple[tuple[str, ...], ...] = (("you", "know"), ("basically",), ("like",))

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_VARIANT = re.compile(r"\(\d+\)$")  # "the(2)": the engine's second pronunciation


@dataclass(frozen=True, slots=True)
class SpokenWord:
    """A word as heard: its text, when it started and ended (seconds into the recording) and
    how sure the engine was (0 to 1)."""

    text: str
    start: float
    end: float
    confidence: float = 1.0

    @property
    def rough(self) -> bool:
        return self.confidence < ROUGH_BELOW


@dataclass(frozen=True, slots=True)
class Pause:
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Delivery:
    """What the audio alone shows, from its stretches of voice."""

    seconds: float  # the whole recording
    voiced: tuple[tuple[float, float], ...]  # stretches of voice, gaps under PAUSE_MIN joined

    @property
    def heard(self) -> bool:
        return bool(self.voiced)

    @property
    def first_word(self) -> float | None:
        """Seconds from the start of the answer to the first voice."""
        return self.voiced[0][0] if self.voiced else None

    @property
    def pauses(self) -> tuple[Pause, ...]:
        return tuple(Pause(a[1], b[0]) for a, b in zip(self.voiced, self.voiced[1:], strict=False)
                     if b[0] - a[1] >= PAUSE_MIN)

    @property
    def long_pauses(self) -> tuple[Pause, ...]:
        return tuple(p for p in self.pauses if p.seconds > LONG_PAUSE)

    @property
    def longest_pause(self) -> float:
        return max((p.seconds for p in self.pauses), default=0.0)

    @property
    def speaking_seconds(self) -> float:
        """From the first voice to the last, less the long pauses."""
        if not self.voiced:
            return 0.0
        span = self.voiced[-1][1] - self.voiced[0][0]
        return max(0.0, span - sum(p.seconds for p in self.long_pauses))


def delivery(voiced: Iterable[tuple[float, float]], seconds: float) -> Delivery:
    """A Delivery from stretches of voice (any order; overlaps and short gaps joined)."""
    joined: list[tuple[float, float]] = []
    for start, end in sorted((float(s), float(e)) for s, e in voiced if e > s):
        if joined and start - joined[-1][1] < PAUSE_MIN:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return Delivery(float(seconds), tuple(joined))


def normalise(word: str) -> str:
    """The engine's spelling of a word, as a person reads it: "the(2)" is "the"."""
    return _VARIANT.sub("", word.strip().lower())


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


def words_per_minute(word_count: int, speaking_seconds: float) -> float | None:
    """Words a minute over the speaking time; None when too little was said to tell."""
    if word_count < 1 or speaking_seconds < 1.0:
        return None
    return word_count * 60.0 / speaking_seconds


def per_minute(count: int, speaking_seconds: float) -> float | None:
    return None if speaking_seconds < 1.0 else count * 60.0 / speaking_seconds


@dataclass(frozen=True, slots=True)
class Filler:
    """A filler found at word `index` (and `length` words from there, for "you know")."""

    index: int
    length: int
    text: str


def find_fillers(words: Sequence[str], breaks: Sequence[bool]) -> list[Filler]:
    """The fillers among `words`; `breaks[i]` says whether word i is set off from the word
    before it (a pause, a comma); `len(breaks) == len(words)`. The start and the end of the
    answer set words off too."""
    words = [normalise(w) for w in words]
    found: list[Filler] = []
    always = [w in ALWAYS_FILLERS for w in words]
    i = 0
    while i < len(words):
        if always[i]:
            found.append(Filler(i, 1, words[i]))
            i += 1
            continue
        for phrase in CONTEXT_FILLERS:
            n = len(phrase)
            if tuple(words[i:i + n]) != phrase:
                continue
            if any(breaks[i + k] for k in range(1, n)):
                continue  # "you. know": not one phrase
            before = i == 0 or breaks[i] or always[i - 1]
            after = i + n >= len(words) or breaks[i + n] or always[i + n]
            if before and after:
                found.append(Filler(i, n, " ".join(phrase)))
                i += n - 1
                break
        i += 1
    return found


def timed_breaks(words: Sequence[SpokenWord]) -> list[bool]:
    """Which words follow a pause of PAUSE_MIN or more (the first one always does)."""
    return [i == 0 or w.start - words[i - 1].end >= PAUSE_MIN for i, w in enumerate(words)]


def text_fillers(text: str) -> list[Filler]:
    """Fillers in a typed or punctuated text: commas and sentence ends set words off."""
    words: list[str] = []
    breaks: list[bool] = []
    for chunk in re.split(r"[,.;:!?\n—–]+", text):
        chunk_words = tokens(chunk)
        for k, word in enumerate(chunk_words):
            words.append(word)
            breaks.append(k == 0)
    return find_fillers(words, breaks)


def spoken_phrases(text: str) -> dict[str, list[str]]:
    """Hedges and apologetic phrases in what was said, from the feedback rules' patterns."""
    return {"hedges": [m.group(0) for m in HEDGES.finditer(text)],
            "apologetic": [m.group(0) for m in APOLOGETIC.finditer(text)]}


# What of the written answer was said --------------------------------------------------

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself
yourselves really then still even much many one two get got go went make made take took
like know think thing things way well lot also able back time within without across
around upon among onto toward towards""".split())
STEM = 5  # words agreeing in their first five letters count as the same ("worked", "working")
COVERED_SHARE = 0.34  # a part is covered when a third of its content words were said


def content_stems(text: str) -> list[str]:
    """The content words of `text` (no stopwords, three letters or more), as stems, in order
    of first use, each once."""
    seen: dict[str, None] = {}
    for word in tokens(text):
        if len(word) >= 3 and word not in STOPWORDS and not word.isdigit():
            seen.setdefault(word[:STEM], None)
    return list(seen)


@dataclass(frozen=True, slots=True)
class PartCoverage:
    key: str
    label: str
    said: tuple[str, ...]  # content words of the part heard in the answer
    missed: tuple[str, ...]  # content words of the part not heard (as written)
    share: float = field(default=0.0)

    @property
    def covered(self) -> bool:
        return self.share >= COVERED_SHARE


def coverage(parts: dict[str, str], structure: str, heard: Iterable[str]) -> list[PartCoverage]:
    """For each non-empty part of the written answer: which of its content words were
    heard. Keyword spotting, not understanding: a part said in other words shows as missed,
    so the review calls it "not heard", never "forgotten"."""
    heard_stems = {normalise(w)[:STEM] for w in heard}
    found: list[PartCoverage] = []
    for key in get_structure(structure).keys:
        text = parts.get(key, "")
        written: dict[str, str] = {}
        for word in tokens(text):
            stem = word[:STEM]
            if len(word) >= 3 and word not in STOPWORDS and not word.isdigit():
                written.setdefault(stem, word)
        if not written:
            continue
        said = tuple(w for s, w in written.items() if s in heard_stems)
        missed = tuple(w for s, w in written.items() if s not in heard_stems)
        found.append(PartCoverage(key, part_label(key), said, missed, len(said) / len(written)))
    return found


# The whole review of one spoken answer -----------------------------------------------------

@dataclass(frozen=True)
class SpokenReview:
    delivery: Delivery
    words: tuple[SpokenWord, ...] = ()
    transcribed: bool = False
    pace_wpm: int = 140

    @property
    def transcript(self) -> str:
        return " ".join(normalise(w.text) for w in self.words)

    @property
    def word_count(self) -> int:
        return len(self.words)

    @property
    def wpm(self) -> float | None:
        if not self.transcribed:
            return None
        return words_per_minute(self.word_count, self.delivery.speaking_seconds)

    @property
    def fillers(self) -> list[Filler]:
        return find_fillers([w.text for w in self.words], timed_breaks(self.words))

    @property
    def fillers_per_minute(self) -> float | None:
        if not self.transcribed:
            return None
        return per_minute(sum(1 for _ in self.fillers), self.delivery.speaking_seconds)

    @property
    def rough_share(self) -> float:
        return (sum(w.rough for w in self.words) / len(self.words)) if self.words else 0.0

    def phrases(self) -> dict[str, list[str]]:
        return spoken_phrases(self.transcript)

    def coverage(self, parts: dict[str, str], structure: str) -> list[PartCoverage]:
        return coverage(parts, structure, (normalise(w.text) for w in self.words))

    def figures(self) -> dict[str, float | int | None]:
        """The figures stored with a recording and shown in history."""
        d = self.delivery
        wpm, fpm = self.wpm, self.fillers_per_minute
        return {
            "seconds": round(d.seconds, 2),
            "speaking_seconds": round(d.speaking_seconds, 2),
            "first_word_seconds": None if d.first_word is None else round(d.first_word, 2),
            "longest_pause_seconds": round(d.longest_pause, 2),
            "pauses": len(d.pauses),
            "long_pauses": len(d.long_pauses),
            "word_count": self.word_count if self.transcribed else None,
            "wpm": None if wpm is None else round(wpm, 1),
            "fillers": len(self.fillers) if self.transcribed else None,
            "fillers_per_minute": None if fpm is None else round(fpm, 2),
        }


def pace_word(wpm: float | None, pace_wpm: int, *, band: int = 15) -> str:
    """"on pace", "fast" or "slow" against the user's pace (± `band` words a minute)."""
    if wpm is None:
        return ""
    if wpm > pace_wpm + band:
        return "fast"
    if wpm < pace_wpm - band:
        return "slow"
    return "on pace"

