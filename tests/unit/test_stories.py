"""The story bank: stories, competencies, links to answers and questions, pull, coverage."""

from __future__ import annotations

import pytest

from question_bank.answers import save_answer
from question_bank.coverage import coverage
from question_bank.stories import (
    StoryError,
    add_competency,
    add_story,
    answers_for_story,
    competencies,
    delete_story,
    get_story,
    link_question,
    link_story,
    list_stories,
    pull_parts,
    questions_for_story,
    stories_for_answer,
    story_titles,
    unlink_story,
    update_story,
)

PE = {"situation": "Night float, 3 a.m.", "task": "Cover 22 patients.",
      "action": "I called radiology.", "result": "CTPA in 40 minutes.", "learned": "Escalate."}


def test_add_edit_and_list_stories(db):
    story = add_story(db, title=" The missed  PE ", experience_kind="rotation",
                      experience="IM sub-internship", parts=PE,
                      competencies=("communication", "stress"))
    assert story.title == "The missed PE" and story.parts == PE
    assert story.competencies == ("communication", "stress")
    changed = update_story(db, story.id, parts={"result": "Home on day 6."},
                           competencies=("teamwork",))
    assert changed.parts["situation"] == PE["situation"]
    assert changed.parts["result"] == "Home on day 6."
    assert changed.competencies == ("teamwork",)
    assert story_titles(db) == [(story.id, "The missed PE")]
    assert list_stories(db)[0].competencies == ("teamwork",)


@pytest.mark.parametrize("fields, field", [
    ({"title": "  "}, "title"),
    ({"title": "x", "experience_kind": "holiday"}, "experience_kind"),
    ({"title": "x", "competencies": ("juggling",)}, "competencies"),
    ({"title": "x", "parts": {"why_abroad": "no"}}, "parts"),
])
def test_bad_story_fields_are_named(db, fields, field):
    with pytest.raises(StoryError) as error:
        add_story(db, **fields)
    assert error.value.field == field


def test_own_competencies(db):
    own = add_competency(db, "Resilience [grit] 🩻")
    assert own.id == "resilience-grit" and not own.builtin
    assert competencies(db)[-1] == own and competencies(db)[0].id == "teamwork"
    with pytest.raises(StoryError, match="already"):
        add_competency(db, "teamwork")
    with pytest.raises(StoryError, match="empty"):
        add_competency(db, " ! ")
    story = add_story(db, title="Grit", competencies=(own.id,))
    assert story.competencies == (own.id,)


def test_link_from_an_answer_and_see_it_from_the_story(db):
    story = add_story(db, title="The missed PE", parts=PE)
    answer = save_answer(db, None, question_id="behavioral.most-stressful", structure="star",
                         parts={"task": "mine"})
    link_story(db, answer.id, story.id)
    link_story(db, answer.id, story.id)  # twice is once
    assert [s.id for s in stories_for_answer(db, answer.id)] == [story.id]
    assert [a.id for a in answers_for_story(db, story.id)] == [answer.id]
    assert [q[0] for q in questions_for_story(db, story.id)] == ["behavioral.most-stressful"]
    assert get_story(db, story.id).question_ids == ("behavioral.most-stressful",)
    unlink_story(db, answer.id, story.id)
    assert stories_for_answer(db, answer.id) == []
    delete_story(db, story.id)
    assert get_story(db, story.id) is None


def test_pull_into_star_fills_parts_and_never_replaces_text(db):
    story = add_story(db, title="PE", parts=PE)
    pulled = pull_parts({"situation": "My words."}, "star", story)
    assert pulled["situation"] == "My words.\n\nNight float, 3 a.m."
    assert pulled["result"] == "CTPA in 40 minutes."
    assert pull_parts(pulled, "star", story) == pulled  # pulling twice adds nothing


def test_pull_into_other_structures_places_every_part(db):
    story = add_story(db, title="PE", parts=PE)
    red = pull_parts({}, "red_flag", story)
    assert red["context"].startswith("Night float") and "Task: Cover 22" in red["context"]
    assert red["changed"] == "I called radiology."
    assert red["result"].startswith("CTPA") and "Learned: Escalate." in red["result"]
    outline = pull_parts({}, "outline", story)
    assert all(text in outline["outline"] for text in PE.values())


def test_coverage_shows_gaps_and_stories_that_carry_too_much(db):
    one = add_story(db, title="Everything story",
                    competencies=("teamwork", "conflict", "stress", "leadership"))
    add_story(db, title="Second", competencies=("teamwork",))
    cover = coverage(db)
    rows = {r.competency.id: r for r in cover.rows}
    assert rows["teamwork"].story_ids == (one.id, one.id + 1)
    assert rows["adaptability"].story_ids == () and rows["teamwork"].questions > 0
    assert [c.id for c in cover.uncovered] == ["mistake-feedback", "communication",
                                               "professionalism", "adaptability"]
    load = {s.title: s for s in cover.stories}
    assert load["Everything story"].overloaded
    assert "Conflict" in load["Everything story"].reason
    assert not load["Second"].overloaded
    for q in ("behavioral.mistake", "behavioral.failure", "behavioral.team-success",
              "behavioral.most-stressful", "behavioral.angry-patient",
              "behavioral.difficult-colleague"):
        link_question(db, one.id + 1, q)
    assert "6 questions" in {s.title: s for s in coverage(db).stories}["Second"].reason
