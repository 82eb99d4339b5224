"""The program round: a mock interview drawn from one program's dossier and the bank."""

from __future__ import annotations

import argparse
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from dossiers import asks, interviews, people, plans, programs
from dossiers.errors import ProgramNotFound
from question_bank.mock_formats import CLOSER, PROGRAM
from question_bank.profile import Profile, save_profile
from question_bank.stories import add_story, link_question
from tui.cli import UserError
from tui.cli.mock import check_request
from tui.practice.mock_plan import build_plan
from tui.practice.mock_setup import PlanError, SetupError, parse_setup, setup_for
from tui.practice.program_round import program_pool

ASKS = ["How is feedback given on night float?", "What do residents who thrive share?"]


def _lakeshore(db):
    p = programs.add_program(db, "Lakeshore University Diagnostic Radiology",
                             nrmp_name="Lakeshore UMC-IL", fellowships="Neuro, IR (integrated)",
                             strengths="Level I trauma; 7T research MRI", visa="j1")
    programs.set_reasons(db, p.id, "why", ["The 7T research MRI"])
    programs.set_reasons(db, p.id, "fit", ["My stroke imaging research"])
    people.add_person(db, p.id, "Dr. Samuel Okafor", "faculty", "Perfusion CT, like my paper")
    for text in ASKS:
        asks.add_ask(db, p.id, text)
    story = add_story(db, title="The missed PE", parts={"action": "I called the senior."})
    link_question(db, story.id, "behavioral.disagreed-with-senior")
    plans.plan_story(db, p.id, story.id)
    return p


def _setup(program: str | None, questions: int = 6):
    return replace(setup_for(PROGRAM.id), program=program, questions=questions)


def test_the_pool_asks_as_the_programs_interviewer_would(db):
    p = _lakeshore(db)
    save_profile(db, Profile(applicant="non-us-img", visa="j1"))
    pool = {prompt.text: prompt for prompt in program_pool(db, _setup("lakeshore"))}
    why = pool["Why our program?"]
    assert (why.kind, why.ref) == ("question", "why.why-this-program") and "opener" in why.tags
    assert "What do you know about our IR fellowship?" in pool
    assert "What do you know about our Neuro fellowship?" in pool
    assert "We are known for 7T research MRI. What do you know about that, and why does it " \
           "matter to you?" in pool
    assert "What makes you a good fit for our program?" in pool
    assert "Whose work in our department interests you, and why?" in pool
    closer = pool["What questions do you have for us?"]
    assert CLOSER in closer.tags and closer.cues == tuple(ASKS)
    refs = {prompt.ref for prompt in pool.values()}
    assert "behavioral.disagreed-with-senior" in refs  # a planned story answers it
    assert "why.what-do-you-know-about-us" in refs and "why.why-this-city" in refs
    assert any(prompt.category == "ir" for prompt in pool.values())  # its IR fellowship
    assert any(prompt.category == "img" for prompt in pool.values())  # it sponsors J-1
    assert "img.why-train-in-us" in refs  # asked of a non-US IMG...
    assert "img.us-citizen-abroad" not in refs  # ...who is not a US citizen
    # The bank's questions *to ask* are the user's; only the closer invites them.
    assert [t for t, prompt in pool.items() if prompt.category == "to-ask"] == [
        "What questions do you have for us?"]
    openers = [prompt.text for prompt in pool.values() if "opener" in prompt.tags]
    assert openers == ["Why our program?"]
    assert p.name


@pytest.mark.parametrize("seed", range(5))
def test_a_round_opens_with_why_us_and_closes_with_your_questions(db, seed):
    _lakeshore(db)
    plan = build_plan(db, _setup("Lakeshore UMC-IL"), rng=random.Random(seed))
    texts = [prompt.text for prompt in plan.prompts]
    assert len(texts) == 6 and len(set(texts)) == 6
    assert texts[0] == "Why our program?" and texts[-1] == "What questions do you have for us?"
    by_time = build_plan(db, replace(_setup("lakeshore"), mode="minutes", minutes=10),
                         rng=random.Random(seed))
    assert by_time.prompts[-1].text == "What questions do you have for us?"
    assert by_time.seconds == 600


def test_a_program_that_is_not_there_is_a_sentence(db):
    _lakeshore(db)
    with pytest.raises(PlanError, match="no program is called or known by 'Mayo'"):
        build_plan(db, _setup("Mayo"))
    with pytest.raises(PlanError, match="Choose the program"):
        build_plan(db, _setup(None))
    with pytest.raises(SetupError, match="choose the program"):
        parse_setup(format="program", mode="questions", length="5", think="5", limit="",
                    star_budgets=True)


def test_a_bare_dossier_still_gives_a_round(db):
    programs.add_program(db, "Cascade Regional Imaging Residency")
    plan = build_plan(db, _setup("cascade", questions=3), rng=random.Random(1))
    assert [p.text for p in plan.prompts][::2] == ["Why our program?",
                                                   "What questions do you have for us?"]
    assert "You have not chosen questions to ask yet" in plan.prompts[-1].cues[0]


def _args(db_path, **values):
    return argparse.Namespace(db=str(db_path), questions=None, no_speech=True,
                              **{"format": None, "program": None, **values})


def test_the_command_line_resolves_the_program_by_any_name(db, db_path):
    p = _lakeshore(db)
    programs.add_program(db, "Lakeside Community Radiology")
    assert check_request(_args(db_path, program="UMC-IL")) == {"format": "program",
                                                               "program": p.name}
    assert check_request(_args(db_path, format="program", program="diagnostic"))["program"] \
        == p.name
    with pytest.raises(ProgramNotFound, match="matches 2 programs"):
        check_request(_args(db_path, program="lake"))
    with pytest.raises(UserError, match="say which program"):
        check_request(_args(db_path, format="program"))
    interviews.add_interview(db, p.id, date=(datetime.now(UTC) + timedelta(days=2)).date(),
                             start_time="09:00", timezone="America/Chicago")
    assert check_request(_args(db_path, format="program"))["program"] == p.name
    assert check_request(_args(db_path)) == {"format": "faculty"}


def test_the_dossiers_match_fields_bring_their_questions_and_the_profile_rules_out_the_rest(db):
    p = _lakeshore(db)
    programs.update_program(db, p.id, signal="gold", rotated_here=True, positions="advanced")
    save_profile(db, Profile(applicant="us-grad", visa="none"))
    pool = program_pool(db, _setup("lakeshore"))
    refs = {prompt.ref for prompt in pool}
    assert {"why.you-signaled-us", "why.rotated-with-us", "why.pgy1-secured"} <= refs
    assert "why.did-not-signal-us" not in refs
    assert not any(prompt.category == "img" for prompt in pool)  # a US graduate
    signaled = next(prompt for prompt in pool if prompt.ref == "why.you-signaled-us")
    assert "program" in signaled.tags
    programs.update_program(db, p.id, signal="none")
    refs = {prompt.ref for prompt in program_pool(db, _setup("lakeshore"))}
    assert "why.did-not-signal-us" in refs and "why.you-signaled-us" not in refs
