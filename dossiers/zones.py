"""Time zones: the user's own, every IANA zone, and the names spreadsheets use for them.

An interview is stored as a local date and time plus its program's IANA zone; instants
are computed with `zoneinfo`, so daylight-saving changes fall where they should.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dossiers.errors import DossierError

# What US spreadsheets write in a "Time zone" column, mapped to the zone it means.
COMMON_NAMES: dict[str, str] = {
    **dict.fromkeys(("et", "est", "edt", "eastern", "eastern time", "us eastern",
                     "eastern time us canada"), "America/New_York"),
    **dict.fromkeys(("ct", "cst", "cdt", "central", "central time", "us central",
                     "central time us canada"), "America/Chicago"),
    **dict.fromkeys(("mt", "mst", "mdt", "mountain", "mountain time", "us mountain",
                     "mountain time us canada"), "America/Denver"),
    **dict.fromkeys(("pt", "pst", "pdt", "pacific", "pacific time", "us pacific",
                     "pacific time us canada"), "America/Los_Angeles"),
    **dict.fromkeys(("arizona", "az"), "America/Phoenix"),
    **dict.fromkeys(("akt", "akst", "akdt", "alaska"), "America/Anchorage"),
    **dict.fromkeys(("hst", "hawaii", "hawaii time"), "Pacific/Honolulu"),
    **dict.fromkeys(("ast", "atlantic", "puerto rico"), "America/Puerto_Rico"),
    **dict.fromkeys(("utc", "gmt", "z", "zulu"), "UTC"),
}


@cache
def all_zone_names() -> tuple[str, ...]:
    """Every IANA zone a person would pick, sorted (no `posix/`, `right/` or legacy names)."""
    names = (n for n in available_timezones()
             if "/" in n and not n.startswith(("posix/", "right/", "Etc/", "SystemV/", "US/"))
             or n == "UTC")
    return tuple(sorted(names))


def zone(name: str) -> ZoneInfo:
    """The zone called `name` (an IANA name or a common US name). Raises DossierError."""
    found = find_zone(name)
    if found is None:
        raise DossierError("timezone", f"{name!r} is not a time zone; expected an IANA name "
                                       "such as America/Chicago (or ET, CT, MT, PT)")
    return ZoneInfo(found)


def find_zone(text: str) -> str | None:
    """The IANA name for `text`: an IANA name in any case, or a common name like "ET"."""
    raw = (text or "").strip()
    if not raw:
        return None
    key = " ".join(raw.casefold().replace("(", " ").replace(")", " ").replace("&", " ")
                   .replace("_", " ").replace("/", " / ").split())
    if key.replace(" / ", "/").replace(" ", "") in {"utc", "gmt"}:
        return "UTC"
    if key in COMMON_NAMES:
        return COMMON_NAMES[key]
    wanted = raw.replace(" ", "_").casefold()
    for name in all_zone_names():
        if name.casefold() == wanted:
            return name
    try:  # legacy names zoneinfo still knows (US/Eastern, Etc/GMT+5...)
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return raw


def system_zone_name() -> str:
    """The computer's own zone, read robustly (tzlocal); UTC when it cannot be known."""
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
        if name:
            ZoneInfo(name)
            return name
    except Exception:  # a broken /etc/localtime, an odd TZ variable: fall back, never fail
        pass
    return "UTC"


def user_zone_name(setting: str | None) -> str:
    """The user's zone: the setting when it names a zone, else the system's."""
    return find_zone(setting or "") or system_zone_name()


def zone_label(zone_name: str, at: datetime) -> str:
    """A short name for the zone at that instant: "EST", "CET", or "+0530" when it has none."""
    abbreviation = at.astimezone(ZoneInfo(zone_name)).tzname() or ""
    return abbreviation if abbreviation and abbreviation[0] not in "+-" else \
        at.astimezone(ZoneInfo(zone_name)).strftime("UTC%z")


def format_instant(at: datetime, zone_name: str, *, with_date: bool = True,
                   year: bool = True) -> str:
    """`at` as a person reads it in a zone: "Thu 15 Jan 2026 09:00 CST"."""
    local = at.astimezone(ZoneInfo(zone_name))
    pattern = ("%a %d %b %Y %H:%M" if year else "%a %d %b %H:%M") if with_date else "%H:%M"
    text = local.strftime(pattern)
    return f"{text} {zone_label(zone_name, at)}"


def format_span(start: datetime, end: datetime, zone_name: str) -> str:
    """From `start` to `end` in a zone: "Thu 15 Jan 2026 09:00–13:00 CST"; an end on
    another day there carries its date: "Tue 20 Jan 2026 23:00 – Wed 21 Jan 03:00 CET"."""
    tz = ZoneInfo(zone_name)
    first, last = start.astimezone(tz), end.astimezone(tz)
    begin = first.strftime("%a %d %b %Y %H:%M")
    first_label, last_label = zone_label(zone_name, start), zone_label(zone_name, end)
    if first.date() == last.date():
        if first_label == last_label:
            return f"{begin}–{last:%H:%M} {last_label}"
        return f"{begin} {first_label}–{last:%H:%M} {last_label}"
    ending = last.strftime("%a %d %b %H:%M" if last.year == first.year else "%a %d %b %Y %H:%M")
    if first_label == last_label:
        return f"{begin} – {ending} {last_label}"
    return f"{begin} {first_label} – {ending} {last_label}"


# A program's state suggests the zone of a new interview day: the zone most of the state
# keeps (Texas: Central, though El Paso is Mountain); the person sees it and may change it.
_STATE_ZONES: dict[str, tuple[str, ...]] = {
    "America/New_York": ("CT Connecticut", "DE Delaware", "DC District of Columbia",
                         "FL Florida", "GA Georgia", "KY Kentucky", "ME Maine", "MD Maryland",
                         "MA Massachusetts", "NH New Hampshire", "NJ New Jersey",
                         "NY New York", "NC North Carolina", "OH Ohio", "PA Pennsylvania",
                         "RI Rhode Island", "SC South Carolina", "VT Vermont", "VA Virginia",
                         "WV West Virginia"),
    "America/Detroit": ("MI Michigan",),
    "America/Indiana/Indianapolis": ("IN Indiana",),
    "America/Chicago": ("AL Alabama", "AR Arkansas", "IL Illinois", "IA Iowa", "KS Kansas",
                        "LA Louisiana", "MN Minnesota", "MS Mississippi", "MO Missouri",
                        "NE Nebraska", "ND North Dakota", "OK Oklahoma", "SD South Dakota",
                        "TN Tennessee", "TX Texas", "WI Wisconsin"),
    "America/Denver": ("CO Colorado", "MT Montana", "NM New Mexico", "UT Utah", "WY Wyoming"),
    "America/Boise": ("ID Idaho",),
    "America/Phoenix": ("AZ Arizona",),
    "America/Los_Angeles": ("CA California", "NV Nevada", "OR Oregon", "WA Washington"),
    "America/Anchorage": ("AK Alaska",),
    "Pacific/Honolulu": ("HI Hawaii",),
    "America/Puerto_Rico": ("PR Puerto Rico",),
}
STATE_ZONES: dict[str, str] = {
    key.casefold(): zone_name
    for zone_name, states in _STATE_ZONES.items() for state in states
    for key in state.split(" ", 1)
}


def zone_for_state(state: str) -> str | None:
    """The time zone a US state's code or name suggests ("IL", "Illinois"), or None."""
    return STATE_ZONES.get(" ".join(state.split()).casefold().removesuffix("."))


def same_clock(a: str, b: str, at: datetime) -> bool:
    """Whether two zones show the same wall-clock time at that instant."""
    return at.astimezone(ZoneInfo(a)).utcoffset() == at.astimezone(ZoneInfo(b)).utcoffset()


def until(now: datetime, then: datetime) -> str:
    """How long from `now` to `then`, as a person says it: "in 2 days 3 h", "40 min ago"."""
    delta = then - now
    future = delta >= timedelta(0)
    seconds = abs(int(delta.total_seconds()))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    if days >= 2:
        text = f"{days} days" + (f" {hours} h" if hours and days < 7 else "")
    elif days == 1:
        text = f"1 day {hours} h" if hours else "1 day"
    elif hours:
        text = f"{hours} h {minutes} min" if minutes else f"{hours} h"
    elif minutes:
        text = f"{minutes} min"
    else:
        return "now"
    return f"in {text}" if future else f"{text} ago"
