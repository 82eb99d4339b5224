"""`matchprep mock` and `matchprep doctor`'s speech line, run for real."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("args, words", [
    (("--format", "program"), ["program round", "no programs yet", "programs import"]),
    (("--program", "Mayo"), ["no program is called or known by 'Mayo'"]),
    (("--format", "faculty", "--program", "Mayo"), ["--program is for a program round",
                                                    "--format program"]),
    (("--format", "panel"), ["--format", "'panel'", "faculty, resident, stress, ir, program"]),
    (("--questions", "0"), ["--questions", "1 to 50"]),
    (("--questions", "ten"), ["--questions", "'ten'"]),
])
def test_a_session_that_cannot_be_had_is_one_sentence(run_cli, tmp_path, args, words):
    result = run_cli("mock", *args, db=tmp_path / "m.db")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    for word in words:
        assert word in result.stderr


def test_mock_is_listed_with_its_options(run_cli):
    result = run_cli("mock", "--help")
    assert result.returncode == 0
    for option in ("--format", "--program", "--questions", "--no-speech"):
        assert option in result.stdout


def test_doctor_reports_the_speech_engine(run_cli, tmp_path):
    db = tmp_path / "m.db"
    run_cli("questions", "list", db=db)
    result = run_cli("doctor", db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line[3:].startswith("speech"))
    assert ("voices" in line) or ("apt install" in line)
