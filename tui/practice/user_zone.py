"""The user's own time zone: the `timezone` setting, or the system's when it is empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossiers.zones import find_zone, user_zone_name
from tui.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

SETTING = "timezone"


def user_zone(db: Database) -> str:
    """The IANA name of the zone the user lives in (never fails: UTC at worst)."""
    return user_zone_name(get_setting(db, SETTING, ""))


def zone_is_chosen(db: Database) -> bool:
    """Whether the user set a zone (rather than taking the system's)."""
    return find_zone(get_setting(db, SETTING, "") or "") is not None


def set_user_zone(db: Database, zone_name: str) -> None:
    """Keep the user's zone ("" goes back to the system's)."""
    set_setting(db, SETTING, zone_name)
