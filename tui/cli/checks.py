"""What `matchprep doctor` looks at: each check yields findings (ok, a problem, or a fact)."""

from __future__ import annotations

import os
import platform
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import tui
from tui.store.backup import list_backups, shares_old_backups
from tui.store.database import special_file
from tui.store.paths import backups_dir, data_dir, old_backups_dir


@dataclass(frozen=True)
class Finding:
    ok: bool | None  # None: for information
    label: str
    detail: str


Check = Callable[[Path], Iterator[Finding]]


def check_versions(path: Path) -> Iterator[Finding]:
    import textual

    yield Finding(None, "matchprep", f"{tui.__version__} (Python {platform.python_version()}, "
                  f"Textual {textual.__version__}, SQLite {sqlite3.sqlite_version})")


def check_database(path: Path) -> Iterator[Finding]:
    yield Finding(None, "data folder", str(data_dir()))
    if path.is_dir():
        yield Finding(False, "database", f"{path} is a folder, not a file. Give a file path "
                      "with --db.")
        return
    if (kind := special_file(path)) is not None:  # opening it could block, or change it
        yield Finding(False, "database", f"{path} is {kind}, not a database file. Give the "
                      "path of a matchprep database with --db.")
        return
    if not path.exists():
        yield Finding(None, "database", f"{path} (not created yet: it will be on first start)")
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    yield Finding(None, "database", f"{path} ({path.stat().st_size:,} bytes)")
    yield Finding(mode & 0o077 == 0, "permissions",
                  f"{mode:04o}" + ("" if mode & 0o077 == 0 else
                                   f" (others can read it: run `chmod 600 {path}`)"))
    from question_bank.questions import count_questions  # the bank owns its table

    folder_writable = os.access(path.parent, os.W_OK)

    def read(mode: str) -> tuple[list, dict, int]:
        conn = sqlite3.connect(f"file:{path}?{mode}", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            versions = dict(conn.execute("select component, version from schema_versions"))
            return result, versions, count_questions(conn, include_hidden=True)
        finally:
            conn.close()

    try:
        try:
            result, versions, questions = read("mode=ro")
        except sqlite3.OperationalError as error:
            if folder_writable or "unable to open" not in str(error):
                raise
            # In a read-only folder SQLite cannot make the -shm it reads a WAL database
            # with: read the file as it is on disk instead.
            result, versions, questions = read("mode=ro&immutable=1")
    except sqlite3.DatabaseError as error:
        yield Finding(False, "integrity", f"SQLite cannot read it ({error}). Restore a backup: "
                      f"`matchprep --db {path} restore FILE`.")
        return
    if result == [("ok",)]:
        yield Finding(True, "integrity", "ok")
    else:
        yield Finding(False, "integrity", f"{result[0][0]}. Restore a backup: "
                      f"`matchprep --db {path} restore FILE`.")
    yield Finding(None, "schema", ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))
    yield Finding(None, "questions", f"{questions}")
    if not os.access(path, os.W_OK):
        yield Finding(False, "writable", f"{path} is read-only: changes cannot be saved.")
    elif not folder_writable:
        yield Finding(False, "writable", f"its folder {path.parent} is read-only: SQLite keeps "
                      "two small files (-wal, -shm) beside the database, so changes cannot be "
                      "saved. Make the folder writable, or copy the database somewhere "
                      "writable and open it with --db.")


def check_backups(path: Path) -> Iterator[Finding]:
    folder = backups_dir(path)
    found = list_backups(folder)
    if found:
        yield Finding(None, "backups", f"{len(found)} in {folder}, newest {found[-1].name}")
    else:
        yield Finding(None, "backups", f"none yet ({folder}); make one with `matchprep backup`")
    old = old_backups_dir(path)
    if old != folder and list_backups(old):
        shared = ", ".join(p.name for p in shares_old_backups(path))
        yield Finding(None, "old backups", f"{len(list_backups(old))} in {old}, from an "
                      "earlier matchprep" + (f", shared with {shared}" if shared else "")
                      + ": kept as they are (restore one with `matchprep restore FILE`)")



def check_timezone(path: Path) -> Iterator[Finding]:
    """Which zone times are shown in, and whether zone data is there."""
    from dossiers.zones import all_zone_names, system_zone_name

    count = len(all_zone_names())
    yield Finding(count > 100, "time zones", f"{count} known (system zone: {system_zone_name()})"
                  + ("" if count > 100 else "; install the tzdata package"))


def check_speech(path: Path) -> Iterator[Finding]:
    """The speech engine: which engine, how many voices, what to install."""
    from tui.speech.client import probe

    report = probe()
    if report.ok:
        yield Finding(True, "speech", f"{report.driver} through pyttsx3, {report.voices} voices")
    else:
        # Not a failure: without an engine the app shows the questions and says how to get one.
        yield Finding(None, "speech", f"not available. {report.problem}")


def check_audio(path: Path) -> Iterator[Finding]:
    """Recording answers: PortAudio, the microphone, the transcription engine, where audio
    lives. None of it is a failure: without it, answers are timed but not recorded."""
    from tui.audio.child import INSTALL_HINT
    from tui.store.audio_files import audio_dir, audio_usage

    try:
        import sounddevice

        yield Finding(True, "PortAudio", sounddevice.get_portaudio_version()[1])
    except OSError:
        yield Finding(None, "PortAudio", f"not installed: answers cannot be recorded. "
                      f"{INSTALL_HINT}")
        return
    except ImportError:
        yield Finding(None, "PortAudio", "the sounddevice package is missing: reinstall "
                      "matchprep with its dependencies.")
        return
    from tui.audio.client import AudioHelper

    helper = AudioHelper()
    try:
        status = helper.wait_ready(15)
        if status == "ready":
            yield Finding(True, "microphone", f"{helper.devices.get('input')} (the default "
                          f"input; playback through {helper.devices.get('output')})")
        else:
            yield Finding(None, "microphone", f"{helper.problem or 'not found'} Answers are "
                          "timed but not recorded.")
    finally:
        helper.close()
    try:
        from tui.audio.transcribe import default_engine

        engine = default_engine()
        yield Finding(True, "transcriber", f"{engine.name} with its US English model "
                      "(offline; rough: see the README)")
    except Exception as error:  # EngineMissing, or a model that will not load
        yield Finding(None, "transcriber", f"not available ({error}); recordings keep their "
                      "pauses and timing, without words.")
    count, size = audio_usage(path)
    yield Finding(None, "audio", f"{count} recording{'s' if count != 1 else ''} "
                  f"({size / 1_000_000:.1f} MB) in {audio_dir(path)}")
