"""The rank-order list: every program in the order the user will certify it.

Programs never placed come after the placed ones, best score first. Moving one writes the
whole order, so positions are always 1..n without gaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossiers.impressions import Impression, get_impression
from dossiers.programs import Program, list_programs

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class RankEntry:
    position: int  # 1-based, as shown
    program: Program
    impression: Impression

    @property
    def note(self) -> str:
        """A line to decide by: the best moment, then red flags, then culture."""
        i = self.impression
        parts = []
        if i.best_moment.strip():
            parts.append(f"+ {' '.join(i.best_moment.split())}")
        if i.red_flags.strip():
            parts.append(f"! {' '.join(i.red_flags.split())}")
        if not parts and i.culture.strip():
            parts.append(" ".join(i.culture.split()))
        return "  ".join(parts)


def rank_order(db: Database) -> list[RankEntry]:
    programs = list_programs(db)
    impressions = {p.id: get_impression(db, p.id) for p in programs}
    placed = sorted((p for p in programs if p.rank_position is not None),
                    key=lambda p: (p.rank_position, p.name.casefold()))
    unplaced = sorted((p for p in programs if p.rank_position is None),
                      key=lambda p: (-(impressions[p.id].score or 0), p.name.casefold()))
    return [RankEntry(n, p, impressions[p.id]) for n, p in enumerate(placed + unplaced, 1)]


def set_rank_order(db: Database, program_ids: list[int]) -> None:
    """Place programs in this order (1..n); programs not listed keep their order after."""
    known = [e.program.id for e in rank_order(db)]
    ordered = [pid for pid in program_ids if pid in known]
    ordered += [pid for pid in known if pid not in ordered]
    with db.atomic():
        for position, pid in enumerate(ordered, 1):
            db.execute("update programs set rank_position = ? where id = ?", [position, pid])


def move_in_rank(db: Database, program_id: int, delta: int) -> int:
    """Move a program up (delta < 0) or down; returns its new 1-based position."""
    ids = [e.program.id for e in rank_order(db)]
    if program_id not in ids:
        raise ValueError(f"no program has the id {program_id}")
    index = ids.index(program_id)
    target = max(0, min(len(ids) - 1, index + delta))
    ids.insert(target, ids.pop(index))
    set_rank_order(db, ids)
    return target + 1


def rank_of(db: Database, program_id: int) -> int | None:
    """A program's place on the list (1-based)."""
    return next((e.position for e in rank_order(db) if e.program.id == program_id), None)
