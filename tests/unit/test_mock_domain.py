"""Mock interviews in the domain: question selection per format, session storage, ratings."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from question_bank import drill, mock
from question_bank.mock_formats import (
    FORMATS,
    Prompt,
    limit_for,
    planned_seconds,
    prompt_from_question,
    select_prompts,
    star_part_at,
    star_parts,
)
from question_bank.questions import list_questions

NOW = datetime(2025, 2, 3, 18, 0, tzinfo=UTC)
STEADY = drill.make_scheduler(fuzzing=False)


@pytest.fixture
def pool(db):
    return [prompt_from_question(q) for q in list_questions(db) if q.category != "to-ask"]


def test_faculty_opens_with_an_opener_and_spreads_over_categories(pool):
    chosen = select_prompts(FORMATS["faculty"], pool, rng=random.Random(1))
    assert len(chosen) == FORMATS["faculty"].questions
    assert "opener" in chosen[0].tags
    assert len({p.category for p in chosen}) >= 5
    assert "behavioral" in {p.category for p in chosen}
    assert len({p.ref for p in chosen}) == len(chosen)


def test_resident_prefers_culture_and_life(pool):
    chosen = select_prompts(FORMATS["resident"], pool, count=6, rng=random.Random(2))
    assert {p.category for p in chosen} <= {"intro", "why", "img", "behavioral"}
    preferred = set(FORMATS["resident"].tags)
    assert sum(bool(set(p.tags) & preferred) for p in chosen) >= 5


def test_stress_is_rapid_fire_with_short_limits(pool):
    fmt = FORMATS["stress"]
    chosen = select_prompts(fmt, pool, rng=random.Random(3))
    assert len(chosen) == 10 and "red-flag" in {p.category for p in chosen}
    assert all(limit_for(p, fmt) <= 45 for p in chosen)
    assert fmt.think_seconds == 0


def test_a_time_budget_fits_the_questions_in(pool):
    fmt = FORMATS["faculty"]
    chosen = select_prompts(fmt, pool, seconds=10 * 60, think_seconds=5, rng=random.Random(4))
    total = planned_seconds(chosen, fmt, think_seconds=5)
    assert chosen and total <= 600 and total > 600 - 130
    fixed = select_prompts(fmt, pool, seconds=300, think_seconds=0, fixed_limit=60,
                           rng=random.Random(4))
    assert len(fixed) == 5
    tiny = select_prompts(fmt, pool, seconds=5, rng=random.Random(4))
    assert len(tiny) == 1  # always at least one question


def test_least_practised_come_first(pool):
    fmt = FORMATS["stress"]
    first = select_prompts(fmt, pool, count=6, rng=random.Random(5))
    practised = {p.ref: 3 for p in first}
    second = select_prompts(fmt, pool, count=6, rng=random.Random(5), practised=practised)
    assert not {p.ref for p in first} & {p.ref for p in second}


def test_an_empty_pool_gives_no_questions():
    assert select_prompts(FORMATS["faculty"], [], rng=random.Random(0)) == []


def test_star_budget_splits_the_limit():
    parts = star_parts(120)
    assert [p[0] for p in parts] == ["Situation", "Task", "Action", "Result"]
    assert parts[-1][2] == pytest.approx(120)
    action = next(p for p in parts if p[0] == "Action")
    assert action[2] - action[1] == max(p[2] - p[1] for p in parts)
    assert star_part_at(120, 5) == "Situation" and star_part_at(120, 60) == "Action"
    assert star_part_at(120, 121) is None


def _session(db, n=3, fmt="faculty"):
    prompts = [prompt_from_question(q) for q in list_questions(db, category="behavioral")[:n]]
    return mock.create_session(db, format=fmt, prompts=prompts, started_at=NOW,
                               think_seconds=5, planned_seconds=400), prompts


def test_a_session_is_stored_item_by_item_and_closed(db):
    session_id, prompts = _session(db)
    mock.record_item(db, session_id, 0, think_seconds=5, speak_seconds=101.26, outcome="answered",
                     at=NOW + timedelta(minutes=2))
    mock.record_item(db, session_id, 1, think_seconds=2, speak_seconds=0, outcome="skipped",
                     at=NOW + timedelta(minutes=3))
    mock.finish_session(db, session_id, ended_at=NOW + timedelta(minutes=4), status="ended")
    session = mock.get_session(db, session_id)
    assert [i.outcome for i in session.items] == ["answered", "skipped", "unreached"]
    assert session.items[0].speak_seconds == 101.3 and session.items[0].text == prompts[0].text
    assert session.status == "ended" and session.label == "Faculty interview"
    [summary] = mock.list_sessions(db)
    assert (summary.planned, summary.answered, summary.skipped) == (3, 1, 1)
    assert summary.target_seconds == prompts[0].target_seconds
    assert mock.practised_counts(db) == {prompts[0].ref: 1}


def test_ratings_reach_the_scheduler_and_a_rerating_replaces_the_review(db):
    session_id, prompts = _session(db, n=1)
    item = mock.get_session(db, session_id).items[0]
    mock.rate_item(db, item.id, "again", NOW, scheduler=STEADY)
    card = drill.get_card(db, "question", prompts[0].ref)
    assert card.reps == 1 and drill.due(db, NOW + timedelta(minutes=15))
    rated = mock.rate_item(db, item.id, 4, NOW, scheduler=STEADY)
    assert rated.rating == 4
    card = drill.get_card(db, "question", prompts[0].ref)
    assert card.reps == 1 and card.due > NOW + timedelta(days=1)
    assert [r["source"] for r in db.query("select source from drill_reviews")] == ["mock"]
    noted = mock.set_item_note(db, item.id, "  Too long on the [Situation] 🙈  ")
    assert noted.note == "Too long on the [Situation] 🙈"


def test_bad_session_requests_are_sentences(db):
    with pytest.raises(mock.MockError, match="format"):
        mock.create_session(db, format="panel", prompts=[], started_at=NOW)
    with pytest.raises(mock.MockError, match="at least one question"):
        mock.create_session(db, format="stress", prompts=[], started_at=NOW)
    with pytest.raises(mock.MockError, match="no mock interview question"):
        mock.rate_item(db, 999, "good", NOW)
    with pytest.raises(mock.MockError, match="note"):
        session_id, _ = _session(db, n=1)
        item = mock.get_session(db, session_id).items[0]
        mock.set_item_note(db, item.id, "x" * 5000)


def test_items_without_a_card_are_rated_without_the_scheduler(db):
    prompt = Prompt(None, None, "What would you ask our residents?", "to-ask", "outline", 60)
    session_id = mock.create_session(db, format="resident", prompts=[prompt], started_at=NOW)
    item = mock.get_session(db, session_id).items[0]
    assert mock.rate_item(db, item.id, "hard", NOW).rating == 2
    assert db.execute("select count(*) from drill_reviews").fetchone()[0] == 0
    mock.delete_session(db, session_id)
    assert mock.get_session(db, session_id) is None


def test_the_newest_sessions_are_listed_with_their_own_counts(db):
    ids = []
    for n, hours in ((1, 0), (2, 3), (3, 1)):  # made in this order, started at these hours
        prompts = [prompt_from_question(q)
                   for q in list_questions(db, category="behavioral")[:n]]
        ids.append(mock.create_session(db, format="faculty", prompts=prompts,
                                       started_at=NOW + timedelta(hours=hours),
                                       think_seconds=5, planned_seconds=400))
    mock.record_item(db, ids[2], 0, think_seconds=1, speak_seconds=60, outcome="answered",
                     at=NOW + timedelta(hours=1, minutes=2))
    newest = mock.list_sessions(db, limit=2)
    assert [s.id for s in newest] == [ids[1], ids[2]]
    assert [(s.planned, s.answered) for s in newest] == [(2, 0), (3, 1)]
    assert [s.id for s in mock.list_sessions(db)] == [ids[1], ids[2], ids[0]]
