"""What a spoken answer shows (question_bank.spoken) and where it is kept
(question_bank.recordings): pure rules on words and stretches of voice, no audio."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from question_bank.mock import create_session, delete_session
from question_bank.mock_formats import Prompt
from question_bank.recordings import (
    add_recording,
    answer_takes,
    audio_paths,
    expire_audio,
    forget_audio,
    get_recording,
    save_review,
    session_recordings,
    spoken_by_week,
)
from question_bank.spoken import (
    SpokenReview,
    SpokenWord,
    coverage,
    delivery,
    find_fillers,
    pace_word,
    spoken_phrases,
    text_fillers,
    timed_breaks,
    words_per_minute,
)
from tui.store.database import open_database

T0 = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)


def timed(*spec: str | float) -> list[SpokenWord]:
    """timed("so", "um", 0.6, "I", "led") -> words 0.3 s each; a number is a pause."""
    words, at = [], 0.0
    for item in spec:
        if isinstance(item, float):
            at += item
            continue
        words.append(SpokenWord(str(item), at, at + 0.3, 0.9))
        at += 0.32
    return words


def fillers_of(words: list[SpokenWord]) -> list[str]:
    return [f.text for f in find_fillers([w.text for w in words], timed_breaks(words))]


# Pauses and speaking time ------------------------------------------------------------------

def test_pauses_are_gaps_of_a_quarter_second_and_long_ones_are_over_three():
    d = delivery([(1.0, 4.0), (4.1, 6.0), (6.5, 9.0), (12.5, 15.0)], seconds=16.0)
    assert d.voiced == ((1.0, 6.0), (6.5, 9.0), (12.5, 15.0))  # the 0.1 s breath is joined
    assert d.first_word == 1.0
    assert [round(p.seconds, 2) for p in d.pauses] == [0.5, 3.5]
    assert [round(p.seconds, 2) for p in d.long_pauses] == [3.5]
    assert d.longest_pause == pytest.approx(3.5)
    # From the first voice to the last (14 s), less the long pause (3.5 s).
    assert d.speaking_seconds == pytest.approx(10.5)


def test_silence_is_no_speaking_and_no_pace():
    d = delivery([], seconds=12.0)
    assert not d.heard and d.first_word is None and d.speaking_seconds == 0
    review = SpokenReview(d, (), transcribed=True)
    assert review.wpm is None and review.fillers_per_minute is None
    assert review.figures()["first_word_seconds"] is None


def test_words_a_minute_over_speaking_time():
    assert words_per_minute(150, 60.0) == 150
    assert words_per_minute(20, 0.5) is None  # too little to tell
    assert pace_word(175, 140) == "fast" and pace_word(100, 140) == "slow"
    assert pace_word(150, 140) == "on pace" and pace_word(None, 140) == ""


# Fillers ------------------------------------------------------------------------------------

def test_um_uh_er_hmm_are_always_fillers_in_any_spelling_the_engine_uses():
    assert fillers_of(timed("I", "um", "led", "uh(2)", "the", "team", "er", "hmm")) == [
        "um", "uh", "er", "hmm"]


def test_like_you_know_basically_count_only_when_set_off_on_both_sides():
    # Set off by pauses, or by another filler: fillers.
    assert fillers_of(timed("it", "was", 0.4, "like", 0.4, "huge")) == ["like"]
    assert fillers_of(timed("it", "was", "um", "like", 0.4, "huge")) == ["um", "like"]
    assert fillers_of(timed("basically", 0.5, "I", "stayed")) == ["basically"]
    assert fillers_of(timed("I", "stayed", 0.4, "you", "know")) == ["you know"]
    # In the flow of a sentence: words, not fillers.
    assert fillers_of(timed("I", "like", "radiology")) == []
    assert fillers_of(timed("it", "looks", "like", 0.5, "a", "mass")) == []
    assert fillers_of(timed("do", "you", "know", "why")) == []
    assert fillers_of(timed("it", "basically", "failed")) == []
    # "you" and "know" split by a pause are not the phrase.
    assert fillers_of(timed("you", 0.5, "know", 0.5)) == []


def test_fillers_in_a_typed_text_are_set_off_by_commas():
    assert [f.text for f in text_fillers("It was, like, huge. Um, I stayed, you know.")] == [
        "like", "um", "you know"]
    assert text_fillers("I like radiology and you know why.") == []


def test_hedges_and_apologetic_phrases_are_found_in_what_was_said():
    found = spoken_phrases("i guess i was kind of lost unfortunately i was just an img")
    assert found["hedges"] == ["i guess", "kind of"]
    assert found["apologetic"] == ["unfortunately", "i was just an"]
    assert spoken_phrases("this kind of case taught me") == {"hedges": [], "apologetic": []}


# Coverage of the written answer -----------------------------------------------------------

def test_the_parts_of_the_written_answer_that_were_said_and_those_left_out():
    parts = {"situation": "A night shift in the emergency department, a stroke alert.",
             "action": "I called the neurologist and reviewed the perfusion scan myself.",
             "result": "Thrombolysis started within 40 minutes.", "task": "", "learned": ""}
    heard = "on a night shift in emergency a stroke came in i called neurology".split()
    found = {c.key: c for c in coverage(parts, "star", heard)}
    assert set(found) == {"situation", "action", "result"}  # empty parts are not judged
    assert found["situation"].covered and "stroke" in found["situation"].said
    assert found["action"].covered  # "called", "neurologist"~"neurology"
    assert not found["result"].covered
    assert found["result"].missed == ("thrombolysis", "started", "minutes")
    assert found["result"].label == "Result"


# Stored recordings --------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "m.db")
    yield database
    database.close()


def _session(db, at=T0) -> int:
    prompts = [Prompt(kind="question", ref=f"q{i}", text=f"Question {i}?", category="intro",
                      structure="star", target_seconds=60) for i in range(2)]
    return create_session(db, format="faculty", prompts=prompts, started_at=at)


def test_a_recording_keeps_its_review_and_forgetting_keeps_the_words(db):
    session = _session(db)
    rid = add_recording(db, kind="mock", path="2025/03/a.ogg", seconds=10.0, recorded_at=T0,
                        session_id=session, position=1)
    words = tuple(timed("so", 0.5, "um", 0.5, "I", "led", "the", "team"))
    review = SpokenReview(delivery([(0.5, 1.0), (1.5, 1.9), (2.4, 4.0)], 10.0), words,
                          transcribed=True, pace_wpm=150)
    save_review(db, rid, review, engine="pocketsphinx", extra={"hedges": []})
    stored = get_recording(db, rid)
    assert stored.status == "analysed" and stored.question_id == "q1"
    assert stored.review is not None and stored.review.transcript == "so um i led the team"
    first = words[2]
    assert stored.review.words[2] == SpokenWord("I", round(first.start, 2), round(first.end, 2),
                                                0.9)
    assert stored.figures["fillers"] == 1 and stored.figures["pace_wpm"] == 150
    assert stored.review.figures() == review.figures()
    [item_id] = session_recordings(db, session)
    assert db.execute("select position from mock_items where id = ?", [item_id]).fetchone() == (1,)

    assert forget_audio(db, rid, T0) == "2025/03/a.ogg"
    after = get_recording(db, rid)
    assert after.path is None and after.audio_deleted_at == T0
    assert after.review is not None and after.review.transcript == "so um i led the team"
    assert audio_paths(db) == set()


def test_retention_keeps_the_audio_of_the_last_sessions_only(db):
    paths = []
    for day in range(4):  # four mock sessions, one recording each, then one take
        at = T0 + timedelta(days=day)
        session = _session(db, at)
        path = f"s{day}.ogg"
        add_recording(db, kind="mock", path=path, seconds=5, recorded_at=at,
                      session_id=session, position=0)
        add_recording(db, kind="mock", path=f"s{day}b.ogg", seconds=5, recorded_at=at,
                      session_id=session, position=1)
        paths.append(path)
    add_recording(db, kind="take", path="take.ogg", seconds=5,
                  recorded_at=T0 + timedelta(days=5), question_id="q0")
    gone = expire_audio(db, 2, T0 + timedelta(days=6))
    assert sorted(gone) == ["s0.ogg", "s0b.ogg", "s1.ogg", "s1b.ogg", "s2.ogg", "s2b.ogg"]
    assert audio_paths(db) == {"s3.ogg", "s3b.ogg", "take.ogg"}
    assert expire_audio(db, 2, T0 + timedelta(days=6)) == []  # nothing left to forget


def test_deleting_a_session_deletes_its_recordings_rows(db):
    session = _session(db)
    add_recording(db, kind="mock", path="a.ogg", seconds=5, recorded_at=T0, session_id=session,
                  position=0)
    delete_session(db, session)
    assert audio_paths(db) == set()  # the file is now a stray, swept by the store


def test_takes_of_an_answer_newest_first_and_weekly_figures(db):
    assert answer_takes(db, 1) == []
    session = _session(db)
    for day, wpm_words in ((0, 20), (1, 30), (8, 40)):
        rid = add_recording(db, kind="mock", path=f"{day}.ogg", seconds=20,
                            recorded_at=T0 + timedelta(days=day), session_id=session,
                            position=0)
        words = tuple(SpokenWord("word", i * 0.5, i * 0.5 + 0.4) for i in range(wpm_words))
        save_review(db, rid, SpokenReview(delivery([(0.0, 15.0)], 20), words,
                                          transcribed=True), engine="test")
    weeks = spoken_by_week(db, T0 - timedelta(days=1))
    assert [w.week_start for w in weeks] == ["2025-03-03", "2025-03-10"]
    assert weeks[0].answers == 2 and weeks[0].wpm == pytest.approx(100.0)  # 80 and 120
    assert weeks[1].wpm == pytest.approx(160.0)


def test_progress_charts_pace_and_fillers_week_by_week_against_the_users_pace(db):
    from tui.practice.progress_charts import Window, fillers_chart, pace_chart

    window = Window.weeks(T0 + timedelta(days=13), 2)
    assert pace_chart(db, window).empty and "Record my answers" in pace_chart(db, window).empty
    session = _session(db)
    for day, count, fillers in ((0, 50, 2), (8, 35, 0)):
        rid = add_recording(db, kind="mock", path=f"{day}.ogg", seconds=30,
                            recorded_at=T0 + timedelta(days=day), session_id=session, position=0)
        words = [SpokenWord("um" if i < fillers else "word", i * 0.4, i * 0.4 + 0.3)
                 for i in range(count)]
        save_review(db, rid, SpokenReview(delivery([(0.0, 20.0)], 30), tuple(words),
                                          transcribed=True), engine="test")
    pace = pace_chart(db, window)
    assert [b.label for b in pace.bars] == ["wk 03 Mar", "wk 10 Mar"]
    assert [b.segments[0] for b in pace.bars] == [(150.0, "$success"), (105.0, "$warning")]
    assert pace.marker == 140.0 and "your pace is 140" in pace.summary
    fillers = fillers_chart(db, window)
    assert [b.segments[0] for b in fillers.bars] == [(6.0, "$error"), (0.0, "$success")]
    assert fillers.rows == (("03 Mar", "1", "6.0"), ("10 Mar", "1", "0.0"))
