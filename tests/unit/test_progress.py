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


def test_the_demo_fills_weeks_of_practice_with_a_bracketed_note(tmp_path):
    from tui.cli.open import fill_demo
    from tui.store.database import connect

    path = tmp_path / "demo.db"
    fill_demo(path)
    db = connect(path)
    try:
        sessions = mock.list_sessions(db)
        assert len(sessions) >= 6 and {s.format for s in sessions} == {"faculty", "resident",
                                                                       "stress", "program"}
        notes = [i.note for s in sessions for i in mock.get_session(db, s.id).items if i.note]
        assert any("[/]" in n and "[Situation]" in n and "🎯" in n for n in notes)
        texts = [i.text for s in sessions for i in mock.get_session(db, s.id).items]
        assert any("[/]" in t and "🩻" in t for t in texts)
        now = datetime.now(UTC)
        assert drill.due_count(db, now + timedelta(hours=1)) > 0
        days = progress.practice_per_day(db, (now - timedelta(days=27)).date(), 28, UTC)
        assert sum(1 for d in days if d.total) >= 10
    finally:
        db.close()


def test_days_follow_zones_with_half_and_quarter_hour_offsets(db):
    q = list_questions(db, category="why")[0]
    drill.rate(db, q.id, "good", datetime(2025, 3, 4, 18, 20, tzinfo=UTC))  # 23:50 in Kolkata
    drill.rate(db, q.id, "good", datetime(2025, 3, 4, 18, 35, tzinfo=UTC))  # 00:05 next day
    kolkata = {d.day: d.drill for d in progress.practice_per_day(
        db, date(2025, 3, 4), 2, ZoneInfo("Asia/Kolkata"))}
    assert kolkata == {date(2025, 3, 4): 1, date(2025, 3, 5): 1}
    kathmandu = {d.day: d.drill for d in progress.practice_per_day(  # +5:45: both on the 5th
        db, date(2025, 3, 4), 2, ZoneInfo("Asia/Kathmandu"))}
    assert kathmandu == {date(2025, 3, 4): 0, date(2025, 3, 5): 2}


def test_days_across_a_daylight_saving_switch_land_on_the_local_day(db):
    # Chicago springs forward at 08:00 UTC on 9 March 2025 (CST -6 to CDT -5) and falls
    # back at 07:00 UTC on 2 November 2025. Each review sits just either side of a local
    # midnight, where the offset in force decides the day.
    q = list_questions(db, category="why")[0]
    moments = [
        datetime(2025, 3, 9, 5, 59, tzinfo=UTC),   # 8 Mar 23:59 CST
        datetime(2025, 3, 10, 4, 59, tzinfo=UTC),  # 9 Mar 23:59 CDT (-6 would say the 9th too)
        datetime(2025, 3, 10, 5, 1, tzinfo=UTC),   # 10 Mar 00:01 CDT (-6 would say the 9th)
        datetime(2025, 11, 2, 4, 59, tzinfo=UTC),  # 1 Nov 23:59 CDT
        datetime(2025, 11, 3, 5, 30, tzinfo=UTC),  # 2 Nov 23:30 CST (-5 would say the 3rd)
    ]
    for moment in moments:
        drill.rate(db, q.id, "good", moment)
    spring = {d.day: d.drill for d in progress.practice_per_day(db, date(2025, 3, 8), 3, TZ)}
    assert spring == {date(2025, 3, 8): 1, date(2025, 3, 9): 1, date(2025, 3, 10): 1}
    autumn = {d.day: d.drill for d in progress.practice_per_day(db, date(2025, 11, 1), 3, TZ)}
    assert autumn == {date(2025, 11, 1): 1, date(2025, 11, 2): 1, date(2025, 11, 3): 0}
    weeks = progress.rating_mix(db, date(2025, 3, 3), 14, TZ)  # Mondays 3 and 10 March
    assert [(w.week, w.counts["good"]) for w in weeks] == [(date(2025, 3, 3), 2),
                                                          (date(2025, 3, 10), 1)]


def test_the_offset_changes_are_found_to_the_minute():
    changes = progress._offset_changes(datetime(2025, 3, 1, tzinfo=UTC),
                                       datetime(2025, 4, 1, tzinfo=UTC), TZ)
    assert changes == [(datetime(2025, 3, 1, tzinfo=UTC), -360),
                       (datetime(2025, 3, 9, 8, 0, tzinfo=UTC), -300)]
    lord_howe = progress._offset_changes(datetime(2025, 4, 1, tzinfo=UTC),
                                         datetime(2025, 4, 10, tzinfo=UTC),
                                         ZoneInfo("Australia/Lord_Howe"))
    assert lord_howe == [(datetime(2025, 4, 1, tzinfo=UTC), 660),
                         (datetime(2025, 4, 5, 15, 0, tzinfo=UTC), 630)]
