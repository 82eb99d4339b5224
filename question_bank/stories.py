"""The story bank: the few real experiences that answers draw on, written once as STAR.

A story has a title, STAR parts, the competencies it shows, the experience it comes
from, the questions it answers and the answers that use it. `coverage` sets the
competencies against the stories: which competency has no story yet, and which story
carries too much.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from question_bank.answer_lists import SUMMARY_COLUMNS, AnswerSummary, summary_from_row
from question_bank.errors import FieldError
from question_bank.structures import STRUCTURES, get_structure, part_label

if TYPE_CHECKING:
    from sqlite_utils import Database

BUILTIN_COMPETENCIES: tuple[tuple[str, str], ...] = (
    ("teamwork", "Teamwork"),
    ("conflict", "Conflict"),
    ("mistake-feedback", "Mistake and feedback"),
    ("stress", "Stress"),
    ("leadership", "Leadership"),
    ("communication", "Communication"),
    ("professionalism", "Professionalism"),
    ("adaptability", "Adaptability"),
)
EXPERIENCE_KINDS: dict[str, str] = {
    "rotation": "Rotation",
    "research": "Research project",
    "job": "Job",
    "teaching": "Teaching",
    "volunteering": "Volunteering",
    "personal": "Personal life",
    "other": "Other",
}
STORY_PARTS = STRUCTURES["star"].parts
STORY_KEYS = tuple(p.key for p in STORY_PARTS)
MAX_TITLE = 120


class StoryError(FieldError):
    """A story field that is not acceptable, named, with what was expected."""


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    label: str
    builtin: bool


@dataclass(frozen=True, slots=True)
class Story:
    id: int
    title: str
    experience_kind: str
    experience: str
    parts: dict[str, str] = field(hash=False)
    competencies: tuple[str, ...] = ()
    question_ids: tuple[str, ...] = ()
    created_at: str = ""
    updated_at: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(t.strip() for t in (self.parts.get(k, "") for k in STORY_KEYS)
                           if t.strip())


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: int
    title: str
    experience_kind: str
    experience: str
    competencies: tuple[str, ...]
    questions: int
    answers: int
    updated_at: str


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).isoformat(timespec="seconds")


# Competencies ----------------------------------------------------------------------------

def competencies(db: Database) -> list[Competency]:
    """The standard competencies, then the user's own (alphabetically)."""
    own = db.execute("select id, label from competencies order by label collate nocase")
    return ([Competency(i, label, True) for i, label in BUILTIN_COMPETENCIES]
            + [Competency(i, label, False) for i, label in own.fetchall()])


def competency_labels(db: Database) -> dict[str, str]:
    return {c.id: c.label for c in competencies(db)}


def _slug(label: str) -> str:
    return re.sub(r"[^\w]+", "-", label.casefold(), flags=re.UNICODE).strip("-")[:40]


def add_competency(db: Database, label: str) -> Competency:
    """A competency of the user's own ("curiosity", "resilience"...)."""
    label = " ".join((label or "").split())
    slug = _slug(label)
    if not slug:
        raise StoryError("competency", "is empty; name the quality the story shows")
    if len(label) > 40:
        raise StoryError("competency", f"is {len(label)} characters; at most 40 are allowed")
    existing = {c.id: c for c in competencies(db)}
    if slug in existing or any(c.label.casefold() == label.casefold() for c in existing.values()):
        raise StoryError("competency", f"“{label}” is already a competency")
    with db.atomic():
        db.execute("insert into competencies (id, label) values (?, ?)", [slug, label])
    return Competency(slug, label, False)


# Stories ---------------------------------------------------------------------------------

def _validate(db: Database, *, title: str, experience_kind: str, experience: str,
              parts: dict[str, str], competency_ids: tuple[str, ...] | list[str]) -> dict[str, str]:
    title = " ".join((title or "").split())
    if not title:
        raise StoryError("title", "is empty; give the story a short title (“The missed PE”)")
    if len(title) > MAX_TITLE:
        raise StoryError("title", f"is {len(title)} characters; at most {MAX_TITLE} are allowed")
    if experience_kind not in EXPERIENCE_KINDS:
        raise StoryError("experience_kind", f"{experience_kind!r} is not a kind of experience; "
                         f"expected one of {', '.join(EXPERIENCE_KINDS)}")
    unknown = [k for k in parts if k not in STORY_KEYS]
    if unknown:
        raise StoryError("parts", f"{unknown[0]!r} is not a STAR part; expected "
                         + ", ".join(STORY_KEYS))
    known = {c.id for c in competencies(db)}
    for cid in competency_ids:
        if cid not in known:
            raise StoryError("competencies", f"{cid!r} is not a competency; add it first")
    return {
        "title": title,
        "experience_kind": experience_kind,
        "experience": " ".join((experience or "").split()),
        **{k: parts.get(k, "") for k in STORY_KEYS},
    }


def add_story(db: Database, *, title: str, experience_kind: str = "other", experience: str = "",
              parts: dict[str, str] | None = None, competencies: tuple[str, ...] = (),
              question_ids: tuple[str, ...] = (), now: datetime | None = None) -> Story:
    row = _validate(db, title=title, experience_kind=experience_kind, experience=experience,
                    parts=dict(parts or {}), competency_ids=competencies)
    stamp = _stamp(now)
    with db.atomic():
        table = db.table("stories").insert({**row, "created_at": stamp, "updated_at": stamp})
        story_id = table.last_rowid
        assert story_id is not None  # an insert sets it
        _set_competencies(db, story_id, competencies)
        for question_id in question_ids:
            link_question(db, story_id, question_id)
    return _existing_story(db, story_id)


def update_story(db: Database, story_id: int, *, now: datetime | None = None,
                 **fields: Any) -> Story:
    """Change a story; fields as `add_story` takes them (parts merge into the current ones)."""
    current = _existing_story(db, story_id)
    parts = {**current.parts, **fields.get("parts", {})}
    comp = tuple(fields.get("competencies", current.competencies))
    row = _validate(db, title=fields.get("title", current.title),
                    experience_kind=fields.get("experience_kind", current.experience_kind),
                    experience=fields.get("experience", current.experience),
                    parts=parts, competency_ids=comp)
    with db.atomic():
        db.table("stories").update(story_id, {**row, "updated_at": _stamp(now)})
        _set_competencies(db, story_id, comp)
    return _existing_story(db, story_id)


def _set_competencies(db: Database, story_id: int, ids: Iterable[str]) -> None:
    db.execute("delete from story_competencies where story_id = ?", [story_id])
    for cid in dict.fromkeys(ids):
        db.execute("insert into story_competencies (story_id, competency) values (?, ?)",
                   [story_id, cid])


def delete_story(db: Database, story_id: int) -> None:
    """Delete a story (answers that pulled its parts in keep their text)."""
    with db.atomic():
        db.execute("delete from stories where id = ?", [story_id])


def get_story(db: Database, story_id: int) -> Story | None:
    rows = list(db.query("select * from stories where id = ?", [story_id]))
    if not rows:
        return None
    row = rows[0]
    comp = tuple(r[0] for r in db.execute(
        "select competency from story_competencies where story_id = ? order by rowid", [story_id]))
    questions = tuple(r[0] for r in db.execute(
        "select question_id from story_questions where story_id = ? order by rowid", [story_id]))
    return Story(
        id=row["id"], title=row["title"], experience_kind=row["experience_kind"],
        experience=row["experience"], parts={k: row[k] for k in STORY_KEYS},
        competencies=comp, question_ids=questions, created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _existing_story(db: Database, story_id: int) -> Story:
    """The story with this id; StoryError when there is none."""
    story = get_story(db, story_id)
    if story is None:
        raise StoryError("story", f"no story has the id {story_id}")
    return story


def list_stories(db: Database) -> list[StorySummary]:
    """Every story with its competencies and how many questions and answers use it."""
    comp: dict[int, list[str]] = {}
    for story_id, cid in db.execute("select story_id, competency from story_competencies "
                                    "order by rowid"):
        comp.setdefault(story_id, []).append(cid)
    rows = db.query(
        "select s.id, s.title, s.experience_kind, s.experience, s.updated_at, "
        "(select count(*) from story_questions sq where sq.story_id = s.id) as questions, "
        "(select count(*) from answer_stories x where x.story_id = s.id) as answers "
        "from stories s order by s.title collate nocase, s.id"
    )
    return [StorySummary(r["id"], r["title"], r["experience_kind"], r["experience"],
                         tuple(comp.get(r["id"], ())), r["questions"], r["answers"],
                         r["updated_at"]) for r in rows]


def story_titles(db: Database) -> list[tuple[int, str]]:
    """(id, title) of every story, by title: for other parts of the app to refer to them."""
    return [(r[0], r[1]) for r in db.execute(
        "select id, title from stories order by title collate nocase, id")]


# Links -----------------------------------------------------------------------------------

def link_question(db: Database, story_id: int, question_id: str) -> None:
    """This story answers this question."""
    with db.atomic():
        db.execute("insert or ignore into story_questions (story_id, question_id) values (?, ?)",
                   [story_id, question_id])


def unlink_question(db: Database, story_id: int, question_id: str) -> None:
    with db.atomic():
        db.execute("delete from story_questions where story_id = ? and question_id = ?",
                   [story_id, question_id])


def link_story(db: Database, answer_id: int, story_id: int) -> None:
    """This answer uses this story (and so the story answers the answer's question)."""
    with db.atomic():
        row = db.execute("select question_id from answers where id = ?", [answer_id]).fetchone()
        if row is None:
            raise StoryError("answer", f"no answer has the id {answer_id}")
        if get_story(db, story_id) is None:
            raise StoryError("story", f"no story has the id {story_id}")
        db.execute("insert or ignore into answer_stories (answer_id, story_id) values (?, ?)",
                   [answer_id, story_id])
        link_question(db, story_id, row[0])


def unlink_story(db: Database, answer_id: int, story_id: int) -> None:
    with db.atomic():
        db.execute("delete from answer_stories where answer_id = ? and story_id = ?",
                   [answer_id, story_id])


def stories_for_answer(db: Database, answer_id: int) -> list[Story]:
    ids = [r[0] for r in db.execute(
        "select story_id from answer_stories where answer_id = ? order by rowid", [answer_id])]
    return [s for s in (get_story(db, i) for i in ids) if s is not None]


def answers_for_story(db: Database, story_id: int) -> list[AnswerSummary]:
    """Every answer that uses the story, most recently edited first."""
    rows = db.query(
        f"select {SUMMARY_COLUMNS} from answer_stories x join answers a on a.id = x.answer_id "
        "join questions q on q.id = a.question_id where x.story_id = ? "
        "order by a.updated_at desc, a.id desc", [story_id])
    return [summary_from_row(r) for r in rows]


def questions_for_story(db: Database, story_id: int) -> list[tuple[str, str, str]]:
    """(id, text, category) of the questions the story answers."""
    return [tuple(r) for r in db.execute(
        "select q.id, q.text, q.category from story_questions sq join questions q "
        "on q.id = sq.question_id where sq.story_id = ? order by sq.rowid", [story_id])]


# Pulling a story into an answer ----------------------------------------------------------

_EQUIVALENT = {"situation": ("context", "background"), "action": ("changed",)}


def pull_parts(parts: dict[str, str], structure_id: str, story: Story) -> dict[str, str]:
    """The answer's parts with the story's STAR parts added (never replacing a word).

    Each story part goes to the answer part of the same name, or its equivalent in the
    answer's structure; one with no place goes, under its label, to the part that took
    the story part before it (or the first part). Text already there is not added twice.
    """
    structure = get_structure(structure_id)
    result = dict(parts)
    for key in structure.keys:
        result.setdefault(key, "")
    last = structure.keys[0]
    for key in STORY_KEYS:
        text = story.parts.get(key, "").strip()
        if not text:
            continue
        target = key if key in structure.keys else next(
            (k for k in _EQUIVALENT.get(key, ()) if k in structure.keys), None)
        if target is None:
            target, text = last, f"{part_label(key)}: {text}"
        last = target
        current = result.get(target, "")
        if text in current:
            continue
        result[target] = f"{current.rstrip()}\n\n{text}" if current.strip() else text
    return result
