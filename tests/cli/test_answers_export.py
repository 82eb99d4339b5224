"""`matchprep answers export`, run for real."""

from __future__ import annotations

import json
import os
import stat

from question_bank.answers import save_answer
from question_bank.stories import add_story, link_story
from question_bank.text import markdown_literal
from tui.store.settings import set_setting

ODD = "[bold]x[/bold] [/] 🩻"


def _fill(db):
    answer = save_answer(db, None, question_id="behavioral.mistake", structure="star",
                         parts={"situation": f"Nights {ODD}", "result": "Home on day 6"})
    story = add_story(db, title=f"PE {ODD}", parts={"action": "I paged"})
    link_story(db, answer.id, story.id)
    set_setting(db, "pace_wpm", "150")


def test_export_markdown_to_stdout_and_json_to_a_private_file(run_cli, db, db_path, tmp_path):
    _fill(db)
    md = run_cli("answers", "export", db=db_path)
    assert md.returncode == 0, md.stderr
    shown = markdown_literal(ODD)  # in Markdown: shown exactly so, starting no block
    assert md.stdout.startswith("# Answer binder") and f"Nights {shown}" in md.stdout
    assert "## Behavioral" in md.stdout and f"### PE {shown}" in md.stdout
    assert "at 150 words a minute" in md.stdout
    target = tmp_path / "out" / "answers.json"
    result = run_cli("answers", "export", "--format", "json", "-o", str(target), db=db_path)
    assert result.returncode == 0 and "Wrote" in result.stderr
    data = json.loads(target.read_text())
    assert data["format"] == "matchprep-answers" and data["answers"][0]["story_ids"]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_bad_format_and_unsafe_target_are_sentences(run_cli, db_path, tmp_path):
    bad = run_cli("answers", "export", "--format", "docx", db=db_path)
    assert bad.returncode != 0 and "invalid choice" in bad.stderr
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    refused = run_cli("answers", "export", "-o", str(link), db=db_path)
    assert refused.returncode == 1 and "symbolic link" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_binder_lists_a_storys_questions_one_a_line(run_cli, db, db_path):
    from question_bank.questions import list_questions
    from question_bank.stories import link_question

    story = add_story(db, title="Night call", parts={"action": "I paged"})
    asked = [q for q in list_questions(db) if q.text.endswith(".")][:2]
    for q in asked:
        link_question(db, story.id, q.id)
    md = run_cli("answers", "export", db=db_path).stdout
    assert ".;" not in md
    block = md.split("### Night call", 1)[1]
    for q in asked:
        assert f"\n- {markdown_literal(q.text)}\n" in block
