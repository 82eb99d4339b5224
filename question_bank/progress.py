"""Figures for the Progress charts: practice per day, time against target, rating mix.

Each function reads one window of history and returns plain values; days and weeks are
the user's own (`tz`), weeks start on Monday. Practice counts a question answered in a
mock session or rated in a drill (a mock rating is not counted twice).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from itertools import pairwise
from typing import TYPE_CHECKING

from question_bank.drill import RATINGS, stamp

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    mock: int
    drill: int

    @property
    def total(self) -> int:
        return self.mock + self.drill


@dataclass(frozen=True, slots=True)
class SessionTiming:
    session_id: int
    started_at: datetime
    format: str
    answered: int
    speak_seconds: float
    target_seconds: int  # each answer's target, or its limit where shorter
    over: int  # answers longer than their limit

    @property
    def ratio(self) -> float:
        return self.speak_seconds / self.target_seconds if self.target_seconds else 0.0


@dataclass(frozen=True, slots=True)
class WeekMix:
    week: date  # its Monday
    counts: dict[str, int] = field(default_factory=dict)  # rating name -> count

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# Stamps are counted per local day inside SQLite: the window is cut where the zone's UTC
# offset changes (a daylight-saving switch, rarely more than one in a window), and each
# stamp is shifted by its stretch's offset before its date is taken. A large history is
# then a few dozen rows out of SQLite, not one per stamp or per quarter hour (returning
# thousands of rows is slow while the interface thread is busy: each row is a hand-over).


def _offset_changes(begin: datetime, end: datetime, tz: tzinfo) -> list[tuple[datetime, int]]:
    """The stretches of [begin, end) with one UTC offset: (from when, offset in minutes)."""

    def offset(moment: datetime) -> int:
        local = moment.astimezone(tz).utcoffset()  # None only from a broken tzinfo: UTC
        return int(local.total_seconds() // 60) if local is not None else 0

    begin, end = begin.astimezone(UTC), end.astimezone(UTC)
    out = [(begin, offset(begin))]
    day = begin
    while day < end:
        later = min(day + timedelta(days=1), end)
        if offset(later) != out[-1][1]:  # it changes within (day, later]: find the minute
            low, high = day, later
            while high - low > timedelta(minutes=1):
                middle = low + timedelta(minutes=(high - low) // timedelta(minutes=1) // 2)
                low, high = (middle, high) if offset(middle) == out[-1][1] else (low, middle)
            out.append((high, offset(high)))
        day = later
    return out


def _local_date(column: str, begin: datetime, end: datetime,
                tz: tzinfo) -> tuple[str, list[str]]:
    """SQL for the local date (YYYY-MM-DD) of a stamp column, and its parameters."""
    changes = _offset_changes(begin, end, tz)
    params: list[str] = []
    cases = []
    for (_, minutes), (until, _) in pairwise(changes):
        cases.append(f"when {column} < ? then ?")
        params += [stamp(until), f"{minutes:+d} minutes"]
    params.append(f"{changes[-1][1]:+d} minutes")
    shift = f"case {' '.join(cases)} else ? end" if cases else "?"
    return f"date({column}, {shift})", params


def _bounds(start: date, days: int, tz: tzinfo) -> tuple[datetime, datetime]:
    begin = datetime.combine(start, datetime.min.time(), tzinfo=tz)
    return begin, begin + timedelta(days=days)


def _window(start: date, days: int, tz: tzinfo) -> tuple[str, str]:
    begin, end = _bounds(start, days, tz)
    return stamp(begin), stamp(end)


def practice_per_day(db: Database, start: date, days: int, tz: tzinfo) -> list[DayCount]:
    """One entry per day from `start` for `days` days (empty days included)."""
    low, high = _window(start, days, tz)
    counts: dict[str, dict[date, int]] = {"mock": {}, "drill": {}}
    for kind, column, table, where in (
            ("mock", "answered_at", "mock_items", "outcome = 'answered'"),
            ("drill", "reviewed_at", "drill_reviews", "source = 'drill'")):
        local, params = _local_date(column, *_bounds(start, days, tz), tz)
        for day, n in db.execute(
                f"select {local} as day, count(*) from {table} where {where} "
                f"and {column} >= ? and {column} < ? group by day", [*params, low, high]):
            counts[kind][date.fromisoformat(day)] = n
    days_list = [start + timedelta(days=i) for i in range(days)]
    return [DayCount(d, counts["mock"].get(d, 0), counts["drill"].get(d, 0)) for d in days_list]


def session_timings(db: Database, start: date, days: int, tz: tzinfo) -> list[SessionTiming]:
    """Sessions started in the window with at least one answer, oldest first."""
    low, high = _window(start, days, tz)
    rows = db.query(
        """
        select s.id, s.started_at, s.format, count(i.id) as answered,
               sum(i.speak_seconds) as spoke,
               sum(min(i.target_seconds, i.limit_seconds)) as targets,
               sum(i.speak_seconds > i.limit_seconds) as over
        from mock_sessions s join mock_items i on i.session_id = s.id
        where i.outcome = 'answered' and s.started_at >= ? and s.started_at < ?
        group by s.id order by s.started_at, s.id
        """, [low, high])
    return [
        SessionTiming(r["id"], datetime.fromisoformat(r["started_at"]), r["format"], r["answered"],
                      r["spoke"] or 0.0, r["targets"] or 0, r["over"] or 0)
        for r in rows
    ]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def rating_mix(db: Database, start: date, days: int, tz: tzinfo) -> list[WeekMix]:
    """Ratings (from drills and mock reviews) per week, every week of the window."""
    low, high = _window(start, days, tz)
    weeks: dict[date, dict[str, int]] = {}
    first = week_start(start)
    last = week_start(start + timedelta(days=days - 1))
    week = first
    while week <= last:
        weeks[week] = {name: 0 for name in RATINGS}
        week += timedelta(days=7)
    local, params = _local_date("reviewed_at", *_bounds(start, days, tz), tz)
    per_rating = ", ".join(f"sum(rating = {i + 1})" for i in range(len(RATINGS)))
    for day, *numbers in db.execute(
        f"select {local} as day, {per_rating} from drill_reviews "
        "where reviewed_at >= ? and reviewed_at < ? group by day", [*params, low, high]):
        counts = weeks.setdefault(week_start(date.fromisoformat(day)), {r: 0 for r in RATINGS})
        for name, n in zip(RATINGS, numbers, strict=True):
            counts[name] += n
    return [WeekMix(w, c) for w, c in sorted(weeks.items())]
