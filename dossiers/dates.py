"""Reading dates and times as people write them: ISO and the common US forms."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from dossiers.errors import DossierError

DATE_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m-%d-%y",
    "%b %d %Y", "%B %d %Y", "%a %b %d %Y", "%A %B %d %Y", "%a %B %d %Y", "%A %b %d %Y",
    "%d %b %Y", "%d %B %Y", "%a %d %b %Y", "%A %d %B %Y", "%d-%b-%Y", "%d-%b-%y",
    "%b %d", "%B %d",
)
# 3.12.2026 is 3 December in most of the world and March 12 in the US: read only when the
# day is over 12 (or both numbers are the same), else refused with the two readings.
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I %p", "%H%M", "%H.%M")
DATE_EXPECTED = "expected a date such as 2026-01-15, 1/15/2026 or Jan 15, 2026"
TIME_EXPECTED = "expected a time such as 09:00, 9:00 AM or 1:30 PM"


def parse_date(text: str, *, field: str = "date", today: date | None = None) -> date:
    """A calendar date from ISO or a common US form. Raises DossierError naming `field`.

    A date with no year ("Jan 15") is the next such day from `today`.
    """
    raw = (text or "").strip()
    cleaned = " ".join(raw.replace(",", " ").replace("Sept ", "Sep ").split())
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    if not cleaned:
        raise DossierError(field, f"is empty; {DATE_EXPECTED}")
    dotted = _DOTTED.match(cleaned)
    if dotted:
        return _dotted_date(raw, field, *(int(n) for n in dotted.groups()))
    for fmt in DATE_FORMATS:
        try:
            parsed = datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        if "%Y" not in fmt and "%y" not in fmt:
            base = today or date.today()
            parsed = parsed.replace(year=base.year)
            if parsed < base:
                parsed = parsed.replace(year=base.year + 1)
        return parsed
    raise DossierError(field, f"{raw!r} is not a date; {DATE_EXPECTED}")


def _dotted_date(raw: str, field: str, first: int, second: int, year: int) -> date:
    """A day.month.year or month.day.year date, when only one reading is a date."""
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if not readings:
        raise DossierError(field, f"{raw!r} is not a date; {DATE_EXPECTED}")
    if len(readings) == 2 and readings[0] != readings[1]:
        european, american = readings
        raise DossierError(field, f"{raw!r} could be {european:%-d %B %Y} (day first) or "
                                  f"{american:%B %-d, %Y} (month first); write "
                                  f"{european.isoformat()} or {american.isoformat()} instead")
    return readings[0]


def parse_time(text: str, *, field: str = "start_time") -> time:
    """A wall-clock time: 09:00, 9:00 AM, 9am, 1:30 p.m., 13:30. Raises DossierError."""
    raw = (text or "").strip()
    cleaned = raw.upper().replace(".", "") if re.search(r"[ap]\.?m\.?", raw, re.IGNORECASE) \
        else raw
    cleaned = re.sub(r"\s*([AP]M)$", r" \1", cleaned).strip()
    if not cleaned:
        raise DossierError(field, f"is empty; {TIME_EXPECTED}")
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).time()
        except ValueError:
            continue
    raise DossierError(field, f"{raw!r} is not a time; {TIME_EXPECTED}")


def split_date_time(text: str) -> tuple[str, str]:
    """Split "1/15/2026 9:00 AM" or "2026-01-15T09:00" into its date and time parts."""
    raw = (text or "").strip()
    match = re.match(r"^(.*?\d)[ T]+(\d{1,2}(?::\d{2}){0,2}\s*(?:[AaPp]\.?[Mm]\.?)?)$", raw)
    if match and ":" in match.group(2) or match and re.search(r"[AaPp]", match.group(2) or ""):
        return match.group(1).strip(), match.group(2).strip()
    return raw, ""
