"""The master spreadsheet: one row per program with its next interview, readiness, score.

`overview` reads everything in a few queries; `sort_rows` and `filter_rows` order and
narrow the rows as the user asks, without going back to the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from dossiers.impressions import Impression, get_impression
from dossiers.interviews import Interview, list_interviews, overlaps
from dossiers.programs import Program, list_programs, matches
from dossiers.readiness import Readiness, readiness_all

if TYPE_CHECKING:
    from sqlite_utils import Database

SORTS: dict[str, str] = {
    "name": "Name",
    "next": "Next interview",
    "readiness": "Readiness",
    "score": "Score",
    "rank": "Rank",
}


@dataclass(frozen=True, slots=True)
class ProgramRow:
    program: Program
    interviews: tuple[Interview, ...]
    next_interview: Interview | None  # not yet over at `now`
    readiness: Readiness
    impression: Impression
    overlapping: bool  # one of its interview days overlaps another program's

    @property
    def id(self) -> int:
        return self.program.id

    @property
    def score(self) -> int | None:
        return self.impression.score

    @property
    def thank_you_sent(self) -> bool:
        return self.impression.thank_you_sent


def overview(db: Database, now: datetime) -> list[ProgramRow]:
    """Every program as a row of the master table, by name."""
    programs = list_programs(db)
    interviews = list_interviews(db)
    clashing = overlaps(interviews)
    ready = readiness_all(db)
    impressions = {r["program_id"]: get_impression(db, r["program_id"])
                   for r in db.query("select program_id from impressions")}
    by_program: dict[int, list[Interview]] = {}
    for interview in interviews:
        by_program.setdefault(interview.program_id, []).append(interview)
    rows = []
    for p in programs:
        days = tuple(by_program.get(p.id, ()))
        coming = [i for i in days if i.ends_at > now]
        rows.append(ProgramRow(
            program=p, interviews=days, next_interview=coming[0] if coming else None,
            readiness=ready[p.id], impression=impressions.get(p.id, Impression(p.id)),
            overlapping=any(i.id in clashing for i in days),
        ))
    return rows


def sort_rows(rows: list[ProgramRow], key: str, *, reverse: bool = False) -> list[ProgramRow]:
    """Rows by name, next interview, readiness, score or rank; empty values always last."""
    by_name = sorted(rows, key=lambda r: r.program.name.casefold())
    if key == "name":
        return list(reversed(by_name)) if reverse else by_name

    def value(row: ProgramRow) -> float | None:
        if key == "next":
            return row.next_interview.starts_at.timestamp() if row.next_interview else None
        if key == "readiness":
            return row.readiness.fraction
        if key == "score":
            return row.score
        if key == "rank":
            return row.program.rank_position
        raise ValueError(f"unknown sort {key!r}")

    present = [(v, r) for r in by_name if (v := value(r)) is not None]
    absent = [r for r in by_name if value(r) is None]
    # Scores read best first; readiness least ready first (what to finish); dates soonest.
    descending = key == "score"
    present.sort(key=lambda pair: pair[0], reverse=descending != reverse)
    return [r for _, r in present] + absent


def filter_rows(rows: list[ProgramRow], query: str) -> list[ProgramRow]:
    """Rows whose program names (any of them), city or state hold every word typed."""
    if not query.strip():
        return rows
    return [r for r in rows if matches(r.program, query)]
