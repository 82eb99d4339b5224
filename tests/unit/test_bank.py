"""The shipped bank: its content, and merging a newer one without clobbering the user."""

from __future__ import annotations

from collections import Counter

from question_bank.bank import installed_bank_version, merge_shipped, shipped_rows
from question_bank.categories import category_ids
from question_bank.questions import (
    count_questions,
    get_question,
    list_questions,
    set_hidden,
    update_question,
)


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
