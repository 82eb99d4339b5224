"""Where recorded answers live on disk, and deleting them.

The audio folder sits beside the database, as its backups do (`<database name>-audio/`; for
the default database that is inside matchprep's data folder): one database's recordings
stay with it. Files are Ogg Opus, 0600, in 0700 folders by month; a recording keeps its path
relative to this folder. The database never holds audio.

The jobs below run on the writer thread (`ctx.writer.submit(job, ...)`): they change the
recordings' rows and then delete the files the rows no longer name.
"""

from __future__ import annotations

import os
import secrets
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.store.files import ensure_private_dir

if TYPE_CHECKING:
    from sqlite_utils import Database

SUFFIX = ".ogg"
KEEP_SETTING = "audio_keep_sessions"  # audio is kept for this many recent sessions
RECORD_SETTING = "record_answers"  # "1" on, "0" off, unset: not asked yet


def audio_dir(db_path: Path) -> Path:
    """The folder of `db_path`'s recordings (not created here), named after the whole file
    name: `a.db` and `a.sqlite` side by side each have their own, so sweeping one's strays
    never deletes the other's recordings."""
    return db_path.parent / f"{db_path.name}-audio"


def new_audio_path(db_path: Path, at: datetime, kind: str) -> tuple[Path, str]:
    """A fresh file for a recording made at `at`: (absolute path, path relative to the audio
    folder). The month's folder is created 0700."""
    relative = f"{at:%Y-%m}/{at:%Y%m%d-%H%M%S}-{kind}-{secrets.token_hex(3)}{SUFFIX}"
    path = audio_dir(db_path) / relative
    ensure_private_dir(path.parent)
    return path, relative


def resolve(db_path: Path, relative: str) -> Path | None:
    """The absolute path of a stored relative one; None if it would leave the audio folder."""
    root = audio_dir(db_path).resolve()
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) and path != root else None


def delete_audio(db_path: Path, relative: str) -> bool:
    """Delete one recording's file (a missing one is fine); True if a file went."""
    path = resolve(db_path, relative)
    if path is None or path.is_symlink() or not path.suffix == SUFFIX:
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


STRAY_AFTER = 600.0  # seconds: a newer file may be a recording whose row is on its way


def sweep_strays(db_path: Path, named: set[str], *, older_than: float = STRAY_AFTER) -> list[str]:
    """Delete audio files that no recording names (a session deleted, a crash mid-save) and
    that are older than `older_than` seconds; return their relative paths. Leaves other
    files alone."""
    root = audio_dir(db_path)
    if not root.is_dir():
        return []
    gone = []
    now = time.time()
    for path in sorted(root.rglob(f"*{SUFFIX}")) + sorted(root.rglob(f".*{SUFFIX}.*.tmp")):
        relative = path.relative_to(root).as_posix()
        if relative in named or path.is_symlink() or not path.is_file():
            continue
        if now - path.stat().st_mtime < older_than:
            continue
        try:
            path.unlink()
            gone.append(relative)
        except OSError:
            pass
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        try:
            folder.rmdir()  # only empty month folders go
        except OSError:
            pass
    return gone


def keep_sessions(db: Database) -> int:
    from question_bank.recordings import KEEP_DEFAULT
    from tui.store.settings import get_setting

    value = get_setting(db, KEEP_SETTING, str(KEEP_DEFAULT)) or ""
    return int(value) if value.isdigit() else KEEP_DEFAULT


# Writer jobs ------------------------------------------------------------------------------

def forget_recording(db: Database, db_path: Path, recording_id: int, at: datetime) -> bool:
    """Delete one recording's audio now (its transcript and figures stay)."""
    from question_bank.recordings import forget_audio

    with db.atomic():
        relative = forget_audio(db, recording_id, at)
    return bool(relative) and delete_audio(db_path, relative or "")


def tidy_audio(db: Database, db_path: Path, at: datetime, *,
               older_than: float = STRAY_AFTER) -> list[str]:
    """Apply the retention setting (deleting the audio of older sessions at once), then
    delete files no recording names; return the relative paths deleted."""
    from question_bank.recordings import audio_paths, expire_audio

    gone = [r for r in expire_audio(db, keep_sessions(db), at) if delete_audio(db_path, r)]
    return gone + sweep_strays(db_path, audio_paths(db), older_than=older_than)


def audio_usage(db_path: Path) -> tuple[int, int]:
    """How many recordings are on disk and their bytes."""
    root = audio_dir(db_path)
    if not root.is_dir():
        return 0, 0
    files = [p for p in root.rglob(f"*{SUFFIX}") if p.is_file() and not p.is_symlink()]
    return len(files), sum(os.path.getsize(p) for p in files)


def backup_audio(db_path: Path, backup_path: Path) -> tuple[Path, int] | None:
    """Archive the audio folder beside a backup (`<backup>-audio.tar`, 0600, written whole or
    not at all); None when there is no audio. Returns the archive and how many files."""
    import tarfile
    import tempfile

    root = audio_dir(db_path)
    files = sorted(p for p in root.rglob(f"*{SUFFIX}")
                   if p.is_file() and not p.is_symlink()) if root.is_dir() else []
    if not files:
        return None
    target = backup_path.with_name(backup_path.stem + "-audio.tar")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            with tarfile.open(fileobj=handle, mode="w") as tar:
                for path in files:
                    tar.add(path, arcname=path.relative_to(root).as_posix())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target, len(files)
