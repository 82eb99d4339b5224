"""A wrong `--db` never changes a file: what the path is, is looked at before anything
touches it. A shell script keeps its run bit, a device gets no `-journal` beside it, a
named pipe is not "perhaps a full disk", and an empty `--db` (an unset shell variable) does
not open the real database. Each gets one sentence and a non-zero exit.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BOTH_WAYS
from tests.reliability.terminal import app_env, matchprep

COMMANDS = [[], ["questions", "list"], ["programs", "list"], ["backup"], ["doctor"],
            ["answers", "export"], ["programs", "import", "sheet.csv"]]


def run(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command line, without a terminal (the app, asked for, must not start)."""
    return subprocess.run(args, capture_output=True, text=True, env=env or app_env(), cwd=cwd,
                          timeout=60, stdin=subprocess.DEVNULL, check=False)


def state(folder: Path) -> dict[str, tuple]:
    """Every entry of `folder`: its kind, mode and, for a file, its bytes."""
    found = {}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        data = hashlib.sha256(entry.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) \
            else None
        found[entry.name] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), data)
    return found


def one_sentence(result: subprocess.CompletedProcess, path: Path) -> str:
    message = result.stderr.strip()
    assert result.returncode == 1, (result.returncode, result.stdout, message)
    assert message.startswith(f"matchprep: {path}"), message
    assert "internal error" not in message and "Traceback" not in message
    assert "disk" not in message  # a named pipe is not a full disk
    return message


def make_script(folder: Path) -> Path:
    script = folder / "backup.sh"
    script.write_text("#!/bin/sh\necho 'my backup script'\n")
    script.chmod(0o755)
    return script


def make_csv(folder: Path) -> Path:
    sheet = folder / "programs.csv"
    sheet.write_text("Program,City\nLakeshore,Chicago\n")
    sheet.chmod(0o644)
    return sheet


def make_fifo(folder: Path) -> Path:
    fifo = folder / "pipe"
    os.mkfifo(fifo, 0o644)
    return fifo


def make_device(folder: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    device = folder / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    os.chmod(device, 0o666)
    return device


def make_folder(folder: Path) -> Path:
    inner = folder / "notes"
    inner.mkdir()
    inner.chmod(0o755)
    return inner


def make_other_database(folder: Path) -> Path:
    other = folder / "photos.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("create table photos (id integer primary key, name text)")
    conn.execute("insert into photos (name) values ('beach.jpg')")
    conn.commit()
    conn.close()
    other.chmod(0o644)
    return other


TARGETS = {"a shell script": make_script, "a spreadsheet": make_csv, "a named pipe": make_fifo,
           "a device": make_device, "a folder": make_folder,
           "another program's database": make_other_database}


def commands_each_way() -> list:
    """Each command run in the test's process, and in the full run in a process of its own
    too; the app (no command) always in a process: that it does not start without a
    terminal, only a process shows."""
    ways = []
    for command in COMMANDS:
        for own_process in BOTH_WAYS:
            if command:
                ways.append(pytest.param(command, *own_process.values, marks=own_process.marks,
                                         id=f"{' '.join(command)}-{own_process.id}"))
            elif own_process.values[0]:
                ways.append(pytest.param(command, True, id="the app"))
    return ways


@pytest.mark.parametrize(("command", "own_process"), commands_each_way())
@pytest.mark.parametrize("target", list(TARGETS))
def test_a_wrong_db_gets_a_sentence_and_changes_nothing(tmp_path, target, command, own_process,
                                                       run_cli):
    folder = tmp_path / "there"
    folder.mkdir()
    path = TARGETS[target](folder)
    (tmp_path / "sheet.csv").write_text("Program\nLakeshore\n")
    before = state(folder)
    if own_process:
        result = run(matchprep(*command, db=path), cwd=tmp_path)
    else:
        result = run_cli("--db", str(path), *command)
    if command == ["doctor"]:  # doctor reports rather than refuses
        assert result.returncode == 1 and "!!" in result.stdout, result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    else:
        one_sentence(result, path)
    assert state(folder) == before  # not a mode, a byte or a -journal changed


@pytest.mark.parametrize("argv", [["--db", ""], ["--db="], ["--db", "", "questions", "list"],
                                  ["questions", "list", "--db", " "]])
def test_an_empty_db_is_refused_and_the_real_database_untouched(tmp_path, argv):
    env = app_env(XDG_DATA_HOME=str(tmp_path / "data"))
    env.pop("MATCHPREP_DB", None)
    real = tmp_path / "data" / "matchprep" / "matchprep.db"
    assert run(matchprep("questions", "list"), cwd=tmp_path, env=env).returncode == 0
    assert real.exists()  # the real database, which an empty --db used to open
    before = state(real.parent)
    result = run(matchprep(*argv), cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    message = result.stderr.strip()
    assert message.startswith("matchprep: --db was given an empty path"), message
    assert str(real) in message  # it names the database it did not open
    assert state(real.parent) == before
