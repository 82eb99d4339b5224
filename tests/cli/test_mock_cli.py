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


def test_mock_offers_no_record_and_history(run_cli):
    result = run_cli("mock", "--help")
    for option in ("--no-record", "history", "--json"):
        assert option in result.stdout
    wrong = run_cli("mock", "--json")
    assert wrong.returncode == 1 and "mock history" in wrong.stderr


def _recorded_db(tmp_path):
    """The demo (its sessions carry transcripts and figures) plus an answer whose question
    text would move the cursor if it were obeyed."""
    from question_bank.recordings import add_recording, save_review
    from question_bank.spoken import SpokenReview, SpokenWord, delivery
    from tests.fakes import START
    from tui.cli.open import fill_demo
    from tui.store.database import connect

    path = tmp_path / "demo.db"
    fill_demo(path)
    db = connect(path)
    with db.conn:
        db.execute("update mock_items set text = 'Why \x1b[2J us?' where id = "
                   "(select max(id) from mock_items where outcome = 'answered')")
        session, position = db.execute("select session_id, position from mock_items where "
                                       "text like 'Why %us?'").fetchone()
        db.execute("delete from recordings where session_id = ? and mock_item_id = "
                   "(select id from mock_items where text like 'Why %us?')", [session])
        rid = add_recording(db, kind="mock", path="x.ogg", seconds=12, recorded_at=START,
                            session_id=session, position=position)
        words = tuple(SpokenWord(w, i * 0.4, i * 0.4 + 0.3) for i, w in
                      enumerate("so um i was on call".split()))
        save_review(db, rid, SpokenReview(delivery([(1.0, 3.4)], 12), words, transcribed=True),
                    engine="test")
    db.close()
    return path, session


def test_history_carries_each_answers_figures_as_json_and_text(run_cli, tmp_path):
    import json

    path, session = _recorded_db(tmp_path)
    result = run_cli("mock", "history", "--json", db=path)
    assert result.returncode == 0, result.stderr
    sessions = json.loads(result.stdout)
    assert len(sessions) == 10  # the demo's sessions
    ours = next(s for s in sessions if s["id"] == session)
    answer = next(a for a in ours["answers"] if a["question"] == "Why \x1b[2J us?")
    figures = answer["recording"]
    assert figures["transcript"] == "so um i was on call"
    assert figures["word_count"] == 6 and figures["fillers"] == 1
    assert figures["fillers_said"] == ["um"] and figures["audio_kept"] is True
    assert figures["wpm"] == 150.0  # 6 words over 2.4 s of speaking
    assert answer["target_seconds"] > 0 and answer["spoke_seconds"] > 0
    heard = [a["recording"] for s in sessions for a in s["answers"] if a["recording"]]
    assert len(heard) > 30 and all(r["wpm"] for r in heard)  # the demo's sample figures

    text = run_cli("mock", "history", "--limit", "20", db=path)
    assert text.returncode == 0
    assert "150 wpm · 1 filler · 0 pauses" in text.stdout
    assert "“so um i was on call”" in text.stdout
    assert "\x1b" not in text.stdout and "Why \ufffd[2J us?" in text.stdout


def test_doctor_reports_the_microphone_and_the_transcriber(run_cli, tmp_path):
    db = tmp_path / "m.db"
    run_cli("questions", "list", db=db)
    result = run_cli("doctor", db=db, env={"XDG_RUNTIME_DIR": str(tmp_path),
                                           "PULSE_SERVER": f"unix:{tmp_path}/none"})
    lines = {line[3:16].strip(): line for line in result.stdout.splitlines()}
    assert "PortAudio" in lines and "microphone" in lines and "transcriber" in lines
    assert "No microphone was found" in lines["microphone"]
    assert "apt install" in lines["microphone"]
    assert "pocketsphinx" in lines["transcriber"]
    assert "0 recordings" in lines["audio"]
