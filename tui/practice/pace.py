"""The user's speaking pace (words a minute), kept in the settings table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.structures import PACE_DEFAULT, parse_pace
from tui.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

KEY = "pace_wpm"


def read_pace(db: Database) -> int:
    """The saved pace, or the default if none (or a value out of range) is saved."""
    try:
        return parse_pace(get_setting(db, KEY))
    except ValueError:
        return PACE_DEFAULT


def save_pace(db: Database, value: int | str) -> int:
    """Check and keep a pace (130-160); raises ValueError with a sentence otherwise."""
    pace = parse_pace(value)
    set_setting(db, KEY, str(pace))
    return pace
