"""The speaker: one helper process, texts on its stdin, killed and restarted when it hangs."""

from __future__ import annotations

import json
import os
import sys
import wave
from pathlib import Path

import pytest

from tests.system import needs
from tests.waiting import wait_until
from tui.speech.client import HelperSpeaker, make_speaker
from tui.speech.speaker import SilentSpeaker, Speaker, SpeechError, SpeechNotice

FAKE = Path(__file__).resolve().parent.parent / "fake_speech_helper.py"


def fake(mode: str, log: Path, **options) -> HelperSpeaker:
    options.setdefault("start_timeout", 5)
    return HelperSpeaker([sys.executable, str(FAKE), mode, str(log)], **options)


def entries(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines()]


def handled(speaker: HelperSpeaker, tmp_path: Path) -> None:
    """Return once the speaker has handled every request made so far: they are handled in
    order, and a recording asked for after them fails at once when there is no engine."""
    with pytest.raises(SpeechError):
        speaker.save_to_file("Anything handled?", tmp_path / "barrier.wav", timeout=5)


def helpers_running(log: Path) -> list[int]:
    """The live fake helpers writing to `log` (its path is on their command line)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(log).encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:  # ended meanwhile
            pass
    return found


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
        wait_until(lambda: {"said": text} in entries(log), what="the helper to be given the text")
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
        wait_until(lambda: notices, what="a notice")
        assert notices[0].kind == "restarted" and "stopped answering" in notices[0].message
        first = entries(log)[0]["pid"]
        wait_until(lambda: not alive(first), what="the hung helper to be killed")
        wait_until(lambda: len([e for e in entries(log) if "pid" in e]) == 2,
                   what="a new helper")
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
        wait_until(lambda: any(n.kind == "gave-up" for n in notices), what="giving up")
        assert not speaker.available and "did not start" in speaker.problem
        pids = [e["pid"] for e in entries(log) if "pid" in e]
        assert len(pids) == 2
        wait_until(lambda: not any(alive(p) for p in pids), what="both helpers to end")
        speaker.say("Anything else?")  # nothing more is started or said
        handled(speaker, tmp_path)
        assert helpers_running(log) == []
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
        wait_until(lambda: notices, what="the notice")
        handled(speaker, tmp_path)  # both questions: the second one is not told again
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
        wait_until(lambda: any("said" in e for e in entries(log)), what="the helper to speak")
        first = entries(log)[0]["pid"]
        speaker.stop()
        wait_until(lambda: not alive(first), timeout=3, what="the helper to be killed")
    finally:
        speaker.close()


@needs("espeak-ng")
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
