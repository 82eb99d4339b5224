"""The question store: read, search, add, edit and hide questions."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from question_bank.categories import AUDIENCES, STRUCTURES, TO_ASK, category_ids
from question_bank.errors import FieldError
from question_bank.profile import (
    Profile,
    ProfileError,
    fits,
    fits_stored,
    parse_premises,
    stored_fits_test,
)

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

MAX_TEXT = 1_000
MAX_GUIDANCE = 5_000
MIN_SECONDS, MAX_SECONDS = 5, 1_800
_TAG_SPLIT = re.compile(r"[,;]+|\s{2,}")
_TAG_OK = re.compile(r"^[\w][\w\- ]*$", re.UNICODE)
_MONTH = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    category: str
    tags: tuple[str, ...]
    target_seconds: int
    structure: str
    guidance: str
    audience: str | None
    origin: str
    edited: bool
    hidden: bool
    presumes: tuple[str, ...] = ()  # premise ids (question_bank.profile): whom it fits
    checked: str | None = None  # 'YYYY-MM': when the guidance was checked against the rules
    review_after: str | None = None  # 'YYYY-MM-DD': after this, possibly out of date

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Question:
        return cls(
            id=row["id"],
            text=row["text"],
            category=row["category"],
            tags=tuple(json.loads(row["tags"] or "[]")),
            target_seconds=int(row["target_seconds"]),
            structure=row["structure"],
            guidance=row["guidance"] or "",
            audience=row["audience"],
            origin=row["origin"],
            edited=bool(row["edited"]),
            hidden=bool(row["hidden"]),
            presumes=tuple(json.loads(row.get("presumes") or "[]")),
            checked=row.get("checked"),
            review_after=row.get("review_after"),
        )

    def is_stale(self, today: date) -> bool:
        """Whether guidance that depends on a rule has passed its review date."""
        return bool(self.review_after) and today > date.fromisoformat(self.review_after or "")

    def date_note(self, today: date) -> str | None:
        """"Checked Nov 2026." for guidance that depends on a rule or a year, and a warning
        once its review date has passed; None for guidance that does not date."""
        if not self.checked:
            return None
        year, month = (int(n) for n in self.checked.split("-"))
        note = f"Checked {date(year, month, 1):%b %Y}."
        if self.is_stale(today):
            due = date.fromisoformat(self.review_after or "")
            note += (f" Possibly out of date: it was due for review on {due.day} {due:%b %Y}. "
                     "Check the current rules before you rely on it.")
        return note


class QuestionError(FieldError):
    """A field of a question that is not acceptable, named, with what was expected."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_tags(value: str | Sequence[object] | None) -> tuple[str, ...]:
    """Tags from a list or from text separated by commas or semicolons; lowercased, unique."""
    if value is None:
        return ()
    items = _TAG_SPLIT.split(value) if isinstance(value, str) else [str(v) for v in value]
    seen: dict[str, None] = {}
    for item in items:
        tag = " ".join(item.strip().lower().split()).replace(" ", "-")
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def validate(
    *,
    text: str,
    category: str,
    tags: tuple[str, ...] = (),
    target_seconds: int | str = 90,
    structure: str = "outline",
    guidance: str = "",
    audience: str | None = None,
    presumes: str | list[str] | tuple[str, ...] | None = None,
    checked: str | None = None,
    review_after: str | None = None,
) -> dict[str, Any]:
    """Check every field; return the clean row values or raise QuestionError."""
    text = (text or "").strip()
    if not text:
        raise QuestionError("text", "the question is empty; write the question as it is asked")
    if len(text) > MAX_TEXT:
        raise QuestionError("text", f"is {len(text)} characters; at most {MAX_TEXT} are allowed")
    if category not in category_ids():
        raise QuestionError(
            "category",
            f"{category!r} is not a category; expected one of {', '.join(category_ids())}"
        )
    try:
        seconds = int(str(target_seconds).strip())
    except ValueError:
        raise QuestionError(
            "target_seconds", f"{target_seconds!r} is not a whole number of seconds"
        ) from None
    if not MIN_SECONDS <= seconds <= MAX_SECONDS:
        raise QuestionError(
            "target_seconds", f"{seconds} is out of range; expected {MIN_SECONDS} to {MAX_SECONDS}"
        )
    if structure not in STRUCTURES:
        raise QuestionError(
            "structure",
            f"{structure!r} is not a structure; expected one of {', '.join(STRUCTURES)}"
        )
    for tag in tags:
        if not _TAG_OK.match(tag) or len(tag) > 40:
            raise QuestionError("tags", f"{tag!r} is not a tag; use short words joined by hyphens")
    if len(guidance or "") > MAX_GUIDANCE:
        raise QuestionError("guidance", f"is longer than {MAX_GUIDANCE} characters")
    audience = (audience or "").strip() or None
    if audience is not None and audience not in AUDIENCES:
        raise QuestionError(
            "audience", f"{audience!r} is not an audience; expected one of {', '.join(AUDIENCES)}"
        )
    try:
        premises = parse_premises(presumes)
    except ProfileError as error:
        raise QuestionError(error.field, error.message) from None
    checked = (checked or "").strip() or None
    if checked is not None and not _MONTH.match(checked):
        raise QuestionError("checked", f"{checked!r} is not a month; expected YYYY-MM, "
                            "e.g. 2026-11")
    review_after = (review_after or "").strip() or None
    if review_after is not None:
        try:
            date.fromisoformat(review_after)
        except ValueError:
            raise QuestionError("review_after", f"{review_after!r} is not a date; expected "
                                "YYYY-MM-DD, e.g. 2027-06-01") from None
    return {
        "text": text,
        "category": category,
        "tags": json.dumps(list(tags), ensure_ascii=False),
        "target_seconds": seconds,
        "structure": structure,
        "guidance": (guidance or "").strip(),
        "audience": audience,
        "presumes": json.dumps(list(premises)),
        "checked": checked,
        "review_after": review_after,
    }


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what a person typed: every word must match, the last as a prefix."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _filters(
    category: str | None, tag: str | None, include_hidden: bool, only_hidden: bool = False
) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if only_hidden:
        where.append("q.hidden = 1")
    elif not include_hidden:
        where.append("q.hidden = 0")
    if category:
        where.append("q.category = ?")
        params.append(category)
    if tag:
        where.append("exists (select 1 from json_each(q.tags) where json_each.value = ?)")
        params.append(tag)
    return where, params


def _listing_sql(
    columns: str,
    *,
    category: str | None,
    tag: str | None,
    search: str | None,
    include_hidden: bool,
    only_hidden: bool,
    limit: int | None,
) -> tuple[str, list[object]] | None:
    """The ordered query behind every listing; None when the search has no words."""
    where, params = _filters(category, tag, include_hidden, only_hidden)
    match = fts_query(search) if search else None
    if search and match is None:
        return None
    if search and match:
        sql = (
            f"select {columns} from questions_fts f join questions q on q.rowid = f.rowid "
            "where questions_fts match ?"
            + "".join(f" and {w}" for w in where)
            # Questions whose text holds the words as typed come first, the shortest (most
            # precise) of them first; then by relevance (the question's own words weigh most,
            # then tags, then guidance).
            + " order by instr(lower(q.text), ?) = 0,"
            " case when instr(lower(q.text), ?) > 0 then length(q.text) end,"
            " bm25(questions_fts, 10.0, 1.0, 3.0)"
        )
        typed = " ".join(search.lower().split())
        params = [match, *params, typed, typed]
    else:
        order = " ".join(f"when '{cid}' then {i}" for i, cid in enumerate(category_ids()))
        sql = (
            f"select {columns} from questions q"
            + (" where " + " and ".join(where) if where else "")
            + f" order by case q.category {order} else 999 end, q.rowid"
        )
    if limit:
        sql += f" limit {int(limit)}"
    return sql, params


def list_questions(
    db: Database,
    *,
    category: str | None = None,
    tag: str | None = None,
    search: str | None = None,
    include_hidden: bool = False,
    only_hidden: bool = False,
    limit: int | None = None,
    fitting: Profile | None = None,
) -> list[Question]:
    """Questions matching the filters: by search rank when searching, else by category order.

    With `fitting`, only those that fit that profile (`Profile()` for one never given).
    """
    query = _listing_sql("q.*", category=category, tag=tag, search=search,
                         include_hidden=include_hidden, only_hidden=only_hidden,
                         limit=None if fitting is not None else limit)
    if query is None:
        return []
    found = [Question.from_row(row) for row in db.query(*query)]
    if fitting is not None:
        found = [q for q in found if fits(q, fitting)][:limit or None]
    return found


def list_question_ids(db: Database, fitting: Profile | None = None,
                      **filters: Any) -> list[str]:
    """The ids `list_questions(db, **filters)` would return, in the same order, cheaply.

    A long list shows a page at a time: take the ids, then `get_questions` for each page.
    """
    if fitting is None:
        return [question_id for question_id, _ in listed_ids_and_fit(db, Profile(), **filters)]
    return [question_id for question_id, fit in listed_ids_and_fit(db, fitting, **filters) if fit]


def listed_rows(db: Database, columns: str, **filters: Any) -> list[tuple[Any, ...]]:
    """The rows of `list_question_ids(db, **filters)`, in order, with these `columns` (SQL
    over the questions, `q`): a listing's other facts in the same read."""
    query = _listing_sql(columns, **{
        "category": None, "tag": None, "search": None, "include_hidden": False,
        "only_hidden": False, "limit": None, **filters})
    return [] if query is None else db.execute(*query).fetchall()


def listed_ids_and_fit(db: Database, profile: Profile,
                       **filters: Any) -> list[tuple[str, bool]]:
    """Every id `list_question_ids(db, **filters)` returns, in order, with whether the
    question fits `profile`: the whole list and the fitting part in one read."""
    fit = stored_fits_test(profile)
    return [(row[0], fit(row[1])) for row in listed_rows(db, "q.id, q.presumes", **filters)]


def asked_and_fitting(db: Database, profile: Profile | None) -> tuple[int, int]:
    """The visible questions the applicant may be asked (those to ask a program left out,
    `TO_ASK`: the drill and mock interviews never draw them), and how many of them fit
    `profile`; counted per distinct premise list: a few dozen, not every question."""
    rows = db.execute(
        "select presumes, count(*) from questions where hidden = 0 and category != ? "
        "group by presumes", [TO_ASK]
    ).fetchall()
    return (sum(n for _, n in rows),
            sum(n for presumes, n in rows if fits_stored(presumes, profile)))


def get_questions(db: Database, ids: list[str]) -> list[Question]:
    """The questions with these ids, in the order given (missing ones left out)."""
    found: dict[str, Question] = {}
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"select * from questions where id in ({marks})", chunk):
            found[row["id"]] = Question.from_row(row)
    return [found[i] for i in ids if i in found]


def get_question(db: Database, question_id: str) -> Question | None:
    rows = list(db.query("select * from questions where id = ?", [question_id]))
    return Question.from_row(rows[0]) if rows else None


def _existing_question(db: Database, question_id: str) -> Question:
    """The question with this id; QuestionError when there is none."""
    question = get_question(db, question_id)
    if question is None:
        raise QuestionError("id", f"no question has the id {question_id!r}")
    return question


def count_questions(db: Database | sqlite3.Connection, *, include_hidden: bool = False) -> int:
    """How many questions (works on a plain sqlite3 connection too, as `doctor` uses)."""
    sql = "select count(*) from questions" + ("" if include_hidden else " where hidden = 0")
    return int(db.execute(sql).fetchone()[0])


def category_counts(db: Database) -> dict[str, int]:
    rows = db.execute(
        "select category, count(*) from questions where hidden = 0 group by category"
    ).fetchall()
    return dict(rows)


def origin_counts(db: Database) -> dict[str, int]:
    rows = db.execute("select origin, count(*) from questions group by origin").fetchall()
    counts = dict(rows)
    counts["hidden"] = db.execute("select count(*) from questions where hidden = 1").fetchone()[0]
    counts["edited"] = db.execute("select count(*) from questions where edited = 1").fetchone()[0]
    return counts


def tag_counts(db: Database, *, category: str | None = None) -> list[tuple[str, int]]:
    """Every tag in use among visible questions (of one category if given), most used first."""
    sql = (
        "select json_each.value as tag, count(*) as n from questions q, json_each(q.tags) "
        "where q.hidden = 0" + (" and q.category = ?" if category else "")
        + " group by tag order by n desc, tag"
    )
    return [(r["tag"], r["n"]) for r in db.query(sql, [category] if category else [])]


def add_question(db: Database, **fields: Any) -> Question:
    """Add a question of the user's own; fields as `validate` takes them."""
    row = validate(**fields)
    stamp = now_iso()
    row.update(
        id=f"user.{uuid.uuid4().hex[:12]}",
        origin="user",
        edited=0,
        hidden=0,
        created_at=stamp,
        updated_at=stamp,
    )
    db.table("questions").insert(row)
    return _existing_question(db, row["id"])


def update_question(db: Database, question_id: str, **fields: Any) -> Question:
    """Change a question; a shipped one becomes the user's (later bank merges leave it alone)."""
    current = _existing_question(db, question_id)
    merged = {
        "text": current.text,
        "category": current.category,
        "tags": current.tags,
        "target_seconds": current.target_seconds,
        "structure": current.structure,
        "guidance": current.guidance,
        "audience": current.audience,
        "presumes": current.presumes,
        "checked": current.checked,
        "review_after": current.review_after,
        **fields,
    }
    row = validate(**merged)
    row["updated_at"] = now_iso()
    if current.origin == "shipped":
        row["edited"] = 1
    db.table("questions").update(question_id, row)
    return _existing_question(db, question_id)


def set_hidden(db: Database, question_id: str, hidden: bool) -> None:
    db.table("questions").update(question_id, {"hidden": int(hidden), "updated_at": now_iso()})
