"""Feedback on an answer, offline and explainable: rules as data plus small functions.

Each rule has an id, a title, a one-line explanation and a check; a check returns
findings, each naming the words it matched. `assess` runs every rule that applies.
Nothing here is a score: each finding says what it saw and why it matters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from question_bank.structures import (
    PACE_DEFAULT,
    format_duration,
    get_structure,
    spoken_seconds,
    structure_words,
)

# One length rule for the whole app (the feedback panel and the editor's meter): spoken at
# the user's pace, an answer within a quarter of its target is on target.
SHORT_RATIO = 0.75  # under 75 % of the target is too short
LONG_RATIO = 1.25  # over 125 % is too long
WE_MIN, WE_RATIO = 3, 2  # "we" at least 3 times and more than twice as often as "I"
WHY_PROGRAM_MIN_WORDS = 15


@dataclass(frozen=True, slots=True)
class FeedbackInput:
    """What the rules look at: the question, the answer's parts, the target and pace."""

    question_text: str
    category: str
    tags: tuple[str, ...]
    structure: str
    parts: dict[str, str] = field(hash=False)
    target_seconds: int = 90
    pace_wpm: int = PACE_DEFAULT
    program_names: tuple[str, ...] = ()  # names the "why this program" rule accepts
    # The program a version is named for, when the applicant signaled it: its name, the
    # signal ("gold" or "silver") and the reasons in its dossier, for the consistency rule.
    signaled_program: str = ""
    signal: str = ""
    dossier_reasons: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        return structure_words(self.parts, self.structure)

    @property
    def text(self) -> str:
        return "\n\n".join(self.parts.get(k, "") for k in get_structure(self.structure).keys)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    message: str  # what was seen, in one line
    matched: tuple[str, ...] = ()
    part: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    explanation: str
    check: Callable[[FeedbackInput], list[Finding]]


def _phrases(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’])(?:" + "|".join(patterns) + r")(?![\w'’])", re.IGNORECASE)


def _tally(found: list[str]) -> tuple[str, ...]:
    """“um” ×3, “like”: the words matched, each once (as first written), with a count."""
    counts = Counter(f.casefold() for f in found)
    first: dict[str, str] = {}
    for f in found:
        first.setdefault(f.casefold(), f)
    return tuple(f"“{first[w]}” ×{n}" if n > 1 else f"“{first[w]}”" for w, n in counts.items())


# The end of a sentence, but not of a title or a common abbreviation ("Dr. Patel", "3 a.m.").
_SENTENCE_END = re.compile(
    r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bSt)(?<!\bvs)(?<!\be\.g)"
    r"(?<!\bi\.e)(?<!\ba\.m)(?<!\bp\.m)[.!?]+(?:\s+|$)|\n\s*\n"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# Length ----------------------------------------------------------------------------------

def length_verdict(words: int, pace_wpm: int, target_seconds: int) -> str:
    """"short", "long" or "on target" by the length rule; "" when nothing is written."""
    if words == 0 or target_seconds <= 0:
        return ""
    seconds = spoken_seconds(words, pace_wpm)
    if seconds < target_seconds * SHORT_RATIO:
        return "short"
    if seconds > target_seconds * LONG_RATIO:
        return "long"
    return "on target"


def _check_length(inp: FeedbackInput) -> list[Finding]:
    n = inp.words
    verdict = length_verdict(n, inp.pace_wpm, inp.target_seconds)
    if verdict in ("", "on target"):
        return []
    seconds = spoken_seconds(n, inp.pace_wpm)
    seen = (f"{n} words", f"{format_duration(seconds)} at {inp.pace_wpm} wpm",
            f"target {format_duration(inp.target_seconds)}")
    if verdict == "short":
        return [Finding("length.short", "Too short for the target: say more of the "
                        "concrete story.", seen)]
    return [Finding("length.long", "Too long for the target: cut to what the question "
                    "asks.", seen)]


# Fillers ---------------------------------------------------------------------------------

# "kind of" / "sort of" as a hedge, not as in "this kind of case"
KIND_OF_HEDGE = (
    r"(?<!\bthis\s)(?<!\bthat\s)(?<!\bwhat\s)(?<!\bthe\s)(?<!\bany\s)(?<!\bsome\s)(?<!\bone\s)"
    r"(?<!\beach\s)(?<!\bsame\s)(?<!\bno\s)(?<!\bmy\s)(?<!\bour\s)(?<!\bits\s)(?<!\ba\s)"
    r"(?<!\bwhich\s)(?<!\bevery\s)(?:kind|sort) of")
# Words that soften what follows until it says little (heard in spoken answers).
HEDGES = _phrases(KIND_OF_HEDGE, r"I guess", r"I suppose", r"more or less", r"I'm not sure but",
                  r"I (?:just )?feel like")

FILLERS = _phrases(
    r"u+m+", r"u+h+", r"e+r+m+", r"basically", r"actually", r"literally",
    r"you know(?=\s*[,.;!?]|\s*$)", r"(?<=,\s)you know", r"(?<=^)you know",
    KIND_OF_HEDGE,
    # "like" as a filler: "it was, like, huge", "I was like, ..." (not "I like", "looks like")
    r"(?<=,\s)like(?=,)", r"(?<=^)like(?=,)", r"(?<=\bwas\s)like(?=\s*[,\"“])",
    r"(?<=\bwere\s)like(?=\s*[,\"“])", r"(?<=\bI'm\s)like(?=\s*[,\"“])",
)


def _check_fillers(inp: FeedbackInput) -> list[Finding]:
    found = []
    for key in get_structure(inp.structure).keys:
        text = inp.parts.get(key, "")
        for line in text.splitlines():
            found += [m.group(0) for m in FILLERS.finditer(line.strip())]
    if not found:
        return []
    return [Finding("filler", f"{len(found)} filler word{'s' if len(found) > 1 else ''}: "
                    "cut them; a pause sounds surer.", _tally(found))]


# Clichés ---------------------------------------------------------------------------------

CLICHES = _phrases(
    r"I (?:really )?(?:like|love|enjoy) (?:solving )?puzzles",
    r"I (?:really )?(?:like|love) technology",
    r"I(?: have|'ve| had) always wanted",
    r"ever since I was (?:a (?:little )?(?:kid|child|boy|girl)|young|little)",
    r"I(?: am|'m) a people person",
    r"I(?: am|'m) a perfectionist",
    r"I work too hard",
    r"passionate about helping (?:people|others)",
    r"I (?:just )?want(?:ed)? to help people",
    r"(?:a )?team player",
    r"passionate about (?:diagnostic |medical )?(?:radiology|imaging)",
)
CONCRETE_WITHIN = 2  # sentences after a cliché that may carry the concrete case
# A concrete case near a cliché excuses it: a number, a patient, a case, a modality...
CONCRETE = _phrases(
    r"\d[\d,.%]*", r"patients?", r"cases?", r"rotations?", r"electives?", r"scans?",
    r"CT", r"MRI", r"MR", r"PET", r"ultrasound", r"x-rays?", r"radiographs?", r"angiogram",
    r"biops(?:y|ies)", r"tumou?r board", r"for example", r"for instance", r"attending",
    r"consult", r"read(?:ing)? room", r"stroke", r"fracture", r"embolism", r"PE",
)


def _check_cliches(inp: FeedbackInput) -> list[Finding]:
    found = []
    for key in get_structure(inp.structure).keys:
        text = inp.parts.get(key, "")
        spans = _sentences(text)
        for m in CLICHES.finditer(text):
            index = next(i for i, (s, e) in enumerate(spans) if s <= m.start() < e)
            last = min(index + CONCRETE_WITHIN, len(spans) - 1)
            near = text[spans[index][0]:spans[last][1]]
            if not CONCRETE.search(near):
                found.append(m.group(0))
    if not found:
        return []
    return [Finding("cliche", "A phrase interviewers hear all day, with no concrete case "
                    "beside it: follow it with the case that shows it.", _tally(found))]


# Apologetic framing ----------------------------------------------------------------------

APOLOGETIC = _phrases(
    r"unfortunately", r"sorry", r"I apologi[sz]e", r"apologi[sz]e for",
    r"(?:I(?:'m| am| was)|as) (?:just|only|merely) an?",
    r"(?:just|only|merely) an? (?:IMG|foreign|international)(?: (?:graduate|student|doctor))?",
    r"I know (?:it|this) (?:looks|sounds|is) (?:bad|not ideal|weak)",
    r"(?:as )?(?:a|my|the) last resort",
    r"(?:couldn['’]t|could not|didn['’]t|did not) get in(?:to)?",
)


def _applies_apologetic(inp: FeedbackInput) -> bool:
    return (inp.category in ("img", "red-flag") or inp.structure == "red_flag"
            or "img" in inp.tags)


def _check_apologetic(inp: FeedbackInput) -> list[Finding]:
    if not _applies_apologetic(inp):
        return []
    found = [m.group(0) for m in APOLOGETIC.finditer(inp.text)]
    if not found:
        return []
    return [Finding("apologetic", "Apologetic framing: state the facts and what you built "
                    "from them, without asking for forgiveness.", _tally(found))]


# Parts -----------------------------------------------------------------------------------

def _check_empty_parts(inp: FeedbackInput) -> list[Finding]:
    structure = get_structure(inp.structure)
    if len(structure.parts) < 2 or inp.words == 0:
        return []
    return [Finding("part.empty", f"{p.label} is empty: {p.prompt}", (p.label,), p.key)
            for p in structure.parts if not inp.parts.get(p.key, "").strip()]


NUMBER_WORDS = _phrases(
    r"\d[\d,.%]*", r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty",
    r"thirty|forty|fifty|hundred|thousand|half|twice|double|triple|percent|dozen|several",
)
OUTCOME_WORDS = _phrases(
    r"improv\w*", r"reduc\w*", r"decreas\w*", r"increas\w*", r"pass(?:ed|ing)?", r"scored?",
    r"resolv\w*", r"recover\w*", r"discharg\w*", r"avoid\w*", r"prevent\w*", r"saved?",
    r"led to", r"resulted in", r"so that", r"now", r"since then", r"adopt\w*", r"publish\w*",
    r"accepted", r"present\w*", r"award\w*", r"complet\w*", r"fix\w*", r"became",
    r"changed", r"caught", r"diagnos\w*", r"treated", r"survived", r"thanked", r"praised",
    r"matched", r"honou?rs?", r"promot\w*", r"outcome", r"result(?:ed)?",
)


def _check_result(inp: FeedbackInput) -> list[Finding]:
    if "result" not in get_structure(inp.structure).keys:
        return []
    text = inp.parts.get("result", "").strip()
    if not text or NUMBER_WORDS.search(text) or OUTCOME_WORDS.search(text):
        return []
    opening = " ".join(text.split()[:8]) + ("…" if len(text.split()) > 8 else "")
    return [Finding("result.no-outcome", "The Result names no outcome and no number: say what "
                    "changed, and by how much.", (f"“{opening}”",), "result")]


WE_WORDS = _phrases(r"we", r"we're", r"we've", r"we'd", r"we'll", r"us", r"our", r"ours",
                    r"ourselves")
I_WORDS = re.compile(r"(?<![\w'’])(?:I|I'm|I've|I'd|I'll|me|my|mine|myself)(?![\w'’])")


def _check_we(inp: FeedbackInput) -> list[Finding]:
    structure = get_structure(inp.structure)
    part = next(filter(None, (structure.part(k) for k in ("action", "changed"))), None)
    if part is None:
        return []
    text = inp.parts.get(part.key, "")
    we = [m.group(0) for m in WE_WORDS.finditer(text)]
    i_count = len(I_WORDS.findall(text))
    if len(we) < WE_MIN or len(we) <= WE_RATIO * i_count:
        return []
    return [Finding("action.we", f"The {part.label} says “we” {len(we)} times and “I” "
                    f"{i_count}: say what you did yourself.", _tally(we) + (f"“I” ×{i_count}",),
                    part.key)]


# Why this program ------------------------------------------------------------------------

GENERIC_PRAISE = _phrases(
    r"(?:great|good|strong|excellent|outstanding) reputation", r"(?:strong|excellent|great) "
    r"(?:teaching|training|education)", r"diverse (?:pathology|patient population|cases)",
    r"(?:great|excellent|amazing|supportive) (?:faculty|residents|environment|culture|program)",
    r"state[- ]of[- ]the[- ]art", r"high (?:case )?volume", r"good fit", r"strong research",
    r"well[- ]rounded",
)
COMMON_CAPITALS = {
    "i", "i'm", "i've", "i'd", "i'll", "us", "u.s", "usa", "img", "imgs", "md", "do", "pgy",
    "step", "usmle", "ecfmg", "eras", "nrmp", "ct", "mri", "mr", "pet", "ai", "ir", "ed",
    "er", "icu", "english", "american", "america", "radiology", "dr", "the", "my", "your",
    "our", "this", "and", "also",
}


def _is_why_program(inp: FeedbackInput) -> bool:
    return "why-program" in inp.tags or (
        inp.category == "why"
        and re.search(r"\b(?:our|this|your) (?:program|department|institution|hospital)\b",
                      inp.question_text, re.IGNORECASE) is not None)


def _specifics(text: str, program_names: tuple[str, ...]) -> list[str]:
    found = [name for name in program_names if name and name.casefold() in text.casefold()]
    found += re.findall(r"\d[\d,.%]*", text)
    for start, end in _sentences(text):
        tokens = re.findall(r"[\w'’./-]+", text[start:end])
        for token in tokens[1:]:  # the first word of a sentence is capitalised anyway
            if token[:1].isupper() and token.strip(".").casefold() not in COMMON_CAPITALS:
                found.append(token.strip("."))
    return found


def _check_why_program(inp: FeedbackInput) -> list[Finding]:
    if not _is_why_program(inp) or inp.words < WHY_PROGRAM_MIN_WORDS:
        return []
    if _specifics(inp.text, inp.program_names):
        return []
    generic = [m.group(0) for m in GENERIC_PRAISE.finditer(inp.text)]
    seen = _tally(generic) if generic else ("no names, places or numbers",)
    return [Finding("why-program.generic", "Nothing here is specific to the program: name a "
                    "rotation, a person, a fellowship, a fact only they have.", seen)]


# A signaled program's answer and its dossier -----------------------------------------

_REASON_STOP = frozenset((
    "about", "also", "and", "are", "because", "been", "every", "from", "good", "great",
    "have", "into", "it's", "its", "really", "that", "their", "them", "they", "this", "very",
    "were", "what", "when", "where", "which", "with", "year", "years", "your", "program",
    "programs", "programme", "resident", "residents", "residency", "radiology",
))


def _content_words(text: str) -> set[str]:
    """The words of a text that carry its meaning, cut to six letters ("neuroradiology"
    and "neuroradiologist" meet), small and common words left out."""
    return {w.casefold()[:6] for w in re.findall(r"[^\W_][\w'’]*", text)
            if len(w) >= 4 and w.casefold() not in _REASON_STOP}


def _echoes(reason: str, said: set[str]) -> bool:
    words = _content_words(reason)
    return not words or len(words & said) >= (1 if len(words) <= 3 else 2)


def _check_signal_reasons(inp: FeedbackInput) -> list[Finding]:
    if (inp.signal not in ("gold", "silver") or not inp.dossier_reasons
            or not _is_why_program(inp) or inp.words < WHY_PROGRAM_MIN_WORDS):
        return []
    said = _content_words(inp.text)
    if any(_echoes(reason, said) for reason in inp.dossier_reasons):
        return []
    quoted = tuple(f"“{r if len(r) <= 40 else r[:40].rsplit(' ', 1)[0] + '…'}”"
                   for r in inp.dossier_reasons)
    return [Finding("signal-reasons", f"You sent {inp.signaled_program} a {inp.signal} signal, "
                    "but this answer gives none of the reasons in its dossier: say why you "
                    "signaled them.", quoted)]


RULES: tuple[Rule, ...] = (
    Rule("length", "Spoken length",
         "Spoken at your pace, the answer should land within a quarter of the question's "
         "target (75% to 125% of it).",
         _check_length),
    Rule("filler", "Filler words",
         "“um”, “uh”, “like”, “you know”, “basically”, “actually”, “kind of” weaken an answer.",
         _check_fillers),
    Rule("cliche", "Clichés",
         "Lines every interviewer hears (“I like puzzles”, “passionate about radiology”) need "
         "a concrete case in the next sentences.",
         _check_cliches),
    Rule("apologetic", "Apologetic framing",
         "On IMG and red-flag questions, own the facts: no “unfortunately”, “sorry”, “just a”, "
         "“last resort”, “couldn't get into”.",
         _check_apologetic),
    Rule("part.empty", "Empty part",
         "Every part of the structure carries weight; an empty one leaves a hole in the story.",
         _check_empty_parts),
    Rule("result.no-outcome", "Result without outcome",
         "A Result should say how it ended: an outcome, a number, what changed.",
         _check_result),
    Rule("action.we", "“We” more than “I”",
         "The interviewer is hiring you: the Action should say what you did.",
         _check_we),
    Rule("why-program.generic", "Nothing program-specific",
         "A “why this program” answer must name things only this program has.",
         _check_why_program),
    Rule("signal-reasons", "Signal without its reasons",
         "An answer for a program you signaled should give the reasons in its dossier.",
         _check_signal_reasons),
)


def rule(rule_id: str) -> Rule:
    """The rule a finding came from (`length.short` belongs to `length`)."""
    for r in RULES:
        if rule_id == r.id or rule_id.startswith(r.id + "."):
            return r
    raise KeyError(rule_id)


def assess(inp: FeedbackInput) -> list[Finding]:
    """Every finding of every rule, in the order of `RULES`."""
    findings: list[Finding] = []
    for r in RULES:
        findings.extend(r.check(inp))
    return findings

