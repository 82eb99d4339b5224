"""Figures for the Progress charts: practice per day, time against target, rating mix.

Each function reads one window of history and returns plain values; days and weeks are
the user's own (`tz`), weeks start on Monday. Practice counts a question answered in a
mock session or rated in a drill (a mock rating is not counted twice).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqlite_utils import Database

from question_bank.drill import RATINGS, parse_stamp, stamp


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


def _local_day(text: str, tz: tzinfo) -> date:
    return parse_stamp(text).astimezone(tz).date()


def _window(start: date, days: int, tz: tzinfo) -> tuple[str, str]:
    begin = datetime.combine(start, datetime.min.time(), tzinfo=tz)
    return stamp(begin), stamp(begin + timedelta(days=days))


def practice_per_day(db: Database, start: date, days: int, tz: tzinfo) -> list[DayCount]:
    """One entry per day from `start` for `days` days (empty days included)."""
    low, high = _window(start, days, tz)
    mock: dict[date, int] = {}
    drill: dict[date, int] = {}
    for (when,) in db.execute(
        "select answered_at from mock_items where outcome = 'answered' "
        "and answered_at >= ? and answered_at < ?", [low, high]):
        day = _local_day(when, tz)
        mock[day] = mock.get(day, 0) + 1
    for (when,) in db.execute(
        "select reviewed_at from drill_reviews where source = 'drill' "
        "and reviewed_at >= ? and reviewed_at < ?", [low, high]):
        day = _local_day(when, tz)
        drill[day] = drill.get(day, 0) + 1
    days_list = [start + timedelta(days=i) for i in range(days)]
    return [DayCount(d, mock.get(d, 0), drill.get(d, 0)) for d in days_list]


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
        SessionTiming(r["id"], parse_stamp(r["started_at"]), r["format"], r["answered"],
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
    for when, rating in db.execute(
        "select reviewed_at, rating from drill_reviews where reviewed_at >= ? and reviewed_at < ?",
        [low, high]):
        counts = weeks.setdefault(week_start(_local_day(when, tz)), {n: 0 for n in RATINGS})
        counts[RATINGS[rating - 1]] += 1
    return [WeekMix(w, c) for w, c in sorted(weeks.items())]
