"""The Progress section's charts: each is one small function `(db, window) -> Chart`.

A chart is a sparkline (one value per day) or horizontal bars (one row per session or
week, each bar of coloured segments, with an optional reference mark), plus the table of
its figures. Adding a chart is adding a function to `CHARTS`; the screen draws the rest.
Colours are theme variables ("$success", "$error"...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Required, TypedDict

from question_bank.answer_lists import category_answers
from question_bank.categories import TO_ASK, categories, category_label
from question_bank.drill import RATINGS
from question_bank.mock_formats import FORMATS
from question_bank.progress import practice_per_day, rating_mix, session_timings
from question_bank.structures import format_duration

if TYPE_CHECKING:
    from sqlite_utils import Database

    from question_bank.recordings import SpokenWeek

RATING_STYLES = {"again": "$error", "hard": "$warning", "good": "$success", "easy": "$primary"}
MAX_SESSIONS = 12
PACE_BAND = 15  # words a minute either side of the user's pace that count as on pace


@dataclass(frozen=True)
class Window:
    today: date
    days: int
    tz: tzinfo

    @property
    def start(self) -> date:
        return self.today - timedelta(days=self.days - 1)

    @classmethod
    def weeks(cls, now: datetime, weeks: int) -> Window:
        if now.tzinfo is None:
            raise ValueError("a time without a time zone was given; expected an aware datetime")
        return cls(now.date(), weeks * 7, now.tzinfo)


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[tuple[float, str], ...]  # (value, style)
    note: str = ""


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    summary: str
    empty: str | None = None  # said instead of a drawing when there is nothing to draw
    spark: tuple[float, ...] = ()
    axis: tuple[str, str] = ("", "")
    bars: tuple[Bar, ...] = ()
    scale: float = 0.0  # the value a full-width bar stands for
    marker: float | None = None  # a reference value marked on every bar
    legend: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = field(default_factory=tuple)


class _Frame(TypedDict, total=False):
    """What a chart shows whether or not there is anything to draw."""

    id: Required[str]
    title: Required[str]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    legend: tuple[tuple[str, str], ...]


def _day(d: date) -> str:
    return f"{d:%a %d %b}"


def practice_chart(db: Database, window: Window) -> Chart:
    days = practice_per_day(db, window.start, window.days, window.tz)
    total = sum(d.total for d in days)
    active = [d for d in days if d.total]
    rows = tuple((_day(d.day), str(d.mock), str(d.drill), str(d.total)) for d in days)
    base = _Frame(id="practice", title="Practice per day",
                  columns=("Day", "Mock", "Drill", "Total"), rows=rows)
    if not total:
        return Chart(summary="", empty="No practice in these weeks yet. Run a mock interview "
                     "(6) or drill from Home, and each day's count shows here.", **base)
    best = max(days, key=lambda d: d.total)
    summary = (f"{total} questions practised on {len(active)} of {len(days)} days · "
               f"busiest {_day(best.day)} ({best.total}) · "
               f"{sum(d.mock for d in days)} in mock interviews, "
               f"{sum(d.drill for d in days)} drilled")
    return Chart(summary=summary, spark=tuple(float(d.total) for d in days),
                 axis=(f"{days[0].day:%d %b}", "today"), **base)


def _timing_style(ratio: float) -> str:
    if ratio > 1.15:
        return "$error"
    if ratio < 0.7:
        return "$warning"
    return "$success"


def _timing_sign(ratio: float) -> str:
    """The same verdict as a sign, for a reader without colour: ▲ long, ▼ short."""
    return " ▲" if ratio > 1.15 else " ▼" if ratio < 0.7 else ""


def timing_chart(db: Database, window: Window) -> Chart:
    sessions = session_timings(db, window.start, window.days, window.tz)[-MAX_SESSIONS:]
    base = _Frame(id="timing", title="Time used against target",
                  columns=("Session", "Answers", "Spoke", "Target", "Used", "Over limit"))
    if not sessions:
        return Chart(summary="", empty="No mock interview answered in these weeks yet. Each "
                     "session's speaking time against the targets shows here.", **base)
    bars, rows = [], []
    for s in sessions:
        fmt = FORMATS.get(s.format)
        name = fmt.label.split()[0] if fmt else s.format
        label = f"{s.started_at.astimezone(window.tz):%d %b} {name}"
        bars.append(Bar(label, ((s.ratio * 100, _timing_style(s.ratio)),),
                        f"{s.ratio:.0%}{_timing_sign(s.ratio)}"))
        rows.append((label, str(s.answered), format_duration(s.speak_seconds),
                     format_duration(s.target_seconds), f"{s.ratio:.0%}", str(s.over)))
    spoke = sum(s.speak_seconds for s in sessions)
    target = sum(s.target_seconds for s in sessions)
    overall = spoke / target if target else 0
    summary = (f"On average you used {overall:.0%} of the target time "
               f"({format_duration(spoke)} spoken against {format_duration(target)}); "
               "the mark is 100%.")
    scale = max(150.0, max(b.segments[0][0] for b in bars))
    base["legend"] = (("▼ too short", "$warning"), ("on target", "$success"),
                      ("▲ too long", "$error"))
    base["rows"] = tuple(rows)
    return Chart(summary=summary, bars=tuple(bars), scale=scale, marker=100.0, **base)


def ratings_chart(db: Database, window: Window) -> Chart:
    weeks = rating_mix(db, window.start, window.days, window.tz)
    base = _Frame(id="ratings", title="Ratings over time",
                  columns=("Week of", *(r.capitalize() for r in RATINGS), "Total"),
                  rows=tuple((f"{w.week:%d %b}", *(str(w.counts.get(r, 0)) for r in RATINGS),
                              str(w.total)) for w in weeks),
                  legend=tuple((r, RATING_STYLES[r]) for r in RATINGS))
    total = sum(w.total for w in weeks)
    if not total:
        return Chart(summary="", empty="No ratings in these weeks yet. Rate your answers in a "
                     "drill or a mock review, and the mix of again / hard / good / easy shows "
                     "here week by week.", **base)
    bars = tuple(
        Bar(f"wk {w.week:%d %b}",
            tuple((float(w.counts.get(r, 0)), RATING_STYLES[r]) for r in RATINGS),
            str(w.total) if w.total else "")
        for w in weeks
    )
    good = sum(w.counts.get("good", 0) + w.counts.get("easy", 0) for w in weeks)
    summary = f"{total} ratings · {good / total:.0%} good or easy"
    return Chart(summary=summary, bars=bars, scale=float(max(w.total for w in weeks)), **base)


def answers_chart(db: Database, window: Window) -> Chart:
    """Answers written per category, all time: questions with a written current answer
    against the category's questions, and how many versions there are in all."""
    # Questions *to ask* are the user's, not answered: they are left out (as on Home).
    read = {c: n for c, n in category_answers(db).items() if c != TO_ASK}
    answered = {c: (n.answered, n.questions) for c, n in read.items()}
    versions = {c: n.versions for c, n in read.items()}
    order = [c.id for c in categories()]
    ids = sorted(answered, key=lambda c: (order.index(c) if c in order else len(order), c))
    rows, bars = [], []
    for cid in ids:
        done, total = answered[cid]
        share = done / total if total else 0.0
        rows.append((category_label(cid), str(done), str(total), f"{share:.0%}",
                     str(versions.get(cid, 0))))
        bars.append(Bar(category_label(cid), ((float(done), "$success"),
                                              (float(total - done), "$foreground-disabled")),
                        f"{done}/{total}"))
    base = _Frame(id="answers", title="Answers written per category",
                  columns=("Category", "Answered", "Questions", "Share", "Versions"),
                  rows=tuple(rows),
                  legend=(("answered", "$success"), ("not yet", "$foreground-disabled")))
    written = sum(done for done, _ in answered.values())
    if not written:
        return Chart(summary="", empty="No answers written yet. Open a question (2) and press "
                     "enter to write one; each category's share shows here.", **base)
    total = sum(t for _, t in answered.values())
    untouched = [category_label(c) for c in ids if answered[c][1] and not answered[c][0]]
    summary = (f"{written} of the {total} questions you may be asked have a written answer "
               f"({written / total:.0%})")
    if untouched:
        summary += f" · none yet in {', '.join(untouched[:3])}" + ("…" if len(untouched) > 3
                                                                   else "")
    return Chart(summary=summary, bars=tuple(bars),
                 scale=float(max(t for _, t in answered.values())), **base)


def _week(monday: str) -> str:
    return f"{date.fromisoformat(monday):%d %b}"


def _spoken_weeks(db: Database, window: Window) -> list[SpokenWeek]:
    from question_bank.recordings import spoken_by_week

    since = datetime.combine(window.start, time(), tzinfo=window.tz)
    return spoken_by_week(db, since)


NOT_RECORDED = ("No recorded answers in these weeks yet. Turn on “Record my answers” in a mock "
                "interview's setup (6), and {what} shows here week by week.")


def pace_chart(db: Database, window: Window) -> Chart:
    """Words a minute of the recorded answers, week by week, against the user's pace."""
    from tui.practice.pace import read_pace

    pace = read_pace(db)
    weeks = [w for w in _spoken_weeks(db, window) if w.wpm is not None]
    base = _Frame(id="pace", title="Speaking pace (recorded answers)",
                  columns=("Week of", "Answers", "Words a minute"),
                  legend=(("slow", "$warning"), ("on pace", "$success"), ("fast", "$error")),
                  rows=tuple((_week(w.week_start), str(w.answers), f"{w.wpm:.0f}")
                             for w in weeks))
    if not weeks:
        return Chart(summary="", empty=NOT_RECORDED.format(what="your pace"), **base)
    bars = []
    for w in weeks:
        wpm = float(w.wpm or 0)
        style = ("$success" if abs(wpm - pace) <= PACE_BAND else
                 "$error" if wpm > pace else "$warning")
        bars.append(Bar(f"wk {_week(w.week_start)}", ((wpm, style),), f"{wpm:.0f}"))
    latest = weeks[-1].wpm or 0
    summary = (f"Latest week {latest:.0f} words a minute over your speaking time; your pace is "
               f"{pace} (the mark), {pace - PACE_BAND}-{pace + PACE_BAND} counts as on pace.")
    return Chart(summary=summary, bars=tuple(bars), marker=float(pace),
                 scale=max(200.0, max(b.segments[0][0] for b in bars)), **base)


def fillers_chart(db: Database, window: Window) -> Chart:
    """Filler words a minute of the recorded answers, week by week."""
    weeks = [w for w in _spoken_weeks(db, window) if w.fillers_per_minute is not None]
    base = _Frame(id="fillers", title="Filler words a minute (recorded answers)",
                  columns=("Week of", "Answers", "Fillers a minute"),
                  rows=tuple((_week(w.week_start), str(w.answers),
                              f"{w.fillers_per_minute:.1f}") for w in weeks),
                  legend=(("under 2", "$success"), ("2 to 4", "$warning"),
                          ("4 or more", "$error")))
    if not weeks:
        return Chart(summary="", empty=NOT_RECORDED.format(what="how many “um”s"), **base)
    bars = []
    for w in weeks:
        fpm = float(w.fillers_per_minute or 0)
        style = "$success" if fpm < 2 else ("$warning" if fpm < 4 else "$error")
        bars.append(Bar(f"wk {_week(w.week_start)}", ((fpm, style),), f"{fpm:.1f}"))
    first, last = weeks[0].fillers_per_minute or 0, weeks[-1].fillers_per_minute or 0
    summary = (f"Latest week {last:.1f} fillers a minute (first week shown: {first:.1f}); "
               "only clear ones are counted (“um”, “uh”, and “like” set off by pauses).")
    return Chart(summary=summary, bars=tuple(bars),
                 scale=max(6.0, max(b.segments[0][0] for b in bars)), **base)


# The charts, in the order shown. One more chart is one more function here.
CHARTS: list[Callable[[Database, Window], Chart]] = [practice_chart, timing_chart, ratings_chart,
                                                     answers_chart, pace_chart, fillers_chart]
