"""Bringing in a newer shipped bank: the bank's own merge, then what the dossiers hold of it.

A question the bank folded into another (`question_bank.bank`) may be on a program's list
of questions to ask; that link follows it to the question kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.bank import MergeReport, merge_shipped

if TYPE_CHECKING:
    from sqlite_utils import Database


def update_bank(db: Database) -> MergeReport:
    """`merge_shipped(db)` and the dossiers' links to questions merged away."""
    from dossiers.asks import repoint_questions

    report = merge_shipped(db)
    if report.moved:
        with db.atomic():
            repoint_questions(db, report.moved)
    return report
