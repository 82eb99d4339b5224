"""Mock interview sessions: what was asked, how long it took, how it went.

A session is stored when it starts, with every planned question (its text kept as it
was asked, so history reads the same after the bank changes); each question's thinking
and speaking time are recorded as it ends, so a session cut short keeps what was done.
A self-rating goes to the drill scheduler as a review of the question's card; rating
the same question again replaces that review rather than adding one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from question_bank.drill import parse_rating, parse_stamp, review, stamp, undo_review
from question_bank.mock_formats import FORMATS, MockFormat, Prompt, limit_for

if TYPE_CHECKING:
    from sqlite_utils import Database

OUTCOMES = ("pending", "answered", "skipped", "unreached")
MODES = ("questions", "minutes")
MAX_NOTE = 2_000


class MockError(ValueError):
    """A session request that cannot be honoured, in a sentence."""


@dataclass(frozen=True, slots=True)
class MockItem:
    id: int
    session_id: int
    position: int
    kind: str | None
    ref: str | None
    text: str
    category: str
    structure: str
    target_seconds: int
    limit_seconds: int
    think_seconds: float | None
    speak_seconds: float | None
    outcome: str
    rating: int | None
    note: str

    @property
    def aim_seconds(self) -> int:
        """What the answer aimed at: the question's target, or the session's limit if shorter
        (a stress round's cap)."""
        return min(self.target_seconds, self.limit_seconds)

    @property
    def used_ratio(self) -> float | None:
        """Speaking time against the aim (1.0 = on target), for answered questions."""
        if self.outcome != "answered" or self.speak_seconds is None or not self.aim_seconds:
            return None
        return self.speak_seconds / self.aim_seconds


@dataclass(frozen=True, slots=True)
class MockSession:
    id: int
    format: str
    program: str | None
    started_at: datetime
    ended_at: datetime | None
    mode: str
    planned_seconds: int
    think_seconds: int
    limit_seconds: int | None
    star_budgets: bool
    status: str
    items: tuple[MockItem, ...] = ()

    @property
    def label(self) -> str:
        fmt = FORMATS.get(self.format)
        return fmt.label if fmt else self.format.replace("-", " ").capitalize()

    def count(self, outcome: str) -> int:
        return sum(1 for i in self.items if i.outcome == outcome)

    @property
    def speak_seconds(self) -> float:
        return sum(i.speak_seconds or 0 for i in self.items)

    @property
    def think_total(self) -> float:
        return sum(i.think_seconds or 0 for i in self.items)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    id: int
    format: str
    program: str | None
    started_at: datetime
    ended_at: datetime | None
    status: str
    planned: int
    answered: int
    skipped: int
    rated: int
    speak_seconds: float
    target_seconds: int  # of the answered questions (each capped by its limit)

    @property
    def label(self) -> str:
        fmt = FORMATS.get(self.format)
        return fmt.label if fmt else self.format.replace("-", " ").capitalize()


def _item(row: dict[str, Any]) -> MockItem:
    return MockItem(
        id=row["id"], session_id=row["session_id"], position=row["position"], kind=row["kind"],
        ref=row["ref"], text=row["text"], category=row["category"], structure=row["structure"],
        target_seconds=row["target_seconds"], limit_seconds=row["limit_seconds"],
        think_seconds=row["think_seconds"], speak_seconds=row["speak_seconds"],
        outcome=row["outcome"], rating=row["rating"], note=row["note"] or "",
    )


def create_session(
    db: Database, *, format: str, prompts: Iterable[Prompt], started_at: datetime,
    mode: str = "questions", planned_seconds: int = 0, think_seconds: int = 0,
    limit_seconds: int | None = None, star_budgets: bool = False, program: str | None = None,
    formats: dict[str, MockFormat] | None = None,
) -> int:
    """Store a new session and its planned questions; return its id."""
    fmt = (formats or FORMATS).get(format)
    if fmt is None:
        raise MockError(f"format: {format!r} is not a mock format; expected one of "
                        + ", ".join(formats or FORMATS))
    if mode not in MODES:
        raise MockError(f"mode: {mode!r} is not one of {', '.join(MODES)}")
    prompts = list(prompts)
    if not prompts:
        raise MockError("a session needs at least one question; none matched the format")
    with db.atomic():
        cursor = db.execute(
            "insert into mock_sessions (format, program, started_at, mode, planned_seconds, "
            "think_seconds, limit_seconds, star_budgets, status) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, 'running')",
            [format, program, stamp(started_at), mode, int(planned_seconds), int(think_seconds),
             limit_seconds, int(bool(star_budgets))],
        )
        session_id = cursor.lastrowid
        assert session_id is not None  # an insert sets it
        db.table("mock_items").insert_all(
            {
                "session_id": session_id, "position": i, "kind": p.kind, "ref": p.ref,
                "text": p.text, "category": p.category, "structure": p.structure,
                "target_seconds": p.target_seconds,
                "limit_seconds": limit_for(p, fmt, limit_seconds), "outcome": "pending",
                "note": "",
            }
            for i, p in enumerate(prompts)
        )
    return session_id


def record_item(
    db: Database, session_id: int, position: int, *, think_seconds: float,
    speak_seconds: float, outcome: str, at: datetime,
) -> None:
    """Record how a question went as it ends (answered or skipped)."""
    if outcome not in OUTCOMES:
        raise MockError(f"outcome: {outcome!r} is not one of {', '.join(OUTCOMES)}")
    db.execute(
        "update mock_items set think_seconds = ?, speak_seconds = ?, outcome = ?, answered_at = ? "
        "where session_id = ? and position = ?",
        [round(float(think_seconds), 1), round(float(speak_seconds), 1), outcome, stamp(at),
         session_id, position],
    )


def finish_session(db: Database, session_id: int, *, ended_at: datetime,
                   status: str = "finished") -> None:
    """Close a session; questions never reached are marked so."""
    with db.atomic():
        db.execute("update mock_items set outcome = 'unreached' "
                   "where session_id = ? and outcome = 'pending'", [session_id])
        db.execute("update mock_sessions set ended_at = ?, status = ? where id = ?",
                   [stamp(ended_at), status, session_id])


def _item_row(db: Database, item_id: int) -> dict[str, Any]:
    rows = list(db.query("select * from mock_items where id = ?", [item_id]))
    if not rows:
        raise MockError(f"no mock interview question has the id {item_id}")
    return rows[0]


def rate_item(db: Database, item_id: int, rating: int | str, now: datetime,
              **options: Any) -> MockItem:
    """Rate how a question went; the rating reaches the drill scheduler as a review of its
    card (a re-rating replaces the earlier review). Options go to `drill.review`."""
    value = parse_rating(rating)
    with db.atomic():
        row = _item_row(db, item_id)
        if row["review_id"] is not None:
            undo_review(db, row["review_id"], scheduler=options.get("scheduler"))
        review_id = None
        if row["kind"] and row["ref"]:
            reviewed = review(db, row["kind"], row["ref"], value, now, source="mock", **options)
            review_id = reviewed.review_id
        db.execute("update mock_items set rating = ?, review_id = ? where id = ?",
                   [int(value), review_id, item_id])
    return _item(_item_row(db, item_id))


def set_item_note(db: Database, item_id: int, note: str) -> MockItem:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise MockError(f"note: is {len(note)} characters; at most {MAX_NOTE} are allowed")
    _item_row(db, item_id)
    db.execute("update mock_items set note = ? where id = ?", [note, item_id])
    return _item(_item_row(db, item_id))


def get_session(db: Database, session_id: int) -> MockSession | None:
    rows = list(db.query("select * from mock_sessions where id = ?", [session_id]))
    if not rows:
        return None
    row = rows[0]
    return MockSession(
        id=row["id"], format=row["format"], program=row["program"],
        started_at=datetime.fromisoformat(row["started_at"]),
        ended_at=parse_stamp(row["ended_at"]),
        mode=row["mode"], planned_seconds=row["planned_seconds"],
        think_seconds=row["think_seconds"], limit_seconds=row["limit_seconds"],
        star_budgets=bool(row["star_budgets"]), status=row["status"],
        items=session_items(db, session_id),
    )


def session_items(db: Database, session_id: int) -> tuple[MockItem, ...]:
    """A session's questions, in the order they were asked."""
    return tuple(_item(r) for r in db.query(
        "select * from mock_items where session_id = ? order by position", [session_id]))


def list_sessions(db: Database, *, limit: int = 200) -> list[SessionSummary]:
    """Past sessions, newest first, with their counts."""
    sql = """
        select s.*, count(i.id) as planned,
               sum(i.outcome = 'answered') as answered, sum(i.outcome = 'skipped') as skipped,
               sum(i.rating is not null) as rated,
               coalesce(sum(case when i.outcome = 'answered' then i.speak_seconds end), 0) as spoke,
               coalesce(sum(case when i.outcome = 'answered'
                                 then min(i.target_seconds, i.limit_seconds) end), 0) as targets
        from (select * from mock_sessions order by started_at desc, id desc limit ?) s
        left join mock_items i on i.session_id = s.id
        group by s.id order by s.started_at desc, s.id desc
    """
    # The newest sessions are picked first (by the `started_at` index), then counted: all
    # of them were counted before the limit (8 ms for Home's 50 of 1,000 sessions, 0.5).
    return [
        SessionSummary(
            id=r["id"], format=r["format"], program=r["program"],
            started_at=datetime.fromisoformat(r["started_at"]),
            ended_at=parse_stamp(r["ended_at"]),
            status=r["status"], planned=r["planned"] or 0, answered=r["answered"] or 0,
            skipped=r["skipped"] or 0, rated=r["rated"] or 0, speak_seconds=r["spoke"] or 0.0,
            target_seconds=r["targets"] or 0,
        )
        for r in db.query(sql, [limit])
    ]


def delete_session(db: Database, session_id: int) -> None:
    """Forget a session (its ratings stay with the scheduler: they were practice)."""
    db.execute("delete from mock_sessions where id = ?", [session_id])


def practised_counts(db: Database, kind: str = "question") -> dict[str, int]:
    """How often each ref was answered in mock sessions (to vary the next session)."""
    rows = db.execute("select ref, count(*) from mock_items "
                      "where kind = ? and outcome = 'answered' group by ref", [kind]).fetchall()
    return dict(rows)

