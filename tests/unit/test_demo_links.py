"""`matchprep demo` shows the links between the parts."""

from __future__ import annotations

from datetime import datetime

from dossiers import plans, programs
from question_bank import drill, mock
from question_bank.answers import answers_for_question
from tui.practice.program_cards import rehearsals
from tui.practice.program_material import KIND
from tui.practice.program_names import program_for_label


def test_the_demo_plans_stories_rehearses_and_runs_a_program_round(tmp_path):
    from tui.cli.open import fill_demo
    from tui.store.database import connect

    path = tmp_path / "demo.db"
    fill_demo(path)
    db = connect(path)
    try:
        desert = next(p for p in programs.list_programs(db) if "Desert" in p.name)
        assert len(plans.planned_stories(db, desert.id)) == 2
        fit = programs.get_reasons(db, desert.id, "fit")[0]
        assert "[ED]" in fit and "[/]" in fit and "🚑" in fit
        now = datetime.now().astimezone()
        first = rehearsals(db, now)[0]
        assert first.program_id == desert.id and first.total >= 8 and first.pending >= 7
        assert {c.due_by for c in drill.cards_of(db, KIND, f"{desert.id}/")} == {
            first.interview.starts_at}
        rounds = [s for s in mock.list_sessions(db) if s.format == "program"]
        assert [s.program for s in rounds] == [desert.name] and rounds[0].rated
        versions = answers_for_question(db, "why.why-this-program")
        named = [a for a in versions if program_for_label(db, a.label) == desert]
        assert named and "[PET/MR]" in named[0].label
    finally:
        db.close()
