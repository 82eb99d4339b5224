"""`matchprep programs import|list|export`, run for real."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[2]

SHEET = ("Program,ERAS listing,City,State,Interview Date,Start Time,Time Zone,Platform,Notes\n"
         "Lakeshore Radiology,LUMC-DR,Chicago,IL,2030-01-15,9:00 AM,CT,Zoom,"
         "\"Ask about \"\"AI\"\"\"\n"
         "Bayside Imaging,,Oakland,CA,1/20/2030,08:30,PT,Thalamus,=1+1\n")


def test_import_list_and_export_every_format(run_cli, tmp_path):
    db = tmp_path / "m.db"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    result = run_cli("programs", "import", str(sheet), db=db)
    assert result.returncode == 0, result.stderr
    assert "2 programs added" in result.stdout and "2 interview days added" in result.stdout
    assert list((tmp_path / "m.db-backups").glob("*pre-import.db"))
    rows = json.loads(run_cli("programs", "list", "--json", db=db).stdout)
    assert [r["name"] for r in rows] == ["Lakeshore Radiology", "Bayside Imaging"]
    assert rows[0]["interviews"][0]["starts_at_utc"] == "2030-01-15T15:00:00+00:00"
    assert rows[0]["interviews"][0]["end_assumed"] is True  # no end in the sheet
    assert rows[0]["interviews"][0]["ends_at"] == "2030-01-15T13:00:00-06:00"
    plain = run_cli("programs", "list", db=db)
    assert plain.returncode == 0 and plain.stdout.startswith("Program ")
    assert plain.stdout.splitlines()[1].split("  ")[:2] == ["Lakeshore Radiology", "Chicago, IL"]
    out = tmp_path / "out.csv"
    assert run_cli("programs", "export", "--format", "csv", "-o", str(out), db=db).returncode == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert "'=1+1" in out.read_text(encoding="utf-8")
    again = run_cli("programs", "import", str(out), db=db)
    assert "0 programs added, 2 updated" in again.stdout
    ics = run_cli("programs", "export", "--format", "ics", "--program", "bay", db=db)
    events = list(Calendar.from_ical(ics.stdout.encode()).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Interview: Bayside Imaging"]
    md = run_cli("programs", "export", "--format", "md", "--program", "LUMC", db=db)
    assert md.stdout.startswith("# Lakeshore Radiology") and 'Ask about "AI"' in md.stdout


def test_mistakes_are_sentences_and_change_nothing(run_cli, tmp_path):
    db = tmp_path / "m.db"
    bad = tmp_path / "bad.csv"
    bad.write_text("Program,Interview Date,Start Time,Time Zone\nA,2026-01-15,09:00,ET\n"
                   "B,15/31/2026,09:00,ET\n", encoding="utf-8")
    result = run_cli("programs", "import", str(bad), db=db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{bad}, line 3, column B ('Interview Date')" in result.stderr
    assert json.loads(run_cli("programs", "list", "--json", db=db).stdout) == []
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Program\nHôpital\n".encode("latin-1"))
    result = run_cli("programs", "import", str(latin), db=db)
    assert result.returncode == 1 and "CSV UTF-8" in result.stderr
    result = run_cli("programs", "export", "--format", "md", "--program", "nowhere", db=db)
    assert result.returncode == 1 and "no program is called" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_words_of_the_command_line(run_cli, tmp_path):
    db = tmp_path / "m.db"
    one = tmp_path / "one.csv"
    one.write_text("Program,City,State,Interview Date,Start Time,Time Zone\n"
                   "Lakeshore Radiology,Chicago,IL,2030-01-15,9:00 AM,CT\n", encoding="utf-8")
    result = run_cli("programs", "import", str(one), db=db)
    assert "1 program added, 0 updated; 1 interview day added, 0 updated." in result.stdout
    dry = run_cli("programs", "import", "--dry-run", str(one), db=db)
    assert "1 program and 1 interview day, all valid" in dry.stdout
    listed = run_cli("programs", "list", db=db).stdout.splitlines()
    head = listed[0].split()
    assert head[:2] == ["Program", "City"] and "Ready" in head and "Score" in head
    row = listed[1]
    assert row.startswith("Lakeshore Radiology") and "Chicago, IL" in row
    assert "0/11" in row and "%" not in row  # as the app counts it, not a percentage
    assert listed[0].index("Ready") == row.index("0/11")  # columns line up under their names



def test_an_export_over_a_file_that_exists_needs_force(run_cli, tmp_path):
    db = tmp_path / "m.db"
    run_cli("programs", "list", db=db)
    mine = tmp_path / "mine.csv"
    mine.write_text("my own sheet\n", encoding="utf-8")
    for command in (("programs", "export", "--format", "csv"), ("answers", "export"),
                    ("backup",)):
        refused = run_cli(*command, "-o", str(mine), db=db)  # a script: no terminal to ask
        assert refused.returncode == 1, refused.stderr
        assert "exists; nothing was written. Add --force" in refused.stderr
        assert mine.read_text(encoding="utf-8") == "my own sheet\n"
    forced = run_cli("programs", "export", "--format", "csv", "-o", str(mine), "--force", db=db)
    assert forced.returncode == 0 and "Wrote" in forced.stderr
    assert mine.read_text(encoding="utf-8").startswith("Program")
    fresh = run_cli("programs", "export", "--format", "csv", "-o", str(tmp_path / "new.csv"),
                    db=db)
    assert fresh.returncode == 0  # a new file needs no --force


@pytest.mark.parametrize(("answer", "replaced"), [("y\n", True), ("\n", False)])
def test_at_a_terminal_an_export_asks_before_replacing(run_cli, tmp_path, answer, replaced):
    import pty
    import subprocess
    import sys
    import time

    db = tmp_path / "m.db"
    run_cli("programs", "list", db=db)
    mine = tmp_path / "mine.csv"
    mine.write_text("my own sheet\n", encoding="utf-8")
    leader, follower = pty.openpty()
    env = {**os.environ, "MATCHPREP_DB": str(db), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "programs", "export", "--format",
                             "csv", "-o", str(mine)], stdin=follower, stderr=follower,
                            stdout=subprocess.PIPE, env=env, cwd=tmp_path)
    os.close(follower)
    said = b""
    deadline = time.monotonic() + 30
    while b"[y/N]" not in said and time.monotonic() < deadline:
        said += os.read(leader, 1024)
    assert b"exists. Replace it? [y/N]" in said
    os.write(leader, answer.encode())
    assert proc.wait(timeout=30) == (0 if replaced else 1)
    os.close(leader)
    assert mine.read_text(encoding="utf-8").startswith("Program") == replaced
