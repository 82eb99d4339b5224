"""Sample content for `matchprep demo`: the applicant's profile, a few questions of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.profile import Profile, save_profile
from question_bank.questions import add_question, list_questions, set_hidden

if TYPE_CHECKING:
    from sqlite_utils import Database


# The demo's applicant: a US citizen who trained in Dublin, failed Step 1 once, and leans
# towards informatics (the sample answers tell the same story).
DEMO_PROFILE = Profile(applicant="us-img", visa="none", tracks=frozenset({"dr", "informatics"}),
                       failed_exams=frozenset({"step1"}))


def populate(db: Database) -> None:
    save_profile(db, DEMO_PROFILE)
    add_question(
        db,
        text="How would you explain a [US city] relocation to your family?",
        category="img",
        tags=("personal", "img"),
        target_seconds=60,
        structure="outline",
        guidance="Probing: how you handle a big move.\nShape: the plan, the support, the upside.\n"
                 "Pitfall: sounding unsure you will stay.",
    )
    add_question(
        db,
        text="Walk me through the case you presented at our [/] conference 🩻",
        category="research",
        tags=("research", "presentation"),
        target_seconds=120,
        structure="star",
        guidance="",
    )
    shipped = list_questions(db, category="knowledge", limit=1)
    if shipped:
        set_hidden(db, shipped[0].id, True)
