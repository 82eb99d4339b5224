"""Finding answers: the list of all answers (sorted, paged), full-text search, and the
figures other parts of the app show (answered questions per category, recent answers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from question_bank.answers import AnswerError
from question_bank.categories import category_ids
from question_bank.questions import fts_query

if TYPE_CHECKING:
    from sqlite_utils import Database

SORTS = ("updated", "question", "category", "words")
DESCENDING_FIRST = ("updated", "words")  # newest and longest first; questions A to Z
RANK_LIMIT = 10_000  # more matches than this are listed newest first, not ranked


@dataclass(frozen=True, slots=True)
class AnswerSummary:
    """A row of the answers list: the answer and its question, without the text."""

    id: int
    question_id: str
    question_text: str
    category: str
    label: str
    words: int
    is_current: bool
    updated_at: str
    snippet: str = ""  # search hits: a few words around the match, marks as \x02 … \x03


SUMMARY_COLUMNS = ("a.id, a.question_id, q.text as question_text, q.category, a.label, "
                   "a.words, a.is_current, a.updated_at")


def summary_from_row(row: dict[str, Any]) -> AnswerSummary:
    return AnswerSummary(
        id=row["id"], question_id=row["question_id"], question_text=row["question_text"],
        category=row["category"], label=row["label"], words=row["words"],
        is_current=bool(row["is_current"]), updated_at=row["updated_at"],
        snippet=row.get("snippet") or "",
    )


def _order(sort: str, descending: bool | None) -> str:
    if sort not in SORTS:
        raise AnswerError("sort", f"{sort!r} is not a sort; expected one of {', '.join(SORTS)}")
    if descending is None:
        descending = sort in DESCENDING_FIRST
    way = "desc" if descending else "asc"
    if sort == "question":
        return f"q.text collate nocase {way}, a.id {way}"
    if sort == "category":
        order = " ".join(f"when '{cid}' then {i}" for i, cid in enumerate(category_ids()))
        return (f"case q.category {order} else 999 end {way}, q.text collate nocase, "
                f"a.updated_at desc, a.id")
    if sort == "words":
        return f"a.words {way}, a.id {way}"
    return f"a.updated_at {way}, a.id {way}"


def list_answers(
    db: Database,
    *,
    sort: str = "updated",
    descending: bool | None = None,
    category: str | None = None,
    current_only: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[AnswerSummary]:
    """Every answer with its question, sorted ("updated", "question", "category", "words");
    `descending` defaults to the natural way of each (newest, longest, A to Z)."""
    where, params = [], []
    if category:
        where.append("q.category = ?")
        params.append(category)
    if current_only:
        where.append("a.is_current = 1")
    if sort in ("category", "question"):
        # Walk the questions (a few thousand) in order and reach their answers through the
        # covering index answers_listing: 25 ms at 100,000 answers instead of 180-290 ms
        # (the planner would otherwise scan the answers table, bodies and all).
        tables = "questions q cross join answers a on a.question_id = q.id"
    else:
        tables = "answers a join questions q on q.id = a.question_id"
    sql = (f"select {SUMMARY_COLUMNS} from {tables}"
           + (" where " + " and ".join(where) if where else "")
           + f" order by {_order(sort, descending)}")
    if limit is not None:
        sql += f" limit {int(limit)} offset {int(offset)}"
    return [summary_from_row(r) for r in db.query(sql, params)]


def count_answers(db: Database, *, category: str | None = None,
                  current_only: bool = False) -> int:
    sql = "select count(*) from answers a"
    where, params = [], []
    if category:
        sql += " join questions q on q.id = a.question_id"
        where.append("q.category = ?")
        params.append(category)
    if current_only:
        where.append("a.is_current = 1")
    if where:
        sql += " where " + " and ".join(where)
    return int(db.execute(sql, params).fetchone()[0])


def search_answers(db: Database, text: str, *, limit: int = 50) -> list[AnswerSummary]:
    """Answers whose text (or label) holds every word typed, each with a snippet around the
    match (marked with \\x02 … \\x03); then answers whose question's own words match. The
    last word may be a prefix.

    Best match first (bm25) while at most `RANK_LIMIT` answers match; when more do, the
    words are too common to rank by, and the newest answers come first (this keeps a search
    under a few milliseconds at 100,000 answers).
    """
    match = fts_query(text)
    if match is None:
        return []
    limit = max(1, int(limit))
    total = db.execute("select count(*) from answers_fts where answers_fts match ?",
                       [match]).fetchone()[0]
    order = "rank" if total <= RANK_LIMIT else "rowid desc"
    hits = [
        summary_from_row(r)
        for r in db.query(
            f"with hits as (select rowid, rank, snippet(answers_fts, 1, char(2), char(3), "
            f"'…', 14) as snippet from answers_fts where answers_fts match ? "
            f"order by {order} limit {limit}) "
            f"select {SUMMARY_COLUMNS}, hits.snippet from hits "
            f"join answers a on a.id = hits.rowid join questions q on q.id = a.question_id "
            f"order by hits.{order}",
            [match],
        )
    ] if total else []
    if len(hits) < limit:
        seen = {h.id for h in hits}
        for r in db.query(
            f"with found as (select rowid from questions_fts where questions_fts match "
            f"'text : (' || ? || ')' order by rank limit {limit}) "
            f"select {SUMMARY_COLUMNS} from found join questions q on q.rowid = found.rowid "
            f"join answers a on a.question_id = q.id order by a.updated_at desc limit {limit}",
            [match],
        ):
            if r["id"] not in seen and len(hits) < limit:
                hits.append(summary_from_row(r))
    return hits


def count_matches(db: Database, text: str) -> int:
    """How many answers hold every word typed (their text or label)."""
    match = fts_query(text)
    if match is None:
        return 0
    return int(db.execute("select count(*) from answers_fts where answers_fts match ?",
                          [match]).fetchone()[0])


# Figures for the home screen and the progress charts -----------------------------------------

def answers_per_category(db: Database, *, current_only: bool = True) -> dict[str, int]:
    """How many answers with any words there are per category (current ones by default)."""
    # Questions first (in category order), each one's answers through the covering
    # `answers_listing` index: left to itself SQLite reads every answer row through
    # `answers_words` (320 ms at 100,000 answers instead of 27).
    sql = ("select q.category, count(*) from questions q cross join answers a "
           "on a.question_id = q.id where a.words > 0"
           + (" and a.is_current = 1" if current_only else "") + " group by q.category")
    return dict(db.execute(sql).fetchall())


def answered_by_category(db: Database) -> dict[str, tuple[int, int]]:
    """Per category: (questions with a written current answer, visible questions)."""
    # The answered questions are read once, from the covering `answers_listing` index;
    # joined row by row (through `answers_one_current`), SQLite read 10,000 answer rows
    # for their word counts (130 ms at 100,000 answers, against 80).
    rows = db.execute(
        "select category, sum(answered), count(*) from (select q.category, q.hidden, q.id in "
        "(select question_id from answers indexed by answers_listing where is_current = 1 "
        "and words > 0) as answered from questions q) where hidden = 0 or answered "
        "group by category"
    ).fetchall()
    return {category: (answered, total) for category, answered, total in rows}


@dataclass(frozen=True, slots=True)
class CategoryAnswers:
    """One category's written answers: questions with a written current answer, visible
    questions (hidden ones count when answered), and versions with words (of any question)."""

    answered: int
    questions: int
    versions: int


def category_answers(db: Database) -> dict[str, CategoryAnswers]:
    """`answered_by_category` and `answers_per_category(current_only=False)` in one pass
    over the covering `answers_listing` index (27 ms at 100,000 answers, against 40 for the
    two), for the categories that have a visible or answered question."""
    rows = db.execute(
        "select q.category, sum(coalesce(a.answered, 0)), "
        "sum(q.hidden = 0 or coalesce(a.answered, 0)) as questions, sum(coalesce(a.versions, 0)) "
        "from questions q left join (select question_id, max(is_current = 1) as answered, "
        "count(*) as versions from answers indexed by answers_listing where words > 0 "
        "group by question_id) a on a.question_id = q.id "
        "group by q.category having questions > 0"
    ).fetchall()
    return {category: CategoryAnswers(answered, questions, versions)
            for category, answered, questions, versions in rows}


def recent_answers(db: Database, limit: int = 5) -> list[AnswerSummary]:
    """The answers edited most recently (for "continue where you left off")."""
    return list_answers(db, sort="updated", limit=limit)
