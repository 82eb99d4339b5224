"""The programs a mock program round may be drawn from, and the one to offer first: the
program whose interview comes next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class ProgramChoices:
    names: list[str]
    next_name: str | None  # the program whose interview comes next

    def first_choice(self, wanted: str | None) -> str | None:
        """`wanted` if it is one of the programs, else the one interviewing next."""
        return wanted if wanted in self.names else self.next_name


def read_choices(db: Database, now: datetime) -> ProgramChoices:
    from dossiers.interviews import next_interview
    from dossiers.programs import list_programs

    coming = next_interview(db, now)
    return ProgramChoices([p.name for p in list_programs(db)],
                          coming.program_name if coming else None)
