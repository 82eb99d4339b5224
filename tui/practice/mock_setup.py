"""A mock interview's setup: its fields, their bounds, and the errors that name a field.

`parse_setup` reads the form's fields; `validate_setup` checks a setup however it was made
(the form, the command line, a setting saved by an older version). `PlanError` says in a
sentence why no session can be planned from a valid setup (an empty pool, no program).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from question_bank.errors import FieldError
from question_bank.mock_formats import FORMATS, MockFormat

LIMITS = {"questions": (1, 50), "minutes": (1, 90)}
MAX_THINK = 120
MIN_LIMIT, MAX_LIMIT = 10, 600


class SetupError(FieldError):
    """A field of the mock setup that is not acceptable, named ("think_time"), with what was
    expected."""


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


def whole_number(field: str, value: str | int | None, low: int, high: int, what: str) -> int:
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
        raise SetupError("format", f"{setup.format!r} is not offered; expected one of "
                         + ", ".join(FORMATS))
    if setup.mode not in LIMITS:
        raise SetupError("length", f"{setup.mode!r} is not questions or minutes")
    if setup.fmt.needs_program and not setup.program:
        raise SetupError("program", f"a {setup.fmt.label.lower()} is drawn from one program's "
                         "dossier; choose the program")
    low, high = LIMITS[setup.mode]
    whole_number("length", setup.length, low, high, setup.mode)
    whole_number("think_time", setup.think_seconds, 0, MAX_THINK, "seconds")
    if setup.limit_seconds is not None:
        whole_number("limit", setup.limit_seconds, MIN_LIMIT, MAX_LIMIT, "seconds")
    return setup


def parse_setup(*, format: str, mode: str, length: str, think: str, limit: str,
                star_budgets: bool, program: str | None = None) -> MockSetup:
    """A setup from the form's fields; raises SetupError naming the field."""
    low, high = LIMITS.get(mode, (1, 50))
    count = whole_number("length", length, low, high, mode)
    base = MockSetup(format=format, mode=mode, star_budgets=star_budgets, program=program,
                     think_seconds=whole_number("think_time", think, 0, MAX_THINK, "seconds"),
                     limit_seconds=(whole_number("limit", limit, MIN_LIMIT, MAX_LIMIT, "seconds")
                                    if str(limit).strip() else None))
    base = replace(base, questions=count) if mode == "questions" else replace(base, minutes=count)
    return validate_setup(base)


class PlanError(ValueError):
    """No session can be planned from this setup, in a sentence."""
