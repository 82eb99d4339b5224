"""Interview days: a local date and time in the program's IANA zone, platform, link, format.

Instants come from `zoneinfo`, so a day across a daylight-saving change lands right.
Interview days whose times overlap are flagged (`overlaps`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from dossiers.dates import parse_date, parse_time
from dossiers.errors import DossierError
from dossiers.rows import insert_row, update_row
from dossiers.text import fold, now_iso
from dossiers.zones import find_zone, format_span

if TYPE_CHECKING:
    from sqlite_utils import Database

PLATFORMS: dict[str, str] = {
    "zoom": "Zoom",
    "thalamus": "Thalamus",
    "webex": "Webex",
    "teams": "Microsoft Teams",
    "google-meet": "Google Meet",
    "rezrate": "RezRate",
    "in-person": "In person",
    "other": "Other",
}
DEFAULT_LENGTH = timedelta(hours=4)  # when no end time is given
# Interview days fall in these years: a date far outside is a typing slip (9999-12-31, or
# 0001-01-01 from a spreadsheet's empty date), and out at the calendar's edge the time zone
# arithmetic fails.
FIRST_YEAR, LAST_YEAR = 2000, 2099
FIELDS = ("date", "start_time", "end_time", "timezone", "platform", "link",
          "interview_count", "format_notes", "social")


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    uid: str
    program_id: int
    program_name: str
    date: date
    start_time: time
    end_time: time | None
    timezone: str
    platform: str = ""
    link: str = ""
    interview_count: int | None = None
    format_notes: str = ""
    social: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Interview:
        return cls(
            id=row["id"], uid=row["uid"], program_id=row["program_id"],
            program_name=row.get("program_name") or "",
            date=date.fromisoformat(row["date"]),
            start_time=time.fromisoformat(row["start_time"]),
            end_time=time.fromisoformat(row["end_time"]) if row["end_time"] else None,
            timezone=row["timezone"], platform=row["platform"], link=row["link"],
            interview_count=row["interview_count"], format_notes=row["format_notes"],
            social=row["social"],
        )

    @property
    def starts_at(self) -> datetime:
        """The start as an aware datetime in the program's zone."""
        return datetime.combine(self.date, self.start_time, ZoneInfo(self.timezone))

    @property
    def ends_at(self) -> datetime:
        """The end (the start plus DEFAULT_LENGTH when no end time was given)."""
        if self.end_time is None:
            return (self.starts_at.astimezone(UTC) + DEFAULT_LENGTH).astimezone(
                ZoneInfo(self.timezone))
        return datetime.combine(self.date, self.end_time, ZoneInfo(self.timezone))

    @property
    def end_assumed(self) -> bool:
        """No end time was given: `ends_at` is the start plus DEFAULT_LENGTH."""
        return self.end_time is None

    @property
    def in_person(self) -> bool:
        return self.platform == "in-person"

    @property
    def platform_label(self) -> str:
        return PLATFORMS.get(self.platform, self.platform)


def parse_platform(text: str) -> str:
    """A platform key from what a person writes ("Zoom", "MS Teams", "in-person")."""
    key = fold(text or "").replace(" ", "")
    if not key:
        return ""
    aliases = {"msteams": "teams", "microsoftteams": "teams", "googlemeet": "google-meet",
               "meet": "google-meet", "gmeet": "google-meet", "inperson": "in-person",
               "onsite": "in-person", "onsiteinterview": "in-person", "ciscowebex": "webex"}
    for platform in PLATFORMS:
        if key == platform.replace("-", ""):
            return platform
    if key in aliases:
        return aliases[key]
    raise DossierError("platform", f"{text!r} is not a platform; expected one of "
                                   + ", ".join(PLATFORMS.values()))


def nonexistent(day: date, at: time, zone_name: str) -> bool:
    """Whether that wall-clock time is skipped by a daylight-saving change in the zone."""
    local = datetime.combine(day, at, ZoneInfo(zone_name))
    back = local.astimezone(UTC).astimezone(ZoneInfo(zone_name))
    return back.replace(tzinfo=None) != local.replace(tzinfo=None)


def validate(values: dict[str, Any]) -> dict[str, Any]:
    """Clean every field of an interview day; raise DossierError naming the first bad one."""
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise DossierError(unknown[0], "is not a field of an interview day")
    row: dict[str, Any] = {}
    day = values["date"]
    day = day if isinstance(day, date) else parse_date(str(day))
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DossierError("date", f"{day.isoformat()} is out of range; an interview day falls "
                                   f"in the years {FIRST_YEAR} to {LAST_YEAR}")
    row["date"] = day.isoformat()
    start = values["start_time"]
    start = start if isinstance(start, time) else parse_time(str(start), field="start_time")
    end = values.get("end_time")
    end = end if isinstance(end, time) or not (end or "").strip() else \
        parse_time(str(end), field="end_time")
    zone_name = find_zone(str(values.get("timezone") or ""))
    if zone_name is None:
        given = values.get("timezone") or ""
        raise DossierError("timezone", (f"{given!r} is not a time zone; " if given else
                                        "is empty; ") + "expected an IANA name such as "
                                        "America/Chicago (or ET, CT, MT, PT)")
    day_value = date.fromisoformat(row["date"])
    for name, at in (("start_time", start), ("end_time", end)):
        if isinstance(at, time) and nonexistent(day_value, at, zone_name):
            raise DossierError(name, f"{at:%H:%M} does not exist on {day_value} in {zone_name}: "
                                     "the clocks jump forward then; check the time")
    if isinstance(end, time) and end <= start:
        raise DossierError("end_time", f"{end:%H:%M} is not after the start ({start:%H:%M})")
    row.update(start_time=start.strftime("%H:%M"),
               end_time=end.strftime("%H:%M") if isinstance(end, time) else "",
               timezone=zone_name)
    row["platform"] = parse_platform(str(values.get("platform") or ""))
    row["link"] = str(values.get("link") or "").strip()
    count = values.get("interview_count")
    if count is None or (isinstance(count, str) and not count.strip()):
        row["interview_count"] = None
    else:
        try:
            row["interview_count"] = int(str(count).strip())
        except ValueError:
            raise DossierError("interview_count", f"{count!r} is not a whole number") from None
        if not 0 <= row["interview_count"] <= 30:
            raise DossierError("interview_count", f"{count} is out of range; expected 0 to 30")
    row["format_notes"] = str(values.get("format_notes") or "")
    row["social"] = str(values.get("social") or "")
    return row


_SELECT = ("select i.*, p.name as program_name from interviews i "
           "join programs p on p.id = i.program_id")


def add_interview(db: Database, program_id: int, **values: object) -> Interview:
    """Schedule an interview day for a program. Raises DossierError."""
    row = validate(values)
    stamp = now_iso()
    new_id = insert_row(db, "interviews", {**row, "program_id": program_id,
                                            "uid": f"{uuid.uuid4()}@matchprep",
                                            "created_at": stamp, "updated_at": stamp})
    return _existing_interview(db, new_id)


def update_interview(db: Database, interview_id: int, **values: object) -> Interview:
    """Change an interview day (every field given, as from the form). Raises DossierError."""
    current = _existing_interview(db, interview_id)
    merged = {**as_values(current), **values}
    update_row(db, "interviews", interview_id, {**validate(merged), "updated_at": now_iso()})
    return _existing_interview(db, interview_id)


def as_values(interview: Interview) -> dict[str, Any]:
    """The fields of an interview day as the form and `validate` take them."""
    return {
        "date": interview.date, "start_time": interview.start_time,
        "end_time": interview.end_time or "", "timezone": interview.timezone,
        "platform": interview.platform, "link": interview.link,
        "interview_count": interview.interview_count, "format_notes": interview.format_notes,
        "social": interview.social,
    }


def delete_interview(db: Database, interview_id: int) -> None:
    with db.atomic():
        db.execute("delete from interviews where id = ?", [interview_id])


def get_interview(db: Database, interview_id: int) -> Interview | None:
    rows = list(db.query(_SELECT + " where i.id = ?", [interview_id]))
    return Interview.from_row(rows[0]) if rows else None


def _existing_interview(db: Database, interview_id: int) -> Interview:
    """The interview day with this id; DossierError when there is none."""
    interview = get_interview(db, interview_id)
    if interview is None:
        raise DossierError("interview", f"no interview day has the id {interview_id}")
    return interview


def list_interviews(db: Database, program_id: int | None = None) -> list[Interview]:
    """Interview days (of one program, or all), earliest first (by instant)."""
    if program_id is None:
        rows = db.query(_SELECT)
    else:
        rows = db.query(_SELECT + " where i.program_id = ?", [program_id])
    return sorted((Interview.from_row(r) for r in rows), key=lambda i: (i.starts_at, i.id))


def overlaps(interviews: list[Interview]) -> dict[int, list[Interview]]:
    """For each interview day that overlaps another in time, the ones it overlaps."""
    ordered = sorted(interviews, key=lambda i: i.starts_at)
    found: dict[int, list[Interview]] = {}
    for index, first in enumerate(ordered):
        for second in ordered[index + 1:]:
            if second.starts_at >= first.ends_at:
                break
            found.setdefault(first.id, []).append(second)
            found.setdefault(second.id, []).append(first)
    return found


def upcoming(db: Database, now: datetime, *,
             days: list[Interview] | None = None) -> list[Interview]:
    """Interview days not yet over at `now`, soonest first (of `days`, if they were read
    already with `list_interviews`)."""
    return [i for i in (list_interviews(db) if days is None else days) if i.ends_at > now]


def next_interview(db: Database, now: datetime) -> Interview | None:
    """The interview day that is on now or comes next (program name and instants included)."""
    coming = upcoming(db, now)
    return coming[0] if coming else None


def just_ended(db: Database, now: datetime, zone_name: str, *,
               days: list[Interview] | None = None) -> list[Interview]:
    """Interview days over by `now` that ended today (in the user's zone) or within 24 hours
    (of `days`, if they were read already with `list_interviews`)."""
    today = now.astimezone(ZoneInfo(zone_name)).date()
    return [i for i in (list_interviews(db) if days is None else days) if i.ends_at <= now and (
        i.ends_at.astimezone(ZoneInfo(zone_name)).date() == today
        or now - i.ends_at < timedelta(hours=24))]


def assumed_note() -> str:
    """What an interview shown with an end it was not given says about it."""
    hours = int(DEFAULT_LENGTH.total_seconds() // 3600)
    return f"end not given: {hours} hours assumed"


def span(day: Interview, zone_name: str, *, note: bool = True) -> str:
    """The day from start to end in a zone ("Thu 15 Jan 2026 09:00–13:00 CST"), saying
    when the end is assumed (`note`), the end's date when it falls on another day there."""
    text = format_span(day.starts_at, day.ends_at, zone_name)
    return f"{text} ({assumed_note()})" if note and day.end_assumed else text
