"""Interview days as an iCalendar file, with each program's zone (TZID plus VTIMEZONE).

The `icalendar` package does the folding (75 octets) and the zones; text values are
escaped here (see `_Text`).
Each event's UID is stored with the interview day, so re-importing the file into a
calendar updates the events rather than duplicating them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from icalendar import Calendar, Event, vText

from dossiers.interviews import Interview, assumed_note, list_interviews
from dossiers.programs import get_program

if TYPE_CHECKING:
    from sqlite_utils import Database

PRODID = "-//matchprep//Interview days//EN"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class _Text(vText):
    """A TEXT value escaped as RFC 5545 says (section 3.3.11).

    icalendar 7 first turns a literal backslash-N of the user's ("C:\\Notes") into a line
    break; here a backslash is only ever doubled. Control characters, which TEXT may not
    hold, are dropped; every kind of line break becomes \\n.
    """

    def to_ical(self) -> bytes:
        text = str(self).replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROL.sub("", text)
        text = (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\n", "\\n"))
        return text.encode(self.encoding)  # type: ignore[attr-defined]  # icalendar: set in vText.__new__, undeclared


def _description(day: Interview) -> str:
    parts = []
    if day.platform:
        parts.append(f"Platform: {day.platform_label}")
    if day.link:
        parts.append(f"Link: {day.link}")
    if day.interview_count is not None:
        parts.append(f"Interviews: {day.interview_count}")
    for label, text in (("Format", day.format_notes), ("Social", day.social)):
        # Without the control characters first: what is left may begin with a line break
        # of another kind (U+0085) that they hid from `strip`.
        shown = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
        if shown:
            parts.append(f"{label}: {shown}")
    if day.end_assumed:  # in the app's words
        note = assumed_note()
        parts.append(f"{note[0].upper()}{note[1:]}.")
    parts.append("From matchprep: open the program's dossier the night before.")
    return "\n".join(parts)


def export_ics(db: Database, program_ids: list[int] | None = None, *,
               stamp: datetime | None = None) -> bytes:
    """The interview days (of all programs, or those given) as an iCalendar file."""
    calendar = Calendar.new(prodid=PRODID, name="Residency interviews",
                            uid="residency-interviews@matchprep")
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    places: dict[int, str] = {}
    for day in list_interviews(db):
        if program_ids is not None and day.program_id not in program_ids:
            continue
        if day.program_id not in places:
            program = get_program(db, day.program_id)
            places[day.program_id] = program.place if program else ""
        link = day.link.strip()
        location = link if link and not day.in_person else \
            (places[day.program_id] or day.program_name)
        event = Event.new(
            uid=day.uid,
            stamp=stamp,
            start=day.starts_at,
            end=day.ends_at,
            summary=_Text(f"Interview: {day.program_name}"),
            description=_Text(_description(day)),
            location=_Text(location),
            url=link if link.lower().startswith(("http://", "https://")) else None,
            categories=["Residency interview"],
        )
        calendar.add_component(event)
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()  # icalendar leaves Component.to_ical unannotated
    return ical
