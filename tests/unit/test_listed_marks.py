"""The question list reads its rows, what fits and its marks in one query
(`listed_with_marks`): the same as the listing and `done` read apart, narrowed to the
listed questions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from question_bank import mock
from question_bank.answers import create_answer
from question_bank.done import done, listed_with_marks
from question_bank.drill import QUESTION, ensure_card, review
from question_bank.mock_formats import prompt_from_question
from question_bank.profile import Profile
from question_bank.questions import list_questions, listed_ids_and_fit, set_hidden

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def marked(db):
    qs = list_questions(db, category="behavioral")
    create_answer(db, qs[0].id, structure="outline", parts={"outline": "A small town."})
    create_answer(db, qs[1].id, structure="outline", parts={"outline": ""})  # no words
    later = create_answer(db, qs[2].id, structure="outline", parts={"outline": "Words."})
    create_answer(db, qs[2].id, structure="outline", parts={"outline": ""},
                  make_current=True)  # the current one is empty: an older one has words
    assert later is not None
    review(db, QUESTION, qs[3].id, "good", NOW)
    ensure_card(db, QUESTION, qs[4].id, now=NOW)  # a card never reviewed: not rehearsed
    session = mock.create_session(db, format="faculty", started_at=NOW,
                                  prompts=[prompt_from_question(q) for q in qs[5:7]])
    mock.record_item(db, session, 0, think_seconds=5, speak_seconds=60, outcome="answered",
                     at=NOW)
    mock.record_item(db, session, 1, think_seconds=5, speak_seconds=0, outcome="skipped",
                     at=NOW)
    set_hidden(db, qs[0].id, True)  # answered, and listed only with the hidden ones
    return db


@pytest.mark.parametrize("filters", [
    {}, {"include_hidden": True}, {"category": "behavioral"}, {"search": "conflict"},
    {"search": "nothing-matches-this-zq"}, {"category": "behavioral", "include_hidden": True},
])
def test_the_list_and_its_marks_read_once_are_the_list_and_done_read_apart(marked, filters):
    profile = Profile()
    listed, marks = listed_with_marks(marked, profile, **filters)
    assert listed == listed_ids_and_fit(marked, profile, **filters)
    ids = {question_id for question_id, _ in listed}
    everything = done(marked)
    assert marks.answered == everything.answered & ids
    assert marks.rehearsed == everything.rehearsed & ids


def test_what_each_question_is_marked(marked):
    qs = list_questions(marked, category="behavioral", include_hidden=True)
    _, marks = listed_with_marks(marked, Profile(), category="behavioral", include_hidden=True)
    assert [marks.marks(q.id) for q in qs[:7]] == ["✓ ", "  ", "✓ ", " ↻", "  ", " ↻", "  "]
