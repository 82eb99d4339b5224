"""Dossiers at scale: 100 programs, 200 interview days, full dossiers; prints timings.

    python benchmarks/dossiers_scale.py
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from dossiers import asks, people, programs
from dossiers.csv_io import export_csv, import_csv
from dossiers.ics import export_ics
from dossiers.interviews import add_interview
from dossiers.markdown import dossiers_markdown
from dossiers.overview import overview, sort_rows
from tui.cli.launch import prepare_database
from tui.store.database import connect

PROGRAMS = 100


def timed(label: str, job, repeat: int = 5):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<40} {best * 1000:8.1f} ms")
    return result


def fill(db) -> None:
    """PROGRAMS full dossiers, two interview days each (also used by scale.py)."""
    with db.atomic():
        for n in range(PROGRAMS):
            p = programs.add_program(db, f"Program {n:03d} Radiology", city="City", state="ST",
                                     type="academic", residents_per_year=6, strengths="MSK")
            programs.set_reasons(db, p.id, "why", ["One", "Two"])
            people.add_person(db, p.id, f"Dr. {n}", "pd")
            for q in range(5):
                asks.add_ask(db, p.id, f"Question {q} for {n}?")
            for d in range(2):
                add_interview(db, p.id, date=f"2027-{1 + d}-{1 + n % 28:02d}", start_time="09:00",
                              timezone="America/Chicago", platform="zoom", link="https://z/1")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="matchprep-bench-"))
    path = folder / "bench.db"
    prepare_database(path)
    db = connect(path)
    fill(db)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    rows = timed("overview (master table rows)", lambda: overview(db, now))
    timed("sort by readiness", lambda: sort_rows(rows, "readiness"))
    csv_text = timed("export CSV", lambda: export_csv(db))
    timed("export iCalendar", lambda: export_ics(db), repeat=3)
    timed("export Markdown (all dossiers)",
          lambda: dossiers_markdown(db, user_zone="Europe/Berlin", now=now), repeat=3)
    timed("re-import the CSV (all updates)", lambda: import_csv(db, csv_text, "bench"), repeat=3)
    print(f"{PROGRAMS} programs, {2 * PROGRAMS} interview days, CSV {len(csv_text):,} bytes")
    db.close()


if __name__ == "__main__":
    main()
