"""FSRS drilling: ratings, the due queue, deadlines before an interview."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from question_bank import drill
from question_bank.questions import list_questions, set_hidden

NOW = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
STEADY = drill.make_scheduler(fuzzing=False)


def test_a_rating_makes_a_card_schedules_it_and_logs_the_review(db):
    q = list_questions(db, category="behavioral")[0]
    reviewed = drill.rate(db, q.id, "good", NOW, duration_ms=4200, scheduler=STEADY)
    assert reviewed.card.kind == "question" and reviewed.card.ref == q.id
    assert reviewed.card.reps == 1 and reviewed.card.due > NOW
    log = list(db.query("select * from drill_reviews"))
    assert [(r["rating"], r["duration_ms"], r["source"]) for r in log] == [(3, 4200, "drill")]
    # Good on a new card: it graduates, due again in days rather than minutes.
    assert reviewed.card.due - NOW >= timedelta(days=1)
    assert drill.due(db, NOW) == []
    assert drill.next_due(db, NOW) == reviewed.card.due


def test_again_comes_back_sooner_than_easy(db):
    a, b = (q.id for q in list_questions(db, category="why")[:2])
    again = drill.rate(db, a, 1, NOW, scheduler=STEADY).card.due
    easy = drill.rate(db, b, drill.RATINGS[3], NOW, scheduler=STEADY).card.due
    assert again < easy
    assert easy - NOW >= timedelta(days=1)
    later = NOW + timedelta(hours=1)
    assert [c.ref for c in drill.due(db, later)] == [a]
    assert drill.due_count(db, later) == 1


@pytest.mark.parametrize("bad", [0, 5, "meh", "", None])
def test_bad_ratings_are_refused_with_a_sentence(db, bad):
    with pytest.raises(drill.DrillError, match="rating"):
        drill.parse_rating(bad)


def test_naive_times_are_refused(db):
    with pytest.raises(drill.DrillError, match="time zone"):
        drill.rate(db, "intro.tell-me-about-yourself", 3, datetime(2025, 1, 1))


def test_due_questions_leave_out_hidden_ones_and_new_ones_rotate_categories(db):
    qs = list_questions(db, category="ethics")[:2]
    for q in qs:
        drill.rate(db, q.id, "again", NOW, scheduler=STEADY)
    set_hidden(db, qs[1].id, True)
    later = NOW + timedelta(hours=1)
    assert [q.id for q, _ in drill.due_questions(db, later)] == [qs[0].id]
    new = drill.new_questions(db, ["ethics", "ir"], limit=4)
    assert [q.category for q in new] == ["ethics", "ir", "ethics", "ir"]
    assert qs[0].id not in {q.id for q in new}
    assert drill.new_count(db, ["ethics"]) == len(list_questions(db, category="ethics")) - 1


def test_undo_review_reschedules_from_what_remains(db):
    q = list_questions(db, category="img")[0]
    first = drill.rate(db, q.id, "good", NOW, scheduler=STEADY)
    second = drill.rate(db, q.id, "again", NOW + timedelta(days=1), scheduler=STEADY)
    drill.undo_review(db, second.review_id, scheduler=STEADY)
    card = drill.get_card(db, "question", q.id)
    assert card.reps == 1 and card.due == first.card.due
    drill.undo_review(db, first.review_id, scheduler=STEADY)
    card = drill.get_card(db, "question", q.id)
    assert card.reps == 0 and card.is_new


def test_a_deadline_card_is_due_in_the_24_hours_before_it_whatever_fsrs_says(db):
    interview = NOW + timedelta(days=20)
    card = drill.ensure_card(db, "dossier", "program:7:why:0", now=NOW, due_by=interview)
    assert card.is_new and card.review_from == interview - timedelta(hours=24)
    # Learnt well: FSRS sends it past the interview, yet it is due in the window.
    first = drill.review(db, "dossier", "program:7:why:0", "easy", NOW, scheduler=STEADY)
    reviewed = drill.review(db, "dossier", "program:7:why:0", "easy", first.card.due,
                            scheduler=STEADY)
    assert reviewed.card.due > interview
    assert drill.due(db, interview - timedelta(hours=25)) == []
    opens = interview - timedelta(hours=23)
    assert [c.ref for c in drill.due(db, opens)] == ["program:7:why:0"]
    assert drill.next_due(db, first.card.due) == interview - timedelta(hours=24)
    # Reviewed inside the window: the deadline is met, FSRS decides again.
    drill.review(db, "dossier", "program:7:why:0", "good", opens, scheduler=STEADY)
    assert drill.due(db, opens + timedelta(hours=1)) == []
    # Deadline cards come before ordinary due ones; kinds filter the queue.
    drill.set_due_by(db, "dossier", "program:7:why:0", opens + timedelta(days=3))
    q = list_questions(db)[0]
    drill.rate(db, q.id, "again", NOW, scheduler=STEADY)
    at = opens + timedelta(days=2, hours=2)
    assert [c.kind for c in drill.due(db, at)] == ["dossier", "question"]
    assert [c.kind for c in drill.due(db, at, kinds=("question",))] == ["question"]
    assert drill.remove_cards(db, "dossier") == 1
    assert drill.get_card(db, "dossier", "program:7:why:0") is None


def test_due_questions_are_counted_whole_per_premise_list_and_by_profile(db):
    from question_bank.profile import Profile
    from question_bank.questions import update_question

    qs = list_questions(db)[:7]
    for q in qs[:3]:
        update_question(db, q.id, presumes=["us-grad"])
    for i, q in enumerate(qs):
        drill.ensure_card(db, drill.QUESTION, q.id, now=NOW,
                          due=NOW - timedelta(hours=1) if i % 2 == 0 else NOW + timedelta(hours=2))
    until = NOW + timedelta(hours=12)
    assert drill.due_question_counts(db, NOW, until=until) == (7, 4)
    assert drill.due_question_counts(db, NOW, until=until, fitting=Profile()) == (4, 2)
    us_grad = Profile(applicant="us-grad")
    assert drill.due_question_counts(db, NOW, until=until, fitting=us_grad) == (7, 4)
    assert drill.due_question_counts(db, NOW, until=until, fitting=us_grad) == (
        len(drill.due_questions(db, NOW, until=until, fitting=us_grad)),
        len(drill.due_questions(db, NOW, until=NOW, fitting=us_grad)))
