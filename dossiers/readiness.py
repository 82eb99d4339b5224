"""How ready a dossier is: which parts are done, which are missing, and the fraction.

Eleven parts, each named, so the user sees exactly what to finish before the interview.
`readiness_all` reads every program's facts in a few queries (for the master table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dossiers.asks import AIM
from dossiers.programs import Program, get_program, list_programs

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class Gap:
    key: str  # basics, size, strengths, director, faculty, teaching, img, why, fit, asks, logistics
    label: str
    detail: str  # what is missing, in a few words


@dataclass(frozen=True, slots=True)
class Readiness:
    done: tuple[str, ...]
    missing: tuple[Gap, ...]

    @property
    def total(self) -> int:
        return len(self.done) + len(self.missing)

    @property
    def fraction(self) -> float:
        return len(self.done) / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def percent(self) -> int:
        return round(self.fraction * 100)


@dataclass
class Facts:
    """What readiness looks at, for one program."""

    program: Program
    roles: list[str] = field(default_factory=list)
    faculty_notes: int = 0
    why: int = 0
    fit: int = 0
    asks: int = 0
    interviews: int = 0
    logistics_done: int = 0  # interview days with a platform and a link (or in person)


def _the(names: list[str]) -> str:
    """"the type", "the city and the state": what a part still needs, in words."""
    named = [f"the {n}" for n in names]
    return " and ".join(named) if len(named) < 3 else f"{', '.join(named[:-1])} and {named[-1]}"


def assess(f: Facts) -> Readiness:
    p = f.program
    checks: list[tuple[str, str, bool, str]] = [
        ("basics", "Basics", bool(p.city and p.state and p.type),
         _the([n for n, v in (("city", p.city), ("state", p.state), ("type", p.type))
               if not v])),
        ("size", "Size", p.residents_per_year is not None, "residents per year"),
        ("strengths", "Strengths", bool(p.strengths.strip()), "the program's strengths"),
        ("director", "Program director", "pd" in f.roles, "the program director's name"),
        ("faculty", "Faculty", f.faculty_notes > 0,
         "a faculty member whose interests overlap yours, with a note"),
        ("teaching", "Facilities and teaching",
         bool(p.facilities.strip() and (p.conferences.strip() or p.call_structure.strip())),
         "facilities, and conferences or call"),
        ("img", "IMG-friendliness",
         p.visa != "unknown" and bool(p.img_residents.strip() or p.img_statements.strip()),
         "visa sponsorship, and IMG residents or statements"),
        ("why", "Why this program", f.why >= 2, f"{f.why} of 2-3 reasons"),
        ("fit", "Why I fit", f.fit >= 1, "1-2 reasons"),
        ("asks", "Questions to ask", f.asks >= AIM[0], f"{f.asks} of {AIM[0]}-{AIM[1]}"),
        ("logistics", "Interview logistics", f.interviews > 0 and f.logistics_done == f.interviews,
         "an interview day" if not f.interviews else "platform and link for each day"),
    ]
    done = tuple(label for _, label, ok, _ in checks if ok)
    missing = tuple(Gap(key, label, detail) for key, label, ok, detail in checks if not ok)
    return Readiness(done, missing)


def _facts(db: Database, programs: list[Program]) -> dict[int, Facts]:
    facts = {p.id: Facts(p) for p in programs}
    if not facts:
        return facts
    for r in db.query("select program_id, role, note from program_people"):
        if r["program_id"] in facts:
            f = facts[r["program_id"]]
            f.roles.append(r["role"])
            if r["role"] in ("faculty", "chair", "apd") and r["note"].strip():
                f.faculty_notes += 1
    for r in db.query("select program_id, kind, count(*) as n from program_reasons "
                      "group by program_id, kind"):
        if r["program_id"] in facts:
            setattr(facts[r["program_id"]], r["kind"], r["n"])
    for r in db.query("select program_id, count(*) as n from program_questions "
                      "group by program_id"):
        if r["program_id"] in facts:
            facts[r["program_id"]].asks = r["n"]
    for r in db.query("select program_id, platform, link from interviews"):
        if r["program_id"] in facts:
            f = facts[r["program_id"]]
            f.interviews += 1
            if r["platform"] == "in-person" or (r["platform"] and r["link"].strip()):
                f.logistics_done += 1
    return facts


def readiness(db: Database, program_id: int) -> Readiness | None:
    """A program's readiness; None when there is no such program."""
    program = get_program(db, program_id)
    return program_readiness(db, program) if program is not None else None


def program_readiness(db: Database, program: Program) -> Readiness:
    return assess(_facts(db, [program])[program.id])


def readiness_all(db: Database) -> dict[int, Readiness]:
    """Every program's readiness, by program id."""
    return {pid: assess(f) for pid, f in _facts(db, list_programs(db)).items()}


def summary(r: Readiness) -> str:
    """One line: "8/11 ready · missing: Questions to ask, Why I fit"."""
    if r.complete:
        return f"{len(r.done)}/{r.total} ready"
    gaps = ", ".join(g.label for g in r.missing)
    return f"{len(r.done)}/{r.total} ready · missing: {gaps}"
