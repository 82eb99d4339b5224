"""Point 4: every importer (question packs, the programs CSV, the JSON restore) against
arbitrary bytes and against well-formed files with wrong rows: it never crashes (only its
own error, naming the file), never half-writes (a refused file changes nothing), and valid
data round-trips exactly through export and import.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import shutil
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dossiers import asks, impressions, interviews, people, programs
from dossiers.csv_io import CsvImportError, export_csv, import_csv
from dossiers.errors import DossierError
from question_bank.categories import category_ids
from question_bank.packs import PackError, import_pack, read_pack
from question_bank.questions import AUDIENCES, get_question
from question_bank.structures import STRUCTURES
from tests.examples import examples
from tui.cli.launch import prepare_database
from tui.store.backup import BackupError, backup, dump_json, restore
from tui.store.database import connect

SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture,
                                                               HealthCheck.too_slow]}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "matchprep.db"
    prepare_database(path)
    return path


@pytest.fixture
def fresh(template, tmp_path):
    """`fresh(name)`: a new database file, migrated, with the shipped bank (a copy)."""
    made = []

    def make(name: str = "m.db"):
        path = tmp_path / f"{len(made)}-{name}"
        shutil.copyfile(template, path)
        db = connect(path)
        made.append(db)
        return path, db

    yield make
    for db in made:
        db.close()


def digest(db, tables: tuple[str, ...]) -> str:
    """Every row of `tables`, hashed: equal digests mean nothing changed."""
    h = hashlib.sha256()
    for table in tables:
        for row in db.execute(f"select * from [{table}] order by rowid"):
            h.update(repr(row).encode())
    return h.hexdigest()


QUESTION_TABLES = ("questions",)
PROGRAM_TABLES = ("programs", "program_reasons", "program_people", "program_questions",
                  "interviews", "impressions")

# Question packs ---------------------------------------------------------------------------


@settings(max_examples=examples(120), **SETTINGS)
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".toml", ".csv"]))
def test_a_pack_of_arbitrary_bytes_is_refused_whole_or_read(fresh, tmp_path, data, suffix):
    if not hasattr(fresh, "db"):
        fresh.path, fresh.db = fresh()
    db = fresh.db
    before = digest(db, QUESTION_TABLES)
    path = tmp_path / f"pack{suffix}"
    try:
        import_pack(db, path, data)
    except PackError as error:
        assert str(path) in str(error) and str(error).endswith("Nothing was imported.")
        assert digest(db, QUESTION_TABLES) == before


def toml_string(text: str) -> str:
    """A TOML basic string: quote, backslash and control characters escaped, the rest as is."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif (ord(char) < 0x20 and char != "\t") or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value) -> str:
    """A tiny TOML writer for the values the tests make (strings, numbers, lists)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "nan" if math.isnan(value) else repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}"
                               for k, v in value.items()) + "}"
    return toml_string(value)


def toml_pack(rows: list[dict]) -> str:
    out = []
    for row in rows:
        out.append("[[question]]")
        out += [f"{toml_string(k)} = {toml_value(v)}" for k, v in row.items()]
        out.append("")
    return "\n".join(out)


def csv_pack(rows: list[dict]) -> str:
    columns = sorted({k for row in rows for k in row})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([", ".join(v) if isinstance(v, list) else v for v in
                         (row.get(c, "") for c in columns)])
    return out.getvalue()


FIELD_NAMES = ["id", "text", "category", "tags", "target_seconds", "structure", "guidance",
               "audience", "colour", "Question", ""]
ANY_VALUE = st.one_of(
    st.text(max_size=30), st.integers(-10**12, 10**12), st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([*category_ids(), *STRUCTURES, *AUDIENCES, "", " ", "90", "-1", "1e9"]),
    st.lists(st.text(max_size=10), max_size=4),
)
WRONG_ROW = st.dictionaries(st.sampled_from(FIELD_NAMES), ANY_VALUE, max_size=8)


@settings(max_examples=examples(120), **SETTINGS)
@given(rows=st.lists(WRONG_ROW, min_size=1, max_size=6), as_toml=st.booleans())
def test_well_formed_packs_with_wrong_rows_import_whole_or_not_at_all(fresh, tmp_path, rows,
                                                                     as_toml):
    if not hasattr(fresh, "db"):
        fresh.path, fresh.db = fresh()
    db = fresh.db
    if as_toml:
        rows = [{k: v for k, v in row.items() if k} for row in rows]
    text = toml_pack(rows) if as_toml else csv_pack(rows)
    path = tmp_path / ("pack.toml" if as_toml else "pack.csv")
    before = digest(db, QUESTION_TABLES)
    try:
        report = import_pack(db, path, text.encode())
    except PackError as error:
        assert str(path) in str(error)
        assert all(p.field or p.line or p.message for p in error.problems)
        assert digest(db, QUESTION_TABLES) == before
    else:
        assert len(report.ids) + report.unchanged == len(read_pack(path, text.encode()))


# Control characters are dropped on the way in (test_control_characters.py): what round-trips
# exactly is text without them (newline and tab are text).
PLAIN = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t")
GOOD_TEXT = st.text(PLAIN, min_size=1, max_size=60).map(str.strip).filter(bool)
TAG = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6})?", fullmatch=True)
GOOD_QUESTION = st.fixed_dictionaries({
    "text": GOOD_TEXT,
    "category": st.sampled_from(category_ids()),
    "tags": st.lists(TAG, max_size=4, unique=True),
    "target_seconds": st.integers(5, 1800),
    "structure": st.sampled_from(list(STRUCTURES)),
    "guidance": st.text(PLAIN, max_size=80).map(str.strip),
})


@settings(max_examples=examples(40), **SETTINGS)
@given(questions=st.lists(GOOD_QUESTION, min_size=1, max_size=5,
                          unique_by=lambda q: " ".join(q["text"].casefold().split())),
       as_toml=st.booleans())
def test_a_valid_pack_imports_exactly_what_it_says(fresh, tmp_path, questions, as_toml):
    if not as_toml:  # a CSV cell holds text as typed, but a newline inside is fine too
        assume(all("\r" not in q["text"] + q["guidance"] for q in questions))
    _, db = fresh()
    text = toml_pack(questions) if as_toml else csv_pack(questions)
    name = tmp_path / ("pack.toml" if as_toml else "pack.csv")
    report = import_pack(db, name, text.encode())
    assert report.added == len(questions)
    for qid, wanted in zip(report.ids, questions, strict=True):
        q = get_question(db, qid)
        assert (q.text, q.category, list(q.tags), q.target_seconds, q.structure, q.guidance) == (
            wanted["text"], wanted["category"], wanted["tags"], wanted["target_seconds"],
            wanted["structure"], wanted["guidance"])
    again = import_pack(db, name, text.encode())  # the same pack again changes nothing
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(questions))


# The programs CSV -------------------------------------------------------------------------

@settings(max_examples=examples(120), **SETTINGS)
@given(text=st.text(max_size=400) | st.binary(max_size=400).map(
    lambda b: b.decode("latin-1")))
def test_a_programs_csv_of_arbitrary_text_is_refused_whole_or_imported(fresh, text):
    if not hasattr(fresh, "db"):
        fresh.path, fresh.db = fresh()
    db = fresh.db
    before = digest(db, PROGRAM_TABLES)
    try:
        import_csv(db, text, "sheet.csv", today=date(2026, 1, 1))
    except CsvImportError as error:
        assert str(error).startswith("sheet.csv") and str(error).endswith("Nothing was imported.")
        assert digest(db, PROGRAM_TABLES) == before


HEADERS = ["Program", "City", "State", "Type", "Residents per year", "Visa", "Interview Date",
           "Start Time", "End Time", "Time Zone", "Platform", "Link", "Score", "Thank-you sent",
           "Rank", "Why this program", "Questions to ask", "Program director", "Stipend"]
CELL = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", "Lakeshore", "2026-01-15", "1/15/2026", "2026-02-30", "Jan 32, 2026",
                     "9:00", "9:00 AM", "25:00", "13:60", "America/Chicago", "CT", "Mars/Base",
                     "zoom", "in-person", "carrier pigeon", "7", "11", "-1", "yes", "maybe",
                     "academic", "rural", "J-1", "both", "sometimes", "=1+1", "@x", "0", "999"]),
)


@settings(max_examples=examples(150), **SETTINGS)
@given(header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8, unique=True),
       rows=st.lists(st.lists(CELL, min_size=0, max_size=9), min_size=1, max_size=5))
def test_a_programs_csv_with_wrong_rows_imports_whole_or_not_at_all(fresh, header, rows):
    if not hasattr(fresh, "db"):
        fresh.path, fresh.db = fresh()
    db = fresh.db
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    before = digest(db, PROGRAM_TABLES)
    try:
        import_csv(db, out.getvalue(), "sheet.csv", today=date(2026, 1, 1))
    except CsvImportError as error:
        assert all(p.message for p in error.problems)
        assert digest(db, PROGRAM_TABLES) == before


DANGEROUS = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'=", "''+", ""])
FIELD_TEXT = st.tuples(DANGEROUS, st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                                        whitelist_characters="\n\t\r"),
                                          max_size=25)).map("".join)
NAME = st.tuples(st.sampled_from(["", "=", "@", "-"]),
                 st.text(st.characters(whitelist_categories=("L", "N", "Zs", "P", "S")),
                         min_size=1, max_size=25)).map("".join)
ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
         "America/Sao_Paulo", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"]
PROGRAM = st.fixed_dictionaries({
    "name": NAME,
    "city": FIELD_TEXT, "strengths": FIELD_TEXT, "notes": FIELD_TEXT,
    "hospital_name": FIELD_TEXT, "other_names": FIELD_TEXT,
    "type": st.sampled_from(["", "academic", "community", "hybrid"]),
    "residents_per_year": st.one_of(st.none(), st.integers(0, 200)),
    "visa": st.sampled_from(["unknown", "j1", "h1b", "both", "none"]),
    "why": st.lists(FIELD_TEXT, max_size=3), "asks": st.lists(FIELD_TEXT, max_size=3),
    "director": FIELD_TEXT, "score": st.one_of(st.none(), st.integers(1, 10)),
    "days": st.lists(st.tuples(st.dates(date(2025, 6, 1), date(2027, 6, 1)),
                               st.times().map(lambda t: time(t.hour, t.minute)),
                               st.sampled_from(ZONES), FIELD_TEXT), max_size=2,
                     unique_by=lambda d: d[0]),
})


def _fill(db, p: dict) -> None:
    fields = {k: p[k] for k in ("city", "strengths", "notes", "hospital_name", "other_names",
                                "type", "residents_per_year", "visa")}
    program = programs.add_program(db, p["name"], **fields)
    programs.set_reasons(db, program.id, "why", p["why"])
    for text in p["asks"]:
        if text.strip():
            asks.add_ask(db, program.id, text)
    if p["director"].strip():
        people.set_program_director(db, program.id, p["director"])
    if p["score"] is not None:
        impressions.save_impression(db, program.id, score=p["score"])
    for day, start, zone, link in p["days"]:
        interviews.add_interview(db, program.id, date=day.isoformat(),
                                 start_time=start.strftime("%H:%M"), timezone=zone,
                                 platform="zoom", format_notes=link)


def _programs_state(db) -> list:
    state = []
    for p in programs.list_programs(db):
        state.append((
            {k: v for k, v in vars(p).items() if k != "id"} if hasattr(p, "__dict__") else
            {f: getattr(p, f) for f in p.__slots__ if f != "id"},
            programs.get_reasons(db, p.id, "why"),
            [a.text for a in asks.list_asks(db, p.id)],
            getattr(people.program_director(db, p.id), "name", None),
            impressions.get_impression(db, p.id).score,
            [(d.date, d.start_time, d.timezone, d.platform, d.format_notes)
             for d in interviews.list_interviews(db, p.id)],
        ))
    return state


def one_line_end(value):
    """`value` with every "\r\n" and "\r" in its text made "\n", however deep."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, (list, tuple)):
        return type(value)(one_line_end(v) for v in value)
    if isinstance(value, dict):
        return {k: one_line_end(v) for k, v in value.items()}
    return value


@settings(max_examples=examples(40), **SETTINGS)
@given(plist=st.lists(PROGRAM, min_size=1, max_size=3,
                      unique_by=lambda p: " ".join(p["name"].casefold().split())))
def test_programs_round_trip_exactly_through_csv(fresh, plist):
    _, source = fresh("source.db")
    try:
        for p in plist:
            _fill(source, p)
    except DossierError:
        assume(False)  # a value the app itself refuses to store (a name folding to another)
    text = export_csv(source)
    for row in csv.reader(io.StringIO(text, newline="")):
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row)
    _, target = fresh("target.db")
    import_csv(target, text, "export.csv")
    # An import makes every line end "\n" (question_bank.text.clean): the one change.
    assert _programs_state(target) == one_line_end(_programs_state(source))


# The JSON restore -------------------------------------------------------------------------

@pytest.fixture
def filled(fresh, tmp_path):
    """A database with sample content of every part, and its JSON backup."""
    from tui.cli.open import fill_demo

    path = tmp_path / "filled.db"
    fill_demo(path)
    dump = backup(path, tmp_path / "filled.json")
    return path, dump


def _tables(path: Path) -> dict:
    db = connect(path)
    try:
        data = dump_json(db)
    finally:
        db.close()
    return data["tables"]


@settings(max_examples=examples(60), **SETTINGS)
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_restoring_arbitrary_bytes_changes_nothing(filled, tmp_path, data):
    path, _ = filled
    before = path.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    with pytest.raises(BackupError) as caught:
        restore(path, bad)
    assert str(bad) in str(caught.value)
    assert path.read_bytes() == before


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70)
                          | st.floats(allow_nan=False) | st.text(max_size=12),
                          lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                          max_leaves=5)


@settings(max_examples=examples(30), **SETTINGS)
@given(change=st.data())
def test_a_json_backup_with_wrong_rows_restores_whole_or_changes_nothing(filled, tmp_path,
                                                                        change):
    path, dump = filled
    doc = json.loads(dump.read_text())
    tables = [name for name, rows in doc["tables"].items() if rows]
    table = change.draw(st.sampled_from(tables), label="table")
    rows = doc["tables"][table]
    index = change.draw(st.integers(0, len(rows) - 1), label="row")
    how = change.draw(st.sampled_from(["set", "drop", "add", "delete", "not a row", "top"]),
                      label="how")
    if how == "set":
        column = change.draw(st.sampled_from(sorted(rows[index])), label="column")
        rows[index][column] = change.draw(JSON_VALUE, label="value")
    elif how == "drop":
        rows[index].pop(change.draw(st.sampled_from(sorted(rows[index])), label="column"))
    elif how == "add":
        rows[index][change.draw(st.text(max_size=8), label="new column")] = 1
    elif how == "delete":
        del rows[index]
    elif how == "not a row":
        rows[index] = change.draw(JSON_VALUE, label="value")
    else:
        key = change.draw(st.sampled_from(["format", "version", "schema_versions", "tables"]))
        doc[key] = change.draw(JSON_VALUE, label="top value")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(doc, ensure_ascii=False))
    before = _tables(path)
    try:
        restore(path, wrong)
    except BackupError as error:
        assert str(wrong) in str(error)
        assert _tables(path) == before
    else:
        db = connect(path)
        try:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            db.close()


def test_a_json_backup_round_trips_every_row_exactly(filled, fresh, tmp_path):
    path, dump = filled
    original = _tables(path)
    target, db = fresh("target.db")
    db.close()
    restore(target, dump)
    assert _tables(target) == original
    again = backup(target, tmp_path / "again.json")
    assert json.loads(again.read_text())["tables"] == json.loads(dump.read_text())["tables"]
