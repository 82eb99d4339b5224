"""Rehearsal aimed at each interview date: a program's material as drill cards.

Every piece of a program's material (`tui.practice.program_material`) is an FSRS card of kind
"program" with a deadline at the start of that program's next interview: the scheduler
brings it back so that it is reviewed within the 24 hours before, and it stops when the
interview begins. `sync_program_cards` keeps the cards in step with the dossiers (added,
changed and removed reasons, people, questions to ask and planned stories; a moved
interview day); it is a writer job, run before the cards are read (`ensure_synced`).
Cards are never deleted: material that is gone, or whose interview is over, stops, and
its reviews stay in the practice log.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from dossiers.interviews import Interview, list_interviews
from question_bank import drill
from tui.practice.program_material import (
    KIND,
    Material,
    material_for,
    material_refs,
    program_material,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tui.store.writer import Writer

LEARN_AHEAD = timedelta(days=7)  # new material first falls due a week before the interview
SYNC_TIMEOUT = 30


def next_days(db: Database, now: datetime) -> dict[int, Interview]:
    """Each program's next interview day that has not begun, soonest first."""
    found: dict[int, Interview] = {}
    for day in list_interviews(db):
        if day.starts_at > now and day.program_id not in found:
            found[day.program_id] = day
    return found


def sync_program_cards(db: Database, now: datetime) -> int:
    """Bring the program cards in step with the dossiers; return how many cards changed."""
    # Refs and deadlines only, read for every program at once: a card per material
    # object, read program by program, was 600 queries and 25-40 ms of the Home card's
    # read at 100 dossiers (the writer thread holding the interpreter meanwhile).
    days = next_days(db, now)
    refs = material_refs(db, list(days))
    wanted = {ref: day.starts_at for program_id, day in days.items()
              for ref in refs[program_id]}
    existing = drill.card_deadlines(db, KIND)
    changed = 0
    with db.atomic():
        for ref, starts in wanted.items():
            card = existing.get(ref)
            if card is None:
                drill.ensure_card(db, KIND, ref, now=now, due=max(now, starts - LEARN_AHEAD))
            if card is None or card.due_by != starts or card.stop_at != starts:
                drill.set_due_by(db, KIND, ref, starts, stop=True)
                changed += 1
        stale = [ref for ref, card in existing.items() if ref not in wanted and card.live(now)]
        changed += drill.retire_cards(db, KIND, stale, now)
    return changed


def ensure_synced(writer: Writer, now: datetime) -> Future[int]:
    """Hand a sync to the writer; a worker thread may wait on the future before reading."""
    return writer.submit(sync_program_cards, now)


@dataclass(frozen=True, slots=True)
class Rehearsal:
    """Where the user stands with one program's cards before its next interview."""

    program_id: int
    program_name: str
    interview: Interview
    total: int  # live cards aimed at this interview
    pending: int  # still to review within the 24 hours before it
    window_opens: datetime

    def window_open(self, now: datetime) -> bool:
        return self.window_opens <= now


def rehearsals(db: Database, now: datetime, *, limit: int = 3) -> list[Rehearsal]:
    """The programs whose interviews come next (up to `limit`), soonest first."""
    found = []
    for program_id, day in list(next_days(db, now).items())[:limit]:
        cards = [c for c in drill.cards_of(db, KIND, f"{program_id}/") if c.live(now)]
        pending = sum(1 for c in cards if c.deadline_pending(now))
        opens = day.starts_at - drill.DEFAULT_WINDOW
        found.append(Rehearsal(program_id, day.program_name, day, len(cards), pending, opens))
    return found


@dataclass(frozen=True, slots=True)
class ProgramTurn:
    card: drill.DrillCard
    material: Material


def cards_to_rehearse(db: Database, now: datetime, program_id: int) -> list[ProgramTurn]:
    """A program's cards still to review before its interview (all its live cards, if every
    one is already reviewed), in dossier order."""
    cards = {c.ref: c for c in drill.cards_of(db, KIND, f"{program_id}/") if c.live(now)}
    pending = {ref: c for ref, c in cards.items() if c.deadline_pending(now)} or cards
    return [ProgramTurn(pending[m.ref], m) for m in program_material(db, program_id)
            if m.ref in pending]


def due_program_turns(db: Database, now: datetime, until: datetime) -> list[ProgramTurn]:
    """Program cards due by `until`, pending deadlines first (as `drill.due` orders them)."""
    cards = drill.due(db, now, until=until, kinds=(KIND,))
    found = material_for(db, [c.ref for c in cards])
    return [ProgramTurn(c, found[c.ref]) for c in cards if c.ref in found]
