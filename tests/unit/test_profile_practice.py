"""Practice follows the profile: the drill, every mock format and Home's drill count never
draw a question whose premise the applicant's profile rules out."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossiers.programs import list_programs
from question_bank import drill
from question_bank.categories import category_ids
from question_bank.mock_formats import FORMATS
from question_bank.profile import (
    APPLICANTS,
    EXAMS,
    EXPLAINS,
    TRACKS,
    VISAS,
    Profile,
    fits,
    save_profile,
)
from question_bank.questions import get_question, list_question_ids, list_questions
from tests.examples import examples
from tui.cli.open import fill_demo
from tui.practice.drill_queue import build_queue, drill_outlook, due_today
from tui.practice.mock_plan import build_plan
from tui.practice.mock_setup import setup_for
from tui.practice.when import end_of_day
from tui.store.database import connect

NOW = datetime.now(UTC).replace(microsecond=0)

KINDS = {
    "us-grad": Profile("us-grad", "none", frozenset({"dr"})),
    "us-img": Profile("us-img", "none", frozenset({"dr", "informatics"}),
                      failed_exams=frozenset({"step1"})),
    "non-us-img-j1": Profile("non-us-img", "j1", frozenset({"dr"}),
                             frozenset({"years-since-graduation", "no-us-clinical"})),
    "non-us-img-h1b-ir": Profile("non-us-img", "h1b", frozenset({"ir-integrated"}),
                                 failed_exams=frozenset({"step2ck"})),
    "skipped": Profile(),
}
profiles = st.builds(
    Profile,
    applicant=st.sampled_from([None, *APPLICANTS]),
    visa=st.sampled_from([None, *VISAS]),
    tracks=st.frozensets(st.sampled_from(list(TRACKS))),
    explain=st.frozensets(st.sampled_from(list(EXPLAINS))),
    failed_exams=st.frozensets(st.sampled_from(list(EXAMS))),
)


@pytest.fixture(scope="module")
def practice_db(tmp_path_factory):
    """The demo database with every other question rated long ago (so due now, whether it
    fits or not) and the rest never rated (new)."""
    path = tmp_path_factory.mktemp("practice") / "demo.db"
    fill_demo(path)
    db = connect(path)
    for qid in list_question_ids(db)[::2]:
        drill.rate(db, qid, "good", NOW - timedelta(days=400))
    yield db
    db.close()


def _setups() -> list:
    found = []
    for fmt in FORMATS.values():
        if fmt.needs_program:
            found += [replace(setup_for(fmt.id), program=name)
                      for name in ("Lakeshore", "Desert Valley", "Hudson Bay", "Cascade")]
        else:
            found += [setup_for(fmt.id), replace(setup_for(fmt.id), questions=30)]
    return found


def drawn(db, profile: Profile, seed: int) -> dict[str, list[str]]:
    """Every bank question each part of practice drew, by part."""
    save_profile(db, profile)
    parts = {"drill": [t.question.id for t in build_queue(db, NOW, list(category_ids()), 60)
                       if t.question is not None]}
    for setup in _setups():
        plan = build_plan(db, setup, rng=random.Random(seed))
        parts[f"mock {setup.format} {setup.program or setup.questions}"] = [
            p.ref for p in plan.prompts if p.kind == "question"]
    return parts


def _check(db, profile: Profile, seed: int) -> None:
    for part, ids in drawn(db, profile, seed).items():
        ruled_out = [i for i in ids if not fits(get_question(db, i), profile)]
        assert ruled_out == [], f"{part} drew {ruled_out} for {profile}"
    # Home's drill card counts exactly the due questions that fit, and the drill's start
    # view counts the new ones that fit.
    due_cards = drill.due(db, NOW, until=end_of_day(NOW), kinds=(drill.QUESTION,))
    fitting_due = [c for c in due_cards
                   if (q := get_question(db, c.ref)) and not q.hidden and fits(q, profile)]
    due = due_today(db, NOW)
    assert due.questions_today == len(fitting_due)
    due_now = drill.due_questions(db, NOW, fitting=profile)
    assert due.questions_now == len(due_now) and due_now
    rated = {c.ref for c in drill.cards_of(db, drill.QUESTION)}
    new = [q for q in list_questions(db, fitting=profile) if q.id not in rated]
    assert sum(drill_outlook(db, NOW).new_by_category.values()) == len(new)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_applicant_is_drawn_only_questions_that_fit(practice_db, kind):
    profile = KINDS[kind]
    for seed in range(8):
        _check(practice_db, profile, seed)
    everything = set().union(*drawn(practice_db, profile, 0).values())
    presumed = {q.id: q.presumes for q in list_questions(practice_db)}
    if kind in ("us-grad", "skipped"):
        assert not any("img" in presumed[i] or "visa" in presumed[i] for i in everything)
    if kind == "non-us-img-j1":
        assert any("img" in presumed[i] for i in everything)  # the IMG questions do come
        assert not any("h1b" in presumed[i] for i in everything)


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profile=profiles, seed=st.integers(0, 10**6))
def test_no_question_the_profile_rules_out_is_ever_drawn(practice_db, profile, seed):
    _check(practice_db, profile, seed)


def test_an_applicant_to_ir_is_asked_about_ir_in_a_faculty_interview(practice_db):
    ir = KINDS["non-us-img-h1b-ir"]
    for seed in range(10):
        save_profile(practice_db, ir)
        plan = build_plan(practice_db, setup_for("faculty"), rng=random.Random(seed))
        assert any(p.category == "ir" for p in plan.prompts), seed
        save_profile(practice_db, KINDS["us-grad"])
        plan = build_plan(practice_db, setup_for("ir"), rng=random.Random(seed))
        assert sum(p.category == "ir" for p in plan.prompts) >= 3
    assert list_programs(practice_db)
