"""Question packs: TOML and CSV in, all or nothing, with file, line and field named."""

from __future__ import annotations

import pytest

from question_bank.packs import PackError, import_pack, read_pack
from question_bank.questions import count_questions, get_question

GOOD_TOML = '''
[[question]]
text = "How would you handle a [US city] winter?"
category = "why"
tags = ["city", "personal"]
target_seconds = 45

[[question]]
id = "mine.ai-liability"
text = "Who is liable when an AI tool misses a finding?"
category = "Radiology knowledge and the field's future"
guidance = """Probing: judgment.
Shape: outline.
Pitfall: certainty."""
'''


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_a_toml_pack_imports_and_reimporting_updates_not_duplicates(db, tmp_path):
    before = count_questions(db)
    path = write(tmp_path, "pack.toml", GOOD_TOML)
    report = import_pack(db, path)
    assert (report.added, report.updated) == (2, 0)
    assert count_questions(db) == before + 2
    q = get_question(db, "mine.ai-liability")
    assert q.category == "knowledge" and q.target_seconds == 90 and q.origin == "pack"

    write(tmp_path, "pack.toml", GOOD_TOML.replace("target_seconds = 45", "target_seconds = 50"))
    again = import_pack(db, path)
    assert (again.added, again.updated, again.unchanged) == (0, 1, 1)
    assert count_questions(db) == before + 2


def test_a_csv_pack_with_loose_headers_and_quoted_cells(db, tmp_path):
    path = write(tmp_path, "pack.csv",
                 '\ufeffQuestion,Category,Tags,Target Seconds,Structure\n'
                 '"Tell me about a time, in detail, you said ""no""",behavioral,"conflict; '
                 'teamwork",120,star\n'
                 '"Multi\nline question?",ethics,,,\n')
    report = import_pack(db, path)
    assert report.added == 2
    texts = {get_question(db, i).text for i in report.ids}
    assert 'Tell me about a time, in detail, you said "no"' in texts
    assert "Multi\nline question?" in texts


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.toml", '[[question]]\ntext = "unterminated\n', "line 2"),
        ("bad.toml", '[[question]]\ntext = "a"\ncategory = "why"\n\n[[question]]\ntext = "b"\n'
                     'category = "cardiology"\n', "line 5, field 'category'"),
        ("bad.toml", '[[question]]\ntext = "a"\ncategory = "why"\ncolour = "red"\n',
         "line 1, field 'colour'"),
        ("bad.csv", "text,category\nfine,why\n,why\n", "line 3, field 'text'"),
        ("bad.csv", "text\nno category column\n", "field 'category'"),
        ("bad.csv", "text,category,target_seconds\na,why,ninety\n",
         "line 2, field 'target_seconds'"),
        ("bad.csv", b"text,category\n\xff\xfe,why\n", "line 2"),
        ("bad.txt", "text,category\n", "expected a .toml or .csv file"),
        ("bad.csv", "", "empty"),
    ],
)
def test_a_malformed_pack_is_rejected_whole_and_named(db, tmp_path, name, content, expected):
    before = count_questions(db, include_hidden=True)
    path = write(tmp_path, name, content)
    with pytest.raises(PackError) as caught:
        import_pack(db, path)
    message = str(caught.value)
    assert str(path) in message and expected in message and "Nothing was imported" in message
    assert count_questions(db, include_hidden=True) == before


def test_one_bad_row_among_good_ones_imports_nothing(db, tmp_path):
    before = count_questions(db)
    rows = "".join(f"Question {i},why\n" for i in range(50)) + "last,nowhere\n"
    path = write(tmp_path, "pack.csv", "text,category\n" + rows)
    with pytest.raises(PackError, match="line 52"):
        import_pack(db, path)
    assert count_questions(db) == before


def test_read_pack_checks_without_writing(tmp_path):
    path = write(tmp_path, "pack.toml", GOOD_TOML)
    assert len(read_pack(path)) == 2
