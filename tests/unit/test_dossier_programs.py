"""Programs, their other names, readiness, people, questions to ask, the rank list."""

from __future__ import annotations

import pytest

from dossiers import asks, people, programs
from dossiers.errors import DossierError, ProgramNotFound
from dossiers.impressions import save_impression
from dossiers.interviews import add_interview
from dossiers.plans import plan_story, planned_stories, programs_for_story, unplan_story
from dossiers.rank import move_in_rank, rank_order
from dossiers.readiness import readiness


def test_find_program_by_name_alias_or_unique_part(db):
    a = programs.add_program(db, "St. Luke’s–Roosevelt Radiology", nrmp_name="SLR-NY",
                             hospital_name="Mount Zion Hospital")
    programs.add_program(db, "Lakeshore University Radiology", eras_name="LUMC Diagnostic")
    assert programs.find_program(db, "st lukes roosevelt radiology").id == a.id
    assert programs.find_program(db, "slr-ny").id == a.id
    assert programs.find_program(db, "zion").id == a.id
    with pytest.raises(ProgramNotFound, match="matches 2 programs"):
        programs.find_program(db, "radiology")
    with pytest.raises(ProgramNotFound, match="no program is called"):
        programs.find_program(db, "Mayo")


def test_names_are_unique_and_fields_checked(db):
    programs.add_program(db, "Alpha Radiology")
    with pytest.raises(DossierError, match="already exists"):
        programs.add_program(db, "alpha radiology")
    p = programs.add_program(db, "Beta")
    with pytest.raises(DossierError) as error:
        programs.update_program(db, p.id, residents_per_year="eight")
    assert error.value.field == "residents_per_year"
    with pytest.raises(DossierError, match="academic, community or hybrid"):
        programs.update_program(db, p.id, type="private")
    for text, visa in [("J-1", "j1"), ("H1B only", "h1b"), ("J-1 and H-1B", "both"),
                       ("No visa sponsorship", "none"), ("", "unknown")]:
        assert programs.update_program(db, p.id, visa=text).visa == visa


def test_readiness_names_what_is_missing_and_rises(db):
    p = programs.add_program(db, "Gamma")
    first = readiness(db, p.id)
    assert first.fraction == 0 and {g.key for g in first.missing} >= {"basics", "why", "asks"}
    programs.update_program(db, p.id, city="Boston", state="MA", type="academic",
                            residents_per_year=8, strengths="Neuro", facilities="PET/MR",
                            conferences="Daily noon", visa="j1", img_residents="Two")
    programs.set_reasons(db, p.id, "why", ["One", "Two", ""])
    programs.set_reasons(db, p.id, "fit", ["Mine"])
    people.add_person(db, p.id, "Dr. A", "pd")
    people.add_person(db, p.id, "Dr. B", "faculty", "MSK research like mine")
    for n in range(5):
        asks.add_ask(db, p.id, f"Question {n}?")
    almost = readiness(db, p.id)
    assert [g.key for g in almost.missing] == ["logistics"]
    add_interview(db, p.id, date="2026-01-15", start_time="9:00", timezone="ET",
                  platform="zoom", link="https://zoom.example/1")
    assert readiness(db, p.id).complete


def test_questions_to_ask_keep_bank_ids_without_duplicates(db):
    p = programs.add_program(db, "Delta")
    asks.add_ask(db, p.id, "How are residents taught?", question_id="to-ask.x",
                 audience="residents")
    assert asks.add_ask(db, p.id, "How are residents taught?", question_id="to-ask.x") is None
    mine = asks.add_ask(db, p.id, "Is there [moonlighting]?")
    asks.move_ask(db, p.id, mine.id, -1)
    assert [q.text for q in asks.list_asks(db, p.id)] == ["Is there [moonlighting]?",
                                                         "How are residents taught?"]
    assert asks.list_asks(db, p.id)[1].question_id == "to-ask.x"


def test_rank_list_moves_and_keeps_positions_whole(db):
    ids = [programs.add_program(db, name).id for name in ("A", "B", "C")]
    save_impression(db, ids[2], score=9)
    assert [e.program.name for e in rank_order(db)] == ["C", "A", "B"]  # best score first
    assert move_in_rank(db, ids[1], -1) == 2
    assert [e.program.name for e in rank_order(db)] == ["C", "B", "A"]
    assert move_in_rank(db, ids[2], -5) == 1
    assert [programs.get_program(db, i).rank_position for i in ids] == [3, 2, 1]


def test_planned_stories_and_cascading_delete(db):
    p = programs.add_program(db, "Epsilon")
    plan_story(db, p.id, 7)
    plan_story(db, p.id, 7)
    plan_story(db, p.id, 3)
    assert planned_stories(db, p.id) == [7, 3]
    assert programs_for_story(db, 3) == [p.id]
    unplan_story(db, p.id, 7)
    programs.delete_program(db, p.id)
    assert planned_stories(db, p.id) == [] and programs.list_programs(db) == []


def test_demo_programs_cover_past_tomorrow_and_an_overlap(db):
    from dossiers.demo import populate
    from dossiers.impressions import get_impression
    from dossiers.interviews import list_interviews, overlaps

    populate(db)
    names = [p.name for p in programs.list_programs(db)]
    assert len(names) == 4
    clashes = overlaps(list_interviews(db))
    assert len(clashes) == 2
    lakeshore = programs.find_program(db, "lakeshore")
    assert get_impression(db, lakeshore.id).score == 8
    desert = programs.find_program(db, "desert")
    assert any("[/]" in r and "🩻" in r for r in programs.get_reasons(db, desert.id, "why"))
