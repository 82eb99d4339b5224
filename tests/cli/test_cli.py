"""The command line: the contract scripts rely on (README, "Command line"). Most commands run
its `main` in the test's process (tests/conftest.py, CommandLine); these, in a process of
their own: the version, the database chosen by flag and environment, a damaged database."""

from __future__ import annotations

import json
import os
import stat

from tui import __version__


def test_version(run_cli):
    result = run_cli("--version", real=True)
    assert result.returncode == 0 and result.stdout.strip() == f"matchprep {__version__}"


def test_db_option_and_environment_choose_the_file(run_cli, tmp_path):
    by_env = tmp_path / "env.db"
    by_flag = tmp_path / "flag.db"
    assert run_cli("questions", "list", db=by_env).returncode == 0
    assert run_cli("--db", str(by_flag), "questions", "list", db=by_env,
                   real=True).returncode == 0
    assert run_cli("questions", "list", "--db", str(tmp_path / "late.db")).returncode == 0
    for path in (by_env, by_flag, tmp_path / "late.db"):
        assert path.exists() and stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_default_database_lives_in_the_user_data_folder(run_cli, tmp_path):
    data = tmp_path / "xdg-data"
    result = run_cli("questions", "list", "--category", "ir", env={"XDG_DATA_HOME": str(data)})
    assert result.returncode == 0
    assert (data / "matchprep" / "matchprep.db").exists()
    assert stat.S_IMODE(os.stat(data / "matchprep").st_mode) == 0o700


def test_questions_list_filters_and_json(run_cli, tmp_path):
    db = tmp_path / "m.db"
    result = run_cli("questions", "list", "--category", "to-ask", "--json", db=db)
    rows = json.loads(result.stdout)
    assert rows and {r["category"] for r in rows} == {"to-ask"}
    assert {"id", "text", "tags", "target_seconds", "guidance", "audience"} <= set(rows[0])
    found = json.loads(run_cli("questions", "list", "--search", "yourself", "--json", db=db).stdout)
    assert found[0]["text"] == "Tell me about yourself."
    plain = run_cli("questions", "list", "--category", "Interventional radiology", db=db)
    assert plain.returncode == 0 and "\t" in plain.stdout
    counted = {run_cli("questions", "list", "--search", words, db=db).stderr.strip()
               for words in ("teleradiology", "burnout")}
    assert "1 question" in counted and any(c.endswith(" questions") for c in counted)


def test_unknown_category_is_a_sentence_not_a_traceback(run_cli, tmp_path):
    result = run_cli("questions", "list", "--category", "cardiology", db=tmp_path / "m.db")
    assert result.returncode != 0
    assert "cardiology" in result.stderr and "expected one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_good_and_bad_packs(run_cli, tmp_path):
    db = tmp_path / "m.db"
    good = tmp_path / "good.csv"
    good.write_text('text,category\n"Why [/] us?",why\n')
    result = run_cli("questions", "import", str(good), db=db)
    assert result.returncode == 0 and "1 added" in result.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('[[question]]\ntext = "x"\ncategory = "nope"\n')
    result = run_cli("questions", "import", str(bad), db=db)
    assert result.returncode == 1
    assert f"{bad}, line 1, field 'category'" in result.stderr
    assert "Nothing was imported" in result.stderr and "Traceback" not in result.stderr
    listed = json.loads(run_cli("questions", "list", "--search", "us", "--json", db=db).stdout)
    assert any(r["text"] == "Why [/] us?" for r in listed)
    missing = run_cli("questions", "import", str(tmp_path / "nope.csv"), db=db)
    assert missing.returncode == 1 and "cannot be read" in missing.stderr


def test_a_damaged_database_gets_a_way_out(run_cli, tmp_path):
    db = tmp_path / "m.db"
    db.write_text("my notes, not a database\n" * 100)
    result = run_cli("questions", "list", db=db, real=True)
    assert result.returncode == 1
    assert str(db) in result.stderr and "doctor" in result.stderr and "restore" in result.stderr
    assert "Traceback" not in result.stderr
    doctor = run_cli("doctor", db=db)
    assert doctor.returncode == 1 and "integrity" in doctor.stdout
    assert db.read_text() == "my notes, not a database\n" * 100


def test_doctor_reports_a_healthy_database(run_cli, tmp_path):
    db = tmp_path / "m.db"
    run_cli("questions", "list", db=db)
    result = run_cli("doctor", db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "integrity    ok" in result.stdout and "0600" in result.stdout
    assert "questions    218" in result.stdout  # the shipped bank, hidden ones counted too


def test_backup_and_restore(run_cli, tmp_path):
    db = tmp_path / "m.db"
    run_cli("questions", "list", db=db)
    out = tmp_path / "copy.db"
    result = run_cli("backup", "-o", str(out), db=db)
    assert result.returncode == 0 and out.exists()
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    default = run_cli("backup", db=db)
    assert default.returncode == 0 and "m.db-backups" in default.stdout
    restored = run_cli("restore", str(out), db=db)
    assert restored.returncode == 0 and "saved in" in restored.stdout
    bad = tmp_path / "bad.db"
    bad.write_text("nope")
    failed = run_cli("restore", str(bad), db=db)
    assert failed.returncode == 1 and "not a matchprep backup" in failed.stderr


def test_restoring_what_is_not_a_backup_says_so_in_words(run_cli, tmp_path):
    db = tmp_path / "m.db"
    run_cli("programs", "list", db=db)
    for name, content in (("notes.txt", "hello, not a backup\n"), ("cut.json", '{"format": '),
                          ("other.json", '{"a": 1}')):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        result = run_cli("restore", str(path), db=db)
        assert result.returncode == 1
        assert "not a matchprep backup" in result.stderr and "Nothing was changed" in result.stderr
        for parser_words in ("Expecting", "char ", "column 1", "field 'format'"):
            assert parser_words not in result.stderr, result.stderr
