"""What a program asks the user to know before its interview, as rehearsal cards.

Composed from both domain packages (which never import each other): the dossier's
"why this program" and "why I fit" reasons, its people (name -> role and interests), the
questions the user chose to ask there, and the stories planned for it (from the story
bank). Each becomes one `Material`: a front that names the program and asks, a back
that holds the answer. The drill cards (`tui.practice.program_cards`) are keyed by `Material.ref`:

    "<program id>/why/<digest>"         a reason, by its text (reworded: new material)
    "<program id>/fit/<digest>"
    "<program id>/person/<id>-<digest>" a person to know, by name (a new note keeps the card)
    "<program id>/ask/<digest>"         a question to ask, by its text
    "<program id>/story/<id>-<digest>"  a story planned there, by title (its parts may change)

Ids alone would not do: SQLite gives a deleted row's id to the next one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossiers import asks, people, plans, programs

if TYPE_CHECKING:
    from sqlite_utils import Database

    from question_bank.stories import Story

KIND = "program"  # the drill cards' kind
PARTS = ("why", "fit", "person", "ask", "story")
AUDIENCES = {"pd-faculty": "the program director or faculty", "residents": "the residents",
             "img-support": "about IMG support"}


@dataclass(frozen=True, slots=True)
class Material:
    ref: str
    program_id: int
    program_name: str
    part: str  # one of PARTS
    front: str  # what the card asks, naming the program
    back: str  # the material itself (the user's own words)


def digest(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).casefold().encode()).hexdigest()[:12]


def program_of(ref: str) -> int | None:
    """The program id a card's ref belongs to (None for a ref of another shape)."""
    head, _, _ = ref.partition("/")
    return int(head) if head.isdigit() else None


def story_back(story: Story) -> str:
    """A story as the back of a card: its STAR parts, each under its label."""
    from question_bank.stories import STORY_PARTS

    lines = [f"{part.label}: {' '.join(story.parts.get(part.key, '').split())}"
             for part in STORY_PARTS if story.parts.get(part.key, "").strip()]
    return "\n".join(lines) or "(The story has no parts written yet: write them in Stories, 4.)"


def _reasons(program: programs.Program, kind: str, reasons: list[str]) -> list[Material]:
    question = "why this program?" if kind == "why" else "why do you fit there?"
    return [Material(f"{program.id}/{kind}/{digest(text)}", program.id, program.name, kind,
                     f"{program.name}: {question} (reason {n} of {len(reasons)})", text)
            for n, text in enumerate(reasons, 1)]


def _people(program: programs.Program, known: list[people.Person]) -> list[Material]:
    return [Material(f"{program.id}/person/{x.id}-{digest(x.name)}", program.id, program.name,
                     "person",
                     f"{program.name}: who is {x.name}?",
                     x.role_label + (f" · {x.note}" if x.note.strip() else ""))
            for x in known]


def _asks(program: programs.Program, chosen: list[asks.ProgramQuestion]) -> list[Material]:
    out = []
    for n, q in enumerate(chosen, 1):
        audience = f", for {AUDIENCES[q.audience]}" if q.audience in AUDIENCES else ""
        out.append(Material(
            f"{program.id}/ask/{digest(q.text)}", program.id, program.name, "ask",
            f"{program.name}: “What questions do you have for us?” Your question {n} of "
            f"{len(chosen)}{audience}", q.text))
    return out


def _stories(db: Database, program: programs.Program, story_ids: list[int]) -> list[Material]:
    from question_bank.stories import get_story

    out = []
    for story_id in story_ids:
        story = get_story(db, story_id)
        if story is not None:
            out.append(Material(f"{program.id}/story/{story.id}-{digest(story.title)}",
                                program.id, program.name, "story",
                                f"{program.name}: tell the story you planned for them, "
                                f"“{story.title}”", story_back(story)))
    return out


def program_material(db: Database, program_id: int) -> list[Material]:
    """Everything to rehearse for one program, in dossier order (none if it is gone)."""
    program = programs.get_program(db, program_id)
    if program is None:
        return []
    return [
        *_reasons(program, "why", programs.get_reasons(db, program_id, "why")),
        *_reasons(program, "fit", programs.get_reasons(db, program_id, "fit")),
        *_people(program, people.list_people(db, program_id)),
        *_asks(program, asks.list_asks(db, program_id)),
        *_stories(db, program, plans.planned_stories(db, program_id)),
    ]


def material_refs(db: Database, program_ids: list[int]) -> dict[int, list[str]]:
    """The refs of `program_material` for each of these programs, in the same order, from a
    few queries for all of them (the cards' sync wants no more; a program that is gone has
    none). At 100 programs: 6 queries, not 600."""
    from question_bank.stories import story_titles

    ids = set(program_ids)
    present = {row[0] for row in db.execute("select id from programs")} & ids
    why, fit = programs.reasons_by_program(db, "why"), programs.reasons_by_program(db, "fit")
    known, chosen = people.people_by_program(db), asks.asks_by_program(db)
    planned, titles = plans.planned_by_program(db), dict(story_titles(db))
    found: dict[int, list[str]] = {}
    for pid in program_ids:
        if pid not in present:
            found[pid] = []
            continue
        found[pid] = [
            *(f"{pid}/why/{digest(text)}" for text in why.get(pid, [])),
            *(f"{pid}/fit/{digest(text)}" for text in fit.get(pid, [])),
            *(f"{pid}/person/{x.id}-{digest(x.name)}" for x in known.get(pid, [])),
            *(f"{pid}/ask/{digest(q.text)}" for q in chosen.get(pid, [])),
            *(f"{pid}/story/{sid}-{digest(titles[sid])}" for sid in planned.get(pid, [])
              if sid in titles),
        ]
    return found


def material_for(db: Database, refs: list[str]) -> dict[str, Material]:
    """The material behind these card refs (refs whose material is gone are left out)."""
    wanted = set(refs)
    found: dict[str, Material] = {}
    for program_id in dict.fromkeys(p for p in map(program_of, refs) if p is not None):
        for item in program_material(db, program_id):
            if item.ref in wanted:
                found[item.ref] = item
    return found
