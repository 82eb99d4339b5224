"""Mock interview formats and how each picks its questions (pure functions).

A format names the mix of categories it draws from, the tags it prefers, whether it
opens with an opener ("Tell me about yourself"), its default length and think time, and
a cap on each question's limit (a stress round keeps every answer short).

The questions come as `Prompt`s: anything that can be asked, with the card (`kind`,
`ref`) its rating goes to. Bank questions become prompts with `prompt_from_question`; a
format whose `pool` is not "bank" (a program round, drawn from one program's dossier) is
given its prompts by the part of the app that owns that material.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from question_bank.questions import Question

QUESTION_KIND = "question"
# Within a STAR answer: Situation and Task short, Action the longest, Result with the lesson.
STAR_BUDGET: tuple[tuple[str, float], ...] = (
    ("Situation", 0.15), ("Task", 0.10), ("Action", 0.50), ("Result", 0.25),
)
MIN_LIMIT = 10


@dataclass(frozen=True, slots=True)
class Prompt:
    kind: str | None
    ref: str | None
    text: str
    category: str
    structure: str
    target_seconds: int
    guidance: str = ""
    tags: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()  # lines shown under the question (your questions to ask)


def prompt_from_question(question: Question) -> Prompt:
    return Prompt(QUESTION_KIND, question.id, question.text, question.category,
                  question.structure, question.target_seconds, question.guidance, question.tags)


@dataclass(frozen=True, slots=True)
class MockFormat:
    id: str
    label: str
    summary: str
    questions: int  # default number of questions
    minutes: int  # default total time, when the session is planned by time
    think_seconds: int
    mix: tuple[tuple[str, int], ...]  # (category, weight); an empty mix takes every category
    tags: tuple[str, ...] = ()  # preferred within a category
    opener: bool = False
    limit_cap: int | None = None  # no answer limit above this many seconds
    needs_program: bool = False
    pool: str = "bank"  # where its prompts come from: "bank", or another part's pool


FACULTY = MockFormat(
    "faculty", "Faculty interview",
    "15–20 minutes with a faculty member: broad, from your story and why radiology to "
    "behavioral, knowledge and red-flag questions.",
    questions=8, minutes=18, think_seconds=5, opener=True,
    mix=(("why", 2), ("behavioral", 3), ("img", 2), ("knowledge", 2), ("red-flag", 1),
         ("research", 1), ("intro", 1), ("ethics", 1), ("ir", 1), ("informatics", 1)),
)
RESIDENT = MockFormat(
    "resident", "Resident interview",
    "A conversation with residents: who you are, life outside work, teamwork, fit with "
    "the program and the city.",
    questions=6, minutes=12, think_seconds=5, opener=True,
    mix=(("intro", 3), ("why", 2), ("img", 1), ("behavioral", 1)),
    tags=("personal", "wellness", "teamwork", "goals", "why-program", "adaptability", "stress"),
)
STRESS = MockFormat(
    "stress", "Stress round",
    "Rapid-fire and challenging: red flags, knowledge and ethics, no think time, every "
    "answer capped at 45 seconds.",
    questions=10, minutes=8, think_seconds=0, limit_cap=45,
    mix=(("red-flag", 3), ("knowledge", 2), ("ethics", 2), ("behavioral", 2), ("img", 1),
         ("research", 1), ("improper", 1)),
)
IR = MockFormat(
    "ir", "IR interview",
    "An interventional radiology faculty interview: why IR, procedures you have seen, "
    "complications and patients, the pathway, with behavioral and knowledge questions.",
    questions=8, minutes=18, think_seconds=5, opener=True,
    mix=(("ir", 5), ("behavioral", 2), ("why", 1), ("knowledge", 1), ("ethics", 1)),
    tags=("ir", "procedures", "patient-care"),
)

PROGRAM = MockFormat(
    "program", "Program round",
    "Drawn from one program's dossier: why us and why you fit, what you know of its "
    "fellowships and strengths, its people, questions your planned stories answer, and at "
    "the end, your questions for them.",
    questions=8, minutes=15, think_seconds=5, opener=True, tags=("program",),
    mix=(("why", 4), ("behavioral", 2), ("intro", 1), ("img", 1), ("red-flag", 1),
         ("research", 1), ("knowledge", 1), ("ir", 1), ("informatics", 1), ("ethics", 1)),
    needs_program=True, pool="program",
)

# The formats offered, in order. The program round's prompts come from the pool "program",
# composed in the tui layer from a dossier and the bank (tui.practice.program_round).
FORMATS: dict[str, MockFormat] = {f.id: f for f in (FACULTY, RESIDENT, STRESS, IR, PROGRAM)}
CLOSER = "closer"  # a prompt tagged so ends the session (the program round's last question)


def limit_for(prompt: Prompt, fmt: MockFormat, fixed: int | None = None) -> int:
    """The answer limit: `fixed` if given, else the prompt's target (capped by the format)."""
    seconds = fixed if fixed else prompt.target_seconds
    if fmt.limit_cap and not fixed:
        seconds = min(seconds, fmt.limit_cap)
    return max(MIN_LIMIT, int(seconds))


def star_parts(limit: float) -> list[tuple[str, float, float]]:
    """The STAR parts of an answer of `limit` seconds: (part, starts at, ends at)."""
    parts, start = [], 0.0
    for name, share in STAR_BUDGET:
        end = start + share * limit
        parts.append((name, start, end))
        start = end
    return parts


def star_part_at(limit: float, elapsed: float) -> str | None:
    """The part the speaker should be on after `elapsed` seconds (None once past the limit)."""
    for name, start, end in star_parts(limit):
        if start <= elapsed < end:
            return name
    return None


def _weighted_order(mix: tuple[tuple[str, int], ...], length: int) -> list[str]:
    """Categories in a smooth weighted round robin: a weight-3 category comes three times as
    often as a weight-1 one, spread out rather than bunched."""
    current = {c: 0 for c, _ in mix}
    total = sum(w for _, w in mix)
    order = []
    for _ in range(length):
        for c, w in mix:
            current[c] += w
        best = max(mix, key=lambda cw: current[cw[0]])[0]
        current[best] -= total
        order.append(best)
    return order


def select_prompts(
    fmt: MockFormat,
    pool: Iterable[Prompt],
    *,
    count: int | None = None,
    seconds: int | None = None,
    think_seconds: int | None = None,
    fixed_limit: int | None = None,
    rng: random.Random | None = None,
    practised: Mapping[str, int] | None = None,
) -> list[Prompt]:
    """Pick a session's prompts: `count` of them, or as many as fit in `seconds` (answer
    limits plus think time; always at least one).

    Within each category, the least practised come first (`practised` counts by ref), then
    those with the format's preferred tags; ties are broken by `rng`. An opener leads when
    the format has one. Categories follow the format's mix.
    """
    rng = rng or random.Random()
    practised = practised or {}
    think = fmt.think_seconds if think_seconds is None else think_seconds
    pool = [p for p in pool if p.text.strip()]
    wanted = {c for c, w in fmt.mix if w > 0}
    if wanted:
        pool = [p for p in pool if p.category in wanted]

    def rank(p: Prompt) -> tuple[int, bool, float]:
        preferred = bool(set(p.tags) & set(fmt.tags))
        return (practised.get(p.ref or "", 0), not preferred, rng.random())

    ranked = sorted(pool, key=rank)
    by_category: dict[str, list[Prompt]] = {}
    for p in ranked:
        by_category.setdefault(p.category, []).append(p)

    budget = 0 if count else (seconds or 0)  # the seconds to fill, when no count is asked
    limit_count = None if budget else (count or fmt.questions)
    chosen: list[Prompt] = []
    used = 0

    def fits(p: Prompt) -> bool:
        if limit_count is not None:
            return len(chosen) < limit_count
        cost = limit_for(p, fmt, fixed_limit) + think
        return not chosen or used + cost <= budget

    def take(p: Prompt) -> None:
        nonlocal used
        chosen.append(p)
        used += limit_for(p, fmt, fixed_limit) + think
        by_category[p.category].remove(p)

    if fmt.opener:
        openers = [p for p in ranked if "opener" in p.tags]
        if openers and fits(openers[0]):
            take(openers[0])
    mix = fmt.mix or tuple((c, 1) for c in by_category)
    for category in _weighted_order(mix, len(ranked) * 2):
        if limit_count is not None and len(chosen) >= limit_count:
            break
        if not any(by_category.values()):
            break
        queue = by_category.get(category)
        if not queue:
            continue
        if fits(queue[0]):
            take(queue[0])
        elif limit_count is None:
            by_category[category] = []  # its next question does not fit in the time left
    return chosen


def planned_seconds(prompts: list[Prompt], fmt: MockFormat, *, think_seconds: int,
                    fixed_limit: int | None = None) -> int:
    return sum(limit_for(p, fmt, fixed_limit) + think_seconds for p in prompts)
