"""Stories planned for a program: the links between the story bank (question_bank) and the
dossiers, composed here because the two domain packages never import each other.

`dossiers.plans` keeps the (program, story id) pairs; the stories live in the bank. These
functions read both, and the writer jobs keep them consistent (a deleted story is
forgotten by every program's plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossiers import plans
from dossiers.programs import get_program
from question_bank.stories import (
    EXPERIENCE_KINDS,
    competency_labels,
    delete_story,
    get_story,
    story_titles,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class PlannedStory:
    id: int
    title: str
    shows: str  # the competencies it shows, as labels
    source: str  # where it comes from


def planned_rows(db: Database, story_ids: list[int]) -> list[PlannedStory]:
    """The planned stories that still exist, in the order they were planned."""
    labels = competency_labels(db)
    rows = []
    for story_id in story_ids:
        story = get_story(db, story_id)
        if story is not None:
            kind = EXPERIENCE_KINDS.get(story.experience_kind, story.experience_kind)
            rows.append(PlannedStory(story.id, story.title,
                                     ", ".join(labels.get(c, c) for c in story.competencies),
                                     f"{kind}: {story.experience}" if story.experience
                                     else kind))
    return rows


def set_planned(db: Database, program_id: int, story_ids: list[int]) -> list[int]:
    """Plan exactly these stories for the program (a writer job): new ones are added after
    those already planned, unticked ones are forgotten. Returns the plan."""
    known = {story_id for story_id, _ in story_titles(db)}
    wanted = [s for s in dict.fromkeys(story_ids) if s in known]
    with db.atomic():
        for story_id in plans.planned_stories(db, program_id):
            if story_id not in wanted:
                plans.unplan_story(db, program_id, story_id)
        for story_id in wanted:
            plans.plan_story(db, program_id, story_id)
    return plans.planned_stories(db, program_id)


def programs_planning(db: Database, story_id: int) -> list[str]:
    """The names of the programs at which a story is planned, by name."""
    found = (get_program(db, pid) for pid in plans.programs_for_story(db, story_id))
    return sorted((p.name for p in found if p is not None), key=str.casefold)


def delete_story_and_plans(db: Database, story_id: int) -> None:
    """Delete a story and forget it in every program's plan (a writer job)."""
    with db.atomic():
        plans.forget_story(db, story_id)
        delete_story(db, story_id)


def titles_by_id(db: Database) -> dict[int, str]:
    """Every story's title by id (for exports that name the planned stories)."""
    return dict(story_titles(db))
