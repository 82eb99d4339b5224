"""Backups and restores: consistent, private, rotated, checked; a bad source changes nothing."""

from __future__ import annotations

import json
import os
import stat
import threading

import pytest

from question_bank.questions import add_question, count_questions, list_questions
from tui.practice.preferences import DEFAULT_RATE, speech_prefs
from tui.store.backup import BackupError, automatic_backup, backup, list_backups, restore, rotate
from tui.store.database import connect, integrity
from tui.store.paths import backups_dir


def test_a_backup_is_private_checked_and_restorable(db_path, db):
    add_question(db, text="Mine [/] 🩻", category="why")
    target = backup(db_path, db_path.parent / "out" / "copy.db")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert integrity(target) == "ok"
    copy = connect(target)
    assert [q.text for q in list_questions(copy, search="mine")] == ["Mine [/] 🩻"]
    copy.close()


def test_a_backup_taken_while_another_copy_writes_restores_exactly(db_path, tmp_path):
    stop = threading.Event()

    def keep_writing():
        writer = connect(db_path)
        i = 0
        while not stop.is_set():
            add_question(writer, text=f"Zqxbusy question {i}", category="why")
            i += 1
        writer.close()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        copies = [backup(db_path, tmp_path / f"b{i}.db") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for copy in copies:
        assert integrity(copy) == "ok"
        db = connect(copy)
        numbers = sorted(int(q.text.split()[-1]) for q in list_questions(db, search="zqxbusy"))
        db.close()
        assert numbers == list(range(len(numbers)))  # a prefix: nothing half-written


def test_restore_replaces_the_database_after_saving_it(db_path, db, tmp_path):
    saved = backup(db_path, tmp_path / "before.db")
    add_question(db, text="Written after the backup", category="why")
    safety = restore(db_path, saved)
    assert safety is not None and safety.exists()
    fresh = connect(db_path)
    assert not list_questions(fresh, search="written after the backup")
    fresh.close()
    kept = connect(safety)
    assert list_questions(kept, search="written after")
    kept.close()


def test_json_backup_round_trips(db_path, db, tmp_path):
    add_question(db, text='Quotes " and \\ and [b]', category="ethics")
    target = backup(db_path, tmp_path / "all.json")
    doc = json.loads(target.read_text())
    assert doc["format"] == "matchprep-backup" and "questions" in doc["tables"]
    before = count_questions(db, include_hidden=True)
    add_question(db, text="Gone after restore", category="ethics")
    restore(db_path, target)
    fresh = connect(db_path)
    assert count_questions(fresh, include_hidden=True) == before
    assert list_questions(fresh, search="quotes")[0].text == 'Quotes " and \\ and [b]'
    fresh.close()


@pytest.mark.parametrize("content", [b"not a backup at all", b"SQLite format 3\x00garbage" * 50,
                                     b'{"format": "matchprep-backup", "tables": 3}',
                                     b'{"format": "something else"}', b"\xff\xfe\x00"])
def test_a_bad_backup_changes_nothing(db_path, db, tmp_path, content):
    add_question(db, text="Precious answer", category="why")
    before = db_path.read_bytes()
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(BackupError) as caught:
        restore(db_path, bad)
    assert str(bad) in str(caught.value)
    assert list_questions(db, search="precious")
    assert db_path.read_bytes() == before


def test_a_json_backup_with_a_wrong_row_changes_nothing(db_path, db, tmp_path):
    target = backup(db_path, tmp_path / "all.json")
    doc = json.loads(target.read_text())
    doc["tables"]["questions"][0]["no_such_column"] = 1
    target.write_text(json.dumps(doc))
    with pytest.raises(BackupError, match="tables.questions"):
        restore(db_path, target)


def test_a_setting_restored_without_a_value_reads_as_its_default(db_path, db, tmp_path):
    # A hand-edited JSON backup may hold a setting whose value is null: the speech rate
    # read from it is the default, not int(None), which ended the app as the drill or the
    # mock setup opened.
    target = backup(db_path, tmp_path / "all.json")
    doc = json.loads(target.read_text())
    doc["tables"]["settings"] = [{"key": "speech_rate", "value": None}]
    target.write_text(json.dumps(doc))
    restore(db_path, target)
    fresh = connect(db_path)
    assert speech_prefs(fresh).rate == DEFAULT_RATE
    fresh.close()


def test_automatic_backups_are_rotated(db_path):
    for _ in range(13):
        automatic_backup(db_path, "pre-import")
    manual = backup(db_path)
    rotate(backups_dir(db_path), keep=10)
    names = list_backups(backups_dir(db_path))
    assert len([n for n in names if "pre-import" in n.name]) == 10
    assert manual in names


def test_backup_refuses_to_overwrite_through_a_symlink(db_path, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("unrelated")
    link = tmp_path / "link.db"
    link.symlink_to(victim)
    with pytest.raises(Exception, match="symbolic link"):
        backup(db_path, link)
    assert victim.read_text() == "unrelated"
