"""Point 10: exports that bite. CSV cells starting with =, +, -, @, a tab or a carriage
return are neutralised and still round-trip; iCalendar lines are folded at 75 octets and
escaped, carry their time zones, and an event across a daylight-saving change lands at the
right instant, read by an independent reading of the file as well as by icalendar.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from dossiers import asks, interviews, people, programs
from dossiers.csv_io import export_csv, import_csv
from dossiers.ics import export_ics
from tests.examples import examples
from tests.reliability.terminal import app_env, matchprep
from tui.cli.launch import prepare_database
from tui.store.database import connect

LEADS = ["=", "+", "-", "@", "\t", "\r"]
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("lead", LEADS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised_and_round_trip(
        db, tmp_path, lead):
    formula = f"{lead}HYPERLINK(\"http://evil.example\",\"click\")"
    p = programs.add_program(db, f"{lead}cmd|' /C calc'!A0", city=formula, notes=formula + "\nok",
                             strengths=f"{lead}1+1")
    programs.set_reasons(db, p.id, "why", [formula])
    asks.add_ask(db, p.id, f"{lead}SUM(1,2)?")
    people.set_program_director(db, p.id, f"{lead}Dr. Who")
    interviews.add_interview(db, p.id, date="2026-02-03", start_time="09:00", timezone="CT",
                             link=f"{lead}http://x.example", format_notes=formula)
    text = export_csv(db)
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert not [c for c in cells if c[:1] in LEADS], "a cell a spreadsheet would run"
    assert any(c.startswith("'" + lead) for c in cells)
    path = tmp_path / "other.db"
    prepare_database(path)
    other = connect(path)
    try:
        import_csv(other, text, "export.csv")
        [back] = programs.list_programs(other)
        original = programs.get_program(db, p.id)
        # An import makes every line end "\n" (question_bank.text.clean): a leading "\r" too.
        assert (back.name, back.city, back.notes, back.strengths) == (
            original.name, original.city, original.notes.replace("\r", "\n"),
            original.strengths)
        assert programs.get_reasons(other, back.id, "why") == programs.get_reasons(db, p.id, "why")
        assert [a.text for a in asks.list_asks(other, back.id)] == [
            a.text for a in asks.list_asks(db, p.id)]
        assert people.program_director(other, back.id).name == \
            people.program_director(db, p.id).name
        [day] = interviews.list_interviews(other)
        [was] = interviews.list_interviews(db)
        assert (day.link, day.format_notes) == (was.link, was.format_notes.replace("\r", "\n"))
    finally:
        other.close()


def test_the_command_line_round_trips_a_guarded_spreadsheet(db_path, tmp_path):
    db = connect(db_path)
    programs.add_program(db, "=Mercy Radiology", city="-Omaha", notes="@home\n+1")
    db.close()
    out = tmp_path / "programs.csv"
    env = app_env()

    def cli(*args, db):
        return subprocess.run(matchprep(*args, db=db), capture_output=True, check=False, text=True,
                              env=env, cwd=tmp_path, timeout=60)

    assert cli("programs", "export", "--format", "csv", "-o", str(out), db=db_path).returncode == 0
    assert "'=Mercy Radiology" in out.read_text()
    other = tmp_path / "other.db"
    assert cli("programs", "import", str(out), db=other).returncode == 0
    listed = cli("programs", "list", "--json", db=other).stdout
    assert '"name": "=Mercy Radiology"' in listed and '"city": "-Omaha"' in listed


# iCalendar ---------------------------------------------------------------------------------

def unfold(data: bytes) -> list[str]:
    """RFC 5545 unfolding, by hand: a CRLF followed by one space or tab joins lines."""
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare line feed"
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8").split("\r\n")


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def events_by_hand(data: bytes) -> list[dict]:
    """Each VEVENT's properties read without icalendar: name -> (parameters, value)."""
    events, current = [], None
    for line in unfold(data):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and line:
            head, _, value = line.partition(":")
            name, *params = head.split(";")
            current[name] = (dict(p.split("=", 1) for p in params), value)
    return events


def instant(prop: tuple[dict, str]) -> datetime:
    params, value = prop
    local = datetime.strptime(value, "%Y%m%dT%H%M%S")
    return local.replace(tzinfo=ZoneInfo(params["TZID"])).astimezone(UTC)


TRICKY_NAME = ('Saint-Éloi, "North"; A\\B Radiology: [Main] 🩻 with a name long enough to '
               "fold several times in the calendar file, Ünïcödé everywhere, 東京 日本 🏥🏥🏥")


def test_ics_folds_at_75_octets_escapes_and_keeps_zones_across_daylight_saving(db):
    p = programs.add_program(db, TRICKY_NAME, city="Boston, MA; \\ north")
    days = [
        # The clocks go forward at 02:00 on 8 March 2026 in New York: 3 hours on the wall,
        # 2 hours in fact.
        ("2026-03-08", "01:00", "04:00", "America/New_York"),
        # Back at 02:00 on 1 November: 01:30 happens twice; the first (EDT) is meant.
        ("2026-11-01", "01:30", "03:00", "America/New_York"),
        # Europe changes on another weekend; Lord Howe moves by half an hour.
        ("2026-03-29", "01:30", "04:00", "Europe/Berlin"),
        ("2026-04-05", "01:00", "03:00", "Australia/Lord_Howe"),
    ]
    for date, start, end, zone in days:
        interviews.add_interview(db, p.id, date=date, start_time=start, end_time=end,
                                 timezone=zone, platform="zoom",
                                 format_notes="PD, then residents; lunch\\social\nat 12")
    data = export_ics(db, stamp=STAMP)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75 and b"\r\n " in data
    for line in lines:
        line.decode("utf-8")  # never folded in the middle of a character
    stored = interviews.list_interviews(db)
    by_hand = events_by_hand(data)
    assert len(by_hand) == len(days)
    for event, day in zip(by_hand, stored, strict=True):
        assert unescape(event["SUMMARY"][1]) == f"Interview: {TRICKY_NAME}"
        assert "\\," in event["SUMMARY"][1] and "\\;" in event["SUMMARY"][1]
        assert "\\\\" in event["SUMMARY"][1]
        assert "\\n" in event["DESCRIPTION"][1] and "PD, then residents; lunch\\social\nat 12" \
            in unescape(event["DESCRIPTION"][1])
        assert event["DTSTART"][0]["TZID"] == day.timezone
        assert instant(event["DTSTART"]) == day.starts_at.astimezone(UTC)
        assert instant(event["DTEND"]) == day.ends_at.astimezone(UTC)
    new_york = [instant(e["DTSTART"]) for e in by_hand if e["DTSTART"][0]["TZID"] ==
                "America/New_York"]
    assert new_york == [datetime(2026, 3, 8, 6, 0, tzinfo=UTC),
                        datetime(2026, 11, 1, 5, 30, tzinfo=UTC)]
    assert instant(by_hand[0]["DTEND"]) - new_york[0] == (datetime(2026, 3, 8, 8, 0, tzinfo=UTC)
                                                          - new_york[0])
    calendar = Calendar.from_ical(data)
    zones = {str(tz["TZID"]): tz.to_tz() for tz in calendar.walk("VTIMEZONE")}
    assert set(zones) == {d[3] for d in days}
    for event, day in zip(calendar.walk("VEVENT"), stored, strict=True):
        # A calendar reads the VTIMEZONE, not the zone's name: it must agree with tzdata.
        local = event.decoded("DTSTART").replace(tzinfo=None)
        by_vtimezone = local.replace(tzinfo=zones[day.timezone])
        assert by_vtimezone.utcoffset() == day.starts_at.utcoffset(), day.date
        assert event.decoded("DTSTART").astimezone(UTC) == day.starts_at.astimezone(UTC)


@pytest.fixture(scope="module")
def calendar_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ics") / "m.db"
    prepare_database(path)
    db = connect(path)
    yield db
    db.close()


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(max_examples=examples(80), deadline=None)
@given(name=TEXT.filter(lambda s: s.strip()) | st.sampled_from(["C:\\Notes", "\\N", "a\\,b"]),
       notes=TEXT)
@example(name="0", notes="\x1b\x850")  # an escape hid a NEL (U+0085) from strip()
def test_any_text_survives_the_calendar_folded_and_escaped(calendar_db, name, notes):
    db = calendar_db
    p = programs.add_program(db, name)
    try:
        interviews.add_interview(db, p.id, date="2026-03-08", start_time="09:00",
                                 timezone="America/Chicago", format_notes=notes)
        data = export_ics(db, stamp=STAMP)
        assert all(len(line) <= 75 for line in data.split(b"\r\n"))
        [event] = events_by_hand(data)
        # What a calendar shows: the text, with line breaks as line breaks and the control
        # characters (which iCalendar text may not hold) left out.
        shown = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", p.name.replace("\r", "\n"))
        assert unescape(event["SUMMARY"][1]) == f"Interview: {shown}"
        assert Calendar.from_ical(data).walk("VEVENT")[0]["SUMMARY"] == f"Interview: {shown}"
        wanted = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "",
                        notes.strip().replace("\r\n", "\n").replace("\r", "\n"))
        if wanted.strip():
            assert f"Format: {wanted.strip()}" in unescape(event["DESCRIPTION"][1])
    finally:
        programs.delete_program(db, p.id)


def test_an_ics_export_from_the_command_line_is_a_calendar(db_path, tmp_path):
    db = connect(db_path)
    p = programs.add_program(db, "Harbor; Radiology, \"East\"")
    interviews.add_interview(db, p.id, date="2026-03-08", start_time="01:00", end_time="04:00",
                             timezone="America/New_York")
    db.close()
    out = tmp_path / "interviews.ics"
    result = subprocess.run(matchprep("programs", "export", "--format", "ics", "-o", str(out),
                                      db=db_path), capture_output=True, check=False, text=True,
                            env=app_env(), cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    [event] = events_by_hand(Path(out).read_bytes())
    assert instant(event["DTSTART"]) == datetime(2026, 3, 8, 6, 0, tzinfo=UTC)
    assert instant(event["DTEND"]) == datetime(2026, 3, 8, 8, 0, tzinfo=UTC)


# Markdown: user text never changes the document's structure ---------------------------------

HOSTILE_MD = ("# heading of mine\n```python\nan unclosed fence\n<script>alert(1)</script>\n"
              "---\n> a quote\n| a | b |\n|---|---|\n    four spaces in\n1. one\n- bullet\n"
              "Setext?\n===\n[link](javascript:x) ![img](x.png) <b>bold</b> &copy; **strong**")
HOSTILE_LINE = "## Not a heading <i>x</i> | cell | `tick` [x](y)"


def plain(inline) -> str:
    """An inline token's text as a reader reads it (escapes undone, no markup)."""
    return "".join(c.content for c in inline.children if c.type in ("text", "code_inline"))


def structure(markdown: str) -> list[tuple[str, str]]:
    """The document's blocks, as a Markdown reader sees them: (kind, the heading's text)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    blocks = []
    for index, token in enumerate(tokens):
        if token.nesting == 1 or token.type in ("fence", "code_block", "html_block", "hr"):
            text = plain(tokens[index + 1]) if token.type == "heading_open" else ""
            blocks.append((token.tag if token.type == "heading_open" else token.type, text))
        if token.type == "inline" and any(c.type == "html_inline" for c in token.children):
            blocks.append(("html_inline", token.content))
    return blocks


def the_words(markdown: str) -> str:
    """What a reader reads: the text of every block, markup gone."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    return " ".join(c.content for t in tokens if t.type == "inline" for c in t.children
                    if c.type == "text")


def test_the_answer_binder_keeps_every_answer_inside_its_part(db):
    from question_bank.answer_export import export_markdown
    from question_bank.answers import save_answer
    from question_bank.questions import add_question
    from question_bank.stories import add_story

    first = add_question(db, text=HOSTILE_LINE, category="why")
    second = add_question(db, text="Zebra: the next question?", category="why")
    save_answer(db, None, question_id=first.id, structure="star",
                parts={"situation": HOSTILE_MD, "action": HOSTILE_MD})
    save_answer(db, None, question_id=second.id, structure="outline",
                parts={"outline": "Plain words after it."})
    add_story(db, title=HOSTILE_LINE, experience_kind="other", parts={"result": HOSTILE_MD})
    binder = export_markdown(db, now=STAMP)
    blocks = structure(binder)
    headings = [b for b in blocks if b[0] in ("h1", "h2", "h3", "h4", "h5", "h6")]
    assert headings == [("h1", "Answer binder"), ("h2", "Why radiology, why this program"),
                        ("h3", HOSTILE_LINE), ("h3", "Zebra: the next question?"),
                        ("h2", "Stories"), ("h3", HOSTILE_LINE)]
    kinds = {kind for kind, _ in blocks}
    assert not kinds & {"fence", "code_block", "html_block", "html_inline", "hr", "blockquote",
                        "table", "ul", "ol"}, kinds
    words = the_words(binder)
    for piece in ("an unclosed fence", "<script>alert(1)</script>", "> a quote",
                  "| a | b |", "four spaces in", "1. one", "[link](javascript:x)", "&copy;"):
        assert piece in words, piece


def test_a_dossier_in_markdown_keeps_user_text_inside_its_section(db):
    from dossiers.markdown import dossiers_markdown

    hostile = programs.add_program(db, HOSTILE_LINE, notes=HOSTILE_MD, strengths=HOSTILE_MD,
                                   city="Chicago")
    programs.set_reasons(db, hostile.id, "why", ["# one", "---", "<b>three</b>"])
    people.add_person(db, hostile.id, "1. Dr. Who", "pd", note="> quoted")
    programs.add_program(db, "Zebra Radiology")
    text = dossiers_markdown(db, user_zone="UTC", now=STAMP)
    blocks = structure(text)
    headings = [b for b in blocks if b[0] == "h1"]
    assert headings == [("h1", HOSTILE_LINE), ("h1", "Zebra Radiology")]
    kinds = [kind for kind, _ in blocks]
    assert kinds.count("hr") == 1  # the rule between the two dossiers, nothing else
    assert not set(kinds) & {"fence", "code_block", "html_block", "html_inline", "blockquote",
                             "table", "h4", "h5", "h6"}, kinds
    words = the_words(text)
    for piece in ("an unclosed fence", "<script>alert(1)</script>", "# one", "<b>three</b>",
                  "1. Dr. Who", "> quoted"):
        assert piece in words, piece
