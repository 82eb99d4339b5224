"""The speaker: one helper process, texts on its stdin, killed and restarted when it hangs."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import wave
from ctypes.util import find_library
from pathlib import Path

import pytest

from tui.speech.client import HelperSpeaker, make_speaker
from tui.speech.speaker import SilentSpeaker, Speaker, SpeechNotice

FAKE = Path(__file__).resolve().parent.parent / "fake_speech_helper.py"


def fake(mode: str, log: Path, **options) -> HelperSpeaker:
    options.setdefault("start_timeout", 5)
    return HelperSpeaker([sys.executable, str(FAKE), mode, str(log)], **options)


def entries(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines()]


def wait_for(condition, timeout: float = 10.0) -> bool:
    """Poll until `condition()` holds (the helper is another process)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_every_speaker_follows_the_protocol():
    assert isinstance(SilentSpeaker(), Speaker)
    assert isinstance(HelperSpeaker(), Speaker)
    silent = make_speaker(enabled=False)
    assert not silent.available and "--no-speech" in silent.problem


def test_texts_go_through_stdin_and_a_new_say_interrupts(tmp_path):
    log = tmp_path / "log"
    speaker = fake("record", log)
    try:
        text = "Why [US city]? 🩻 and a quote \" in it"
        speaker.say(text, rate=150)
        assert wait_for(lambda: {"said": text} in entries(log))
        pid = entries(log)[0]["pid"]
        cmdline = Path(f"/proc/{pid}/cmdline")
        if cmdline.exists():
            assert "US city" not in cmdline.read_text(errors="replace")
        assert speaker.status == "ready" and [v.id for v in speaker.voices] == ["fake/en"]
    finally:
        speaker.close()
    assert speaker.status == "closed" and not alive(pid)


def test_a_hanging_helper_is_killed_restarted_and_reported(tmp_path):
    log = tmp_path / "log"
    notices: list[SpeechNotice] = []
    speaker = fake("hang", log, grace=0.2, pace_factor=0)
    speaker.set_listener(notices.append)
    try:
        speaker.say("Tell me about yourself.")
        assert wait_for(lambda: notices)
        assert notices[0].kind == "restarted" and "stopped answering" in notices[0].message
        first = entries(log)[0]["pid"]
        assert wait_for(lambda: not alive(first))
        assert wait_for(lambda: len([e for e in entries(log) if "pid" in e]) == 2)  # a new one
        assert speaker.available
    finally:
        speaker.close()


def test_a_helper_that_keeps_hanging_is_given_up_on(tmp_path):
    log = tmp_path / "log"
    notices: list[SpeechNotice] = []
    speaker = fake("hang-start", log, start_timeout=0.2, max_failures=2)
    speaker.set_listener(notices.append)
    try:
        speaker.say("Why radiology?")
        assert wait_for(lambda: any(n.kind == "gave-up" for n in notices))
        assert not speaker.available and "did not start" in speaker.problem
        pids = [e["pid"] for e in entries(log) if "pid" in e]
        assert len(pids) == 2 and wait_for(lambda: not any(alive(p) for p in pids))
        speaker.say("Anything else?")  # nothing more is started or said
        time.sleep(0.1)
        assert len([e for e in entries(log) if "pid" in e]) == 2
    finally:
        speaker.close()


def test_no_engine_is_said_once_with_how_to_get_one(tmp_path):
    notices: list[SpeechNotice] = []
    speaker = fake("unavailable", tmp_path / "log")
    speaker.set_listener(notices.append)
    try:
        assert speaker.wait_ready(5) == "unavailable"
        speaker.say("First question?")
        speaker.say("Second question?")
        assert wait_for(lambda: notices)
        time.sleep(0.1)
        assert len(notices) == 1 and "apt install espeak-ng" in notices[0].message
        assert not speaker.available
    finally:
        speaker.close()


def test_temporary_audio_of_a_killed_run_is_swept(tmp_path, monkeypatch):
    import subprocess
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = tmp_path / f"matchprep-speech-{gone.pid}-abc"
    stale.mkdir()
    (stale / "tmpq.wav").write_bytes(b"RIFF")
    speaker = fake("record", tmp_path / "log")
    try:
        assert speaker.wait_ready(5) == "ready"
        assert not stale.exists()
        [mine] = tmp_path.glob(f"matchprep-speech-{os.getpid()}-*")
    finally:
        speaker.close()
    assert not mine.exists()


def test_stop_kills_the_speaking_helper_at_once(tmp_path):
    log = tmp_path / "log"
    speaker = fake("hang", log, grace=60)
    try:
        speaker.say("A long answer read aloud.")
        assert wait_for(lambda: any("said" in e for e in entries(log)))
        first = entries(log)[0]["pid"]
        speaker.stop()
        assert wait_for(lambda: not alive(first), timeout=3)
    finally:
        speaker.close()


ESPEAK = shutil.which("espeak-ng") or find_library("espeak-ng")


@pytest.mark.skipif(not ESPEAK, reason="espeak-ng is not installed (apt install espeak-ng)")
def test_the_real_engine_speaks_a_question_into_a_wav_file(tmp_path):
    speaker = HelperSpeaker()
    try:
        short = speaker.save_to_file("Why radiology?", tmp_path / "short.wav")
        long = speaker.save_to_file(
            "Tell me about a time you disagreed with a senior colleague about a patient's care. "
            "What did you do, and what happened?", tmp_path / "long.wav", rate=170)
    finally:
        speaker.close()

    def seconds(path: Path) -> float:
        with wave.open(str(path)) as audio:
            return audio.getnframes() / audio.getframerate()

    assert 0.5 < seconds(short) < 5
    assert 4 < seconds(long) < 20  # about 20 words at 170 words a minute
    assert seconds(long) > 2 * seconds(short)
