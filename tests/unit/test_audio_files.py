"""Audio on disk (tui.store.audio_files) and voice-activity detection (tui.audio.vad),
without a sound device: files 0600 in 0700 folders, deleted at once when forgotten or past
retention, strays swept, backups with or without audio; pauses timed from samples."""

from __future__ import annotations

import os
import stat
import tarfile
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from question_bank.mock import create_session
from question_bank.mock_formats import Prompt
from question_bank.recordings import add_recording, audio_paths, get_recording
from tui.audio.child import explain_start
from tui.audio.speed import stretch
from tui.audio.vad import level_db, voiced_stretches
from tui.store.audio_files import (
    audio_dir,
    backup_audio,
    forget_recording,
    new_audio_path,
    resolve,
    sweep_strays,
    tidy_audio,
)
from tui.store.settings import set_setting

T0 = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)
RATE = 16_000


def tone(seconds: float, level: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (np.sin(2 * np.pi * 220 * t) * level * 32767).astype(np.int16)


def quiet(seconds: float, noise: float = 0.0) -> np.ndarray:
    rng = np.random.default_rng(1)
    return (rng.normal(0, noise * 32767, int(seconds * RATE))).astype(np.int16)


# Voice activity -------------------------------------------------------------------------------

@pytest.mark.parametrize("noise", [0.0, 0.001])  # digital silence, and a quiet room's hiss
def test_stretches_of_voice_are_found_to_the_frame(noise):
    samples = np.concatenate([quiet(1.0, noise), tone(2.0), quiet(0.5, noise), tone(1.0),
                              quiet(3.5, noise), tone(0.8), quiet(0.4, noise)])
    found = voiced_stretches(samples, RATE)
    expected = [(1.0, 3.0), (3.5, 4.5), (8.0, 8.8)]
    assert len(found) == 3
    for (a, b), (x, y) in zip(found, expected, strict=True):
        assert abs(a - x) <= 0.05 and abs(b - y) <= 0.05, found


def test_a_click_is_not_voice_and_silence_has_none():
    click = np.concatenate([quiet(1.0), tone(0.02), quiet(1.0)])
    assert voiced_stretches(click, RATE) == []
    assert voiced_stretches(quiet(2.0), RATE) == []
    assert level_db(quiet(1.0)) == -100.0 and -14 < level_db(tone(1.0)) < -12


def test_faster_playback_is_shorter_by_the_speed():
    samples = tone(4.0).astype(np.float32) / 32768
    assert len(stretch(samples, RATE, 1.25)) == pytest.approx(len(samples) / 1.25, rel=0.02)
    assert len(stretch(samples, RATE, 1.0)) == len(samples)


def test_the_helpers_problems_are_sentences_with_what_to_install():
    assert "apt install libportaudio2" in explain_start(OSError("PortAudio library not found"))
    missing = explain_start(LookupError("PortAudio sees no input device"))
    assert missing.startswith("No microphone was found") and "pulseaudio" in missing


# Files --------------------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    from tui.store.database import open_database

    database = open_database(tmp_path / "m.db")
    yield database
    database.close()


def _recorded(db, db_path, at, data=b"OggS fake"):
    prompts = [Prompt("question", "q", "Q?", "intro", "star", 60)]
    session = create_session(db, format="faculty", prompts=prompts, started_at=at)
    path, relative = new_audio_path(db_path, at, "mock")
    path.write_bytes(data)
    os.chmod(path, 0o600)
    rid = add_recording(db, kind="mock", path=relative, seconds=3, recorded_at=at,
                        session_id=session, position=0)
    return rid, path


def test_audio_lives_beside_the_database_in_private_month_folders(tmp_path):
    db_path = tmp_path / "m.db"
    path, relative = new_audio_path(db_path, T0, "take")
    assert path == audio_dir(db_path) / relative and relative.startswith("2025-03/")
    assert audio_dir(db_path) == tmp_path / "m.db-audio"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(audio_dir(db_path).stat().st_mode) == 0o700
    assert resolve(db_path, "../m.db") is None and resolve(db_path, "/etc/passwd") is None


def test_forgetting_deletes_the_file_at_once_and_keeps_the_row(db, tmp_path):
    db_path = tmp_path / "m.db"
    rid, path = _recorded(db, db_path, T0)
    assert forget_recording(db, db_path, rid, T0) is True
    assert not path.exists() and get_recording(db, rid).path is None


def test_retention_deletes_older_sessions_audio_and_strays_are_swept(db, tmp_path):
    db_path = tmp_path / "m.db"
    set_setting(db, "audio_keep_sessions", "2")
    paths = [_recorded(db, db_path, T0 + timedelta(days=d))[1] for d in range(4)]
    stray = audio_dir(db_path) / "2025-03" / "left-over.ogg"
    stray.write_bytes(b"x")
    fresh = audio_dir(db_path) / "2025-03" / "being-saved.ogg"
    fresh.write_bytes(b"x")
    os.utime(stray, (0, 0))  # an old file no recording names; `fresh` may be on its way
    gone = tidy_audio(db, db_path, T0 + timedelta(days=5))
    assert [p.exists() for p in paths] == [False, False, True, True]
    assert not stray.exists() and fresh.exists()
    assert len(gone) == 3 and len(audio_paths(db)) == 2
    assert sweep_strays(db_path, audio_paths(db), older_than=0) == ["2025-03/being-saved.ogg"]


def test_two_databases_side_by_side_never_sweep_each_others_audio(db, tmp_path):
    mine, other = tmp_path / "a.db", tmp_path / "a.sqlite"
    assert audio_dir(mine) != audio_dir(other)
    theirs, _ = new_audio_path(other, T0, "mock")
    theirs.write_bytes(b"OggS theirs")
    os.utime(theirs, (0, 0))  # old enough to be swept, were it in this database's folder
    assert sweep_strays(mine, audio_paths(db), older_than=0) == []
    assert theirs.exists()


def test_a_backup_with_audio_archives_it_privately(db, tmp_path):
    db_path = tmp_path / "m.db"
    _, path = _recorded(db, db_path, T0, data=b"OggS one")
    target = tmp_path / "out" / "b.db"
    target.parent.mkdir()
    archive, count = backup_audio(db_path, target)
    assert archive == tmp_path / "out" / "b-audio.tar" and count == 1
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        [member] = tar.getmembers()
        assert member.name == path.relative_to(audio_dir(db_path)).as_posix()
        assert tar.extractfile(member).read() == b"OggS one"


def test_backup_says_whether_it_includes_audio(run_cli, tmp_path):
    from tui.cli.launch import prepare_database
    from tui.store.database import connect

    db_path = tmp_path / "m.db"
    prepare_database(db_path)
    db = connect(db_path)
    with db.conn:
        _recorded(db, db_path, T0)
    db.close()
    plain = run_cli("backup", "-o", str(tmp_path / "plain.db"), db=db_path)
    assert plain.returncode == 0, plain.stderr
    assert "Without audio: 1 recording" in plain.stdout and "--with-audio" in plain.stdout
    assert not (tmp_path / "plain-audio.tar").exists()
    full = run_cli("backup", "--with-audio", "-o", str(tmp_path / "full.db"), db=db_path)
    assert "With audio: 1 recording archived to" in full.stdout
    assert (tmp_path / "full-audio.tar").exists()
