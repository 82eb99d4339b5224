"""Questions to ask a program (5-7 is the aim): picked from the bank or written.

A question picked from the bank is stored with its id and a copy of its text, so an
exported dossier reads whole even if the bank changes. Dossiers never imports the bank:
the caller hands in the text and audience it read there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossiers.errors import DossierError
from dossiers.rows import insert_row, update_row

if TYPE_CHECKING:
    from sqlite_utils import Database

AIM = (5, 7)
MAX_TEXT = 1_000


@dataclass(frozen=True, slots=True)
class ProgramQuestion:
    id: int
    program_id: int
    text: str
    question_id: str | None  # the bank question it came from, if any
    audience: str | None  # pd-faculty | residents | img-support


def list_asks(db: Database, program_id: int) -> list[ProgramQuestion]:
    rows = db.query("select * from program_questions where program_id = ? "
                    "order by position, id", [program_id])
    return [ProgramQuestion(r["id"], r["program_id"], r["text"], r["question_id"],
                            r["audience"]) for r in rows]


def asks_by_program(db: Database) -> dict[int, list[ProgramQuestion]]:
    """Every program's questions to ask, each program's in `list_asks`'s order (one query)."""
    found: dict[int, list[ProgramQuestion]] = {}
    for row in db.execute("select id, program_id, text, question_id, audience "
                          "from program_questions order by program_id, position, id"):
        found.setdefault(row[1], []).append(ProgramQuestion(*row))
    return found


def add_ask(db: Database, program_id: int, text: str, *, question_id: str | None = None,
            audience: str | None = None) -> ProgramQuestion | None:
    """Add a question to ask; a bank question already on the list is not added twice."""
    text = " ".join((text or "").split())
    if not text:
        raise DossierError("question", "is empty; write the question you want to ask")
    if len(text) > MAX_TEXT:
        raise DossierError("question", f"is {len(text)} characters; at most {MAX_TEXT}")
    existing = list_asks(db, program_id)
    if question_id and any(q.question_id == question_id for q in existing):
        return None
    if any(q.text.casefold() == text.casefold() for q in existing):
        return None
    position = max((i for i, _ in enumerate(existing)), default=-1) + 1
    new_id = insert_row(db, "program_questions", {
        "program_id": program_id, "position": position, "question_id": question_id,
        "audience": audience, "text": text})
    return next(q for q in list_asks(db, program_id) if q.id == new_id)


def set_ask_text(db: Database, ask_id: int, text: str) -> None:
    """Reword a question to ask (it stays linked to the bank question it came from)."""
    text = " ".join((text or "").split())
    if not text:
        raise DossierError("question", "is empty; write the question you want to ask")
    update_row(db, "program_questions", ask_id, {"text": text})


def remove_ask(db: Database, ask_id: int) -> None:
    with db.atomic():
        db.execute("delete from program_questions where id = ?", [ask_id])


def move_ask(db: Database, program_id: int, ask_id: int, delta: int) -> None:
    """Move a question up (delta < 0) or down the list."""
    ids = [q.id for q in list_asks(db, program_id)]
    if ask_id not in ids:
        return
    index = ids.index(ask_id)
    target = max(0, min(len(ids) - 1, index + delta))
    ids.insert(target, ids.pop(index))
    with db.atomic():
        for position, qid in enumerate(ids):
            db.execute("update program_questions set position = ? where id = ?", [position, qid])


def repoint_questions(db: Database, moved: dict[str, str]) -> int:
    """Questions to ask that came from a bank question the bank has since merged into
    another: link them to the one kept (their text, as picked, stays). Returns how many."""
    count = 0
    for old_id, into in moved.items():
        count += db.execute("update program_questions set question_id = ? where question_id = ?",
                            [into, old_id]).rowcount
    return count
