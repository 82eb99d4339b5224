"""Values at the edge and awkward surroundings get a sentence, never "internal error".

An interview on 9999-12-31 or 0001-01-01 (a spreadsheet, or the app's form, whose live
preview must not end the app), a rank of twenty digits, a TOML pack nested 5,000 deep, a
read-only home folder, a backup into a read-only folder, output in ASCII only, `doctor`
beside a read-only folder, a restore of a file that only pretends to be a backup, and the
ambiguous dotted date 3.12.2026: each gets one sentence naming the file, line and field
(and the bound it broke), and changes nothing.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import pytest

from dossiers.interviews import list_interviews
from dossiers.programs import add_program
from tests.conftest import BOTH_WAYS
from tests.reliability.screens import until
from tests.reliability.terminal import Terminal, app_env, matchprep
from tests.reliability.test_damaged_database import _read_only, _writable
from tests.tui.pilot_helpers import shown


def digest(path: Path) -> str:
    """The database's rows (its bytes change when SQLite merely reads it in WAL mode)."""
    conn = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for (name,) in conn.execute("select name from sqlite_master where type = 'table' "
                                    "order by name"):
            for row in conn.execute(f"select * from [{name}]"):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


def run_in_a_process(*args: str, db: Path | None = None, env: dict | None = None,
                     cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(matchprep(*args, db=db), capture_output=True, text=True,
                          env=env or app_env(), cwd=cwd, timeout=60, check=False,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(params=BOTH_WAYS)
def run(request, run_cli):
    """`run(*args, db=, cwd=)`: the command in the test's process, and in the full run in a
    process of its own too (conftest's BOTH_WAYS). What only a process shows (the app
    refusing to start, the output's encoding) calls `run_in_a_process`."""
    if request.param:
        return run_in_a_process

    def in_this_process(*args: str, db: Path | None = None,
                        cwd: Path | None = None) -> subprocess.CompletedProcess:
        return run_cli(*(["--db", str(db)] if db else []), *args, cwd=cwd)
    return in_this_process


def sentence(result: subprocess.CompletedProcess, *parts: str) -> str:
    """The one sentence a refusal prints: exit 1, no internal error, naming each of `parts`."""
    message = result.stderr.strip()
    assert result.returncode == 1, (result.returncode, result.stdout, message)
    assert "internal error" not in message and "Traceback" not in message, message
    for part in parts:
        assert part in message, (part, message)
    return message


def sheet(tmp_path: Path, rows: str, header: str = "Program,Interview Date,Start Time,"
                                                   "Time Zone") -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text(f"{header}\n{rows}\n")
    return path


# Numbers at the edge -------------------------------------------------------------------------

@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-30"])
def test_an_interview_date_far_off_is_refused_naming_the_years_allowed(tmp_path, db_path, day, run):
    before = digest(db_path)
    path = sheet(tmp_path, f"Lakeshore,{day},23:59,America/Chicago")
    sentence(run("programs", "import", str(path), db=db_path),
             f"{path}, line 2, column B ('Interview Date')", day, "2000 to 2099")
    assert digest(db_path) == before


@pytest.mark.parametrize(("day", "start", "zone"), [("9999-12-31", "23:59", "America/Chicago"),
                                                   ("0001-01-01", "00:00", "Asia/Tokyo")])
async def test_the_interview_form_takes_any_date_without_ending_the_app(app_factory, db, day,
                                                                       start, zone):
    """In UTC those instants fall outside the calendar Python knows (year 10000, year 0)."""
    from tui.screens.dialogs.interview_form import InterviewForm

    program = add_program(db, "Lakeshore")
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(InterviewForm(app.ctx, program.id, "Europe/Berlin"))
        await until(pilot, lambda: isinstance(app.screen, InterviewForm))
        for field, value in (("#i-start_time", start), ("#i-timezone", zone), ("#i-date", day)):
            app.screen.query_one(field).focus()
            await pilot.press(*value)
        await pilot.pause()
        assert "fill in date" in shown(app, "#interview-when")  # the preview did not fail
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "2000 to 2099" in shown(app, "#dialog-error"),
                    what="the form to say which years an interview day may fall in")
        assert isinstance(app.screen, InterviewForm) and app.is_running
    assert list_interviews(db) == []


@pytest.mark.parametrize("rank", ["99999999999999999999", "3", "0", "-2"])
def test_a_rank_beyond_the_number_of_programs_is_refused(tmp_path, db_path, rank, run):
    before = digest(db_path)
    path = sheet(tmp_path, f"Lakeshore,1\nBayside,{rank}", header="Program,Rank")
    sentence(run("programs", "import", str(path), db=db_path),
             f"{path}, line 3, column B ('Rank')", rank, "out of range")
    assert digest(db_path) == before
    ok = sheet(tmp_path, "Lakeshore,1\nBayside,2", header="Program,Rank")
    assert run("programs", "import", str(ok), db=db_path).returncode == 0


def test_a_pack_nested_thousands_deep_is_refused_naming_the_depth_allowed(tmp_path, db_path, run):
    before = digest(db_path)
    pack = tmp_path / "deep.toml"
    pack.write_text("[[question]]\ntext = \"Why?\"\ncategory = \"why\"\n"
                    "tags = " + "[" * 5000 + "]" * 5000 + "\n")
    sentence(run("questions", "import", str(pack), db=db_path),
             f"{pack}, line 4", "nest more than 20 deep")
    assert digest(db_path) == before


# Read-only places ----------------------------------------------------------------------------

def test_a_read_only_home_folder_gets_a_sentence(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = app_env(HOME=str(home))
    env.pop("XDG_DATA_HOME", None)
    env.pop("XDG_CONFIG_HOME", None)
    _read_only(home)
    try:
        for args in (["questions", "list"], ["programs", "list"], []):
            sentence(run_in_a_process(*args, env=env, cwd=tmp_path), str(home), "read-only", "--db")
    finally:
        _writable(home)
    assert list(home.iterdir()) == []


@pytest.mark.parametrize("to_a_file", [False, True], ids=["backups folder", "-o FILE"])
def test_a_backup_into_a_read_only_folder_gets_a_sentence(tmp_path, db_path, to_a_file, run):
    folder = db_path.parent
    before = sorted(p.name for p in folder.iterdir())
    args = ["backup", "-o", str(folder / "copy.db")] if to_a_file else ["backup"]
    _read_only(folder)
    try:
        sentence(run(*args, db=db_path, cwd=tmp_path.parent), str(folder), "-o FILE")
    finally:
        _writable(folder)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_doctor_beside_a_read_only_folder_says_the_folder_is_read_only(tmp_path, db_path, run):
    folder = db_path.parent
    _read_only(folder)
    try:
        doctor = run("doctor", db=db_path, cwd=tmp_path.parent)
    finally:
        _writable(folder)
    assert "ok integrity" in doctor.stdout, doctor.stdout
    assert "Restore a backup" not in doctor.stdout
    [writable] = [line for line in doctor.stdout.splitlines() if "writable" in line]
    assert writable.startswith("!!") and "read-only" in writable and str(folder) in writable


def test_output_in_ascii_only_shows_every_name_escaped(tmp_path, db_path):
    env = app_env(PYTHONIOENCODING="ascii")
    names = sheet(tmp_path, "São Paulo Radiología,Zürich", header="Program,City")
    assert run_in_a_process("programs", "import", str(names), db=db_path, env=env).returncode == 0
    listed = run_in_a_process("programs", "list", db=db_path, env=env)
    assert listed.returncode == 0, listed.stderr
    assert "S\\xe3o Paulo Radiolog\\xeda  Z\\xfcrich" in listed.stdout
    bad = sheet(tmp_path, "Zürich Imaging,1/1/2026,25:00,CT")
    sentence(run_in_a_process("programs", "import", str(bad), db=db_path, env=env), "'25:00'")
    listed = run_in_a_process("questions", "list", "--search", "radiology", db=db_path, env=env)
    assert listed.returncode == 0


@pytest.mark.slow
def test_the_app_draws_in_utf8_whatever_python_guessed(db_path):
    """PYTHONIOENCODING=ascii (or a C locale) made every box line a backslash escape."""
    with Terminal(matchprep(db=db_path), env=app_env(PYTHONIOENCODING="ascii")) as terminal:
        screen = terminal.wait_for("What to do next")
        assert "╭─ What to do next" in screen and "\\u2500" not in screen
        assert terminal.quit() == 0


# A file that pretends to be a backup ---------------------------------------------------------

def fake_backup(path: Path, versions: list[tuple], tables: list[str]) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("create table schema_versions (component, version)")
    conn.executemany("insert into schema_versions values (?, ?)", versions)
    for table in tables:
        conn.execute(table)
    conn.commit()
    conn.close()
    return path


FAKES = {
    "its tables contradict its versions": ([("core", 1)], ["create table questions (id text)"]),
    "it claims every table": ([("core", 1), ("questions", 1), ("answers", 2)],
                              ["create table questions (id text)"]),
    "a version that is no number": ([("questions", "abc")], []),
}


@pytest.mark.parametrize("fake", list(FAKES))
def test_a_restore_of_a_fake_backup_names_the_users_file(tmp_path, db_path, fake, run):
    path = fake_backup(tmp_path / "backup.db", *FAKES[fake])
    before = digest(db_path)
    message = sentence(run("restore", str(path), db=db_path, cwd=tmp_path), str(path))
    assert ".matchprep-restore" not in message and "candidate" not in message
    assert digest(db_path) == before


# Dotted dates ------------------------------------------------------------------------------

def test_an_ambiguous_dotted_date_is_refused_saying_what_to_write(tmp_path, db_path, run):
    before = digest(db_path)
    path = sheet(tmp_path, "Lakeshore,3.12.2026,09:00,CT")
    sentence(run("programs", "import", str(path), db=db_path),
             f"{path}, line 2, column B ('Interview Date')", "'3.12.2026'",
             "3 December 2026", "March 12, 2026", "2026-12-03", "2026-03-12")
    assert digest(db_path) == before


@pytest.mark.parametrize(("written", "day"), [("13.12.2026", "2026-12-13"),
                                              ("12.13.2026", "2026-12-13"),
                                              ("5.5.2027", "2027-05-05")])
def test_a_dotted_date_with_one_reading_is_read_so(tmp_path, db_path, written, day, run):
    path = sheet(tmp_path, f"Lakeshore,{written},09:00,CT")
    assert run("programs", "import", str(path), db=db_path).returncode == 0
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("select date from interviews").fetchall() == [(day,)]
    finally:
        conn.close()
