"""The dossier's fields for the Match of 2026: the preference signal, an away rotation and a
letter writer there, categorical or advanced positions, the Step 3 and ECFMG deadlines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dossiers import programs
from dossiers.csv_io import export_csv, import_csv
from dossiers.errors import DossierError
from dossiers.markdown import dossier_markdown


def test_the_fields_are_checked_and_kept(db):
    p = programs.add_program(db, "Signal Test", signal="Gold", rotated_here="yes",
                             positions="advanced", step3_needed_by="Feb 1 2027",
                             ecfmg_deadline="2027-01-15")
    assert (p.signal, p.rotated_here, p.letter_writer_here) == ("gold", True, False)
    assert (p.positions, p.step3_needed_by, p.ecfmg_deadline) == (
        "advanced", "2027-02-01", "2027-01-15")
    assert p.signaled
    p = programs.update_program(db, p.id, signal="no", letter_writer_here=True)
    assert p.signal == "none" and not p.signaled and p.letter_writer_here
    with pytest.raises(DossierError) as error:
        programs.update_program(db, p.id, signal="platinum")
    assert error.value.field == "signal" and "gold, silver, none" in error.value.message
    with pytest.raises(DossierError, match="step3 needed by: 'soon' is not a date"):
        programs.update_program(db, p.id, step3_needed_by="soon")
    with pytest.raises(DossierError, match="expected one of categorical, advanced, both"):
        programs.update_program(db, p.id, positions="preliminary")


def test_the_spreadsheet_carries_them_both_ways(db):
    text = ("Program,Signal,Rotated here,Letter writer here,Position type,Step 3 needed by,"
            "ECFMG deadline\n"
            "Lakeside,Silver,yes,,Categorical,2027-03-01,Jan 10 2027\n"
            "Hillcrest,none,no,yes,,,\n")
    import_csv(db, text, "sheet.csv")
    lakeside = programs.program_by_name(db, "Lakeside")
    assert (lakeside.signal, lakeside.rotated_here, lakeside.positions) == (
        "silver", True, "categorical")
    assert lakeside.ecfmg_deadline == "2027-01-10"
    hillcrest = programs.program_by_name(db, "Hillcrest")
    assert hillcrest.signal == "none" and hillcrest.letter_writer_here
    exported = export_csv(db)
    assert "Signal" in exported.splitlines()[0]
    before = [programs.program_by_name(db, n) for n in ("Lakeside", "Hillcrest")]
    import_csv(db, exported, "again.csv")
    assert [programs.program_by_name(db, n) for n in ("Lakeside", "Hillcrest")] == before
    # an empty cell never erases what the app holds
    import_csv(db, "Program,Signal\nLakeside,\n", "empty.csv")
    assert programs.program_by_name(db, "Lakeside").signal == "silver"


def test_the_printed_dossier_shows_them(db):
    p = programs.add_program(db, "Printed", signal="gold", rotated_here=True,
                             letter_writer_here=True, positions="both",
                             step3_needed_by="2027-02-01")
    text = dossier_markdown(db, p.id, user_zone="UTC", now=datetime(2026, 11, 30, tzinfo=UTC))
    assert "## The Match" in text
    assert "**Signal:** Gold signal" in text
    assert "**Away rotation:** I rotated here; a letter writer is here" in text
    assert "**Positions:** Categorical and advanced" in text
    assert "**Step 3 needed by:** 2027-02-01" in text
    plain = programs.add_program(db, "Nothing recorded")
    assert "## The Match" not in dossier_markdown(db, plain.id, user_zone="UTC",
                                                  now=datetime(2026, 11, 30, tzinfo=UTC))
