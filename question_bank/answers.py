"""Answers: several per question, one of them current, each a set of parts in a structure.

An answer's text is stored by part (`{part key: text}`), so switching structure never
drops a word (see `structures.arrange`). Every save is kept as a revision
(`revisions.py`); restoring one is itself a new revision. `body` holds the whole text
for full-text search (FTS5), `words` the words the user will actually say.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypedDict

from question_bank.errors import FieldError
from question_bank.revisions import get_revision, record_revision
from question_bank.structures import (
    STRUCTURES,
    Part,
    arrange,
    full_text,
    get_structure,
    kept_keys,
    part_label,
    structure_words,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_LABEL = 80
_PART_KEY = re.compile(r"^[a-z][a-z_]{0,39}$")


class AnswerError(FieldError):
    """An answer that cannot be saved as asked, naming the field and what was expected."""


@dataclass(frozen=True, slots=True)
class Answer:
    id: int
    question_id: str
    label: str
    structure: str
    parts: dict[str, str] = field(hash=False, compare=True)
    words: int = 0
    is_current: bool = False
    created_at: str = ""
    updated_at: str = ""
    version: int = 1  # counts up at each change of the text (structure or parts)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Answer:
        return cls(
            id=row["id"],
            question_id=row["question_id"],
            label=row["label"],
            structure=row["structure"],
            parts=json.loads(row["parts"] or "{}"),
            words=row["words"],
            is_current=bool(row["is_current"]),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            version=row.get("version", 1),
        )

    @property
    def text(self) -> str:
        """The whole answer as the user would say it (kept-aside parts last)."""
        return full_text(self.parts, self.structure)

    def sections(self) -> list[tuple[Part, str]]:
        """The structure's parts with their text, in order (for reading aloud or printing)."""
        return [(p, self.parts.get(p.key, "")) for p in get_structure(self.structure).parts]

    def kept(self) -> list[tuple[str, str]]:
        """Text set aside by a change of structure: (label, text) pairs."""
        return [(part_label(k), self.parts[k]) for k in kept_keys(self.parts, self.structure)]


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _stamp(now: datetime) -> str:
    return now.isoformat(timespec="seconds")


def clean_parts(parts: dict[str, str], structure: str) -> dict[str, str]:
    """Check the structure and part keys; lay the parts out for the structure."""
    if structure not in STRUCTURES:
        raise AnswerError("structure", f"{structure!r} is not a structure; expected one of "
                          + ", ".join(STRUCTURES))
    if not isinstance(parts, dict):
        raise AnswerError("parts", "expected a mapping of part names to text")
    for key, text in parts.items():
        if not isinstance(key, str) or not _PART_KEY.match(key):
            raise AnswerError("parts", f"{key!r} is not a part name (lowercase letters and _)")
        if not isinstance(text, str):
            raise AnswerError(f"parts.{key}", "expected text")
    return arrange(parts, structure)


class _RowValues(TypedDict):
    """An answer's columns that follow from its parts."""

    structure: str
    parts: str
    body: str
    words: int


def _row_values(parts: dict[str, str], structure: str) -> _RowValues:
    return {
        "structure": structure,
        "parts": json.dumps(parts, ensure_ascii=False),
        "body": full_text(parts, structure),
        "words": structure_words(parts, structure),
    }


def _next_label(db: Database, question_id: str) -> str:
    labels = {r[0] for r in db.execute("select label from answers where question_id = ?",
                                       [question_id])}
    n = len(labels) + 1
    while f"Answer {n}" in labels:
        n += 1
    return f"Answer {n}"


def _check_label(label: str) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise AnswerError("label", "is empty; give the answer a short name (e.g. “For Mayo”)")
    if len(label) > MAX_LABEL:
        raise AnswerError("label", f"is {len(label)} characters; at most {MAX_LABEL} are allowed")
    return label


def _question_structure(db: Database, question_id: str) -> str:
    row = db.execute("select structure from questions where id = ?", [question_id]).fetchone()
    if row is None:
        raise AnswerError("question_id", f"no question has the id {question_id!r}")
    return row[0] if row[0] in STRUCTURES else "outline"


def create_answer(
    db: Database,
    question_id: str,
    *,
    structure: str | None = None,
    parts: dict[str, str] | None = None,
    label: str | None = None,
    make_current: bool | None = None,
    session: str = "",
    now: datetime | None = None,
) -> Answer:
    """A new answer to a question (its first revision kept). It becomes the current answer
    when asked, or when the question has none yet. The structure defaults to the question's."""
    now = _now(now)
    default_structure = _question_structure(db, question_id)
    structure = structure or default_structure
    parts = clean_parts(dict(parts or {}), structure)
    with db.atomic():
        label = _check_label(label) if label is not None else _next_label(db, question_id)
        has_current = db.execute("select 1 from answers where question_id = ? and is_current = 1",
                                 [question_id]).fetchone() is not None
        current = (not has_current) if make_current is None else make_current
        if current and has_current:
            db.execute("update answers set is_current = 0 where question_id = ?", [question_id])
        values = _row_values(parts, structure)
        cursor = db.execute(
            "insert into answers (question_id, label, structure, parts, body, words, is_current, "
            "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [question_id, label, structure, values["parts"], values["body"], values["words"],
             int(current), _stamp(now), _stamp(now)],
        )
        answer_id = cursor.lastrowid
        assert answer_id is not None  # an insert sets it
        record_revision(db, answer_id, structure=structure, parts=parts, words=values["words"],
                        session=session, now=now, kind="created")
    return _existing_answer(db, answer_id)


def save_answer(
    db: Database,
    answer_id: int | None,
    *,
    question_id: str,
    structure: str,
    parts: dict[str, str],
    session: str = "",
    now: datetime | None = None,
) -> Answer:
    """Save the editor's text: create the answer if `answer_id` is None (or it was deleted
    meanwhile, so the text is never lost), else update it and keep the revision.
    Saving what is already saved changes nothing."""
    now = _now(now)
    parts = clean_parts(dict(parts), structure)
    with db.atomic():
        existing = get_answer(db, answer_id) if answer_id is not None else None
        if existing is None or existing.question_id != question_id:
            return create_answer(db, question_id, structure=structure, parts=parts,
                                 session=session, now=now)
        if existing.structure == structure and existing.parts == parts:
            return existing
        values = _row_values(parts, structure)
        db.execute(
            "update answers set structure = ?, parts = ?, body = ?, words = ?, updated_at = ?, "
            "version = version + 1 where id = ?",
            [structure, values["parts"], values["body"], values["words"], _stamp(now),
             existing.id],
        )
        record_revision(db, existing.id, structure=structure, parts=parts,
                        words=values["words"], session=session, now=now)
    return _existing_answer(db, existing.id)


@dataclass(frozen=True, slots=True)
class Saved:
    """What became of an editor's save (`save_edit`)."""

    answer: Answer
    """The answer that now holds the editor's text."""
    kept_apart_from: Answer | None = None
    """The answer the editor was on, when another copy of the app had changed its text
    since: that text stays there, and the editor's became `answer`, a new version."""


def save_edit(
    db: Database,
    answer_id: int | None,
    *,
    base_version: int | None,
    question_id: str,
    structure: str,
    parts: dict[str, str],
    session: str = "",
    now: datetime | None = None,
) -> Saved:
    """Save an editor's text over the answer it shows, as `save_answer` does, unless the
    answer's text changed since the editor last read or saved it (its version is no longer
    `base_version`: another copy of the app saved): then both texts are kept, the other
    one where it is and the editor's as a new version of the answer beside it (not made
    current), with the same stories."""
    with db.atomic():
        existing = get_answer(db, answer_id) if answer_id is not None else None
        if (existing is not None and base_version is not None
                and existing.question_id == question_id and existing.version != base_version
                and (existing.structure, existing.parts) != (
                    structure, clean_parts(dict(parts), structure))):
            copy = create_answer(db, question_id, structure=structure, parts=parts,
                                 label=_copy_label(db, existing), make_current=False,
                                 session=session, now=now)
            db.execute("insert into answer_stories (answer_id, story_id) "
                       "select ?, story_id from answer_stories where answer_id = ?",
                       [copy.id, existing.id])
            return Saved(copy, existing)
        return Saved(save_answer(db, answer_id, question_id=question_id, structure=structure,
                                 parts=parts, session=session, now=now))


def _copy_label(db: Database, answer: Answer) -> str:
    """A label for the second of two texts of `answer`: "Answer 1 (second copy)", "... 2"."""
    labels = {r[0] for r in db.execute("select label from answers where question_id = ?",
                                       [answer.question_id])}
    for n in range(1, 1000):
        suffix = " (second copy)" if n == 1 else f" (second copy {n})"
        label = answer.label[:MAX_LABEL - len(suffix)] + suffix
        if label not in labels:
            return label
    return _next_label(db, answer.question_id)


def restore_revision(db: Database, revision_id: int, *, session: str = "",
                     now: datetime | None = None) -> Answer:
    """Bring an answer back to an earlier state; the restore is itself a new revision."""
    now = _now(now)
    revision = get_revision(db, revision_id)
    if revision is None:
        raise AnswerError("revision", f"no revision has the id {revision_id}")
    parts = arrange(revision.parts, revision.structure)
    values = _row_values(parts, revision.structure)
    with db.atomic():
        db.execute(
            "update answers set structure = ?, parts = ?, body = ?, words = ?, updated_at = ?, "
            "version = version + 1 where id = ?",
            [revision.structure, values["parts"], values["body"], values["words"], _stamp(now),
             revision.answer_id],
        )
        record_revision(db, revision.answer_id, structure=revision.structure, parts=parts,
                        words=values["words"], session=session, now=now, kind="restore",
                        restored_from=revision.id)
    return _existing_answer(db, revision.answer_id)


def get_answer(db: Database, answer_id: int) -> Answer | None:
    rows = list(db.query("select * from answers where id = ?", [answer_id]))
    return Answer.from_row(rows[0]) if rows else None


def _existing_answer(db: Database, answer_id: int) -> Answer:
    """The answer with this id; AnswerError when there is none (deleted meanwhile, say)."""
    answer = get_answer(db, answer_id)
    if answer is None:
        raise AnswerError("answer", f"no answer has the id {answer_id}")
    return answer


def answers_for_question(db: Database, question_id: str) -> list[Answer]:
    """A question's answers: the current one first, then the most recently edited."""
    rows = db.query("select * from answers where question_id = ? "
                    "order by is_current desc, updated_at desc, id desc", [question_id])
    return [Answer.from_row(r) for r in rows]


def count_versions(db: Database, question_id: str) -> int:
    """How many answers (versions) a question has."""
    return int(db.execute("select count(*) from answers where question_id = ?",
                          [question_id]).fetchone()[0])


def current_answer(db: Database, question_id: str) -> Answer | None:
    """The answer the user marked current (with its parts and full text), or None."""
    rows = list(db.query("select * from answers where question_id = ? and is_current = 1",
                         [question_id]))
    return Answer.from_row(rows[0]) if rows else None


def set_current(db: Database, answer_id: int) -> None:
    with db.atomic():
        row = db.execute("select question_id from answers where id = ?", [answer_id]).fetchone()
        if row is None:
            raise AnswerError("answer", f"no answer has the id {answer_id}")
        db.execute("update answers set is_current = 0 where question_id = ? and is_current = 1",
                   [row[0]])
        db.execute("update answers set is_current = 1 where id = ?", [answer_id])


def rename_answer(db: Database, answer_id: int, label: str) -> Answer:
    label = _check_label(label)
    with db.atomic():
        db.execute("update answers set label = ? where id = ?", [label, answer_id])
    return _existing_answer(db, answer_id)


def duplicate_answer(db: Database, answer_id: int, *, label: str | None = None,
                     now: datetime | None = None) -> Answer:
    """A copy of an answer as a new version (say, for one program), not made current."""
    source = get_answer(db, answer_id)
    if source is None:
        raise AnswerError("answer", f"no answer has the id {answer_id}")
    with db.atomic():
        copy = create_answer(db, source.question_id, structure=source.structure,
                             parts=source.parts, make_current=False, now=now,
                             label=label if label is not None else None)
        db.execute("insert into answer_stories (answer_id, story_id) "
                   "select ?, story_id from answer_stories where answer_id = ?",
                   [copy.id, answer_id])
    return copy


def delete_answer(db: Database, answer_id: int) -> None:
    """Delete an answer and its history; another answer of the question becomes current."""
    with db.atomic():
        row = db.execute("select question_id, is_current from answers where id = ?",
                         [answer_id]).fetchone()
        if row is None:
            return
        db.execute("delete from answers where id = ?", [answer_id])
        if row[1]:
            db.execute("update answers set is_current = 1 where id = (select id from answers "
                       "where question_id = ? order by updated_at desc, id desc limit 1)",
                       [row[0]])
