"""Point 8: a database made by each earlier version opens, migrates and keeps every row.

Two kinds of earlier database:
- fixtures/*.db.gz, made by the code of each earlier version itself (make_fixtures.py),
  filled with its sample content and a user's own edits;
- built here by running only the first components' migrations (in the order the app runs
  them), filled with rows of every table that existed then.
"""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest

from question_bank.bank import CONTENT_FIELDS, shipped_merges
from tests.tui.pilot_helpers import until
from tui.cli.launch import make_app, prepare_database
from tui.cli.open import fill_demo
from tui.sections import SECTIONS
from tui.store.backup import list_backups
from tui.store.database import open_database, schema_components
from tui.store.paths import backups_dir

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.db.gz"))
# A shipped question the user never touched may be corrected by a newer bank: its content
# (and when it changed) may differ; everything else of every row must be as it was.
MAY_CHANGE = {"questions": {*CONTENT_FIELDS, "shipped_hash", "updated_at"}}
# A newer bank may fold a question into another (question_bank/bank.py): what pointed at
# the old one points at the one kept. These are the columns that may change for that.
MERGES = shipped_merges()


def merged(table: str, old: dict) -> set[str]:
    """The columns of `old` the bank's merge may change (it points at a merged question)."""
    if table in ("answers", "program_questions") and old.get("question_id") in MERGES:
        return {"question_id", "label", "is_current"}
    if table in ("drill_cards", "mock_items") and old.get("kind") == "question" and \
            old.get("ref") in MERGES:
        return {"ref", "stop_at"}
    return set()


def folded(table: str, old: dict, new_rows: dict) -> bool:
    """Whether a row that is gone went with a question the bank merged away (untouched by
    the user), its links moved to the question kept."""
    if table == "questions":
        return old["id"] in MERGES and old["origin"] == "shipped" and not old["edited"]
    if table == "story_questions" and old["question_id"] in MERGES:
        return (old["story_id"], MERGES[old["question_id"]]) in new_rows
    return False


def rows(path: Path) -> dict[str, dict]:
    """Every row of every table (full-text indexes aside), by table and primary key."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite%' "
            "and name not like '%fts%'")]
        found = {}
        for table in tables:
            info = conn.execute(f"PRAGMA table_info([{table}])").fetchall()
            keys = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]]
            found[table] = {}
            for row in conn.execute(f"select * from [{table}]"):
                row = dict(row)
                key = tuple(row[k] for k in keys) if keys else tuple(row.values())
                found[table][key] = row
        return found
    finally:
        conn.close()


def kept(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """What of `before` is missing or changed in `after`, in words."""
    problems = []
    for table, old_rows in before.items():
        if table == "schema_versions":
            continue
        new_rows = after.get(table)
        if new_rows is None:
            problems.append(f"table {table} is gone")
            continue
        for rowid, old in old_rows.items():
            new = new_rows.get(rowid)
            if new is None:
                if not folded(table, old, new_rows):
                    problems.append(f"{table} row {rowid} is gone")
                continue
            loose = MAY_CHANGE.get(table, set()) if old.get("origin") == "shipped" and not \
                old.get("edited") else set()
            loose = loose | merged(table, old)
            if table == "question_bank_meta" and old["key"] == "bank_version":
                loose = {"value"}  # a newer bank records its version
            changed = [c for c in old if c not in loose and new.get(c) != old[c]]
            if changed:
                problems.append(f"{table} row {rowid}: {changed} changed")
    return problems


def check(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        versions = dict(conn.execute("select component, version from schema_versions"))
    finally:
        conn.close()
    assert versions == {name: len(steps) for name, steps in schema_components()}


def fixture_id(fixture: Path) -> str:
    return fixture.name.split(".")[0]


# Every fixture is opened in the app, every section visited, in the full run. The fast run
# (-m "not slow") does that for the oldest and the newest, and migrates every one as
# `matchprep` does before its first screen (test_..._without_the_app): each walk through the
# sections took 4-6 s.
WHY_SLOW = ("every earlier version opened in the app: the fast run opens the oldest and the "
            "newest, and migrates every one without the app")
IN_THE_APP = [f if f in (FIXTURES[0], FIXTURES[-1])
              else pytest.param(f, marks=pytest.mark.slow(reason=WHY_SLOW)) for f in FIXTURES]


def assert_upgraded(path: Path, before: dict[str, dict]) -> None:
    """Migrated to the current schema with every row of `before` kept (and a backup of it
    taken first), the user's own question and edit among them."""
    check(path)
    assert kept(before, rows(path)) == []
    after = rows(path)
    user = [q for q in after["questions"].values() if q["origin"] == "user"]
    assert any(q["text"] == "Why [US city]? [bold red]no[/] \\ \U0001fa7b שלום cafe\u0301"
               for q in user)
    edited = after["questions"][("intro.tell-me-about-yourself",)]
    assert edited["text"] == "Tell me about yourself [edited] \U0001f9d1" and edited["edited"]
    if before["schema_versions"] != after["schema_versions"]:
        [saved] = [p for p in list_backups(backups_dir(path)) if "pre-migration" in p.name]
        assert kept(before, rows(saved)) == [] and rows(saved).keys() == before.keys()


def unpacked(fixture: Path, folder: Path) -> Path:
    path = folder / "matchprep.db"
    path.write_bytes(gzip.decompress(fixture.read_bytes()))
    path.chmod(0o600)
    return path


@pytest.mark.parametrize("fixture", FIXTURES, ids=[fixture_id(f) for f in FIXTURES])
def test_a_database_of_an_earlier_version_migrates_and_keeps_every_row_without_the_app(
        fixture, tmp_path):
    path = unpacked(fixture, tmp_path)
    before = rows(path)
    prepare_database(path)  # what make_app does first: migrate, merge the bank
    assert_upgraded(path, before)


@pytest.mark.parametrize("fixture", IN_THE_APP, ids=[fixture_id(f) for f in FIXTURES])
async def test_a_database_of_an_earlier_version_opens_migrates_and_keeps_every_row(
        fixture, tmp_path, speaker):
    path = unpacked(fixture, tmp_path)
    before = rows(path)
    app = make_app(path, speaker=speaker)  # as `matchprep` opens it: migrate, merge the bank
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            if not before.get("applicant_profile"):
                # The first start of a version with profiles asks who the applicant is:
                # skipped here.
                await until(pilot, lambda: type(app.screen).__name__ == "ProfileDialog",
                            what="the profile, asked once after the upgrade")
                await pilot.press("escape")
                await until(pilot, lambda: type(app.screen).__name__ != "ProfileDialog",
                            what="the skip")
            for section in SECTIONS:  # every section opens on the upgraded data
                await pilot.press(section.key)
                await until(pilot, lambda s=section: app.current_mode == s.id,
                            what=f"the {section.label} section")
            await app.workers.wait_for_complete()
            await pilot.pause()
    finally:
        app.ctx.close()
    assert_upgraded(path, before)


def test_a_fixture_of_the_current_schema_exists():
    """So that the next migration is tested against a database this version made: when
    you add one, run tests/reliability/fixtures/make_fixtures.py for the version before."""
    current = {name: len(steps) for name, steps in schema_components()}
    newest = FIXTURES[-1]
    conn = sqlite3.connect(":memory:")
    conn.deserialize(gzip.decompress(newest.read_bytes()))
    try:
        versions = dict(conn.execute("select component, version from schema_versions"))
    finally:
        conn.close()
    assert len(FIXTURES) >= 4
    assert versions == current, (
        f"{newest.name} has schema {versions}, this matchprep has {current}: add the "
        "previous version to make_fixtures.py and run it")


def _prefixes() -> list[int]:
    return list(range(1, len(schema_components())))


@pytest.fixture(scope="module")
def full_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("full") / "full.db"
    fill_demo(path)
    return path


@pytest.mark.parametrize("count", _prefixes(),
                         ids=[f"up-to-{schema_components()[n - 1][0]}" for n in _prefixes()])
def test_a_database_with_only_the_first_components_migrates_and_keeps_every_row(
        count, full_db, tmp_path):
    components = schema_components()
    path = tmp_path / "old.db"
    old = open_database(path, components=components[:count])
    old.close()
    conn = sqlite3.connect(path)  # fill every table that exists then, from a full database
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("attach database ? as full", [str(full_db)])
        tables = [r[0] for r in conn.execute(
            "select name from main.sqlite_master where type = 'table' and name not like "
            "'sqlite%' and name not like '%fts%' and name != 'schema_versions'")]
        for table in tables:
            info = conn.execute(f"PRAGMA main.table_info([{table}])")
            columns = ", ".join(f"[{r[1]}]" for r in info)
            conn.execute(f"insert or replace into main.[{table}] ({columns}) "
                         f"select {columns} from full.[{table}]")
        conn.commit()
        conn.execute("detach database full")
    finally:
        conn.close()
    before = rows(path)
    assert all(before[t] for t in before if t not in ("settings", "checklist_items",
                                                       "planned_stories", "schema_versions"))
    prepare_database(path)
    check(path)
    assert kept(before, rows(path)) == []
