"""Importing the programs spreadsheet at scale: prints figures, asserts nothing.

    python benchmarks/programs_import.py [--rows 1000 10000]

For each size, a CSV of that many programs (one interview day each, reasons, a question
to ask, a program director, a score and a rank) is imported into a fresh database, then
imported again (every program and day updated), as `matchprep programs import` does it.
The budget (ARCHITECTURE.md): 10,000 rows in under 10 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossiers.csv_io import import_csv
from tui.cli.launch import prepare_database
from tui.store.database import connect

HEADER = ["Program", "City", "State", "Interview Date", "Start Time", "Time Zone", "Platform",
          "Why this program", "Questions to ask", "Program director", "Score", "Rank"]


def sheet(rows: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for i in range(rows):
        writer.writerow([f"Program {i} Radiology", "Omaha", "NE",
                         f"2027-{1 + i % 12:02d}-{1 + i % 28:02d}", "09:00", "America/Chicago",
                         "zoom", f"Reason {i}\nAnother reason", f"Ask {i}?", f"Dr. P{i}",
                         str(1 + i % 10), str(i + 1)])
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10_000])
    args = parser.parse_args()
    for rows in args.rows:
        text = sheet(rows)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "matchprep.db"
            prepare_database(path)
            db = connect(path)
            try:
                for label in ("first import", "again (updates)"):
                    start = time.perf_counter()
                    import_csv(db, text, "programs.csv")
                    took = time.perf_counter() - start
                    print(f"{rows:>6} rows, {label:<16} {took:6.2f} s "
                          f"({took / rows * 1000:.2f} ms a row)")
            finally:
                db.close()


if __name__ == "__main__":
    main()
