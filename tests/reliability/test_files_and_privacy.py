"""Point 7: files. Under umask 022 the database, its -wal and -shm, backups and exports are
0600 and folders 0700; an existing 0644 database is tightened; exports go to a temporary
name and are renamed (a kill mid-export leaves the old file whole) and never follow a
symbolic link; nothing is written outside the data folder and the paths the user names;
the user's text never appears on a command line, in the environment, a log or a traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from question_bank.answers import save_answer
from question_bank.text import markdown_literal
from tests.reliability.screens import submit_path, until
from tests.reliability.terminal import Terminal, app_env, matchprep
from tui.cli.launch import prepare_database
from tui.store.backup import automatic_backup, backup
from tui.store.database import connect
from tui.store.paths import backups_dir

SECRET = "I failed Step 1 [twice] while my father was ill \U0001f494 zq7"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def sandbox_env(root: Path, **extra) -> dict:
    """HOME, the XDG folders and TMPDIR all inside `root`, so every write can be found."""
    folders = {"HOME": "home", "XDG_DATA_HOME": "home/.local/share",
               "XDG_CONFIG_HOME": "home/.config", "XDG_CACHE_HOME": "home/.cache",
               "XDG_STATE_HOME": "home/.local/state", "TMPDIR": "tmp"}
    env = app_env(**extra)
    for key, sub in folders.items():
        (root / sub).mkdir(parents=True, exist_ok=True)
        env[key] = str(root / sub)
    return env


def run(args: list[str], env: dict, cwd: Path, preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, check=False, text=True, env=env, cwd=cwd,
                          timeout=120, preexec_fn=preexec)


# Modes -------------------------------------------------------------------------------------

def test_in_process_files_are_private_whatever_the_umask(tmp_path, umask_022):
    path = tmp_path / "fresh" / "data" / "matchprep.db"
    prepare_database(path)
    db = connect(path)
    save_answer(db, None, question_id="why.why-radiology", structure="outline",
                parts={"outline": SECRET})
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    for side in ("-wal", "-shm"):
        assert mode(Path(f"{path}{side}")) == 0o600
    auto = automatic_backup(path, "pre-import")
    assert mode(auto) == 0o600 and mode(backups_dir(path)) == 0o700
    for target in (tmp_path / "new-folder" / "copy.db", tmp_path / "new-json" / "all.json"):
        made = backup(path, target)
        assert mode(made) == 0o600 and mode(made.parent) == 0o700
    db.close()


def test_the_command_line_makes_private_files_under_umask_022(tmp_path):
    env = sandbox_env(tmp_path)
    for args in (["questions", "list"], ["backup"]):
        result = run(matchprep(*args), env, tmp_path, preexec=lambda: os.umask(0o022))
        assert result.returncode == 0, result.stderr
    data = tmp_path / "home/.local/share/matchprep"
    assert mode(data) == 0o700 and mode(data / "matchprep.db") == 0o600
    assert mode(data / "matchprep.db-backups") == 0o700
    assert all(mode(p) == 0o600 for p in data.rglob("*") if p.is_file())
    out = tmp_path / "exports" / "programs.csv"
    result = run(matchprep("programs", "export", "--format", "csv", "-o", str(out)), env,
                 tmp_path, preexec=lambda: os.umask(0o022))
    assert result.returncode == 0 and mode(out) == 0o600 and mode(out.parent) == 0o700


def test_an_existing_readable_database_and_its_sides_are_tightened(db_path):
    conn = connect(db_path)
    conn.execute("create table if not exists probe (x)")  # leave a -wal and -shm
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        if path.exists():
            os.chmod(path, 0o644)
    result = run(matchprep("questions", "list", db=db_path), app_env(), db_path.parent)
    conn.close()
    assert result.returncode == 0, result.stderr
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        if path.exists():
            assert mode(path) == 0o600, path


# Writing files whole, never through a link ------------------------------------------------

def _sabotaged(args: list[str], db: Path, **env) -> list[str]:
    return [sys.executable, "-m", "tests.reliability.sabotage", "--db", str(db), *args]


@pytest.mark.slow
@pytest.mark.parametrize("command", [
    ["programs", "export", "--format", "ics"], ["answers", "export"], ["backup"]])
def test_a_kill_in_the_middle_of_an_export_leaves_the_old_file_whole(db_path, tmp_path, command):
    target = tmp_path / "out.file"
    target.write_bytes(b"the export of yesterday\n")
    env = app_env(MATCHPREP_TEST_KILL_ON="os:replace")  # written, not yet renamed: kill
    result = run(_sabotaged([*command, "-o", str(target), "--force"], db_path), env, tmp_path)
    assert result.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"the export of yesterday\n"
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".out.file.")]
    assert all(mode(p) == 0o600 for p in leftovers)  # the half-done one is private too


@pytest.mark.parametrize("command", [
    ["programs", "export", "--format", "csv"], ["answers", "export", "--format", "json"],
    ["backup"]])
def test_an_export_never_follows_a_symbolic_link(db_path, tmp_path, command):
    victim = tmp_path / "notes.txt"
    victim.write_text("unrelated, precious")
    link = tmp_path / "out.file"
    link.symlink_to(victim)
    result = run(matchprep(*command, "-o", str(link), db=db_path), app_env(), tmp_path)
    assert result.returncode == 1 and "symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert victim.read_text() == "unrelated, precious" and link.is_symlink()


async def test_the_export_dialog_refuses_a_symbolic_link(app_factory, tmp_path):
    victim = tmp_path / "notes.txt"
    victim.write_text("unrelated, precious")
    link = tmp_path / "calendar.ics"
    link.symlink_to(victim)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await submit_path(app, pilot, "x", "ExportDialog", link)
        await until(pilot, lambda: "symbolic link" in str(
            app.screen.query_one("#dialog-error").render()))
    assert victim.read_text() == "unrelated, precious"


# Where files go, and where the user's text never goes ---------------------------------------

def _walk(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


@pytest.mark.slow
def test_a_whole_session_writes_only_in_the_data_folder_and_named_paths(tmp_path):
    env = sandbox_env(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    sheet = work / "programs.csv"
    sheet.write_text("Program,City,Interview Date,Start Time,Time Zone\n"
                     "Lakeshore Radiology,Omaha,2026-02-03,09:00,CT\n")
    before = _walk(tmp_path)
    with Terminal(matchprep(), env=env, cwd=work) as terminal:
        terminal.wait_for("Skip for now")  # the first start asks who you are
        terminal.press("escape")
        terminal.wait_for("What to do next")
        terminal.type("2")
        terminal.wait_for("Search questions")  # Home also says "Tell me about yourself"
        terminal.wait_for(lambda screen: "Tell me about yourself" in screen.split(
            "Search questions")[-1])
        terminal.press("enter")
        terminal.wait_for("wpm")
        terminal.type(SECRET)
        terminal.wait_for("Saved ")  # the autosave wrote it (a revision, the database)
        assert terminal.quit() == 0
    for args in (["programs", "import", str(sheet)],
                 ["programs", "export", "--format", "ics", "-o", str(work / "cal.ics")],
                 ["answers", "export", "-o", str(work / "binder.md")],
                 ["backup"], ["doctor"]):
        result = run(matchprep(*args), env, work)
        assert result.returncode in (0, 1), result.stderr  # doctor: 1 if speech is missing
        assert SECRET not in result.stderr
    written = _walk(tmp_path) - before
    data = Path("home/.local/share/matchprep")
    named = {Path("work/cal.ics"), Path("work/binder.md")}
    audio = Path("home/.config/pulse")  # the sound system's own runtime link (doctor's probe)
    stray = [p for p in written if p not in named and data not in p.parents
             and audio not in p.parents]
    assert stray == [], f"written outside the data folder: {stray}"
    # Temporary files are gone. Without XDG_RUNTIME_DIR, the sound system's client library
    # (asked by doctor's microphone probe) makes an empty runtime folder of its own there.
    left = [p for p in (tmp_path / "tmp").iterdir()
            if not (p.name.startswith("pulse-") and p.is_dir() and not any(p.iterdir()))]
    assert left == []
    assert markdown_literal(SECRET) in (work / "binder.md").read_text()  # [twice] escaped


def _proc_text(pid: int, name: str) -> str:
    try:
        return Path(f"/proc/{pid}/{name}").read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


@pytest.mark.slow
def test_the_users_text_is_never_on_a_command_line_or_in_an_environment(db_path):
    """A mock session reads the user's own question aloud through the speech helper: the
    text travels on pipes, never in argv or the environment of the app or its helper."""
    from question_bank.questions import add_question

    db = connect(db_path)
    add_question(db, text=SECRET, category="red-flag")
    db.close()
    with Terminal(matchprep("mock", "--format", "stress", "--questions", "30", db=db_path)
                  ) as terminal:
        terminal.wait_for("question 1 of")
        seen: set[int] = set()
        for n in range(2, 14):  # read every process, again and again, as questions go by
            for pid in terminal.pids():
                seen.add(pid)
                for name in ("cmdline", "environ"):
                    assert "zq7" not in _proc_text(pid, name), (pid, name)
            terminal.press("s")
            terminal.wait_for(f"question {n} of")
        assert len(seen) >= 2, "the speech helper never started"
        terminal.kill()


@pytest.mark.slow
def test_a_crash_shows_no_user_text_and_no_local_variables(db_path):
    db = connect(db_path)
    save_answer(db, None, question_id="intro.tell-me-about-yourself", structure="outline",
                parts={"outline": SECRET})
    db.close()
    env = app_env(MATCHPREP_TEST_RAISE_ON="tui.screens.answer_editor:FeedbackInput")
    with Terminal([sys.executable, "-m", "tests.reliability.sabotage", "--db", str(db_path)],
                  env=env) as terminal:
        terminal.wait_for("What to do next")
        terminal.type("2")
        terminal.wait_for("Search questions")  # Home also says "Tell me about yourself"
        terminal.wait_for(lambda screen: "Tell me about yourself" in screen.split(
            "Search questions")[-1])
        terminal.press("enter")  # the editor hands the answer to the rules: the bug fires
        terminal.process.wait(30)
        terminal.wait_for("withheld")
        output = terminal.raw.decode("utf-8", "replace")
    assert "ValueError" in output and "zq7" not in output  # the message quoted the answer
    assert "locals" not in output.lower()


def test_an_internal_error_on_the_command_line_shows_no_user_text(db_path, tmp_path):
    env = app_env(MATCHPREP_TEST_RAISE_ON="question_bank.answer_export:export_markdown")
    db = connect(db_path)
    save_answer(db, None, question_id="why.why-radiology", structure="outline",
                parts={"outline": SECRET})
    db.close()
    result = run([sys.executable, "-m", "tests.reliability.sabotage", "--db", str(db_path),
                  "answers", "export"], env, tmp_path)
    assert result.returncode == 70 and "internal error (ValueError" in result.stderr
    assert "zq7" not in result.stderr + result.stdout and "Traceback" not in result.stderr


def test_speech_temporary_folders_are_private(tmp_path, monkeypatch):
    import tempfile

    from tui.speech.client import HelperSpeaker

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    fake = Path(__file__).resolve().parent.parent / "fake_speech_helper.py"
    speaker = HelperSpeaker([sys.executable, str(fake), "record", str(tmp_path / "log")])
    try:
        assert speaker.wait_ready(10) == "ready"
        [folder] = tmp_path.glob("matchprep-speech-*")
        assert mode(folder) == 0o700
    finally:
        speaker.close()
    shutil.rmtree(tmp_path / "log", ignore_errors=True)
