"""The question store: filters, validation, hiding, the user's own questions."""

from __future__ import annotations

import pytest

from question_bank.categories import find_category
from question_bank.questions import (
    QuestionError,
    add_question,
    get_question,
    list_questions,
    parse_tags,
    set_hidden,
    tag_counts,
    update_question,
)


def test_add_and_find_a_question_with_markup_like_text(db):
    q = add_question(db, text="Why [US city]? [bold]Really[/] 🩻", category="why",
                     tags=("Why Program", "city"), target_seconds="75")
    assert get_question(db, q.id).text == "Why [US city]? [bold]Really[/] 🩻"
    # Tags handed over as a tuple are kept as given (parse_tags is what tidies typed text).
    assert q.tags == ("Why Program", "city") == get_question(db, q.id).tags
    assert [x.id for x in list_questions(db, search="really city")] == [q.id]
    assert q.origin == "user" and q.target_seconds == 75


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"text": "   ", "category": "why"}, "text"),
        ({"text": "x", "category": "cardiology"}, "category"),
        ({"text": "x", "category": "why", "target_seconds": "soon"}, "target_seconds"),
        ({"text": "x", "category": "why", "target_seconds": 4000}, "target_seconds"),
        ({"text": "x", "category": "why", "structure": "haiku"}, "structure"),
        ({"text": "x", "category": "to-ask", "audience": "janitor"}, "audience"),
    ],
)
def test_bad_fields_are_named(db, fields, field):
    with pytest.raises(QuestionError) as caught:
        add_question(db, **fields)
    assert caught.value.field == field


def test_tag_and_category_filters(db):
    teamwork = list_questions(db, tag="teamwork")
    assert teamwork and all("teamwork" in q.tags for q in teamwork)
    tags = dict(tag_counts(db, category="behavioral"))
    assert tags["teamwork"] == len(list_questions(db, category="behavioral", tag="teamwork"))


def test_hidden_questions_leave_the_list_until_asked_for(db):
    q = list_questions(db, category="ethics")[0]
    set_hidden(db, q.id, True)
    assert q.id not in {x.id for x in list_questions(db, category="ethics")}
    assert q.id in {x.id for x in list_questions(db, category="ethics", include_hidden=True)}
    assert [x.id for x in list_questions(db, only_hidden=True)] == [q.id]


def test_editing_a_shipped_question_marks_it_as_the_users(db):
    q = list_questions(db, category="intro")[0]
    edited = update_question(db, q.id, target_seconds=100)
    assert edited.edited and edited.target_seconds == 100 and edited.text == q.text


def test_find_category_by_id_label_or_unique_prefix():
    assert find_category("IR").id == "ir"
    assert find_category("behav").id == "behavioral"
    assert find_category("Questions to ask programs").id == "to-ask"
    assert find_category("nonsense") is None


def test_parse_tags_splits_and_normalises():
    assert parse_tags("Team work, conflict;  LEADERSHIP") == ("team-work", "conflict",
                                                             "leadership")
    assert parse_tags(["a", "a", " b "]) == ("a", "b")
