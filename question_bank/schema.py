"""The tables question_bank owns, as numbered migrations per component.

`tui.storage` runs them in order and records each component's version. A migration is
a function of the database; it runs inside the caller's transaction. Never edit a
migration that has shipped: add the next one.
"""

from __future__ import annotations

from sqlite_utils import Database

from question_bank.practice_schema import DRILL_MIGRATIONS, MOCK_MIGRATIONS


def _questions_001(db: Database) -> None:
    db["questions"].create(
        {
            "id": str,
            "text": str,
            "category": str,
            "tags": str,  # JSON list of lowercase tags
            "target_seconds": int,
            "structure": str,
            "guidance": str,
            "audience": str,  # for questions to ask: pd-faculty | residents | img-support
            "origin": str,  # shipped | user | pack
            "shipped_hash": str,  # the shipped content last merged, to spot corrections
            "edited": int,  # the user changed a shipped question: merges leave it alone
            "hidden": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"text", "category", "tags", "target_seconds", "structure", "origin"},
        defaults={"tags": "[]", "guidance": "", "edited": 0, "hidden": 0, "origin": "user"},
    )
    db["questions"].create_index(["category"])
    db["questions"].enable_fts(
        ["text", "guidance", "tags"],
        create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )
    db["question_bank_meta"].create({"key": str, "value": str}, pk="key")


COMPONENTS = [
    ("questions", [_questions_001]),
    ("drill", DRILL_MIGRATIONS),
    ("mock", MOCK_MIGRATIONS),
]
