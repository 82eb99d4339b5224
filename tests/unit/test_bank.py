"""The shipped bank: its content, and merging a newer one without clobbering the user."""

from __future__ import annotations

import gzip
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dossiers import asks, programs
from question_bank import drill
from question_bank.answers import create_answer, current_answer, get_answer
from question_bank.bank import installed_bank_version, merge_shipped, shipped_merges, shipped_rows
from question_bank.categories import category_ids, shipped_bank_version
from question_bank.questions import (
    count_questions,
    get_question,
    list_questions,
    set_hidden,
    update_question,
)
from question_bank.stories import add_story, link_question, questions_for_story
from tui.practice.bank_update import update_bank
from tui.store.database import open_database


def test_the_shipped_bank_covers_every_category_with_guidance():
    rows = shipped_rows()
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    by_category = Counter(r["category"] for r in rows)
    assert set(by_category) == set(category_ids())
    assert min(by_category.values()) >= 10
    for row in rows:
        lines = row["guidance"].splitlines()
        assert [line.split(":")[0] for line in lines] == ["Probing", "Shape", "Pitfall"], row["id"]
        assert 5 <= row["target_seconds"] <= 300
    audiences = Counter(r["audience"] for r in rows if r["category"] == "to-ask")
    assert set(audiences) == {"pd-faculty", "residents", "img-support"}


def test_first_run_seeds_the_bank(db):
    assert count_questions(db) == len(shipped_rows())
    assert installed_bank_version(db) >= 1


def test_a_newer_bank_merges_without_touching_what_the_user_changed(db):
    rows = shipped_rows()
    edited, hidden, plain = rows[0]["id"], rows[1]["id"], rows[2]["id"]
    update_question(db, edited, text="My own wording of this question")
    set_hidden(db, hidden, True)
    newer = [dict(r) for r in rows]
    for row in newer[:3]:
        row["text"] = row["text"] + " (corrected)"
    newer.append({**rows[3], "id": "intro.brand-new", "text": "A question added in a later bank"})

    report = merge_shipped(db, rows=newer, version=installed_bank_version(db) + 1)

    assert (report.added, report.updated, report.kept_user_edits) == (1, 2, 1)
    assert get_question(db, edited).text == "My own wording of this question"
    assert get_question(db, hidden).hidden and get_question(db, hidden).text.endswith("(corrected)")
    assert get_question(db, plain).text.endswith("(corrected)")
    assert get_question(db, "intro.brand-new") is not None
    again = merge_shipped(db, rows=newer, version=installed_bank_version(db))
    assert not again.changed


def test_shipped_questions_dropped_from_a_later_bank_are_kept(db):
    rows = shipped_rows()
    before = count_questions(db)
    merge_shipped(db, rows=rows[5:], version=installed_bank_version(db) + 1)
    assert count_questions(db) == before


def test_search_matches_words_and_prefixes_and_ranks(db):
    found = list_questions(db, search="tell me about yours")
    assert found and "yourself" in found[0].text.lower()
    assert list_questions(db, search="[/]") == []
    assert list_questions(db, search="radiat", category="knowledge")
    assert all(q.category == "knowledge" for q in list_questions(db, search="radiat",
                                                                 category="knowledge"))


FIXTURES = Path(__file__).resolve().parents[1] / "reliability" / "fixtures"


def test_a_database_of_the_previous_bank_folds_merged_questions_into_the_ones_kept(tmp_path):
    """Answers, story links, drill cards, mock history and questions to ask of a question
    the bank merged away move to the one kept; a question the user edited stays theirs."""
    path = tmp_path / "previous.db"
    path.write_bytes(gzip.decompress((FIXTURES / "v6-house.db.gz").read_bytes()))
    db = open_database(path)  # migrated, the bank not merged yet
    try:
        assert installed_bank_version(db) == 1
        now = datetime(2026, 11, 30, 12, tzinfo=UTC)
        kept_before = current_answer(db, "why.why-radiology")
        assert kept_before is not None  # the demo wrote one
        tested = create_answer(db, "why.how-you-tested-the-choice",
                               parts={"background": "Two electives [and] a month of call"})
        clinic = create_answer(db, "ir.ir-clinic", parts={"outline": "Fibroid clinic 🩻"},
                               label="For Lakeshore")
        update_question(db, "to-ask.wellness-in-practice", text="My own wellness question")
        edited_answer = create_answer(db, "to-ask.wellness-in-practice",
                                      parts={"outline": "mine"})
        set_hidden(db, "img.speaking-up", True)
        story = add_story(db, title="Night float", now=now)
        link_question(db, story.id, "behavioral.plans-changed")
        link_question(db, story.id, "behavioral.up-to-speed-quickly")
        assert drill.get_card(db, "question", "ir.longitudinal-care") is None
        drill.rate(db, "ir.ir-clinic", 3, now)
        drill.rate(db, "img.why-train-abroad", 3, now)
        kept_reps = drill.get_card(db, "question", "img.us-citizen-abroad").reps
        old_reps = drill.get_card(db, "question", "img.why-train-abroad").reps
        program = programs.add_program(db, "Merge Test Program")
        asks.add_ask(db, program.id, "Who advocates for IMGs here?",
                     question_id="to-ask.img-faculty-advocate")

        report = update_bank(db)

        assert installed_bank_version(db) == shipped_bank_version()
        assert report.moved == {k: v for k, v in shipped_merges().items()
                                if k != "to-ask.wellness-in-practice"}
        for old in report.moved:
            assert get_question(db, old) is None
        # every word kept, under the question kept; the kept one's current answer stays so
        moved = get_answer(db, tested.id)
        assert moved.question_id == "why.why-radiology"
        assert moved.parts["background"] == "Two electives [and] a month of call"
        assert moved.label == "From: When did you decide on radiology, and what have you done" \
                              " to make sure it is the right fit?"[:79] + "…"
        assert not moved.is_current
        assert current_answer(db, "why.why-radiology").id == kept_before.id
        clinic_now = get_answer(db, clinic.id)
        assert clinic_now.question_id == "ir.longitudinal-care" and clinic_now.is_current
        assert clinic_now.label == "For Lakeshore"
        # the user's edit is never clobbered: the question and its answer stay
        mine = get_question(db, "to-ask.wellness-in-practice")
        assert mine.text == "My own wellness question" and mine.edited
        assert get_answer(db, edited_answer.id).question_id == "to-ask.wellness-in-practice"
        # the hidden question was folded; the kept one's visibility is its own
        assert not get_question(db, "behavioral.disagreed-with-senior").hidden
        assert get_question(db, "intro.why-medicine").hidden  # the fixture's own hide stays
        edited = get_question(db, "intro.tell-me-about-yourself")
        assert edited.text == "Tell me about yourself [edited] \U0001f9d1" and edited.edited
        assert edited.presumes == () and edited.structure == "narrative"
        assert questions_for_story(db, story.id) and {q for q, _, _ in
                                                      questions_for_story(db, story.id)} == {
            "behavioral.up-to-speed-quickly"}
        card = drill.get_card(db, "question", "ir.longitudinal-care")
        assert card is not None and card.reps == 1
        kept_card = drill.get_card(db, "question", "img.us-citizen-abroad")
        old_card = drill.get_card(db, "question", "img.why-train-abroad")
        assert kept_card.reps == kept_reps and old_card.reps == old_reps
        assert not old_card.live(datetime.now(UTC) + timedelta(seconds=1))
        [ask] = asks.list_asks(db, program.id)
        assert ask.question_id == "to-ask.current-img-residents"
        assert ask.text == "Who advocates for IMGs here?"
        again = update_bank(db)
        assert not again.changed
    finally:
        db.close()
