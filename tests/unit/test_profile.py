"""The applicant profile: its values, what each question presumes, and the structures it
chooses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from question_bank.bank import shipped_rows
from question_bank.packs import PackError, import_pack
from question_bank.profile import (
    PREMISES,
    Profile,
    ProfileError,
    describe,
    fits,
    load_profile,
    parse_premises,
    profile_asked,
    save_profile,
    structure_for,
    structures_for,
    unmet,
    with_value,
)
from question_bank.questions import (
    Question,
    asked_and_fitting,
    get_question,
    list_question_ids,
    list_questions,
    listed_ids_and_fit,
)
from tui.cli.launch import prepare_database
from tui.store.database import connect

US_GRAD = Profile(applicant="us-grad", visa="none", tracks=frozenset({"dr"}))
US_IMG = Profile(applicant="us-img", visa="none", tracks=frozenset({"dr", "informatics"}),
                 failed_exams=frozenset({"step1"}))
NON_US_IMG = Profile(applicant="non-us-img", visa="j1", tracks=frozenset({"dr", "ir-integrated"}),
                     explain=frozenset({"years-since-graduation", "no-us-clinical"}))


def question(*presumes: str) -> Question:
    return Question("q", "Q?", "why", (), 60, "outline", "", None, "shipped", False, False,
                    presumes)


def test_a_question_fits_when_every_premise_holds():
    assert fits(question(), None) and fits(question(), US_GRAD)
    assert fits(question("img"), US_IMG) and fits(question("img"), NON_US_IMG)
    assert not fits(question("img"), US_GRAD)
    assert fits(question("img", "ir-interest"), NON_US_IMG)
    assert not fits(question("img", "ir-interest"), US_IMG)
    assert fits(question("failed-step1"), US_IMG) and fits(question("exam-failure"), US_IMG)
    assert not fits(question("failed-step2ck"), US_IMG)
    assert fits(question("j1"), NON_US_IMG) and not fits(question("h1b"), NON_US_IMG)
    undecided = Profile(applicant="non-us-img", visa="undecided")
    assert fits(question("j1"), undecided) and fits(question("h1b"), undecided)
    assert not fits(question("visa"), US_IMG)
    assert unmet(question("img", "visa"), US_GRAD) == ["you trained abroad", "you need a visa"]


def test_a_skipped_or_missing_profile_fits_only_questions_that_presume_nothing():
    for skipped in (None, Profile()):
        for premise in PREMISES:
            assert not fits(question(premise), skipped), premise
        assert fits(question(), skipped)


def test_an_unknown_premise_never_holds():
    assert not fits(question("astronaut"), US_IMG)


def test_profile_values_are_set_from_text_and_a_bad_one_is_one_sentence_listing_the_allowed():
    profile = with_value(Profile(), "applicant", "US-Grad")
    profile = with_value(profile, "visa", "none")
    profile = with_value(profile, "tracks", "dr, ir-integrated")
    profile = with_value(profile, "failed_exams", "step1")
    assert profile == Profile("us-grad", "none", frozenset({"dr", "ir-integrated"}),
                              failed_exams=frozenset({"step1"}))
    assert with_value(profile, "tracks", "none").tracks == frozenset()
    assert with_value(profile, "visa", "").visa is None
    with pytest.raises(ProfileError) as error:
        with_value(profile, "applicant", "usgrad")
    assert str(error.value) == "applicant: 'usgrad' is not one of us-grad, us-img, non-us-img"
    with pytest.raises(ProfileError) as error:
        with_value(profile, "visas", "j1")
    assert str(error.value) == ("key: 'visas' is not part of the profile; expected one of "
                                "applicant, visa, tracks, explain, failed-exams")
    with pytest.raises(ProfileError, match="'ir' is not one of dr, ir-integrated"):
        with_value(profile, "tracks", "dr,ir")


def test_a_profile_is_kept_and_a_skip_is_remembered(tmp_path):
    path = tmp_path / "fresh.db"
    prepare_database(path)
    db = connect(path)
    assert load_profile(db) is None and not profile_asked(db)
    save_profile(db, Profile())
    assert load_profile(db) == Profile() and profile_asked(db)
    save_profile(db, NON_US_IMG)
    assert load_profile(db) == NON_US_IMG
    assert ("Applicant", "Non-US IMG") in describe(NON_US_IMG)
    assert "skipped" in describe(Profile())[0][1]
    with pytest.raises(ProfileError):
        save_profile(db, Profile(applicant="martian"))
    assert load_profile(db) == NON_US_IMG
    db.close()


def test_the_personal_narrative_asks_why_abroad_only_of_someone_who_trained_abroad():
    assert structure_for("narrative", US_IMG) == "narrative"
    assert structure_for("narrative", NON_US_IMG) == "narrative"
    for nobody_abroad in (US_GRAD, Profile(), None):
        assert structure_for("narrative", nobody_abroad) == "personal"
        assert "narrative" not in structures_for(nobody_abroad)
    assert structure_for("personal", US_IMG) == "narrative"
    assert structure_for("star", US_GRAD) == "star"
    assert "personal" not in structures_for(US_IMG) and "why_radiology" in structures_for(US_IMG)


def test_every_shipped_premise_is_known_and_the_bank_says_whom_its_questions_fit():
    rows = {r["id"]: r for r in shipped_rows()}
    for row in rows.values():
        parse_premises(json.loads(row["presumes"]))
    presumes = {qid: json.loads(r["presumes"]) for qid, r in rows.items()}
    assert presumes["img.visa-needs"] == ["visa"]
    assert presumes["red-flag.failed-step"] == ["failed-step1"]
    assert presumes["img.us-citizen-abroad"] == ["us-img"]
    assert presumes["ir.integrated-vs-independent"] == ["ir-track"]
    assert presumes["intro.tell-me-about-yourself"] == []
    # "English is not your first language" is no longer presumed of anyone
    assert "first language" not in rows["img.communication-new-setting"]["text"]


def test_only_the_questions_that_fit_are_listed_for_a_profile(db):
    everything = list_question_ids(db)
    for profile in (US_GRAD, US_IMG, NON_US_IMG, Profile()):
        ids = list_question_ids(db, fitting=profile)
        assert ids == [i for i in everything if i in set(ids)]
        assert all(fits(q, profile) for q in list_questions(db, fitting=profile))
        assert ids == [q.id for q in list_questions(db, fitting=profile)]
        # the question list reads both lists at once, each premise list tested once
        assert listed_ids_and_fit(db, profile) == [
            (q.id, fits(q, profile)) for q in list_questions(db)]
        # Home's count, read per premise list, of the questions the applicant may be asked
        asked = [q for q in list_questions(db) if q.category != "to-ask"]
        assert asked_and_fitting(db, profile) == (
            len(asked), len([q for q in asked if q.id in set(ids)]))
    us_grad = set(list_question_ids(db, fitting=US_GRAD))
    assert "img.visa-needs" not in us_grad and "intro.tell-me-about-yourself" in us_grad
    assert "img.visa-needs" in list_question_ids(db, fitting=NON_US_IMG)
    assert len(list_questions(db, fitting=US_GRAD, limit=5)) == 5


def test_a_pack_may_say_what_its_questions_presume_and_a_bad_premise_names_file_line_field(
        db, tmp_path: Path):
    pack = tmp_path / "mine.toml"
    pack.write_text('[[question]]\ntext = "Why the J-1?"\ncategory = "img"\n'
                    'presumes = ["img", "j1"]\nchecked = "2026-11"\nreview_after = "2027-06-01"\n'
                    '\n[[question]]\ntext = "Plain"\ncategory = "why"\n')
    report = import_pack(db, pack)
    mine = get_question(db, report.ids[0])
    assert mine.presumes == ("img", "j1") and mine.checked == "2026-11"
    assert get_question(db, report.ids[1]).presumes == ()
    bad = tmp_path / "bad.toml"
    bad.write_text('[[question]]\ntext = "A"\ncategory = "img"\n\n'
                   '[[question]]\ntext = "B"\ncategory = "img"\npresumes = ["img", "astronaut"]\n')
    with pytest.raises(PackError) as error:
        import_pack(db, bad)
    assert str(error.value).splitlines()[0] == (
        f"{bad}, line 5, field 'presumes': 'astronaut' is not a premise; expected some of "
        + ", ".join(PREMISES))
    csv_pack = tmp_path / "mine.csv"
    csv_pack.write_text('text,category,premises,checked\n"Visa?",img,"img, visa",2026-13\n')
    with pytest.raises(PackError, match="line 2, field 'checked': '2026-13' is not a month"):
        import_pack(db, csv_pack)


def test_guidance_that_depends_on_a_rule_shows_when_it_was_checked_and_when_it_may_be_stale(db):
    visa = get_question(db, "img.visa-needs")
    assert visa.date_note(date(2026, 12, 1)) == "Checked Nov 2026."
    late = visa.date_note(date(2027, 9, 1))
    assert late.startswith("Checked Nov 2026. Possibly out of date") and "2027" in late
    assert get_question(db, "intro.greatest-strengths").date_note(date(2030, 1, 1)) is None
