"""Answers and their revisions: save, switch structure, current answer, history, search."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from question_bank.answer_lists import (
    answered_by_category,
    answers_per_category,
    category_answers,
    count_answers,
    count_matches,
    list_answers,
    recent_answers,
    search_answers,
)
from question_bank.answers import (
    AnswerError,
    answers_for_question,
    create_answer,
    current_answer,
    delete_answer,
    duplicate_answer,
    get_answer,
    rename_answer,
    restore_revision,
    save_answer,
    set_current,
)
from question_bank.revisions import diff_parts, list_revisions

T0 = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)
Q = "behavioral.mistake"


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_first_save_creates_the_current_answer_in_the_question_structure(db):
    saved = save_answer(db, None, question_id=Q, structure="star",
                        parts={"situation": "On night float."}, session="s1", now=at(0))
    assert saved.is_current and saved.label == "Answer 1" and saved.words == 3
    assert current_answer(db, Q) == saved
    assert list(saved.parts) == ["situation", "task", "action", "result", "learned"]
    assert create_answer(db, "intro.tell-me-about-yourself").structure == "narrative"


def test_saving_the_same_text_again_changes_nothing(db):
    a = save_answer(db, None, question_id=Q, structure="star", parts={"task": "x"}, now=at(0))
    again = save_answer(db, a.id, question_id=Q, structure="star", parts={"task": "x"},
                        now=at(5))
    assert again.updated_at == a.updated_at
    assert len(list_revisions(db, a.id)) == 1


def test_a_burst_of_autosaves_is_one_revision_a_pause_starts_the_next(db):
    a = save_answer(db, None, question_id=Q, structure="star", parts={"task": "a"},
                    session="s1", now=at(0))
    for i in range(1, 20):  # continuous typing for 19 seconds: one revision after the first
        save_answer(db, a.id, question_id=Q, structure="star", parts={"task": "a" * (i + 1)},
                    session="s1", now=at(i))
    assert [r.kind for r in list_revisions(db, a.id)] == ["edit", "created"]
    save_answer(db, a.id, question_id=Q, structure="star", parts={"task": "after a pause"},
                session="s1", now=at(60))
    save_answer(db, a.id, question_id=Q, structure="star", parts={"task": "next session"},
                session="s2", now=at(61))
    revisions = list_revisions(db, a.id)
    assert [r.parts["task"] for r in revisions] == ["next session", "after a pause", "a" * 20, "a"]


def test_a_long_burst_is_cut_into_revisions_of_about_a_minute(db):
    a = save_answer(db, None, question_id=Q, structure="star", parts={"task": "0"},
                    session="s", now=at(0))
    for i in range(1, 181):
        save_answer(db, a.id, question_id=Q, structure="star", parts={"task": str(i)},
                    session="s", now=at(i))
    assert 3 <= len(list_revisions(db, a.id)) <= 5


def test_restoring_is_itself_a_new_revision(db):
    a = save_answer(db, None, question_id=Q, structure="star", parts={"task": "first"},
                    session="s", now=at(0))
    save_answer(db, a.id, question_id=Q, structure="red_flag", parts={"statement": "second"},
                session="s2", now=at(100))
    first = list_revisions(db, a.id)[-1]
    restored = restore_revision(db, first.id, session="s2", now=at(200))
    assert restored.structure == "star" and restored.parts["task"] == "first"
    revisions = list_revisions(db, a.id)
    assert revisions[1].parts["statement"] == "second"  # the state before it stays in history
    assert revisions[0].kind == "restore" and revisions[0].restored_from == first.id
    assert len(revisions) == 3
    with pytest.raises(AnswerError):
        restore_revision(db, 99999)


def test_diff_against_now_word_by_word():
    diff = diff_parts({"task": "I called the senior resident"}, "star",
                      {"task": "I paged the senior resident at once", "result": "Saved."}, "star")
    task = next(p for p in diff.parts if p.key == "task")
    assert ("removed", "called ") in task.ops and ("added", "paged ") in task.ops
    assert diff.added_words == 4 and diff.removed_words == 1
    assert [p.key for p in diff.parts] == ["task", "result"]


def test_several_answers_one_current(db):
    a = save_answer(db, None, question_id=Q, structure="star", parts={"task": "A"}, now=at(0))
    b = duplicate_answer(db, a.id, now=at(1))
    assert b.label == "Answer 2" and not b.is_current and b.parts == a.parts
    set_current(db, b.id)
    assert current_answer(db, Q).id == b.id and not get_answer(db, a.id).is_current
    assert [x.id for x in answers_for_question(db, Q)] == [b.id, a.id]
    assert rename_answer(db, a.id, " For  [Mayo] 🩻 ").label == "For [Mayo] 🩻"
    with pytest.raises(AnswerError, match="label"):
        rename_answer(db, a.id, "  ")
    delete_answer(db, b.id)
    assert current_answer(db, Q).id == a.id and list_revisions(db, b.id) == []


def test_renaming_an_answer_deleted_meanwhile_says_so(db):
    # Another copy of the app may delete the answer while this one names it: the rename
    # is refused with the field's error, not answered with nothing.
    a = save_answer(db, None, question_id=Q, structure="star", parts={"task": "A"}, now=at(0))
    delete_answer(db, a.id)
    with pytest.raises(AnswerError, match="no answer has the id"):
        rename_answer(db, a.id, "For Mayo")


def test_saving_into_a_deleted_answer_keeps_the_text_as_a_new_one(db):
    a = save_answer(db, None, question_id=Q, structure="star", parts={"task": "A"}, now=at(0))
    delete_answer(db, a.id)
    again = save_answer(db, a.id, question_id=Q, structure="star", parts={"task": "typed on"},
                        now=at(1))
    assert again.id != a.id and again.parts["task"] == "typed on"
    other = save_answer(db, None, question_id="intro.tell-me-about-yourself",
                        structure="narrative", parts={"goals": "mine"}, now=at(2))
    stale = save_answer(db, other.id, question_id=Q, structure="star", parts={"task": "late"},
                        now=at(3))  # an id that now belongs to another question's answer
    assert stale.id != other.id and get_answer(db, other.id).parts["goals"] == "mine"


def test_bad_fields_name_the_field(db):
    with pytest.raises(AnswerError, match="structure"):
        save_answer(db, None, question_id=Q, structure="haiku", parts={})
    with pytest.raises(AnswerError, match="question_id"):
        save_answer(db, None, question_id="nope", structure="star", parts={})
    with pytest.raises(AnswerError, match="parts"):
        save_answer(db, None, question_id=Q, structure="star", parts={"Bad Key": "x"})


def test_search_finds_answer_text_and_question_words(db):
    a = save_answer(db, None, question_id=Q, structure="star",
                    parts={"action": "I flagged the pneumothorax to the [attending] 🩻"},
                    now=at(0))
    save_answer(db, None, question_id="intro.tell-me-about-yourself", structure="narrative",
                parts={"background": "Ohio, engineering."}, now=at(1))
    hits = search_answers(db, "pneumothor")
    assert [h.id for h in hits] == [a.id]
    assert "\x02pneumothorax\x03" in hits[0].snippet
    assert count_matches(db, "pneumothorax") == 1
    assert [h.question_id for h in search_answers(db, "tell yourself")] == [
        "intro.tell-me-about-yourself"]
    assert search_answers(db, "[/]") == []


def test_lists_sorts_and_figures(db):
    save_answer(db, None, question_id=Q, structure="star", parts={"task": "one two three"},
                now=at(0))
    save_answer(db, None, question_id="intro.tell-me-about-yourself", structure="narrative",
                parts={"background": "one"}, now=at(10))
    save_answer(db, None, question_id="why.why-radiology", structure="narrative", parts={},
                now=at(20))
    assert [a.question_id for a in list_answers(db)][:2] == ["why.why-radiology",
                                                              "intro.tell-me-about-yourself"]
    assert [a.words for a in list_answers(db, sort="words")] == [3, 1, 0]
    assert list_answers(db, sort="category")[0].category == "intro"
    assert len(list_answers(db, limit=2, offset=2)) == 1
    assert count_answers(db) == 3 and count_answers(db, category="behavioral") == 1
    assert answers_per_category(db) == {"behavioral": 1, "intro": 1}
    assert answered_by_category(db)["why"][0] == 0
    assert answered_by_category(db)["intro"][0] == 1
    assert recent_answers(db, 1)[0].question_id == "why.why-radiology"
    with pytest.raises(AnswerError, match="sort"):
        list_answers(db, sort="colour")


def test_category_answers_read_in_one_pass_agree_with_the_two_reads(db):
    from question_bank.questions import list_questions, set_hidden

    first = save_answer(db, None, question_id=Q, structure="star", parts={"task": "one two"},
                        now=at(0))
    duplicate_answer(db, first.id, label="For Lakeshore", now=at(5))  # a second version
    save_answer(db, None, question_id="why.why-radiology", structure="narrative", parts={},
                now=at(10))  # no words: not written
    hidden = [q.id for q in list_questions(db) if q.category == "intro"]
    save_answer(db, None, question_id=hidden[0], structure="narrative",
                parts={"background": "one"}, now=at(20))
    why = [q.id for q in list_questions(db) if q.category == "why"]
    for question_id in hidden + why:  # a hidden question counts only when it is answered
        set_hidden(db, question_id, True)
    read = category_answers(db)
    assert {c: (n.answered, n.questions) for c, n in read.items()} == answered_by_category(db)
    versions = answers_per_category(db, current_only=False)
    assert {c: n.versions for c, n in read.items() if n.versions} == versions
    assert read["behavioral"].versions == 2 and read["behavioral"].answered == 1
    assert read["intro"].questions == 1 and "why" not in read  # nothing left to show


def test_a_rewrite_reads_as_one_change_not_interleaved_words():
    diff = diff_parts({"outline": "Your program has a great reputation and strong teaching."},
                      "outline",
                      {"outline": "Dr. Patel's MRI group has a [two]-week elective and I fit."},
                      "outline")
    assert [tag for tag, _ in diff.parts[0].ops] == ["removed", "added"]  # "has a" folded in
    kept = diff_parts({"task": "I called the senior resident at 3 a.m."}, "star",
                      {"task": "I paged the senior resident at once."}, "star")
    assert ("same", "the senior resident at ") in kept.parts[0].ops
