"""Progress figures: per local day, per session, per week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from question_bank import drill, mock, progress
from question_bank.mock_formats import prompt_from_question
from question_bank.questions import list_questions

TZ = ZoneInfo("America/Chicago")


def test_empty_history_gives_empty_days_and_weeks(db):
    days = progress.practice_per_day(db, date(2025, 3, 1), 28, TZ)
    assert len(days) == 28 and all(d.total == 0 for d in days)
    assert progress.session_timings(db, date(2025, 3, 1), 28, TZ) == []
    weeks = progress.rating_mix(db, date(2025, 3, 3), 28, TZ)
    assert [w.week for w in weeks] == [date(2025, 3, 3) + timedelta(days=7 * i) for i in range(4)]
    assert all(w.total == 0 for w in weeks)


def test_practice_timing_and_ratings_by_local_day(db):
    qs = list_questions(db, category="behavioral")[:2]
    # 02:30 UTC on 5 March is still 4 March in Chicago.
    late = datetime(2025, 3, 5, 2, 30, tzinfo=UTC)
    session_id = mock.create_session(db, format="faculty", started_at=late,
                                     prompts=[prompt_from_question(q) for q in qs])
    mock.record_item(db, session_id, 0, think_seconds=5, speak_seconds=150, outcome="answered",
                     at=late)
    mock.record_item(db, session_id, 1, think_seconds=5, speak_seconds=0, outcome="skipped",
                     at=late)
    item = mock.get_session(db, session_id).items[0]
    mock.rate_item(db, item.id, "hard", late)
    drill.rate(db, qs[1].id, "good", datetime(2025, 3, 6, 15, 0, tzinfo=UTC))
    days = {d.day: d for d in progress.practice_per_day(db, date(2025, 3, 1), 14, TZ)}
    assert (days[date(2025, 3, 4)].mock, days[date(2025, 3, 4)].drill) == (1, 0)
    assert days[date(2025, 3, 6)].drill == 1 and days[date(2025, 3, 5)].total == 0
    [timing] = progress.session_timings(db, date(2025, 3, 1), 14, TZ)
    assert timing.answered == 1 and timing.over == 1
    assert timing.ratio == 150 / qs[0].target_seconds
    weeks = progress.rating_mix(db, date(2025, 3, 1), 14, TZ)
    march3 = next(w for w in weeks if w.week == date(2025, 3, 3))
    assert march3.counts == {"again": 0, "hard": 1, "good": 1, "easy": 0}
