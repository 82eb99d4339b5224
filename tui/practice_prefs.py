"""Preferences of practice, kept in settings: speech, the last mock setup, drill categories.

Reads are quick (one settings row each); saving goes through `ctx.writer` like every write:
`ctx.writer.submit(save_speech_prefs, prefs)`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from question_bank.categories import category_ids
from question_bank.mock_formats import FORMATS, MockFormat
from tui.settings import get_setting, set_setting
from tui.speech import DEFAULT_RATE

if TYPE_CHECKING:
    from sqlite_utils import Database

MIN_RATE, MAX_RATE = 80, 300
LIMITS = {"questions": (1, 50), "minutes": (1, 90)}
MAX_THINK = 120
MIN_LIMIT, MAX_LIMIT = 10, 600


class SetupError(ValueError):
    """A field of the mock setup that is not acceptable, named, with what was expected."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True, slots=True)
class SpeechPrefs:
    enabled: bool = True
    rate: int = DEFAULT_RATE
    voice: str | None = None


def speech_prefs(db: Database) -> SpeechPrefs:
    enabled = get_setting(db, "speech_enabled", "1") != "0"
    try:
        rate = int(get_setting(db, "speech_rate", str(DEFAULT_RATE)))
    except ValueError:
        rate = DEFAULT_RATE
    voice = get_setting(db, "speech_voice", "") or None
    return SpeechPrefs(enabled, min(MAX_RATE, max(MIN_RATE, rate)), voice)


def save_speech_prefs(db: Database, prefs: SpeechPrefs) -> None:
    set_setting(db, "speech_enabled", "1" if prefs.enabled else "0")
    set_setting(db, "speech_rate", str(prefs.rate))
    set_setting(db, "speech_voice", prefs.voice or "")


@dataclass(frozen=True, slots=True)
class MockSetup:
    format: str = "faculty"
    mode: str = "questions"  # or "minutes"
    questions: int = 8
    minutes: int = 18
    think_seconds: int = 5
    limit_seconds: int | None = None  # None: each question's own target
    star_budgets: bool = True
    program: str | None = None  # for a format that needs one

    @property
    def fmt(self) -> MockFormat:
        return FORMATS[self.format]

    @property
    def length(self) -> int:
        return self.questions if self.mode == "questions" else self.minutes


def setup_for(format_id: str, base: MockSetup | None = None) -> MockSetup:
    """A format's own defaults (length, think time), keeping the user's other choices."""
    fmt = FORMATS[format_id]
    base = base or MockSetup()
    return replace(base, format=fmt.id, questions=fmt.questions, minutes=fmt.minutes,
                   think_seconds=fmt.think_seconds, limit_seconds=None)


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


def _whole(field: str, value: str | int | None, low: int, high: int, what: str) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SetupError(field, f"{str(value).strip()!r} is not a whole number; expected {what} "
                         f"from {low} to {high}") from None
    if not low <= number <= high:
        raise SetupError(field, f"{number} is out of range; expected {what} from {low} to {high}")
    return number


def validate_setup(setup: MockSetup) -> MockSetup:
    if setup.format not in FORMATS:
        raise SetupError("Format", f"{setup.format!r} is not offered; expected one of "
                         + ", ".join(FORMATS))
    if setup.mode not in LIMITS:
        raise SetupError("Length", f"{setup.mode!r} is not questions or minutes")
    if setup.fmt.needs_program and not setup.program:
        raise SetupError("Program", f"a {setup.fmt.label.lower()} is drawn from one program's "
                         "dossier; choose the program")
    low, high = LIMITS[setup.mode]
    _whole("Length", setup.length, low, high, setup.mode)
    _whole("Think time", setup.think_seconds, 0, MAX_THINK, "seconds")
    if setup.limit_seconds is not None:
        _whole("Limit", setup.limit_seconds, MIN_LIMIT, MAX_LIMIT, "seconds")
    return setup


def parse_setup(*, format: str, mode: str, length: str, think: str, limit: str,
                star_budgets: bool, program: str | None = None) -> MockSetup:
    """A setup from the form's fields; raises SetupError naming the field."""
    low, high = LIMITS.get(mode, (1, 50))
    count = _whole("Length", length, low, high, mode)
    base = MockSetup(format=format, mode=mode, star_budgets=star_budgets, program=program,
                     think_seconds=_whole("Think time", think, 0, MAX_THINK, "seconds"),
                     limit_seconds=(_whole("Limit", limit, MIN_LIMIT, MAX_LIMIT, "seconds")
                                    if str(limit).strip() else None))
    base = replace(base, questions=count) if mode == "questions" else replace(base, minutes=count)
    return validate_setup(base)


def parse_rate(value: str) -> int:
    return _whole("Rate", value, MIN_RATE, MAX_RATE, "words per minute")


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
