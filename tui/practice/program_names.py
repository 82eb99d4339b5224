"""What counts as specific to a program, for the "why this program" feedback rule.

The answer editor hands `FeedbackInput.program_names` the names, other names, distinctive
words of the names, cities and people of the programs in the dossiers, so an answer
that names the program or its faculty is recognised as specific. An answer version
named for a program ("For Lakeshore") is held to that program's details alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossiers.errors import ProgramNotFound
from dossiers.people import list_people
from dossiers.programs import Program, find_program, get_reasons, list_programs
from dossiers.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

# Words of a program's name that say nothing about which program it is.
GENERIC = frozenset((
    "university", "medical", "medicine", "center", "centre", "college", "hospital",
    "hospitals", "health", "school", "of", "the", "and", "radiology", "radiologic",
    "diagnostic", "residency", "program", "programme", "department", "imaging", "regional",
    "institute", "clinic", "clinics", "system", "sciences", "general", "memorial",
    "community", "academic", "saint", "st",
))
LABEL_FILLER = frozenset(("for", "at", "to", "the", "version", "answer", "draft", "my", "v"))
MIN_WORD = 4  # shorter words match inside others ("IL" in "until")
TITLES = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms)\.?\s+", re.IGNORECASE)


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_][\w'’-]*", name)
            if len(w) >= MIN_WORD and fold(w) not in GENERIC]


def names_of(db: Database, program: Program) -> list[str]:
    """A program's names, their distinctive words, its city, and its people's names."""
    found = [program.name, *program.aliases]
    for name in list(found):
        found += _words(name)
    if len(program.city) >= MIN_WORD:
        found.append(program.city)
    for person in list_people(db, program.id) + list_people(db, program.id, "met"):
        full = TITLES.sub("", person.name).strip()
        found.append(full)
        last = full.split()[-1] if full.split() else ""
        if len(last) >= MIN_WORD:
            found.append(last)
    return found


def program_for_label(db: Database, label: str) -> Program | None:
    """The program an answer version is named for ("For Lakeshore", "Lakeshore UMC v2")."""
    words = [w for w in fold(label or "").split() if w not in LABEL_FILLER]
    if not words or all(w.isdigit() for w in words):
        return None  # "Answer 2" names no program
    text = f" {' '.join(words)} "
    named = [p for p in list_programs(db)
             if any(f" {fold(n)} " in text for n in (p.name, *p.aliases) if fold(n))]
    if len(named) == 1:  # a whole name in the label
        return named[0]
    for end in range(len(words), 0, -1):  # else the longest opening words naming one program
        query = " ".join(words[:end])
        if len(query) < MIN_WORD:
            break
        try:
            return find_program(db, query)
        except ProgramNotFound:
            continue
    return None


def feedback_names(db: Database, label: str = "") -> tuple[str, ...]:
    """The names the "why this program" rule accepts: the program the version is named for,
    or every program in the dossiers."""
    program = program_for_label(db, label) if label else None
    chosen = [program] if program is not None else list_programs(db)
    names: dict[str, None] = {}
    for p in chosen:
        names.update((n, None) for n in names_of(db, p) if n.strip())
    return tuple(names)


@dataclass(frozen=True)
class SignalContext:
    """A version named for a program the applicant signaled: what the consistency rule
    holds the answer to (`FeedbackInput.signaled_program`, `signal`, `dossier_reasons`)."""

    program: str
    signal: str
    reasons: tuple[str, ...]


def signal_context(db: Database, label: str) -> SignalContext | None:
    """The signal and dossier reasons of the program an answer version is named for, when
    the applicant signaled it and wrote down why; None otherwise."""
    program = program_for_label(db, label) if label else None
    if program is None or not program.signaled:
        return None
    reasons = tuple(get_reasons(db, program.id, "why") + get_reasons(db, program.id, "fit"))
    return SignalContext(program.name, program.signal, reasons) if reasons else None


def version_for_program(db: Database, question_id: str, program_name: str) -> int | None:
    """The answer to `question_id` named for the program called `program_name`, if any."""
    from question_bank.answers import answers_for_question

    wanted = fold(program_name)
    for answer in answers_for_question(db, question_id):
        program = program_for_label(db, answer.label)
        if program is not None and fold(program.name) == wanted:
            return answer.id
    return None
