"""`matchprep profile`, `matchprep profile set KEY VALUE` and `questions list --for-me`: the
contract of the README's command line."""

from __future__ import annotations

import json


def test_the_profile_is_shown_set_and_a_mistake_is_one_sentence_listing_the_allowed(
        run_cli, tmp_path):
    db = tmp_path / "m.db"
    shown = run_cli("profile", db=db)
    assert shown.returncode == 0 and shown.stdout == "Profile: not given yet\n"
    assert "matchprep profile set KEY VALUE" in shown.stderr
    assert run_cli("profile", "set", "applicant", "non-us-img", db=db).returncode == 0
    assert run_cli("profile", "set", "visa", "j1", db=db).returncode == 0
    assert run_cli("profile", "set", "tracks", "dr, ir-integrated", db=db).returncode == 0
    assert run_cli("profile", "set", "failed-exams", "step2ck", db=db).returncode == 0
    shown = run_cli("profile", db=db)
    assert "Applicant: Non-US IMG" in shown.stdout and "Visa: J-1" in shown.stdout
    assert "Tracks: Diagnostic radiology, Integrated IR" in shown.stdout
    as_json = json.loads(run_cli("profile", "--json", db=db).stdout)
    assert as_json == {"applicant": "non-us-img", "visa": "j1",
                       "tracks": ["dr", "ir-integrated"], "explain": [],
                       "failed_exams": ["step2ck"]}
    bad = run_cli("profile", "set", "visa", "green card", db=db)
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr == ("matchprep: visa: 'green card' is not one of none, j1, h1b, "
                          "undecided\n")
    bad = run_cli("profile", "set", "citizenship", "us", db=db)
    assert bad.returncode == 1
    assert bad.stderr == ("matchprep: key: 'citizenship' is not part of the profile; expected "
                          "one of applicant, visa, tracks, explain, failed-exams\n")
    assert json.loads(run_cli("profile", "--json", db=db).stdout)["visa"] == "j1"


def test_questions_list_for_me_lists_only_the_questions_that_fit(run_cli, tmp_path):
    db = tmp_path / "m.db"
    everything = run_cli("questions", "list", "--json", db=db)
    all_ids = {q["id"] for q in json.loads(everything.stdout)}
    empty = run_cli("questions", "list", "--for-me", "--json", db=db)
    unpresuming = {q["id"] for q in json.loads(empty.stdout)}
    assert "Your profile is empty" in empty.stderr
    assert all(not q["presumes"] for q in json.loads(empty.stdout))
    assert "img.visa-needs" in all_ids and "img.visa-needs" not in unpresuming
    run_cli("profile", "set", "applicant", "non-us-img", db=db)
    run_cli("profile", "set", "visa", "h1b", db=db)
    mine = run_cli("questions", "list", "--for-me", db=db)
    ids = {line.split("\t")[0] for line in mine.stdout.splitlines()}
    assert mine.returncode == 0 and "that fit your profile" in mine.stderr
    assert {"img.visa-needs", "to-ask.h1b-fee", "red-flag.step3-not-taken"} <= ids
    assert "img.us-citizen-abroad" not in ids and "img.after-training-plans" not in ids
    assert unpresuming < ids < all_ids
