"""Control characters never reach the terminal, and never come in.

One rule (question_bank/text.py): text that comes in (every importer, a restore, a paste in
the editor) loses its control characters but newline and tab, "\\r\\n" and "\\r" become
"\\n", and the import says how many it removed and where; text that still holds one (from
before the rule, or written by another program) is shown inert, as a symbol, by the app and
by every listing of the command line. `ESC ] 0 ; … BEL` would retitle the terminal,
`ESC [ 2 J` clear it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import sys
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events

from dossiers.csv_io import import_csv
from dossiers.programs import list_programs
from question_bank.answers import current_answer
from question_bank.packs import import_pack
from question_bank.questions import get_question
from tests.examples import examples
from tests.reliability import screens
from tests.reliability.screens import until
from tests.reliability.terminal import Terminal, matchprep
from tests.reliability.test_importers_property import toml_string
from tests.reliability.test_kill9 import saved_texts
from tests.tui.answer_helpers import open_editor
from tui.cli.launch import prepare_database
from tui.store.backup import dump_json, restore
from tui.store.database import connect

# Every control character: C0 (newline and tab are text), DEL, C1.
CONTROLS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)))
DROPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # what the rule drops
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what may never be kept
HOSTILE = "\x1b]0;pwned\x07 then \x1b[2J and \x9b31m"
SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture,
                                                               HealthCheck.too_slow]}

TEXT = st.text(st.sampled_from(list(CONTROLS.replace("\x00", "")) + list("ab é[]\\")),
               min_size=1, max_size=40).filter(lambda t: re.search(r"[abé]", t))


def words(text: str) -> str:
    """What a person reads in `text`: its characters but controls and white space."""
    return "".join(DROPPED.sub("", text).split())


def dropped(text: str) -> int:
    return len(DROPPED.findall(text))


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "matchprep.db"
    prepare_database(path)
    return path


@pytest.fixture
def fresh(template, tmp_path):
    """`fresh()`: a new migrated database (a copy) and a connection to it."""
    made = []

    def make():
        path = tmp_path / f"{len(made)}.db"
        shutil.copyfile(template, path)
        made.append(connect(path))
        return path, made[-1]

    yield make
    for db in made:
        db.close()


def check_report(summary: str, text: str) -> None:
    count = dropped(text)
    if count:
        many = "s were" if count != 1 else " was"
        assert f"{count} control character{many} removed" in summary, summary
    else:
        assert "control character" not in summary, summary


# Every importer ----------------------------------------------------------------------------

@settings(max_examples=examples(60), **SETTINGS)
@given(text=TEXT, as_toml=st.booleans())
def test_a_question_pack_drops_every_control_character_and_says_so(fresh, tmp_path, text,
                                                                     as_toml):
    path, db = fresh()
    if as_toml:  # TOML writes controls as escapes (raw ones are not TOML)
        pack = f"[[question]]\ntext = {toml_string(text)}\ncategory = \"why\"\n"
    else:
        out = io.StringIO()
        csv.writer(out).writerows([["text", "category"], [text, "why"]])
        pack = out.getvalue()
    name = tmp_path / ("pack.toml" if as_toml else "pack.csv")
    report = import_pack(db, name, pack.encode())
    stored = get_question(db, report.ids[0]).text
    assert not FORBIDDEN.search(stored)
    assert "".join(stored.split()) == words(text)
    check_report(report.summary(), text)
    if dropped(text):
        assert "line 2, field 'text'" in report.summary() or as_toml


@settings(max_examples=examples(60), **SETTINGS)
@given(name=TEXT, notes=TEXT)
def test_the_programs_csv_drops_every_control_character_and_says_where(fresh, name, notes):
    path, db = fresh()
    out = io.StringIO()
    csv.writer(out).writerows([["Program", "Notes"], [name, notes]])
    report = import_csv(db, out.getvalue(), "programs.csv")
    [program] = list_programs(db)
    assert not FORBIDDEN.search(program.name) and not FORBIDDEN.search(program.notes)
    assert "".join(program.name.split()) == words(name)
    assert "".join(program.notes.split()) == words(notes)
    check_report(report.summary(), name + notes)
    if dropped(notes):
        assert "line 2, column B ('Notes')" in report.summary()


@settings(max_examples=examples(25), **SETTINGS)
@given(text=TEXT, part=TEXT)
def test_a_json_restore_drops_every_control_character(fresh, tmp_path, text, part):
    path, db = fresh()
    db.execute("insert into questions (id, text, category, tags, target_seconds, structure, "
               "origin) values ('mine', 'x', 'why', '[]', 60, 'outline', 'user')")
    db.execute("insert into answers (question_id, structure, parts, created_at, updated_at, "
               "is_current) values ('mine', 'outline', ?, 'now', 'now', 1)",
               [json.dumps({"outline": "x"})])
    db.conn.commit()
    dump = dump_json(db)
    for row in dump["tables"]["questions"]:
        if row["id"] == "mine":
            row["text"] = text
    dump["tables"]["answers"][0]["parts"] = json.dumps({"outline": part})
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(dump))
    target, _ = fresh()
    restore(target, backup)
    restored = connect(target)
    try:
        question = get_question(restored, "mine").text
        answer = current_answer(restored, "mine").parts["outline"]
    finally:
        restored.close()
    assert not FORBIDDEN.search(question) and not FORBIDDEN.search(answer)
    assert "".join(question.split()) == words(text)
    assert "".join(answer.split()) == words(part)


def test_the_command_line_says_what_an_import_removed(tmp_path, run_cli, db_path):
    sheet = tmp_path / "programs.csv"
    sheet.write_text("Program,City\nLakeshore \x1b]0;pwned\x07,Chi\x1b[2Jcago\n")
    result = run_cli("programs", "import", str(sheet), db=db_path)
    assert result.returncode == 0, result.stderr
    assert ("3 control characters were removed (line 2, column A ('Program'): 2; line 2, "
            "column B ('City'): 1).") in result.stdout
    assert "\x1b" not in result.stdout + result.stderr


# The editor's paste --------------------------------------------------------------------------

async def test_a_paste_into_the_editor_is_taken_whole_without_control_characters(
        app_factory, db):
    pasted = "First\r\nsecond " + CONTROLS.replace("\n", "").replace("\t", "") + " third\tend"
    # "\r\n" and the "\r" among the controls are line ends: each is one "\n".
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, "why.why-radiology")
        area = next(iter(app.screen.parts.areas.values()))
        area.focus()
        await pilot.pause()
        app.post_message(events.Paste(pasted))  # as the terminal driver hands it over
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.ctx.writer.unwritten == 0)
        assert type(app.screen).__name__ == "AnswerEditor"  # no key of the paste acted
    saved = current_answer(db, "why.why-radiology").parts
    assert [t for t in saved.values() if t] == ["First\nsecond \n third\tend"]


@pytest.mark.slow
def test_a_bracketed_paste_in_the_real_terminal_is_text_not_keys(db_path):
    """A terminal hands a paste over between ESC [ 200 ~ and ESC [ 201 ~, with whatever
    control characters it holds: a BEL is not ctrl+g (the pace dialog), an ESC starts no
    key sequence, and the words stay in order."""
    with Terminal(matchprep(db=db_path)) as terminal:
        terminal.wait_for("What to do next")
        terminal.open_questions()
        terminal.press("enter")
        terminal.wait_for("wpm")
        terminal.type("Typed, then pasted: ")
        terminal.press("\x1b[200~Hello \x1b]0;pwned\x07 world \x1b[2J and\r\nthe end\x1b[201~")
        terminal.type(" typed again")
        terminal.wait_for("typed again")
        screen = terminal.display()
        assert "words a minute" not in screen  # the pace dialog (ctrl+g) did not open
        assert terminal.quit() == 0
        assert b"\x1b]0;" not in terminal.raw
    assert saved_texts(db_path) == ["Typed, then pasted: Hello ]0;pwned world [2J and\n"
                                    "the end typed again"]


# Listings and the app show what is already stored, inert ---------------------------------------

def spoil(path: Path) -> None:
    """Write control characters straight into the database, as an older matchprep or
    another program could have."""
    conn = sqlite3.connect(path)
    try:
        for table, column in (("questions", "text"), ("questions", "guidance"),
                              ("programs", "name"), ("programs", "city"), ("stories", "title"),
                              ("answers", "label"), ("program_reasons", "text")):
            conn.execute(f"update {table} set {column} = {column} || ?", [HOSTILE])
        conn.execute("update answers set parts = json_set(parts, '$.outline', "
                     "json_extract(parts, '$.outline') || ?)", [HOSTILE])
        conn.commit()
    finally:
        conn.close()


def strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data for s in strings(item)] if isinstance(data, list) else []


@pytest.mark.parametrize("listing", [("questions", "list", "--search", "city"),
                                     ("questions", "list", "--search", "city", "--json"),
                                     ("programs", "list"), ("programs", "list", "--json")])
def test_every_listing_shows_control_characters_inert(tmp_path, run_cli, listing):
    path = tmp_path / "matchprep.db"
    screens.populate(path)
    spoil(path)
    result = run_cli(*listing, db=path)
    assert result.returncode == 0, result.stderr
    out = result.stdout + result.stderr
    assert not FORBIDDEN.search(out.replace("\n", "").replace("\t", ""))
    if "--json" in listing:  # JSON escapes them: read back, the text is as stored
        assert any(HOSTILE in text for text in strings(json.loads(result.stdout)))
    else:
        assert "␛]0;pwned␇ then ␛[2J and \ufffd31m" in result.stdout


@pytest.mark.slow
def test_no_control_sequence_from_user_text_reaches_the_terminal(tmp_path):
    """Every screen of the app opened in the real program, in a pseudo-terminal, on a
    database whose text holds escape sequences: not one of them is in what it writes."""
    path = tmp_path / "matchprep.db"
    ids = screens.populate(path)
    spoil(path)
    args = [sys.executable, "-m", "tests.reliability.visit_screens", str(path),
            json.dumps(asdict(ids))]
    with Terminal(args, size=(120, 40)) as terminal:
        code = terminal.process.wait(300)
        terminal.reader.join(5)  # the last of what it wrote
        raw = bytes(terminal.raw)
    assert code == 0, raw[-3000:].decode("utf-8", "replace")
    assert raw.count(b"\x1b]0;") == 0 and raw.count(b"\x1b[2J") == 0
    assert b"\xc2\x9b" not in raw  # the C1 CSI, as UTF-8
    assert "␛]0;pwned" in raw.decode("utf-8", "replace")  # shown, as symbols
