"""Rehearsal aimed at each interview date: a program's material as drill cards that come
back within the 24 hours before its interview, kept in step with the dossier."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dossiers import asks, interviews, people, plans, programs
from question_bank import drill
from question_bank.stories import add_story, delete_story
from tui.practice.program_cards import cards_to_rehearse, rehearsals, sync_program_cards
from tui.practice.program_material import KIND, material_refs, program_material

NOW = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
STEADY = drill.make_scheduler(fuzzing=False)


def _program(db, name="Lakeshore University Radiology", days=3):
    p = programs.add_program(db, name, city="Chicago")
    programs.set_reasons(db, p.id, "why", ["The 7T research MRI", "Night float, no 24 h calls"])
    programs.set_reasons(db, p.id, "fit", ["My stroke imaging research"])
    people.add_person(db, p.id, "Dr. Elena Marquez", "pd", "Neuroradiologist")
    asks.add_ask(db, p.id, "How is feedback given on night float?", audience="residents")
    day = interviews.add_interview(db, p.id, date=(NOW + timedelta(days=days)).date(),
                                   start_time="09:00", timezone="UTC", platform="zoom")
    return p, day


def _refs(db, now=NOW):
    return {c.ref for c in drill.cards_of(db, KIND) if c.live(now)}


def test_a_card_that_stops_is_never_due_again_and_keeps_its_reviews(db):
    deadline = NOW + timedelta(days=2)
    drill.ensure_card(db, KIND, "1/why/a", now=NOW)
    drill.set_due_by(db, KIND, "1/why/a", deadline, stop=True)
    drill.review(db, KIND, "1/why/a", "good", NOW, scheduler=STEADY)
    opens = deadline - timedelta(hours=24)
    assert [c.ref for c in drill.due(db, opens + timedelta(hours=1))] == ["1/why/a"]
    after = deadline + timedelta(minutes=1)
    assert drill.due(db, after + timedelta(days=30)) == []
    assert drill.next_due(db, after) is None and drill.due_count(db, after) == 0
    drill.ensure_card(db, KIND, "1/why/b", now=NOW)
    assert drill.retire_cards(db, KIND, ["1/why/b"], NOW) == 1
    assert drill.due(db, NOW) == [] and drill.retire_cards(db, KIND, ["1/why/b"], NOW) == 0
    assert db["drill_reviews"].count == 1  # the practice stays in the log


def test_every_piece_of_a_programs_material_becomes_a_card_aimed_at_its_interview(db):
    p, day = _program(db)
    story = add_story(db, title="The missed PE", parts={"action": "I called the senior."})
    plans.plan_story(db, p.id, story.id)
    assert sync_program_cards(db, NOW) == 6
    material = program_material(db, p.id)
    assert [m.part for m in material] == ["why", "why", "fit", "person", "ask", "story"]
    assert all(p.name in m.front for m in material)
    assert material[3].front.endswith("who is Dr. Elena Marquez?")
    assert material[3].back == "Program director · Neuroradiologist"
    assert material[5].back == "Action: I called the senior."
    cards = drill.cards_of(db, KIND)
    assert {c.due_by for c in cards} == {day.starts_at} == {c.stop_at for c in cards}
    assert sync_program_cards(db, NOW) == 0  # nothing changed, nothing written


def test_the_refs_read_for_all_programs_at_once_are_each_programs_material_in_order(db):
    first, _ = _program(db)
    second, _ = _program(db, "Harbor View Radiology", days=5)
    bare = programs.add_program(db, "Nothing Yet Medical Center")
    people.add_person(db, second.id, "Dr. Ada Chen", "chair", "Body imaging")
    people.add_person(db, second.id, "Dr. Bo Park", "apd")
    asks.add_ask(db, second.id, "What do graduates go on to?")
    kept = add_story(db, title="The night the CT scanner went down")
    dropped = add_story(db, title="A story deleted later")
    for story in (dropped, kept):
        plans.plan_story(db, second.id, story.id)
    plans.plan_story(db, first.id, kept.id)
    delete_story(db, dropped.id)
    ids = [second.id, first.id, bare.id, 9999]
    expected = {pid: [m.ref for m in program_material(db, pid)] for pid in ids}
    assert material_refs(db, ids) == expected
    assert len(expected[second.id]) == 9 and expected[bare.id] == expected[9999] == []


def test_cards_follow_the_dossier_added_changed_and_removed_material(db):
    p, _ = _program(db)
    sync_program_cards(db, NOW)
    before = _refs(db)
    programs.set_reasons(db, p.id, "why", ["The 7T research MRI, and its physicists"])
    marquez = people.list_people(db, p.id)[0]
    people.remove_person(db, marquez.id)
    people.add_person(db, p.id, "Dr. Samuel Okafor", "faculty", "Perfusion CT")
    sync_program_cards(db, NOW)
    after = _refs(db)
    gone, new = before - after, after - before
    assert {r.split("/")[1] for r in gone} == {"why", "person"} and len(gone) == 3
    assert {r.split("/")[1] for r in new} == {"why", "person"} and len(new) == 2
    assert len(drill.cards_of(db, KIND)) == 7  # stopped cards stay, with their reviews


def test_a_moved_interview_moves_the_deadline_and_after_it_the_cards_stop(db):
    _, day = _program(db)
    sync_program_cards(db, NOW)
    moved = interviews.update_interview(db, day.id, date=(NOW + timedelta(days=10)).date())
    sync_program_cards(db, NOW)
    assert {c.due_by for c in drill.cards_of(db, KIND)} == {moved.starts_at}
    later = moved.starts_at + timedelta(hours=1)
    sync_program_cards(db, later)
    assert drill.due(db, later, until=later + timedelta(days=60)) == []
    assert rehearsals(db, later) == []


def test_a_program_without_an_interview_day_has_nothing_to_rehearse(db):
    _, day = _program(db)
    sync_program_cards(db, NOW)
    interviews.delete_interview(db, day.id)
    sync_program_cards(db, NOW)
    assert _refs(db) == set()


def test_pending_until_reviewed_inside_the_24_hours_before(db):
    p, day = _program(db, days=2)
    sync_program_cards(db, NOW)
    [r] = rehearsals(db, NOW)
    assert (r.total, r.pending, r.window_open(NOW)) == (5, 5, False)
    ref = cards_to_rehearse(db, NOW, p.id)[0].card.ref
    drill.review(db, KIND, ref, "good", NOW, scheduler=STEADY)  # too early to count
    assert rehearsals(db, NOW)[0].pending == 5
    inside = day.starts_at - timedelta(hours=5)
    drill.review(db, KIND, ref, "good", inside, scheduler=STEADY)
    [r] = rehearsals(db, inside)
    assert (r.pending, r.window_open(inside)) == (4, True)
    assert len(cards_to_rehearse(db, inside, p.id)) == 4
    due_refs = {c.ref for c in drill.due(db, inside, kinds=(KIND,))}
    assert ref not in due_refs and len(due_refs) == 4


def test_new_material_first_falls_due_a_week_before_the_interview(db):
    _program(db, days=20)
    sync_program_cards(db, NOW)
    assert drill.due(db, NOW, kinds=(KIND,)) == []
    assert drill.due_count(db, NOW + timedelta(days=13, hours=1), kinds=(KIND,)) == 5
