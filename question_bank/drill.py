"""Drilling: every rated thing is an FSRS card; the scheduler decides when it is due again.

A card is keyed by `kind` and `ref`: kind "question" with a question id for the bank,
and other kinds for other material (a program's "why us" reasons, say, added by the part
that owns it). A card may carry a deadline, `due_by` (an interview's start): it must then
be reviewed within the `window` before it (24 hours unless told otherwise). Until that
review is done the card counts as due from the moment the window opens, whatever FSRS
says; after the deadline it is an ordinary card again, unless it also stops there
(`stop_at`: rehearsal material for one interview is never due once the interview begins;
`retire_cards` stops cards at once, keeping their reviews in the log).

Every function takes the database and an aware `now`; nothing here reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from fsrs import Card, Rating, ReviewLog, Scheduler, State

from question_bank.profile import Profile, fits, stored_fits_test
from question_bank.questions import Question

if TYPE_CHECKING:
    from sqlite_utils import Database

QUESTION = "question"
RATINGS = ("again", "hard", "good", "easy")  # Rating 1..4, in the order of the keys 1..4
DEFAULT_WINDOW = timedelta(hours=24)
SOURCES = ("drill", "mock")


class DrillError(ValueError):
    """A rating or a card request that cannot be honoured, in a sentence."""


@dataclass(frozen=True, slots=True)
class DrillCard:
    id: int
    kind: str
    ref: str
    state: State
    due: datetime
    last_review: datetime | None
    reps: int
    lapses: int
    due_by: datetime | None
    review_from: datetime | None
    stability: float | None
    stop_at: datetime | None = None

    def live(self, now: datetime) -> bool:
        """Whether the card can still be due (it has not stopped)."""
        return self.stop_at is None or self.stop_at > now

    @property
    def is_new(self) -> bool:
        return self.reps == 0

    def deadline_pending(self, now: datetime) -> bool:
        """A deadline still ahead whose rehearsal window has not yet seen a review."""
        if self.due_by is None or self.review_from is None or self.due_by <= now:
            return False
        return self.last_review is None or self.last_review < self.review_from

    def effective_due(self, now: datetime) -> datetime:
        pending = self.deadline_pending(now)
        if pending and self.review_from is not None and self.review_from < self.due:
            return self.review_from
        return self.due


@dataclass(frozen=True, slots=True)
class Reviewed:
    card: DrillCard
    review_id: int
    rating: int


# Timestamps ---------------------------------------------------------------------------

def stamp(moment: datetime) -> str:
    """The stored form of an instant: ISO 8601, UTC, to the second (text order = time order)."""
    if moment.tzinfo is None:
        raise DrillError("a time without a time zone was given; expected an aware datetime")
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_stamp(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise DrillError("a time without a time zone was given; expected an aware datetime")
    return moment.astimezone(UTC)


# Ratings ------------------------------------------------------------------------------

def parse_rating(value: int | str | Rating) -> Rating:
    """A rating from 1-4, a Rating, or its name ("again", "hard", "good", "easy")."""
    if isinstance(value, str) and not value.strip().isdigit():
        name = value.strip().lower()
        if name in RATINGS:
            return Rating(RATINGS.index(name) + 1)
        raise DrillError(f"rating: {value!r} is not a rating; expected one of {', '.join(RATINGS)}")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise DrillError(f"rating: {value!r} is not a rating; expected 1 to 4") from None
    if not 1 <= number <= 4:
        raise DrillError(f"rating: {number} is out of range; expected 1 (again) to 4 (easy)")
    return Rating(number)


def rating_name(value: int) -> str:
    return RATINGS[int(value) - 1]


def make_scheduler(*, fuzzing: bool = True) -> Scheduler:
    """FSRS with one 10-minute (re)learning step: an answer rated good or easy the first
    time graduates at once (days, not minutes); again comes back in 10 minutes, so a drill
    can ask it once more at the end of the session."""
    steps = (timedelta(minutes=10),)
    return Scheduler(learning_steps=steps, relearning_steps=steps, enable_fuzzing=fuzzing)


@cache
def default_scheduler() -> Scheduler:
    return make_scheduler()


# Cards --------------------------------------------------------------------------------

def _card(row: dict[str, Any]) -> DrillCard:
    return DrillCard(
        id=row["id"], kind=row["kind"], ref=row["ref"], state=State(row["state"]),
        due=datetime.fromisoformat(row["due"]), last_review=parse_stamp(row["last_review"]),
        reps=row["reps"], lapses=row["lapses"], due_by=parse_stamp(row["due_by"]),
        review_from=parse_stamp(row["review_from"]), stability=row["stability"],
        stop_at=parse_stamp(row.get("stop_at")),
    )


def _fsrs_card(row: dict[str, Any]) -> Card:
    return Card(
        card_id=row["id"], state=State(row["state"]), step=row["step"],
        stability=row["stability"], difficulty=row["difficulty"],
        due=parse_stamp(row["due"]), last_review=parse_stamp(row["last_review"]),
    )


def _row(db: Database, kind: str, ref: str) -> dict[str, Any] | None:
    rows = list(db.query("select * from drill_cards where kind = ? and ref = ?", [kind, ref]))
    return rows[0] if rows else None


def _existing_row(db: Database, kind: str, ref: str) -> dict[str, Any]:
    """The row of a card that `ensure_card` has made sure of."""
    row = _row(db, kind, ref)
    if row is None:
        raise DrillError(f"there is no card {ref!r} of kind {kind!r}")
    return row


def get_card(db: Database, kind: str, ref: str) -> DrillCard | None:
    row = _row(db, kind, ref)
    return _card(row) if row else None


def ensure_card(
    db: Database, kind: str, ref: str, *, now: datetime, due: datetime | None = None,
    due_by: datetime | None = None, window: timedelta = DEFAULT_WINDOW,
) -> DrillCard:
    """The card for `kind`/`ref`, created new (due at `due`, else `now`) if it does not exist.

    `due_by` sets (or, for an existing card, replaces) its deadline; see `set_due_by`.
    """
    if not kind or not ref:
        raise DrillError("a card needs a kind and a ref")
    if _row(db, kind, ref) is None:
        db.execute(
            "insert into drill_cards (kind, ref, state, step, due, created_at) "
            "values (?, ?, ?, 0, ?, ?)",
            [kind, ref, int(State.Learning), stamp(due or now), stamp(now)],
        )
    if due_by is not None:
        set_due_by(db, kind, ref, due_by, window=window)
    return _card(_existing_row(db, kind, ref))


def set_due_by(
    db: Database, kind: str, ref: str, due_by: datetime | None, *,
    window: timedelta = DEFAULT_WINDOW, stop: bool = False,
) -> None:
    """Require a review of this card within `window` before `due_by` (None clears it).

    With `stop`, the card also stops at `due_by`: it is never due from then on (material
    for one interview); otherwise any earlier stop is lifted.
    """
    values: list[str | None]
    if due_by is None:
        values = [None, None, None]
    else:
        values = [stamp(due_by), stamp(_utc(due_by) - window), stamp(due_by) if stop else None]
    db.execute("update drill_cards set due_by = ?, review_from = ?, stop_at = ? "
               "where kind = ? and ref = ?", [*values, kind, ref])


def retire_cards(db: Database, kind: str, refs: list[str], now: datetime) -> int:
    """Stop cards at `now` (their reviews stay in the log); return how many were live."""
    count = 0
    for start in range(0, len(refs), 500):
        chunk = refs[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        cursor = db.execute(
            f"update drill_cards set stop_at = ? where kind = ? and ref in ({marks}) "
            "and (stop_at is null or stop_at > ?)", [stamp(now), kind, *chunk, stamp(now)])
        count += cursor.rowcount
    return count


def cards_of(db: Database, kind: str, prefix: str = "") -> list[DrillCard]:
    """Every card of `kind` (whose ref starts with `prefix`), live or stopped, by id."""
    rows = db.query("select * from drill_cards where kind = ? and substr(ref, 1, ?) = ? "
                    "order by id", [kind, len(prefix), prefix])
    return [_card(row) for row in rows]


@dataclass(frozen=True, slots=True)
class Deadline:
    """A card's deadline and stop, without the rest of it (`card_deadlines`)."""

    due_by: datetime | None
    stop_at: datetime | None

    def live(self, now: datetime) -> bool:
        return self.stop_at is None or self.stop_at > now


def card_deadlines(db: Database, kind: str) -> dict[str, Deadline]:
    """Every card of `kind` by ref: its deadline and stop (what keeping cards in step with
    their material compares; `cards_of` makes whole cards, five times the work)."""
    return {ref: Deadline(parse_stamp(due_by), parse_stamp(stop_at)) for ref, due_by, stop_at
            in db.execute("select ref, due_by, stop_at from drill_cards where kind = ?",
                          [kind])}


def remove_cards(db: Database, kind: str, refs: list[str] | None = None) -> int:
    """Forget cards of `kind` (those in `refs`, or all), with their reviews."""
    if refs is None:
        cursor = db.execute("delete from drill_cards where kind = ?", [kind])
    else:
        marks = ",".join("?" for _ in refs) or "null"
        cursor = db.execute(f"delete from drill_cards where kind = ? and ref in ({marks})",
                            [kind, *refs])
    return cursor.rowcount


# Reviewing ----------------------------------------------------------------------------

def _store(db: Database, card: Card, *, reps: int, lapses: int) -> None:
    db.execute(
        "update drill_cards set state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
        "last_review = ?, reps = ?, lapses = ? where id = ?",
        [int(card.state), card.step, card.stability, card.difficulty, stamp(card.due),
         stamp(card.last_review) if card.last_review else None, reps, lapses, card.card_id],
    )


def review(
    db: Database, kind: str, ref: str, rating: int | str | Rating, now: datetime, *,
    duration_ms: int | None = None, source: str = "drill", scheduler: Scheduler | None = None,
) -> Reviewed:
    """Rate a card (made if new); FSRS sets its next due; the review is logged."""
    value = parse_rating(rating)
    if source not in SOURCES:
        raise DrillError(f"source: {source!r} is not one of {', '.join(SOURCES)}")
    scheduler = scheduler or default_scheduler()
    when = _utc(now).replace(microsecond=0)
    with db.atomic():
        ensure_card(db, kind, ref, now=when)
        row = _existing_row(db, kind, ref)
        card, _log = scheduler.review_card(_fsrs_card(row), value, review_datetime=when)
        lapses = row["lapses"] + (1 if value == Rating.Again and row["reps"] else 0)
        _store(db, card, reps=row["reps"] + 1, lapses=lapses)
        cursor = db.execute(
            "insert into drill_reviews (card_id, rating, reviewed_at, duration_ms, source) "
            "values (?, ?, ?, ?, ?)",
            [row["id"], int(value), stamp(when), duration_ms, source],
        )
    assert cursor.lastrowid is not None  # an insert sets it
    return Reviewed(_card(_existing_row(db, kind, ref)), cursor.lastrowid, int(value))


def rate(db: Database, question_id: str, rating: int | str | Rating, now: datetime,
         **options: Any) -> Reviewed:
    """Rate a bank question (again / hard / good / easy); see `review`."""
    return review(db, QUESTION, question_id, rating, now, **options)


def undo_review(db: Database, review_id: int, *, scheduler: Scheduler | None = None) -> None:
    """Take a review back: the card is rescheduled from the reviews that remain."""
    rows = list(db.query("select card_id from drill_reviews where id = ?", [review_id]))
    if not rows:
        return
    card_id = rows[0]["card_id"]
    scheduler = scheduler or default_scheduler()
    with db.atomic():
        db.execute("delete from drill_reviews where id = ?", [review_id])
        logs = [
            ReviewLog(card_id, Rating(r["rating"]), datetime.fromisoformat(r["reviewed_at"]),
                      r["duration_ms"])
            for r in db.query("select * from drill_reviews where card_id = ? "
                              "order by reviewed_at, id", [card_id])
        ]
        row = next(db.query("select * from drill_cards where id = ?", [card_id]))
        fresh = Card(card_id=card_id, due=parse_stamp(row["created_at"]))
        card = scheduler.reschedule_card(fresh, logs) if logs else fresh
        lapses = sum(1 for i, log in enumerate(logs) if i and log.rating == Rating.Again)
        _store(db, card, reps=len(logs), lapses=lapses)


# What is due --------------------------------------------------------------------------

_PENDING = ("(c.due_by is not null and c.due_by > :now and "
            "(c.last_review is null or c.last_review < c.review_from))")
_EFFECTIVE = (f"(case when {_PENDING} and c.review_from < c.due then c.review_from "
              "else c.due end)")
# A card that has stopped, or that falls due only once it has stopped, is never due.
_LIVE = f"(c.stop_at is null or (c.stop_at > :now and {_EFFECTIVE} < c.stop_at))"


def _kinds_clause(kinds: tuple[str, ...] | None, params: dict[str, str]) -> str:
    if not kinds:
        return ""
    names = []
    for i, kind in enumerate(kinds):
        params[f"kind{i}"] = kind
        names.append(f":kind{i}")
    return f" and c.kind in ({', '.join(names)})"


def due(
    db: Database, now: datetime, *, until: datetime | None = None,
    kinds: tuple[str, ...] | None = None, limit: int | None = None,
) -> list[DrillCard]:
    """Cards due by `until` (default: now): pending deadlines first (nearest first), then
    by when they fell due."""
    params = {"now": stamp(now), "until": stamp(until or now)}
    sql = (
        f"select c.* from drill_cards c where {_EFFECTIVE} <= :until and {_LIVE}"
        + _kinds_clause(kinds, params)
        + f" order by {_PENDING} desc, case when {_PENDING} then c.due_by end, {_EFFECTIVE}, c.id"
    )
    if limit:
        sql += f" limit {int(limit)}"
    return [_card(row) for row in db.query(sql, params)]


def due_count(db: Database, now: datetime, *, until: datetime | None = None,
              kinds: tuple[str, ...] | None = None) -> int:
    params = {"now": stamp(now), "until": stamp(until or now)}
    sql = (f"select count(*) from drill_cards c where {_EFFECTIVE} <= :until and {_LIVE}"
           + _kinds_clause(kinds, params))
    return int(db.execute(sql, params).fetchone()[0])


def next_due(db: Database, now: datetime, *, after: datetime | None = None,
             kinds: tuple[str, ...] | None = None) -> datetime | None:
    """When the next card falls due after `after` (default: now), or None."""
    params = {"now": stamp(now), "after": stamp(after or now)}
    sql = (f"select min({_EFFECTIVE}) from drill_cards c where {_EFFECTIVE} > :after "
           f"and {_LIVE}" + _kinds_clause(kinds, params))
    return parse_stamp(db.execute(sql, params).fetchone()[0])


def due_questions(db: Database, now: datetime, *, until: datetime | None = None,
                  limit: int | None = None, fitting: Profile | None = None,
                  ) -> list[tuple[Question, DrillCard]]:
    """Due bank questions (hidden ones left out, and with `fitting` those that do not fit
    that profile), in the order of `due`."""
    cards = due(db, now, until=until, kinds=(QUESTION,))
    if not cards:
        return []
    by_id = _visible_questions(db, [c.ref for c in cards])
    pairs = [(by_id[c.ref], c) for c in cards if c.ref in by_id
             and (fitting is None or fits(by_id[c.ref], fitting))]
    return pairs[:limit] if limit else pairs


def due_question_counts(db: Database, now: datetime, *, until: datetime,
                        fitting: Profile | None = None) -> tuple[int, int]:
    """How many `due_questions` there are by `until` and by now, counted in one read,
    without making the questions (Home shows only the numbers). Counted per premise list
    in SQL: a row per due card (hundreds) was handed to Python one at a time."""
    params = {"now": stamp(now), "until": stamp(max(until, now))}
    rows = db.execute(
        f"select {_EFFECTIVE} <= :now, q.presumes, count(*) from drill_cards c "
        f"join questions q on q.id = c.ref and q.hidden = 0 "
        f"where {_EFFECTIVE} <= :until and {_LIVE}" + _kinds_clause((QUESTION,), params)
        + " group by 1, 2", params).fetchall()
    fits_profile = stored_fits_test(fitting)
    fit = [(due_now, n) for due_now, presumes, n in rows
           if fitting is None or fits_profile(presumes)]
    return sum(n for _, n in fit), sum(n for due_now, n in fit if due_now)


def _visible_questions(db: Database, ids: list[str]) -> dict[str, Question]:
    found: dict[str, Question] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        for row in db.query(f"select * from questions where hidden = 0 and id in ({marks})", chunk):
            found[row["id"]] = Question.from_row(row)
    return found


def new_questions(db: Database, categories: list[str] | tuple[str, ...], *,
                  limit: int = 10, fitting: Profile | None = None) -> list[Question]:
    """Visible questions never rated (with `fitting`, only those that fit that profile),
    taken in turn from each category (bank order within)."""
    queues: list[list[Question]] = []
    for category in categories:
        rows = db.query(
            "select q.* from questions q where q.hidden = 0 and q.category = ? and not exists "
            "(select 1 from drill_cards c where c.kind = 'question' and c.ref = q.id) "
            "order by q.rowid limit ?", [category, -1 if fitting is not None else limit])
        found = [Question.from_row(r) for r in rows]
        if fitting is not None:
            found = [q for q in found if fits(q, fitting)][:limit]
        queues.append(found)
    picked: list[Question] = []
    while len(picked) < limit and any(queues):
        for queue in queues:
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return picked


def new_count(db: Database, categories: list[str] | tuple[str, ...], *,
              fitting: Profile | None = None) -> int:
    """How many visible questions of these categories were never rated (with `fitting`,
    only those that fit that profile)."""
    if not categories:
        return 0
    marks = ",".join("?" for _ in categories)
    where = (f"from questions q where q.hidden = 0 and q.category in ({marks}) and not exists "
             "(select 1 from drill_cards c where c.kind = 'question' and c.ref = q.id)")
    if fitting is None:
        return int(db.execute(f"select count(*) {where}", list(categories)).fetchone()[0])
    rows = db.execute(f"select q.presumes {where}", list(categories)).fetchall()
    fits_profile = stored_fits_test(fitting)
    return sum(1 for (presumes,) in rows if fits_profile(presumes))


def reviews_since(db: Database, since: datetime, *, source: str | None = None) -> int:
    sql = "select count(*) from drill_reviews where reviewed_at >= ?"
    params: list[str] = [stamp(since)]
    if source:
        sql += " and source = ?"
        params.append(source)
    return int(db.execute(sql, params).fetchone()[0])


def card_count(db: Database, kind: str = QUESTION) -> int:
    return int(db.execute("select count(*) from drill_cards where kind = ? and reps > 0",
                          [kind]).fetchone()[0])
