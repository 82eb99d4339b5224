"""Instants as a person reads them: "today 14:05", "tomorrow 09:00", "Thu 14:00", "12 Mar"."""

from __future__ import annotations

from datetime import datetime, time


def end_of_day(now: datetime) -> datetime:
    """The last second of `now`'s day, in `now`'s zone."""
    return datetime.combine(now.date(), time(23, 59, 59), tzinfo=now.tzinfo)


def relative_when(moment: datetime, now: datetime) -> str:
    """`moment` as seen from `now`, in `now`'s zone: "today 14:05", "Thu 14:00", "12 Mar"."""
    local, today = moment.astimezone(now.tzinfo), now.date()
    days = (local.date() - today).days
    if days == 0:
        return f"today {local:%H:%M}"
    if days == 1:
        return f"tomorrow {local:%H:%M}"
    if days == -1:
        return f"yesterday {local:%H:%M}"
    if 1 < days < 7:
        return f"{local:%a %H:%M}"
    return f"{local:%d %b}"
