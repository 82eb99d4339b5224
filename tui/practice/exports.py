"""Program exports (CSV, iCalendar, Markdown), the same for the command line and the app.

The dossiers package makes each format; the Markdown dossier also names the stories planned
for each program, which live in the question bank.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dossiers.csv_io import export_csv
from dossiers.ics import export_ics
from dossiers.markdown import dossiers_markdown
from tui.practice.story_plans import titles_by_id

if TYPE_CHECKING:
    from sqlite_utils import Database


def export_text(db: Database, fmt: str, program_ids: list[int] | None, *, zone: str,
                now: datetime) -> str | bytes:
    """The export in a format, for the command line and the app alike."""
    if fmt == "csv":
        return export_csv(db, program_ids)
    if fmt == "ics":
        return export_ics(db, program_ids, stamp=now)
    return dossiers_markdown(db, program_ids, user_zone=zone, now=now,
                             stories=titles_by_id(db))
