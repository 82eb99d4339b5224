"""An answer's history: every saved state kept as a revision, and diffs between states.

Autosave writes often (about once a second while the user types). Rather than keep a
revision per keystroke, a burst of saves in one editing session extends the newest
revision; a pause of `PAUSE_SECONDS`, a burst longer than `BURST_SECONDS`, another
editing session or a restore starts the next one. Nothing is deleted: restoring an old
state is itself a new revision.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from question_bank.structures import arrange, get_structure, part_label, words

if TYPE_CHECKING:
    from sqlite_utils import Database

PAUSE_SECONDS = 30
BURST_SECONDS = 60
SMALL_MATCH = 2  # matching runs this short between two changes read as part of the change
_TOKEN = re.compile(r"\s+|\S+\s*")


@dataclass(frozen=True, slots=True)
class Revision:
    id: int
    answer_id: int
    structure: str
    parts: dict[str, str]
    words: int
    kind: str  # edit | restore | created
    restored_from: int | None
    started_at: str
    saved_at: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Revision:
        return cls(
            id=row["id"],
            answer_id=row["answer_id"],
            structure=row["structure"],
            parts=json.loads(row["parts"]),
            words=row["words"],
            kind=row["kind"],
            restored_from=row["restored_from"],
            started_at=row["started_at"],
            saved_at=row["saved_at"],
        )


def _seconds_between(earlier: str, later: datetime) -> float:
    return (later - datetime.fromisoformat(earlier)).total_seconds()


def record_revision(
    db: Database,
    answer_id: int,
    *,
    structure: str,
    parts: dict[str, str],
    words: int,
    session: str,
    now: datetime,
    kind: str = "edit",
    restored_from: int | None = None,
) -> int:
    """Keep this state of the answer; extend the newest revision if it is the same burst.

    Runs inside the caller's transaction. Returns the revision's id.
    """
    stamp = now.isoformat(timespec="seconds")
    encoded = json.dumps(parts, ensure_ascii=False)
    latest = db.execute(
        "select id, kind, session, started_at, saved_at from answer_revisions "
        "where answer_id = ? order by id desc limit 1", [answer_id]
    ).fetchone()
    if (
        kind == "edit"
        and latest is not None
        and latest[1] == "edit"
        and session
        and latest[2] == session
        and _seconds_between(latest[4], now) < PAUSE_SECONDS
        and _seconds_between(latest[3], now) < BURST_SECONDS
    ):
        db.execute(
            "update answer_revisions set structure = ?, parts = ?, words = ?, saved_at = ? "
            "where id = ?", [structure, encoded, words, stamp, latest[0]]
        )
        return int(latest[0])
    cursor = db.execute(
        "insert into answer_revisions (answer_id, structure, parts, words, kind, restored_from, "
        "session, started_at, saved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [answer_id, structure, encoded, words, kind, restored_from, session, stamp, stamp],
    )
    assert cursor.lastrowid is not None  # an insert sets it
    return cursor.lastrowid


def list_revisions(db: Database, answer_id: int) -> list[Revision]:
    """Every revision of an answer, newest first."""
    rows = db.query("select * from answer_revisions where answer_id = ? order by id desc",
                    [answer_id])
    return [Revision.from_row(r) for r in rows]


def get_revision(db: Database, revision_id: int) -> Revision | None:
    rows = list(db.query("select * from answer_revisions where id = ?", [revision_id]))
    return Revision.from_row(rows[0]) if rows else None


def count_revisions(db: Database, answer_id: int) -> int:
    return int(db.execute("select count(*) from answer_revisions where answer_id = ?",
                          [answer_id]).fetchone()[0])


# Diffs ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PartDiff:
    """One part compared: `ops` are (tag, text) with tag "same", "added" or "removed"."""

    key: str
    label: str
    ops: tuple[tuple[str, str], ...]

    @property
    def changed(self) -> bool:
        return any(tag != "same" for tag, _ in self.ops)


@dataclass(frozen=True, slots=True)
class Diff:
    parts: tuple[PartDiff, ...]
    added_words: int
    removed_words: int
    structure_from: str
    structure_to: str

    @property
    def changed(self) -> bool:
        return self.structure_from != self.structure_to or any(p.changed for p in self.parts)


def _tokens(text: str) -> list[str]:
    """Words with the spaces after them, so that joining the tokens gives the text back."""
    return _TOKEN.findall(text)


def _chunks(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """difflib's opcodes as ("same" | "change", old tokens, new tokens), with a word or two
    that happen to match between two changes folded into the change (easier to read)."""
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b],
                                      autojunk=len(a) + len(b) > 4000)
    raw = [("same" if tag == "equal" else "change", a[i1:i2], b[j1:j2])
           for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    chunks: list[tuple[str, list[str], list[str]]] = []
    for index, (kind, before, after) in enumerate(raw):
        between_changes = 0 < index < len(raw) - 1
        if kind == "same" and between_changes and len(before) <= SMALL_MATCH:
            kind = "change"
        if kind == "change" and chunks and chunks[-1][0] == "change":
            _, old_before, old_after = chunks.pop()
            before, after = old_before + before, old_after + after
        chunks.append((kind, list(before), list(after)))
    return chunks


def diff_parts(old_parts: dict[str, str], old_structure: str,
               new_parts: dict[str, str], new_structure: str) -> Diff:
    """What changed from an old state to a new one, part by part, word by word (difflib)."""
    old = arrange(old_parts, new_structure)
    new = arrange(new_parts, new_structure)
    keys = list(dict.fromkeys([*new, *old]))
    order = {k: i for i, k in enumerate(get_structure(new_structure).keys)}
    keys.sort(key=lambda k: order.get(k, len(order)))
    result = []
    added = removed = 0
    for key in keys:
        a, b = _tokens(old.get(key, "")), _tokens(new.get(key, ""))
        if not a and not b:
            continue
        ops: list[tuple[str, str]] = []
        for kind, before, after in _chunks(a, b):
            if kind == "same":
                ops.append(("same", "".join(after)))
                continue
            if before:
                removed += len(words("".join(before)))
                ops.append(("removed", "".join(before)))
            if after:
                added += len(words("".join(after)))
                ops.append(("added", "".join(after)))
        result.append(PartDiff(key, part_label(key), tuple(ops)))
    return Diff(tuple(result), added, removed, old_structure, new_structure)
