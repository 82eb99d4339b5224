"""Helpers for the tests of the links between parts: a dossier worth rehearsing, waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dossiers import asks, interviews, people, plans, programs
from question_bank.stories import add_story, link_question
from tests.tui.pilot_helpers import shown, until  # noqa: F401  (for the tests that use these)

NOW = datetime(2025, 3, 3, 14, 0, tzinfo=UTC)
ODD = "Their [PET/MR] plans, the [/] read-outs 🩻 and [bold]night float[/bold]"
ASK = "How are [critical] results [/] taught? 📞"
STORY = "Night call in [US city] 🚑 [/] the label mix-up"


def lakeshore(db, *, hours_to_interview: float = 10, with_story: bool = True):
    """A program with an interview soon, two reasons, a person, a question to ask and a
    planned story (the story's and the reason's text full of markup-like characters)."""
    p = programs.add_program(db, "Lakeshore University Diagnostic Radiology",
                             nrmp_name="Lakeshore UMC-IL", city="Chicago",
                             fellowships="Neuro, IR (integrated)")
    programs.set_reasons(db, p.id, "why", [ODD, "Night float instead of 24-hour calls"])
    people.add_person(db, p.id, "Dr. Samuel Okafor", "faculty", "Perfusion CT, like my paper")
    asks.add_ask(db, p.id, ASK, audience="residents")
    start = NOW + timedelta(hours=hours_to_interview)
    interviews.add_interview(db, p.id, date=start.date(), start_time=f"{start:%H:%M}",
                             timezone="UTC", platform="zoom", link="https://zoom.example/1")
    if with_story:
        story = add_story(db, title=STORY, parts={"situation": "[batch 3/] exports 🧪",
                                                  "action": "I told the PI the same day."})
        link_question(db, story.id, "behavioral.disagreed-with-senior")
        plans.plan_story(db, p.id, story.id)
    return p
