"""The answer binder (Markdown) and the documented JSON export; backups keep it all."""

from __future__ import annotations

import json

from question_bank.answer_export import EXPORT_FORMAT, export_data, export_json, export_markdown
from question_bank.answer_lists import list_answers
from question_bank.answers import duplicate_answer, save_answer
from question_bank.revisions import list_revisions
from question_bank.stories import add_story, link_story, list_stories
from question_bank.text import markdown_literal

ODD = "[bold]Not bold[/bold] [/] 🩻 [US city]"
ODD_MD = markdown_literal(ODD)  # in Markdown: shown exactly so, starting no block of its own


def _fill(db):
    story = add_story(db, title=f"Story {ODD}", experience_kind="rotation", experience="ED",
                      parts={"situation": "At 3 a.m.", "result": "Home on day 6."},
                      competencies=("stress",))
    star = save_answer(db, None, question_id="behavioral.mistake", structure="star",
                       parts={"situation": ODD, "action": "I paged.", "result": "Saved."})
    link_story(db, star.id, story.id)
    save_answer(db, None, question_id="intro.tell-me-about-yourself", structure="narrative",
                parts={"background": "Ohio.", "outline": "set aside"})
    copy = duplicate_answer(db, star.id, label="For Mayo")
    return star, story, copy


def test_markdown_binder_by_category_with_parts_stories_and_versions(db):
    _fill(db)
    md = export_markdown(db, pace_wpm=150)
    assert md.startswith("# Answer binder")
    assert md.index("## Get to know you") < md.index("## Behavioral") < md.index("## Stories")
    assert "### Tell me about a mistake you made in patient care" in md
    assert "**Situation**\n\n" + ODD_MD in md and "**Task**" not in md  # empty parts left out
    assert "**Outline (set aside)**\n\nset aside" in md
    assert f"Stories: Story {ODD_MD}" in md and "Other versions: For Mayo (" in md
    assert "*Rotation: ED · shows Stress*" in md and "at 150 words a minute" in md


def test_json_export_is_documented_and_complete(db):
    star, story, copy = _fill(db)
    data = json.loads(export_json(db))
    assert data["format"] == EXPORT_FORMAT and data["version"] == 1
    assert {q["id"] for q in data["questions"]} == {"behavioral.mistake",
                                                     "intro.tell-me-about-yourself"}
    first = next(a for a in data["answers"] if a["id"] == star.id)
    assert first["current"] and first["parts"][0] == {"key": "situation", "label": "Situation",
                                                      "text": ODD, "kept": False}
    assert first["story_ids"] == [story.id]
    assert data["stories"][0]["answer_ids"] == [star.id, copy.id]  # the copy uses it too
    assert [story.id, "behavioral.mistake"] in data["links"]["story_questions"]
    assert data["structures"]["star"]["parts"][0]["key"] == "situation"
    assert export_data(db)["answers"] == data["answers"]


def test_empty_database_exports_cleanly(db):
    assert "No answers written yet." in export_markdown(db)
    assert json.loads(export_json(db))["answers"] == []


def test_json_backup_and_restore_keep_answers_history_and_stories(db, db_path, tmp_path):
    from tui.store.backup import backup, restore
    from tui.store.database import connect

    star, _, copy = _fill(db)
    target = backup(db_path, tmp_path / "full.json")
    fresh = tmp_path / "fresh.db"
    restore(fresh, target)
    again = connect(fresh)
    try:
        assert [a.id for a in list_answers(again)] == [a.id for a in list_answers(db)]
        assert len(list_revisions(again, star.id)) == len(list_revisions(db, star.id))
        assert list_stories(again) == list_stories(db)
        from question_bank.answer_lists import search_answers

        assert sorted(h.id for h in search_answers(again, "paged")) == [star.id, copy.id]
    finally:
        again.close()
