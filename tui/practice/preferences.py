"""Preferences of practice, kept in settings: speech, the last mock setup, drill categories.

Reads are quick (one settings row each); saving goes through `ctx.writer` like every write:
`ctx.writer.submit(save_speech_prefs, prefs)`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from question_bank.categories import category_ids
from tui.practice.mock_setup import MockSetup, setup_for, validate_setup, whole_number
from tui.store.settings import DEFAULTS, get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

MIN_RATE, MAX_RATE = 80, 300
DEFAULT_RATE = int(DEFAULTS["speech_rate"])  # words per minute: an unhurried interviewer


@dataclass(frozen=True, slots=True)
class SpeechPrefs:
    enabled: bool = True
    rate: int = DEFAULT_RATE
    voice: str | None = None


def speech_prefs(db: Database) -> SpeechPrefs:
    enabled = get_setting(db, "speech_enabled", "1") != "0"
    try:
        rate = int(get_setting(db, "speech_rate", str(DEFAULT_RATE)) or DEFAULT_RATE)
    except ValueError:
        rate = DEFAULT_RATE
    voice = get_setting(db, "speech_voice", "") or None
    return SpeechPrefs(enabled, min(MAX_RATE, max(MIN_RATE, rate)), voice)


def save_speech_prefs(db: Database, prefs: SpeechPrefs) -> None:
    set_setting(db, "speech_enabled", "1" if prefs.enabled else "0")
    set_setting(db, "speech_rate", str(prefs.rate))
    set_setting(db, "speech_voice", prefs.voice or "")


def mock_setup(db: Database) -> MockSetup:
    """The setup last used, or the faculty interview's defaults."""
    try:
        data = json.loads(get_setting(db, "mock_setup", "") or "{}")
        setup = MockSetup(**{k: v for k, v in data.items() if k in MockSetup.__slots__})
        validate_setup(setup)
        return setup
    except (TypeError, ValueError):
        return setup_for("faculty")


def save_mock_setup(db: Database, setup: MockSetup) -> None:
    set_setting(db, "mock_setup", json.dumps(asdict(setup)))


def parse_rate(value: str) -> int:
    return whole_number("rate", value, MIN_RATE, MAX_RATE, "words per minute")


DEFAULT_DRILL_CATEGORIES = tuple(c for c in category_ids() if c != "to-ask")


def drill_categories(db: Database) -> list[str]:
    """The categories new drill questions come from (the user's last choice)."""
    try:
        chosen = json.loads(get_setting(db, "drill_categories", "") or "null")
    except ValueError:
        chosen = None
    if not isinstance(chosen, list):
        return list(DEFAULT_DRILL_CATEGORIES)
    return [c for c in chosen if c in category_ids()]


def save_drill_categories(db: Database, chosen: list[str]) -> None:
    set_setting(db, "drill_categories", json.dumps(list(chosen)))
