"""The question categories and the answer structures, read from the shipped manifest."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    description: str


# How an answer is laid out; each question names its default.
STRUCTURES: dict[str, str] = {
    "star": "STAR (situation, task, action, result, learned)",
    "narrative": ("Personal narrative, trained abroad (background, why abroad, why radiology, "
                  "goals)"),
    "personal": "Personal narrative (background, why radiology, goals)",
    "why_radiology": "Why radiology (the draw, how you tested it, what suits you, goals)",
    "red_flag": "Red flag (state it, context, what changed, result)",
    "outline": "Plain outline",
}

# The category of the questions the applicant asks a program. Every other category holds
# questions the applicant may be asked: those are answered, drilled and drawn in mock
# interviews, and every count of answers or of questions that fit the applicant is out of
# them (Home and Progress say "the questions you may be asked").
TO_ASK = "to-ask"

# Who a question *to ask* is for.
AUDIENCES: dict[str, str] = {
    "pd-faculty": "Program director or faculty",
    "residents": "Residents",
    "img-support": "About IMG support",
}

DEFAULT_STRUCTURE_BY_CATEGORY = {"behavioral": "star", "red-flag": "red_flag"}


def _manifest() -> dict[str, Any]:
    return tomllib.loads(files("question_bank").joinpath("data/manifest.toml").read_text("utf-8"))


@cache
def categories() -> tuple[Category, ...]:
    return tuple(
        Category(c["id"], c["label"], c.get("description", "")) for c in _manifest()["category"]
    )


@cache
def shipped_bank_version() -> int:
    return int(_manifest()["bank"]["version"])


# Here rather than in question_bank.bank: start-up asks it before the first frame, without
# the bank's imports (the questions, hashing, JSON).
def installed_bank_version(db: Database | sqlite3.Connection) -> int:
    row = db.execute("select value from question_bank_meta where key = 'bank_version'").fetchone()
    return int(row[0]) if row else 0


def bank_is_current(db: Database | sqlite3.Connection) -> bool:
    """Whether the shipped bank needs no merge (works on a plain sqlite3 connection too)."""
    return installed_bank_version(db) >= shipped_bank_version()


def category_ids() -> tuple[str, ...]:
    return tuple(c.id for c in categories())


def category_label(category_id: str) -> str:
    for c in categories():
        if c.id == category_id:
            return c.label
    return category_id


def find_category(name: str) -> Category | None:
    """A category by its id or its label, ignoring case; or by a unique prefix of either."""
    wanted = name.strip().casefold()
    if not wanted:
        return None
    exact = [c for c in categories() if wanted in (c.id.casefold(), c.label.casefold())]
    if exact:
        return exact[0]
    starts = [
        c
        for c in categories()
        if c.id.casefold().startswith(wanted) or c.label.casefold().startswith(wanted)
    ]
    return starts[0] if len(starts) == 1 else None
