"""Which stories (by story id, owned by the question bank) the user plans to tell where.

Dossiers keeps only the pairs; the story bank owns the stories themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def planned_stories(db: Database, program_id: int) -> list[int]:
    """The story ids planned for a program, in the order they were planned."""
    return [r["story_id"] for r in db.query(
        "select story_id from planned_stories where program_id = ? order by rowid", [program_id])]


def planned_by_program(db: Database) -> dict[int, list[int]]:
    """Every program's planned story ids, each in `planned_stories`'s order (one query)."""
    found: dict[int, list[int]] = {}
    for program_id, story_id in db.execute(
            "select program_id, story_id from planned_stories order by program_id, rowid"):
        found.setdefault(program_id, []).append(story_id)
    return found


def plan_story(db: Database, program_id: int, story_id: int) -> None:
    db.execute("insert or ignore into planned_stories (program_id, story_id) values (?, ?)",
               [program_id, int(story_id)])


def unplan_story(db: Database, program_id: int, story_id: int) -> None:
    db.execute("delete from planned_stories where program_id = ? and story_id = ?",
               [program_id, int(story_id)])


def programs_for_story(db: Database, story_id: int) -> list[int]:
    """The programs at which a story is planned (e.g. before the story is deleted)."""
    return [r["program_id"] for r in db.query(
        "select program_id from planned_stories where story_id = ? order by program_id",
        [int(story_id)])]


def forget_story(db: Database, story_id: int) -> None:
    """Remove a deleted story from every program's plan."""
    db.execute("delete from planned_stories where story_id = ?", [int(story_id)])
