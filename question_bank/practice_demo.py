"""Sample practice for `matchprep demo`: four weeks of drills and mock interviews.

The applicant improves over the weeks: early answers run long and are rated hard, later
ones land near their targets. A few questions are left due today, so the drill has work.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from question_bank import drill, mock
from question_bank.mock_formats import (
    FORMATS,
    Prompt,
    limit_for,
    prompt_from_question,
    select_prompts,
)
from question_bank.questions import Question, list_questions

if TYPE_CHECKING:
    from sqlite_utils import Database

DAYS = 28
MOCK_DAYS = (26, 23, 20, 16, 13, 9, 6, 3, 1)
BRACKETED_NOTE = "Said “basically” four times [/] keep the [Situation] to two sentences 🎯"


def _rating(rng: random.Random, progress: float) -> int:
    """Mostly hard early on, mostly good later (progress from 0 to 1)."""
    weights = [0.25 - 0.18 * progress, 0.35 - 0.2 * progress, 0.3 + 0.25 * progress,
               0.1 + 0.13 * progress]
    return rng.choices([1, 2, 3, 4], weights=weights)[0]


def populate(db: Database, *, now: datetime | None = None, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    questions = [q for q in list_questions(db) if q.category != "to-ask"]
    drilled = [q for q in questions if q.category in ("intro", "why", "img", "behavioral",
                                                      "red-flag")][:40]
    pool = [prompt_from_question(q) for q in questions]
    own = [q for q in list_questions(db, search="conference") if q.origin == "user"]
    formats = ["faculty", "resident", "stress"]
    with db.atomic():
        for days_ago in range(DAYS, 0, -1):
            day = now - timedelta(days=days_ago)
            progress = 1 - days_ago / DAYS
            if days_ago == 1 or rng.random() > 0.35:  # some days off
                _drill_day(db, rng, day.replace(hour=7, minute=30), progress, drilled)
            if days_ago in MOCK_DAYS:
                _mock_session(db, rng, day, progress, formats[days_ago % 3], pool,
                              own if days_ago == MOCK_DAYS[-2] else [])
        # Yesterday's struggles are due again today.
        for q in drilled[:3]:
            drill.rate(db, q.id, "again", now - timedelta(hours=20))


def _drill_day(db: Database, rng: random.Random, start: datetime, progress: float,
               drilled: list[Question]) -> None:
    """What is due first (as the app serves it), then two to four new questions."""
    due = [q for q, _ in drill.due_questions(db, start, until=start + timedelta(hours=16))][:15]
    rated = {r["ref"] for r in db.query("select ref from drill_cards")}
    new = [q for q in drilled if q.id not in rated][:rng.randint(2, 4)]
    for i, q in enumerate(due + new):
        drill.rate(db, q.id, _rating(rng, progress), start + timedelta(minutes=3 * i),
                   duration_ms=rng.randint(40, 150) * 1000)


def _mock_session(db: Database, rng: random.Random, day: datetime, progress: float, fmt_id: str,
                  pool: list[Prompt], own: list[Question]) -> None:
    fmt = FORMATS[fmt_id]
    started = day.replace(hour=18, minute=30)
    prompts = [prompt_from_question(q) for q in own]
    prompts += select_prompts(fmt, pool, count=fmt.questions - len(prompts), rng=rng)
    session_id = mock.create_session(
        db, format=fmt_id, prompts=prompts, started_at=started, think_seconds=fmt.think_seconds,
        planned_seconds=sum(limit_for(p, fmt) + fmt.think_seconds for p in prompts),
        star_budgets=True)
    at = started
    length = 1.35 - 0.35 * progress  # answers run long at first
    for position, prompt in enumerate(prompts):
        think = fmt.think_seconds + rng.uniform(0, 2) if fmt.think_seconds else 0.0
        if rng.random() < 0.08:
            outcome, speak = "skipped", 0.0
        else:
            outcome = "answered"
            speak = limit_for(prompt, fmt) * rng.uniform(length - 0.25, length + 0.15)
        at += timedelta(seconds=think + speak + 5)
        mock.record_item(db, session_id, position, think_seconds=think, speak_seconds=speak,
                         outcome=outcome, at=at)
    mock.finish_session(db, session_id, ended_at=at)
    for item in mock.session_items(db, session_id):
        if item.outcome == "answered":
            mock.rate_item(db, item.id, _rating(rng, progress), at)
    first = mock.session_items(db, session_id)[0]
    note = BRACKETED_NOTE if own else rng.choice(["", "", "Strong opening; slow down.",
                                                  "Result was vague: give a number."])
    if note:
        mock.set_item_note(db, first.id, note)
