"""The shipped question bank: load it, and merge a newer one without clobbering the user.

Rules of the merge, for each shipped question:
- not in the database: added;
- in it, untouched by the user: brought up to the shipped text (a correction lands);
- in it, edited by the user: left exactly as the user left it;
- hidden by the user: stays hidden (its text may still be corrected);
- edited by the user before it said what it presumes (an older bank): it takes the shipped
  premises and checked dates, and nothing else.
Questions the user added, and shipped ones a later bank dropped, are never removed, with
one exception: a question the bank merged into another (the manifest's `[[merged]]`
tables). Such a question, if the user never edited it, is folded into the one it merged
into: its answers, story links, drill card and mock history move there, and it goes. An
answer keeps every word (it is renamed "From: <the old question>" when it had the default
name, and is not made current over an answer the kept question already has); a question
the user edited stays as the user left it, with its answers.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from question_bank.categories import (  # noqa: F401  (bank_is_current: here too)
    bank_is_current,
    installed_bank_version,
    shipped_bank_version,
)
from question_bank.questions import now_iso, parse_tags, validate

if TYPE_CHECKING:
    from sqlite_utils import Database

CONTENT_FIELDS = ("text", "category", "tags", "target_seconds", "structure", "guidance", "audience",
                  "presumes", "checked", "review_after")
# Filled in on a question the user edited when it has none yet (no bank had said it).
NEW_FIELDS = ("presumes", "checked", "review_after")
MAX_LABEL = 80


@dataclass(frozen=True, slots=True)
class MergeReport:
    version: int
    added: int = 0
    updated: int = 0
    kept_user_edits: int = 0
    moved: dict[str, str] = field(default_factory=dict)  # merged away: old id -> kept id

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.moved)


def shipped_merges() -> dict[str, str]:
    """The shipped questions folded into another: old id -> the id kept."""
    manifest = tomllib.loads(files("question_bank").joinpath("data/manifest.toml")
                             .read_text("utf-8"))
    return {m["from"]: m["into"] for m in manifest.get("merged", [])}


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
                presumes=q.get("presumes", []),
                checked=q.get("checked"),
                review_after=q.get("review_after"),
            )
            row["id"] = q["id"]
            rows.append(row)
    return rows


def content_hash(row: dict[str, Any]) -> str:
    canonical = json.dumps({k: row.get(k) for k in CONTENT_FIELDS}, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def merge_shipped(db: Database, *, rows: list[dict[str, Any]] | None = None,
                  version: int | None = None, force: bool = False,
                  merges: dict[str, str] | None = None) -> MergeReport:
    """Merge the shipped bank if it is newer than the one recorded (or `force`)."""
    version = shipped_bank_version() if version is None else version
    if not force and installed_bank_version(db) >= version:
        return MergeReport(version)
    rows = shipped_rows() if rows is None else rows
    merges = shipped_merges() if merges is None else merges
    existing = {
        r["id"]: r
        for r in db.query("select id, edited, shipped_hash, origin, presumes from questions")
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
                if old["presumes"] is None:
                    db.table("questions").update(row["id"], {k: row[k] for k in NEW_FIELDS})
            elif old["shipped_hash"] != digest:
                db.table("questions").update(
                    row["id"], {**row, "shipped_hash": digest, "updated_at": stamp}
                )
                updated += 1
        moved = {old_id: into for old_id, into in merges.items()
                 if _fold(db, old_id, into, existing.get(old_id))}
        db.table("question_bank_meta").upsert({"key": "bank_version", "value": str(version)},
                                              pk="key")
    return MergeReport(version, added, updated, kept, moved)


def _fold(db: Database, old_id: str, into: str, old: dict[str, Any] | None) -> bool:
    """Fold a merged-away shipped question into the one kept; False when it stays (the
    user edited it, it is not a shipped one, or it is already gone)."""
    if old is None or old["origin"] != "shipped" or old["edited"]:
        return False
    if db.execute("select 1 from questions where id = ?", [into]).fetchone() is None:
        return False
    old_text = db.execute("select text from questions where id = ?", [old_id]).fetchone()[0]
    has_current = db.execute("select 1 from answers where question_id = ? and is_current = 1",
                             [into]).fetchone() is not None
    if has_current:
        db.execute("update answers set is_current = 0 where question_id = ?", [old_id])
    label = f"From: {old_text}"
    label = label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"
    db.execute("update answers set label = ? where question_id = ? "
               "and label glob 'Answer [0-9]*'", [label, old_id])
    db.execute("update answers set question_id = ? where question_id = ?", [into, old_id])
    db.execute("insert or ignore into story_questions (story_id, question_id) "
               "select story_id, ? from story_questions where question_id = ?", [into, old_id])
    db.execute("delete from story_questions where question_id = ?", [old_id])
    # The drill card: the kept question takes it over if it has none; otherwise the old
    # card stops (its reviews stay in the log: the practice was real).
    if db.execute("select 1 from drill_cards where kind = 'question' and ref = ?",
                  [into]).fetchone() is None:
        db.execute("update drill_cards set ref = ? where kind = 'question' and ref = ?",
                   [into, old_id])
    else:
        db.execute("update drill_cards set stop_at = ? where kind = 'question' and ref = ? "
                   "and stop_at is null", [now_iso(), old_id])
    db.execute("update mock_items set ref = ? where kind = 'question' and ref = ?",
               [into, old_id])
    db.execute("delete from questions where id = ?", [old_id])
    return True
