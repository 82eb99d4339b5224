"""A whole dossier in one read: what the dossier screen, exports and mock interviews use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossiers import asks, impressions, interviews, people, plans, programs
from dossiers.asks import ProgramQuestion
from dossiers.impressions import Impression
from dossiers.interviews import Interview
from dossiers.people import Person
from dossiers.programs import Program
from dossiers.readiness import Readiness, program_readiness

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Dossier:
    program: Program
    why: list[str]  # "why this program" reasons (2-3)
    fit: list[str]  # "why I fit" reasons (1-2)
    people: list[Person]  # program director, faculty... (to know before)
    met: list[Person]  # met on the day
    asks: list[ProgramQuestion]
    interviews: list[Interview]
    clashes: dict[int, list[Interview]]  # this program's days that overlap others
    impression: Impression
    readiness: Readiness
    planned_stories: list[int]


def load_dossier(db: Database, program_id: int) -> Dossier | None:
    program = programs.get_program(db, program_id)
    if program is None:
        return None
    days = interviews.list_interviews(db, program_id)
    everything = interviews.overlaps(interviews.list_interviews(db))
    return Dossier(
        program=program,
        why=programs.get_reasons(db, program_id, "why"),
        fit=programs.get_reasons(db, program_id, "fit"),
        people=people.list_people(db, program_id),
        met=people.list_people(db, program_id, "met"),
        asks=asks.list_asks(db, program_id),
        interviews=days,
        clashes={d.id: everything[d.id] for d in days if d.id in everything},
        impression=impressions.get_impression(db, program_id),
        readiness=program_readiness(db, program),
        planned_stories=plans.planned_stories(db, program_id),
    )
