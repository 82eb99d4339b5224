"""What a drill session serves, in order: a program's cards due before its interview, the
bank questions due, then new questions from the categories chosen. Or, for "rehearse
before the interview", exactly one program's cards still to review before it.

Only questions that fit the applicant's profile are served or counted (a card of one that
no longer fits waits, and comes back if the profile changes).

Functions here read (in a worker thread, after the program cards are synced) or write
(`rate_turn`, a writer job); the screen only shows turns and passes ratings on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from question_bank import drill
from question_bank.categories import categories, category_label
from question_bank.drill import DrillCard
from question_bank.profile import current_profile
from question_bank.questions import Question
from question_bank.structures import format_duration
from tui.practice.program_cards import cards_to_rehearse, due_program_turns
from tui.practice.program_material import KIND, Material
from tui.practice.when import end_of_day, relative_when

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = (drill.QUESTION, KIND)


@dataclass
class Turn:
    """One card in the session: a bank question, or a piece of a program's material."""

    question: Question | None = None
    card: DrillCard | None = None  # None: a new question, never rated
    material: Material | None = None
    again: bool = False  # already brought back once this session

    @property
    def front(self) -> str:
        return self.question.text if self.question is not None else self._material().front

    @property
    def kind_ref(self) -> tuple[str, str]:
        if self.question is not None:
            return drill.QUESTION, self.question.id
        return KIND, self._material().ref

    def _material(self) -> Material:
        """The program material of a turn that is not a bank question."""
        if self.material is None:
            raise ValueError("a turn holds a bank question or a piece of program material")
        return self.material

    @property
    def is_new(self) -> bool:
        return self.card is None or self.card.is_new

    def facts(self, now: datetime) -> list[str]:
        """The line under the card: category and target, or the interview it is for."""
        if self.question is not None:
            q = self.question
            facts = [category_label(q.category), f"target {format_duration(q.target_seconds)}"]
        else:
            facts = ["Program material"]
            if self.card is not None and self.card.due_by is not None:
                facts.append(f"interview {relative_when(self.card.due_by, now)}")
        if self.card is not None and self.card.last_review is not None:
            facts.append(f"last practised {self.card.last_review.astimezone():%d %b}")
        return facts


@dataclass(frozen=True)
class DrillOutlook:
    """What the drill's start view shows: what is due today, when the next card is due, how
    many new questions each category has."""

    due: int  # bank questions due today
    program_due: int  # program cards due today
    programs: tuple[str, ...]  # the programs those cards belong to
    next_due: datetime | None
    new_by_category: dict[str, int]


def drill_outlook(db: Database, now: datetime) -> DrillOutlook:
    until = end_of_day(now)
    profile = current_profile(db)
    program_turns = due_program_turns(db, now, until)
    names = tuple(dict.fromkeys(t.material.program_name for t in program_turns))
    return DrillOutlook(
        due=len(drill.due_questions(db, now, until=until, fitting=profile)),
        program_due=len(program_turns), programs=names,
        next_due=drill.next_due(db, now, after=until, kinds=KINDS),
        new_by_category={c.id: drill.new_count(db, [c.id], fitting=profile)
                         for c in categories()},
    )


@dataclass(frozen=True)
class DueToday:
    """What Home says is due: questions that fit the profile, and program cards."""

    questions_today: int
    questions_now: int
    programs_today: int
    programs_now: int


def due_today(db: Database, now: datetime) -> DueToday:
    until = end_of_day(now)
    profile = current_profile(db)
    questions_today, questions_now = drill.due_question_counts(db, now, until=until,
                                                                fitting=profile)
    return DueToday(
        questions_today=questions_today,
        questions_now=questions_now,
        programs_today=drill.due_count(db, now, until=until, kinds=(KIND,)),
        programs_now=drill.due_count(db, now, kinds=(KIND,)),
    )


def build_queue(db: Database, now: datetime, chosen: list[str], new: int) -> list[Turn]:
    """Program cards due today (deadlines first), due questions, then `new` new ones; only
    questions that fit the applicant's profile."""
    until = end_of_day(now)
    profile = current_profile(db)
    turns = [Turn(card=t.card, material=t.material) for t in due_program_turns(db, now, until)]
    turns += [Turn(question=q, card=card)
              for q, card in drill.due_questions(db, now, until=until, fitting=profile)]
    if new and chosen:
        turns += [Turn(question=q)
                  for q in drill.new_questions(db, chosen, limit=new, fitting=profile)]
    return turns


def program_queue(db: Database, now: datetime, program_id: int) -> list[Turn]:
    """One program's cards still to review before its interview."""
    return [Turn(card=t.card, material=t.material)
            for t in cards_to_rehearse(db, now, program_id)]


def rate_turn(db: Database, kind: str, ref: str, rating: int, now: datetime,
              duration_ms: int) -> drill.Reviewed:
    """Rate the card behind a turn (a writer job)."""
    return drill.review(db, kind, ref, rating, now, duration_ms=duration_ms)
