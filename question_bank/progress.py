"""Figures for the Progress charts: practice per day, time against target, rating mix.

Each function reads one window of history and returns plain values; days and weeks are
the user's own (`tz`), weeks start on Monday. Practice counts a question answered in a
mock session or rated in a drill (a mock rating is not counted twice).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from question_bank.drill import RATINGS, parse_stamp, stamp

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


# Stamps are grouped by the UTC hour and quarter hour they fall in: every time zone's offset
# is a whole number of quarter hours, so each group lies within one local day, and a large
# history is counted in a few thousand groups rather than row by row.
def _quarter(column: str) -> str:
    return f"substr({column}, 1, 13) as hour, substr({column}, 15, 2) / 15 as quarter"


class _LocalDays:
    """The local day of each (UTC hour, quarter) group, worked out once per group."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self.known: dict[tuple[str, int], date] = {}

    def __call__(self, hour: str, quarter: int) -> date:
        key = (hour, quarter)
        day = self.known.get(key)
        if day is None:
            moment = datetime.fromisoformat(hour + ":00+00:00") + timedelta(minutes=15 * quarter)
            day = self.known[key] = moment.astimezone(self.tz).date()
        return day


def _window(start: date, days: int, tz: tzinfo) -> tuple[str, str]:
    begin = datetime.combine(start, datetime.min.time(), tzinfo=tz)
    return stamp(begin), stamp(begin + timedelta(days=days))


def practice_per_day(db: Database, start: date, days: int, tz: tzinfo) -> list[DayCount]:
    """One entry per day from `start` for `days` days (empty days included)."""
    low, high = _window(start, days, tz)
    mock: dict[date, int] = {}
    drill: dict[date, int] = {}
    local_day = _LocalDays(tz)
    for hour, quarter, n in db.execute(
        f"select {_quarter('answered_at')}, count(*) from mock_items where outcome = 'answered' "
        "and answered_at >= ? and answered_at < ? group by hour, quarter", [low, high]):
        day = local_day(hour, quarter)
        mock[day] = mock.get(day, 0) + n
    for hour, quarter, n in db.execute(
        f"select {_quarter('reviewed_at')}, count(*) from drill_reviews where source = 'drill' "
        "and reviewed_at >= ? and reviewed_at < ? group by hour, quarter", [low, high]):
        day = local_day(hour, quarter)
        drill[day] = drill.get(day, 0) + n
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
    local_day = _LocalDays(tz)
    per_rating = ", ".join(f"sum(rating = {i + 1})" for i in range(len(RATINGS)))
    for hour, quarter, *numbers in db.execute(
        f"select {_quarter('reviewed_at')}, {per_rating} from drill_reviews "
        "where reviewed_at >= ? and reviewed_at < ? group by hour, quarter", [low, high]):
        counts = weeks.setdefault(week_start(local_day(hour, quarter)), {r: 0 for r in RATINGS})
        for name, n in zip(RATINGS, numbers, strict=True):
            counts[name] += n
    return [WeekMix(w, c) for w, c in sorted(weeks.items())]
