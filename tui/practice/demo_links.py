"""Sample links between the parts for `matchprep demo` (runs after the other fillers):
stories planned for programs, a "why I fit" reason and a faculty member for the interview
tomorrow, its rehearsal cards (one already reviewed), an answer version named for that
program, and a program round in the mock history."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from dossiers import people, plans, programs
from dossiers.interviews import list_interviews
from question_bank import drill, mock
from question_bank.answers import create_answer
from question_bank.mock_formats import PROGRAM, limit_for
from question_bank.questions import get_question
from question_bank.stories import story_titles
from tui.practice.mock_plan import build_plan
from tui.practice.mock_setup import setup_for
from tui.practice.program_cards import sync_program_cards
from tui.practice.program_material import KIND, program_material

if TYPE_CHECKING:
    from sqlite_utils import Database

FIT = "My two years reading [ED] night films 🚑 in Tucson [/] fit their early independent call"
VERSION_LABEL = "For Desert Valley [PET/MR] 🩻 [/]"
VERSION_TEXT = ("Desert Valley's ED volume and early independent call are what I trained for: "
                "two years of night shifts in Tucson. Dr. Hannah Lee told residents to own "
                "their reads from PGY-2, and the new ED CT means I would learn on 120 scans a "
                "night. My family is in Tucson, so I would stay in Arizona after training.")


def _program(db: Database, part: str) -> programs.Program | None:
    return next((p for p in programs.list_programs(db) if part in p.name), None)


def populate(db: Database, *, now: datetime | None = None) -> None:
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    desert, lakeshore = _program(db, "Desert Valley"), _program(db, "Lakeshore")
    stories = [story_id for story_id, _ in story_titles(db)]
    if desert is None or get_question(db, "why.why-this-program") is None:
        return  # the other fillers did not run: nothing to link
    with db.atomic():
        programs.set_reasons(db, desert.id, "fit", [FIT])
        people.add_person(db, desert.id, "Dr. Marco Ruiz", "faculty",
                          "ED imaging lead; runs the Thursday night-read review")
        for story_id in stories[:2]:
            plans.plan_story(db, desert.id, story_id)
        if lakeshore is not None and stories:
            plans.plan_story(db, lakeshore.id, stories[0])
        create_answer(db, "why.why-this-program", structure="outline",
                      parts={"outline": VERSION_TEXT}, label=VERSION_LABEL,
                      make_current=False, now=now - timedelta(hours=3))
    sync_program_cards(db, now)
    first = program_material(db, desert.id)[0]  # reviewed this morning, in its window
    day = next(d for d in list_interviews(db, desert.id) if d.starts_at > now)
    if day.starts_at - now < drill.DEFAULT_WINDOW:
        drill.review(db, KIND, first.ref, "good", now - timedelta(minutes=20))
    _program_round(db, desert.name, now - timedelta(hours=5))


def _program_round(db: Database, name: str, started: datetime) -> None:
    """A program round run this morning, reviewed and rated."""
    setup = replace(setup_for(PROGRAM.id), program=name, questions=5)
    plan = build_plan(db, setup, rng=random.Random(5))
    session_id = mock.create_session(
        db, format=PROGRAM.id, prompts=plan.prompts, started_at=started, program=name,
        think_seconds=setup.think_seconds, planned_seconds=plan.seconds, star_budgets=True)
    at = started
    rng = random.Random(11)
    for position, prompt in enumerate(plan.prompts):
        speak = limit_for(prompt, PROGRAM) * rng.uniform(0.7, 1.2)
        at += timedelta(seconds=setup.think_seconds + speak + 5)
        mock.record_item(db, session_id, position, think_seconds=setup.think_seconds,
                         speak_seconds=speak, outcome="answered", at=at)
    mock.finish_session(db, session_id, ended_at=at)
    for item, rating in zip(mock.session_items(db, session_id), (3, 2, 3, 4, 3), strict=False):
        mock.rate_item(db, item.id, rating, at)
