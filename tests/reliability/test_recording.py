"""Recording through a real capture path: PortAudio -> ALSA's pulse plugin -> PulseAudio's
pipe source, fed known speech (espeak-ng sentences, exact pauses, known fillers).

Checks the figures against what was put in: the recording's length, when the voice starts
and stops, the pauses, the speaking time (within 0.3 s), words a minute (within 20 %), the
fillers where they were put; the files' modes; a stuck device killed and said; a silent
microphone said; no microphone said at once.
"""

from __future__ import annotations

import stat
import time

import pytest

from question_bank.spoken import LONG_PAUSE
from tests.fake_mic import answer_script
from tests.waiting import wait_until
from tui.audio.analyse import hear
from tui.audio.client import AudioHelper
from tui.audio.transcribe import PocketSphinx

pytestmark = pytest.mark.slow

SENTENCES = [
    "I was the night resident on the stroke unit",
    "um",
    "a patient came in with sudden weakness and slurred speech",
    "I called the stroke team and read the scan with the attending",
    "the patient got treatment within the hour",
]
PAUSES = [0.7, 0.7, 0.6, 3.6]


def record(mic, path, script, *, extra=1.0):
    recorder = AudioHelper()
    events = []
    recorder.set_listener(events.append)
    try:
        assert recorder.wait_ready(20) == "ready", recorder.problem
        recorder.record(path)
        wait_until(lambda: any(e.kind == "level" for e in events), timeout=10,
                   what="the first level reading")
        mic.play(script)
        started = time.monotonic()
        wait_until(lambda: not mic.busy(), timeout=script.seconds + 20, what="the speech to end")
        time.sleep(max(0.0, extra - (time.monotonic() - started - script.seconds)))
        saved = recorder.stop_recording().result(20)
    finally:
        recorder.close()
    return saved, events


def test_a_spoken_answer_is_recorded_and_its_figures_match_what_was_said(mic_env, tmp_path):
    script = answer_script(SENTENCES, PAUSES, lead=1.0, tail=0.5)
    path = tmp_path / "audio" / "2025-03" / "answer.ogg"
    saved, events = record(mic_env, path, script)

    # The file: Ogg Opus, the user's alone, in a folder of theirs alone.
    assert saved.path == path and path.read_bytes()[:4] == b"OggS"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not list(path.parent.glob(".*.tmp"))
    assert 12_000 < path.stat().st_size < 120_000, "about 40 KB for 12 s of speech"
    levels = [e for e in events if e.kind == "level"]
    assert max(e.db for e in levels) > -30 and not [e for e in events if e.kind == "silent"]

    heard = hear(path, PocketSphinx())
    review = heard.review(140)
    delivery = review.delivery
    # Recording started before the speech was fed and ran a little after it.
    assert script.seconds - 0.5 < saved.seconds < script.seconds + 4
    lead = delivery.first_word - 1.0  # the speech began this long after the recording
    assert 0 <= lead < 3, f"first voice at {delivery.first_word}"
    # Pauses: where they were put (shifted by when the feed began), within 0.3 s.
    expected = [(a + lead, b + lead) for a, b in script.gaps()]
    found = [(p.start, p.end) for p in delivery.pauses]
    assert len(found) >= len(expected), (found, expected)
    for start, end in expected:
        match = min(found, key=lambda p, s=start: abs(p[0] - s))
        assert abs(match[0] - start) <= 0.3 and abs(match[1] - end) <= 0.3, (match, start, end)
    assert [round(p.seconds) for p in delivery.long_pauses] == [4]
    assert delivery.longest_pause == pytest.approx(3.6, abs=0.3)
    true_speaking = script.pieces[-1][2] - script.pieces[0][1] - PAUSES[-1]
    assert delivery.speaking_seconds == pytest.approx(true_speaking, abs=0.3)
    assert PAUSES[-1] > LONG_PAUSE

    # Words a minute within 20 % of the words said over the speaking time.
    true_wpm = script.words * 60 / true_speaking
    assert review.wpm == pytest.approx(true_wpm, rel=0.2), (review.transcript, true_wpm)
    # The "um" set off by pauses is found, where it was put; nothing else is a filler.
    fillers = review.fillers
    assert [f.text for f in fillers] == ["um"], review.transcript
    um_at = review.words[fillers[0].index].start
    assert abs(um_at - (script.pieces[1][1] + lead)) < 0.3


def test_a_microphone_that_stops_delivering_is_killed_and_said(mic_env, tmp_path):
    recorder = AudioHelper(stall_seconds=2.0)
    events = []
    recorder.set_listener(events.append)
    try:
        assert recorder.wait_ready(20) == "ready"
        recorder.record(tmp_path / "a.ogg")
        wait_until(lambda: any(e.kind == "level" for e in events), timeout=10, what="levels")
        helper = recorder._proc.proc
        mic_env.freeze()
        try:
            wait_until(lambda: any(e.kind == "stalled" for e in events), timeout=10,
                       what="the stall to be noticed")
        finally:
            mic_env.freeze(False)
        assert helper.poll() is not None, "the stuck helper was killed"
        [stalled] = [e for e in events if e.kind == "stalled"]
        assert "stopped answering" in stalled.message
        with pytest.raises(Exception, match="stopped answering|Nothing was recorded"):
            recorder.stop_recording().result(5)
        # The next take starts a fresh helper, and records.
        events.clear()
        recorder.record(tmp_path / "b.ogg")
        wait_until(lambda: any(e.kind == "level" for e in events), timeout=20, what="levels")
        assert recorder.stop_recording().result(20).path.exists()
    finally:
        recorder.close()


def test_a_silent_microphone_is_said_within_seconds(mic_env, tmp_path):
    recorder = AudioHelper()
    events = []
    recorder.set_listener(events.append)
    try:
        assert recorder.wait_ready(20) == "ready"
        recorder.record(tmp_path / "quiet.ogg")  # the fake microphone hears only zeros
        wait_until(lambda: any(e.kind == "silent" for e in events), timeout=10,
                   what="silence to be said")
        [silent] = [e for e in events if e.kind == "silent"]
        assert "hears nothing" in silent.message
        recorder.cancel_recording()
    finally:
        recorder.close()


def test_no_microphone_is_said_at_once(tmp_path, monkeypatch):
    # No sound server at all: PortAudio finds no input device.
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'nothing'}")
    recorder = AudioHelper()
    events = []
    recorder.set_listener(events.append)
    try:
        assert recorder.wait_ready(20) == "unavailable"
        assert recorder.problem.startswith("No microphone was found")
        assert [e.kind for e in events] == ["unavailable"]
        assert recorder.stop_recording().exception(1) is not None
    finally:
        recorder.close()


@pytest.mark.slow
async def test_a_stress_round_through_the_microphone_ends_in_a_review_that_plays_it_back(
        mic_env, app_factory, db):
    """Done when: a mock run through the fake microphone ends in a review that plays each
    answer back and shows its transcript, words a minute, fillers and pauses; the figures
    reach history."""
    from tests.tui.pilot_helpers import shown, until
    from tests.tui.test_mock_interview import start_stress
    from tui.store.settings import set_setting

    set_setting(db, "record_answers", "1")
    db.conn.commit()
    script = answer_script(SENTENCES[:3], PAUSES[:2], lead=0.5, tail=0.5)
    app = app_factory(recorder=AudioHelper())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_stress(app, pilot, questions=1)
        await until(pilot, lambda: "● REC" in shown(app, "#run-recording"), tries=1000,
                    what="the level meter")
        mic_env.play(script)
        await until(pilot, lambda: not mic_env.busy(), tries=2000, what="the answer to be said")
        await pilot.press("n")
        await until(pilot, lambda: app.screen.id == "screen-mock-review", what="the review")
        await until(pilot, lambda: "Pace" in shown(app, "#review-spoken"), tries=3000,
                    what="the transcript")
        spoken = shown(app, "#review-spoken")
        assert "wpm" in spoken and "fillers" in spoken and "longest pause" in spoken
        assert "“um”" in spoken
        await pilot.press("space")
        await until(pilot, lambda: "❚❚" in shown(app, "#review-player"), what="playing")
        await until(pilot, lambda: app.screen.query_one("#review-player").position > 0.5,
                    tries=1000, what="the position to move")
        await pilot.press("space")
        await until(pilot, lambda: "▶" in shown(app, "#review-player"), what="paused")
    app.ctx.writer.flush()
    [(wpm, fillers, pauses)] = db.execute(
        "select wpm, fillers, pauses from recordings").fetchall()
    assert wpm > 0 and fillers == 1 and pauses >= 2
