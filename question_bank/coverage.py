"""Coverage: the competencies set against the stories. Which competency has no story
yet, and which story carries too much (the only one for several competencies, or the one
that answers many questions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from question_bank.stories import Competency, competencies, competency_labels, list_stories

if TYPE_CHECKING:
    from sqlite_utils import Database

SOLE_LIMIT = 3  # a story that is the only one for this many competencies carries too much
USE_LIMIT = 6  # ... or one that answers this many questions


# Coverage --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CoverageRow:
    competency: Competency
    story_ids: tuple[int, ...]
    questions: int  # visible questions in the bank tagged with this competency


@dataclass(frozen=True, slots=True)
class StoryLoad:
    id: int
    title: str
    competencies: tuple[str, ...]
    questions: int
    answers: int
    sole_for: tuple[str, ...]  # competencies no other story shows
    reason: str  # why it carries too much; "" when it does not

    @property
    def overloaded(self) -> bool:
        return bool(self.reason)


@dataclass(frozen=True, slots=True)
class Coverage:
    rows: tuple[CoverageRow, ...]
    stories: tuple[StoryLoad, ...]

    @property
    def uncovered(self) -> list[Competency]:
        return [r.competency for r in self.rows if not r.story_ids]


def coverage(db: Database) -> Coverage:
    """Competencies against stories: which competency has no story, which story carries
    too much (the only story for several competencies, or used for many questions)."""
    stories = list_stories(db)
    labels = competency_labels(db)
    tagged = dict(db.execute(
        "select json_each.value, count(*) from questions q, json_each(q.tags) "
        "where q.hidden = 0 group by json_each.value").fetchall())
    rows = []
    for comp in competencies(db):
        ids = tuple(s.id for s in stories if comp.id in s.competencies)
        rows.append(CoverageRow(comp, ids, tagged.get(comp.id, 0)))
    sole: dict[int, list[str]] = {}
    for row in rows:
        if len(row.story_ids) == 1:
            sole.setdefault(row.story_ids[0], []).append(row.competency.id)
    loads = []
    for s in stories:
        only = tuple(sole.get(s.id, ()))
        reasons = []
        if len(only) >= SOLE_LIMIT:
            reasons.append("the only story for " + ", ".join(labels.get(c, c) for c in only))
        if s.questions >= USE_LIMIT:
            reasons.append(f"answers {s.questions} questions")
        loads.append(StoryLoad(s.id, s.title, s.competencies, s.questions, s.answers, only,
                               "; ".join(reasons)))
    return Coverage(tuple(rows), tuple(loads))
