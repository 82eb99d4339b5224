"""The shipped question bank: load it, and merge a newer one without clobbering the user.

Rules of the merge, for each shipped question:
- not in the database: added;
- in it, untouched by the user: brought up to the shipped text (a correction lands);
- in it, edited by the user: left exactly as the user left it;
- hidden by the user: stays hidden (its text may still be corrected).
Questions the user added, and shipped ones a later bank dropped, are never removed.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from question_bank.categories import shipped_bank_version
from question_bank.questions import now_iso, parse_tags, validate

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

CONTENT_FIELDS = ("text", "category", "tags", "target_seconds", "structure", "guidance", "audience")


@dataclass(frozen=True, slots=True)
class MergeReport:
    version: int
    added: int = 0
    updated: int = 0
    kept_user_edits: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def shipped_rows() -> list[dict[str, Any]]:
    """Every shipped question, validated, as row values with its stable id."""
    rows = []
    data = files("question_bank").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml") or entry.name == "manifest.toml":
            continue
        for q in tomllib.loads(entry.read_text("utf-8")).get("question", []):
            row = validate(
                text=q["text"],
                category=q["category"],
                tags=parse_tags(q.get("tags", [])),
                target_seconds=q["target_seconds"],
                structure=q["structure"],
                guidance=q.get("guidance", ""),
                audience=q.get("audience"),
            )
            row["id"] = q["id"]
            rows.append(row)
    return rows


def content_hash(row: dict[str, Any]) -> str:
    canonical = json.dumps({k: row.get(k) for k in CONTENT_FIELDS}, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def installed_bank_version(db: Database | sqlite3.Connection) -> int:
    row = db.execute("select value from question_bank_meta where key = 'bank_version'").fetchone()
    return int(row[0]) if row else 0


def bank_is_current(db: Database | sqlite3.Connection) -> bool:
    """Whether the shipped bank needs no merge (works on a plain sqlite3 connection too)."""
    return installed_bank_version(db) >= shipped_bank_version()


def merge_shipped(db: Database, *, rows: list[dict[str, Any]] | None = None,
                  version: int | None = None, force: bool = False) -> MergeReport:
    """Merge the shipped bank if it is newer than the one recorded (or `force`)."""
    version = shipped_bank_version() if version is None else version
    if not force and installed_bank_version(db) >= version:
        return MergeReport(version)
    rows = shipped_rows() if rows is None else rows
    existing = {
        r["id"]: r
        for r in db.query("select id, edited, shipped_hash, origin from questions")
    }
    added = updated = kept = 0
    stamp = now_iso()
    with db.atomic():
        for row in rows:
            digest = content_hash(row)
            old = existing.get(row["id"])
            if old is None:
                db.table("questions").insert(
                    {**row, "origin": "shipped", "shipped_hash": digest, "edited": 0,
                     "hidden": 0, "created_at": stamp, "updated_at": stamp}
                )
                added += 1
            elif old["edited"]:
                kept += 1
            elif old["shipped_hash"] != digest:
                db.table("questions").update(
                    row["id"], {**row, "shipped_hash": digest, "updated_at": stamp}
                )
                updated += 1
        db.table("question_bank_meta").upsert({"key": "bank_version", "value": str(version)},
                                              pk="key")
    return MergeReport(version, added, updated, kept)
