"""After the interview: impressions, red flags, the best moment, the thank-you, a score.

One record per program (the people met are in `people`, kind "met").
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from dossiers.errors import DossierError
from dossiers.rows import upsert_row
from dossiers.text import now_iso

if TYPE_CHECKING:
    from sqlite_utils import Database

TEXT_FIELDS = ("culture", "teaching", "resident_happiness", "red_flags", "best_moment",
               "thank_you_to")
SCORE_RANGE = (1, 10)
MAX_TEXT = 20_000


@dataclass(frozen=True, slots=True)
class Impression:
    program_id: int
    culture: str = ""
    teaching: str = ""
    resident_happiness: str = ""
    red_flags: str = ""
    best_moment: str = ""
    thank_you_sent: bool = False
    thank_you_to: str = ""
    score: int | None = None
    updated_at: str = ""

    @property
    def recorded(self) -> bool:
        """Whether anything at all has been written down."""
        return bool(self.score or self.thank_you_sent
                    or any(getattr(self, f).strip() for f in TEXT_FIELDS))


def parse_score(value: object) -> int | None:
    """A score from 1 to 10 (empty: none). Raises DossierError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().removesuffix("/10").strip()
    try:
        score = int(text)
    except ValueError:
        raise DossierError("score", f"{value!r} is not a whole number from 1 to 10") from None
    low, high = SCORE_RANGE
    if not low <= score <= high:
        raise DossierError("score", f"{score} is out of range; expected {low} to {high}")
    return score


def parse_yes_no(value: object, field: str = "thank_you_sent") -> bool:
    text = str(value or "").strip().casefold()
    if text in ("", "no", "n", "false", "0", "not yet", "-", "—"):
        return False
    if text in ("yes", "y", "true", "1", "sent", "x", "✓", "✔", "done"):
        return True
    raise DossierError(field, f"{value!r} is not yes or no")


def get_impression(db: Database, program_id: int) -> Impression:
    rows = list(db.query("select * from impressions where program_id = ?", [program_id]))
    if not rows:
        return Impression(program_id)
    row = rows[0]
    return Impression(**{f.name: row[f.name] for f in fields(Impression)}
                      | {"thank_you_sent": bool(row["thank_you_sent"])})


def save_impression(db: Database, program_id: int, **values: object) -> Impression:
    """Change some fields of a program's impressions (created on first save)."""
    row: dict[str, Any] = {}
    for key, value in values.items():
        if key in TEXT_FIELDS:
            text = str(value or "")
            if len(text) > MAX_TEXT:
                raise DossierError(key, f"is longer than {MAX_TEXT} characters")
            row[key] = text
        elif key == "score":
            row[key] = parse_score(value)
        elif key == "thank_you_sent":
            row[key] = int(value if isinstance(value, bool) else parse_yes_no(value))
        else:
            raise DossierError(key, "is not a field of the impressions")
    row.update(program_id=program_id, updated_at=now_iso())
    upsert_row(db, "impressions", row, key="program_id")
    return get_impression(db, program_id)


def scores(db: Database) -> dict[int, int]:
    """Every program's score, where one was given."""
    return {r["program_id"]: r["score"] for r in db.query(
        "select program_id, score from impressions where score is not null")}
