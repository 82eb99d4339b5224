"""Program exports (CSV, iCalendar, Markdown), the same for the command line and the app.

The dossiers package makes each format; the Markdown dossier also names the stories planned
for each program, which live in the question bank.
"""

from __future__ import annotations

import re
import unicodedata
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


def file_stem(program_name: str, *, fallback: str = "dossier") -> str:
    """A file name (without extension) for one program's export: "Hôpital Saint-Luc /
    Imaging" gives "hopital-saint-luc-imaging"; letters and digits only, so it is safe in
    any folder and shell."""
    plain = unicodedata.normalize("NFKD", program_name).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].rstrip("-")
    return stem or fallback
