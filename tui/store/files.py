"""Writing files the user alone can read, whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


class UnsafePathError(Exception):
    """A path matchprep refuses to write to, with a sentence saying why."""


class WriteError(Exception):
    """A file that could not be written (a full disk, no permission); the old one is whole."""


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) as 0700 folders; tighten one we created before."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            pass
        os.chmod(folder, PRIVATE_DIR)
    return path


def tighten(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Make an existing file of ours readable by its owner alone."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077:
        try:
            os.chmod(path, mode)
        except OSError:
            pass  # a read-only file system or an immutable file: `doctor` reports the mode


def check_writable_target(path: Path) -> None:
    """Refuse targets that would bite: a symbolic link, a folder, a special file."""
    if path.is_symlink():
        raise UnsafePathError(
            f"{path} is a symbolic link; matchprep will not replace it. Choose another file name."
        )
    if path.exists() and not path.is_file():
        raise UnsafePathError(f"{path} exists and is not a regular file. Choose another file name.")


def atomic_write(path: Path, data: bytes | str, *, mode: int = PRIVATE_FILE) -> Path:
    """Write `data` to a temporary file beside `path`, fsync it, then rename it over `path`.

    An interrupted write leaves the old file whole. The new file is created `mode` (0600)
    whatever the umask. A symbolic link at `path` is refused rather than followed.
    """
    path = Path(path)
    check_writable_target(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        ensure_private_dir(folder)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"{path} cannot be written ({error.strerror or error}).") from None
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException as error:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        if isinstance(error, OSError):
            kept = " The file that was there is unchanged." if path.exists() else ""
            raise WriteError(f"{path} cannot be written ({error.strerror or error}).{kept}") \
                from None
        raise
    return path
