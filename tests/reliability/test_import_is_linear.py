"""The programs import takes a time proportional to the rows it imports.

Each row used to look its program up among all the programs (and read them all to do it):
500 rows took 2.6 s, 2,000 took 31, 10,000 did not finish in 5 minutes. Time is not measured
here (benchmarks/programs_import.py prints it): the work SQLite does is, counted in its
virtual machine's steps, which do not vary from run to run.
"""

from __future__ import annotations

import csv
import io

from dossiers.csv_io import import_csv
from tui.cli.launch import prepare_database
from tui.store.database import connect


def sheet(rows: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Program", "City", "Interview Date", "Start Time", "Time Zone",
                     "Why this program", "Questions to ask", "Program director", "Score"])
    for i in range(rows):
        writer.writerow([f"Program {i}", "Omaha", "2027-01-15", "09:00", "America/Chicago",
                         f"Reason {i}", f"Ask {i}?", f"Dr. P{i}", "7"])
    return out.getvalue()


def steps_per_row(tmp_path, rows: int) -> float:
    """SQLite's work, in hundreds of virtual machine steps, per row imported (twice: new
    programs, then the same again, every one updated)."""
    path = tmp_path / f"{rows}.db"
    prepare_database(path)
    db = connect(path)
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0  # go on

    try:
        db.conn.set_progress_handler(count, 100)
        text = sheet(rows)
        import_csv(db, text, "programs.csv")
        import_csv(db, text, "programs.csv")
    finally:
        db.close()
    return steps[0] / rows


def test_the_work_per_row_does_not_grow_with_the_rows(tmp_path):
    few, many = steps_per_row(tmp_path, 100), steps_per_row(tmp_path, 800)
    assert many <= few * 1.1, f"{few:.1f} steps a row for 100 rows, {many:.1f} for 800"
