"""CSV round trips and refusals, iCalendar parsed back, Markdown that prints as typed."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from dossiers import asks, impressions, people, programs
from dossiers.csv_io import CsvImportError, export_csv, import_csv, neutralise, restore
from dossiers.ics import export_ics
from dossiers.interviews import add_interview, list_interviews
from dossiers.markdown import dossier_markdown
from dossiers.readiness import readiness

TRICKY = 'Hôpital "Saint-Éloi", Lyon —\nsecond line 🩻'


def fill(db) -> programs.Program:
    p = programs.add_program(db, "Zürich–Søndergaard Radiology, \"North\"", city="São Paulo",
                             state="SP", type="hybrid", residents_per_year=5,
                             hospital_name=TRICKY, strengths="=SUM(A1:A3)",
                             notes="-5 days\n+1 @home",
                             visa="h1b", other_names="ZSR\n@zsr")
    programs.set_reasons(db, p.id, "why", ["Reason, with comma", 'Reason "quoted"'])
    programs.set_reasons(db, p.id, "fit", ["Family in [Chicago] 🏙"])
    asks.add_ask(db, p.id, "How is call [structured]?")
    people.add_person(db, p.id, "Dr. Ñúñez", "pd")
    impressions.save_impression(db, p.id, score=7, thank_you_sent=True)
    add_interview(db, p.id, date="2026-01-15", start_time="09:00", end_time="13:00",
                  timezone="America/Sao_Paulo", platform="webex", link="https://x.example/?a=1,2",
                  interview_count=4, format_notes="PD; \"resident room\"", social="Dinner, 7pm")
    return p


def snapshot(db) -> dict:
    p = programs.list_programs(db)[0]
    return {
        "program": {k: getattr(p, k) for k in programs.Program.__dataclass_fields__ if k != "id"},
        "why": programs.get_reasons(db, p.id, "why"),
        "fit": programs.get_reasons(db, p.id, "fit"),
        "asks": [q.text for q in asks.list_asks(db, p.id)],
        "pd": people.program_director(db, p.id).name,
        "score": impressions.get_impression(db, p.id).score,
        "thanks": impressions.get_impression(db, p.id).thank_you_sent,
        "days": [(d.date, d.start_time, d.end_time, d.timezone, d.platform, d.link,
                  d.interview_count, d.format_notes, d.social) for d in list_interviews(db)],
    }


def test_csv_round_trip_keeps_every_character(db, tmp_path):
    from tui.cli.launch import prepare_database
    from tui.store.database import connect

    fill(db)
    text = export_csv(db)
    cells = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
    assert "'=SUM(A1:A3)" in cells and "'-5 days\n+1 @home" in cells
    assert not any(c[:1] in "=+-@" for c in cells if c)
    other_path = tmp_path / "other.db"
    prepare_database(other_path)
    other = connect(other_path)
    report = import_csv(other, text, "export.csv")
    assert (report.programs_added, report.days_added) == (1, 1)
    assert snapshot(other) == snapshot(db)
    again = import_csv(other, text, "export.csv")  # re-import: updates, no duplicates
    assert (again.programs_added, again.programs_updated, again.days_updated) == (0, 1, 1)
    assert snapshot(other) == snapshot(db)
    assert len(programs.list_programs(other)) == 1 and len(list_interviews(other)) == 1
    other.close()


@given(st.text(max_size=12))
def test_neutralise_is_undone_exactly(value):
    assert restore(neutralise(value)) == value
    assert neutralise(value)[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_spreadsheet_headers_and_us_dates_are_understood(db):
    text = ("Program Name,City,State,Interview Date,Time,Time Zone,Platform,Zoom link,Stipend\n"
            "Mercy Radiology,Omaha,NE,1/15/2026,9:30 AM,CT,Zoom,https://z.example/1,$60k\n"
            "Mercy Radiology,,,\"Jan 22, 2026\",1 PM,Central,MS Teams,,\n"
            "Bay Imaging,Oakland,CA,2026-02-03 08:00,,PT,in-person,,\n")
    report = import_csv(db, text, "sheet.csv")
    assert report.ignored_columns == ["Stipend"]
    days = list_interviews(db)
    assert [(d.program_name, d.date.isoformat(), d.start_time.strftime("%H:%M"), d.timezone,
             d.platform) for d in days] == [
        ("Mercy Radiology", "2026-01-15", "09:30", "America/Chicago", "zoom"),
        ("Mercy Radiology", "2026-01-22", "13:00", "America/Chicago", "teams"),
        ("Bay Imaging", "2026-02-03", "08:00", "America/Los_Angeles", "in-person"),
    ]
    assert programs.find_program(db, "mercy").city == "Omaha"  # an empty cell erases nothing


def test_a_bad_row_is_named_and_nothing_changes(db):
    programs.add_program(db, "Kept Radiology", city="Denver")
    text = ("Program,Notes,Interview Date,Start Time,Time Zone\n"
            "Kept Radiology,\"two\nlines\",2026-01-10,09:00,MT\n"
            "New One,,2026-13-45,09:00,MT\n"
            "Third,,2026-01-12,09:00,Mars/Olympus\n")
    with pytest.raises(CsvImportError) as error:
        import_csv(db, text, "sheet.csv")
    message = str(error.value)
    assert "sheet.csv, line 4, column C ('Interview Date'): '2026-13-45' is not a date" in message
    assert "sheet.csv, line 5, column E ('Time Zone'): 'Mars/Olympus' is not a time zone" in message
    assert message.endswith("Nothing was imported.")
    assert [p.name for p in programs.list_programs(db)] == ["Kept Radiology"]
    assert programs.list_programs(db)[0].notes == "" and list_interviews(db) == []


def test_headers_without_a_program_column_are_refused(db):
    with pytest.raises(CsvImportError, match="no column names the program"):
        import_csv(db, "City,State\nOmaha,NE\n", "x.csv")


def ics_events(data: bytes):
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_ics_events_carry_the_zone_and_the_right_instants(db):
    p = programs.add_program(db, "Harbor [Coastal] Radiology; \"East\", a very long program "
                                 "name that needs folding in the calendar file 🩻", city="Boston")
    add_interview(db, p.id, date="2026-03-06", start_time="09:00", end_time="12:00",
                  timezone="America/New_York", platform="zoom", link="https://zoom.example/j/1")
    add_interview(db, p.id, date="2026-03-09", start_time="09:00", timezone="America/New_York",
                  platform="in-person")
    data = export_ics(db, stamp=datetime(2026, 1, 1, tzinfo=UTC))
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert b"\r\n " in data  # long lines were folded
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:America/New_York" in data
    first, second = ics_events(data)
    assert first.start.astimezone(UTC) == datetime(2026, 3, 6, 14, 0, tzinfo=UTC)
    assert second.start.astimezone(UTC) == datetime(2026, 3, 9, 13, 0, tzinfo=UTC)
    assert str(first.start.tzinfo) == "America/New_York"
    assert second.end.astimezone(UTC) == datetime(2026, 3, 9, 17, 0, tzinfo=UTC)
    assert first["SUMMARY"] == f"Interview: {p.name}"
    assert first["LOCATION"] == "https://zoom.example/j/1" and second["LOCATION"] == "Boston"
    assert "Platform: Zoom" in first["DESCRIPTION"]
    assert "assumed" not in first["DESCRIPTION"]  # its end was given
    assert "End not given: 4 hours assumed." in second["DESCRIPTION"]
    again = ics_events(export_ics(db))
    assert [e["UID"] for e in again] == [first["UID"], second["UID"]]  # stable


def test_markdown_dossier_prints_user_text_as_typed(db):
    p = fill(db)
    text = dossier_markdown(db, p.id, user_zone="Europe/Berlin", now=datetime(2026, 1, 1,
                                                                                tzinfo=UTC))
    assert text.startswith("# Zürich–Søndergaard Radiology, \"North\"\n")
    assert "Family in \\[Chicago\\] 🏙" in text
    assert "## Questions to ask" in text and "## After the interview" in text
    assert "(your time: Thu 15 Jan 2026 13:00–" in text
    assert readiness(db, p.id).percent > 0
    assert len(text.splitlines()) < 90  # one or two printed pages
