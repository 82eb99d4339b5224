"""Planning a mock session: gather the format's pool of prompts, pick, and time them.

The domain picks (`question_bank.mock_formats.select_prompts`); this module composes the
pools, which may come from more than one domain package. A format names its pool; a
new pool (a program's dossier for the program round) is one entry in `POOLS`, a function
`(db, setup) -> list[Prompt]` that raises `PlanError` (tui.practice.mock_setup) with a
sentence when it cannot.
A pool may offer a closing prompt (tagged `CLOSER`): it is kept for the end of the session.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from question_bank.mock import practised_counts
from question_bank.mock_formats import (
    CLOSER,
    MockFormat,
    Prompt,
    limit_for,
    planned_seconds,
    prompt_from_question,
    select_prompts,
)
from question_bank.profile import Profile, current_profile
from question_bank.questions import list_questions
from tui.practice.mock_setup import MockSetup, PlanError
from tui.practice.program_round import program_pool

if TYPE_CHECKING:
    from sqlite_utils import Database


IR_WEIGHT = 3  # the faculty interview's weight on IR for an applicant to IR


@dataclass(frozen=True)
class Plan:
    setup: MockSetup
    prompts: list[Prompt]
    seconds: int  # the session's budget: its minutes, or its questions' limits and think time

    @property
    def fmt(self) -> MockFormat:
        return self.setup.fmt


def bank_pool(db: Database, setup: MockSetup) -> list[Prompt]:
    """Every visible bank question that fits the applicant's profile, but the questions *to
    ask* (those are the user's)."""
    return [prompt_from_question(q) for q in list_questions(db, fitting=current_profile(db))
            if q.category != "to-ask"]


def format_for(fmt: MockFormat, profile: Profile) -> MockFormat:
    """The format as this applicant meets it: a faculty interview asks an applicant to IR
    (or leaning towards it) about IR as often as about behavior."""
    if fmt.id == "faculty" and profile.holds("ir-interest"):
        return replace(fmt, mix=tuple((c, max(w, IR_WEIGHT) if c == "ir" else w)
                                      for c, w in fmt.mix))
    return fmt


POOLS: dict[str, Callable[[Database, MockSetup], list[Prompt]]] = {
    "bank": bank_pool,
    "program": program_pool,  # one program's dossier (tui.practice.program_round)
}


def build_plan(db: Database, setup: MockSetup, *, rng: random.Random | None = None) -> Plan:
    fmt = format_for(setup.fmt, current_profile(db))
    pool_of = POOLS.get(fmt.pool)
    if pool_of is None:
        raise PlanError(f"The {fmt.label.lower()} is not available in this version.")
    pool = pool_of(db, setup)
    closers = [p for p in pool if CLOSER in p.tags][:1]
    pool = [p for p in pool if CLOSER not in p.tags]
    by_time = setup.mode == "minutes"
    count = None if by_time else setup.questions
    seconds = setup.minutes * 60 if by_time else None
    if closers:  # the closing question takes its place (and time) at the end
        cost = limit_for(closers[0], fmt, setup.limit_seconds) + setup.think_seconds
        if count is not None and count > 1:
            count -= 1
        elif seconds is not None and seconds > 2 * cost:
            seconds -= cost
        else:
            closers = []
    prompts = select_prompts(
        fmt, pool, count=count, seconds=seconds, think_seconds=setup.think_seconds,
        fixed_limit=setup.limit_seconds, rng=rng or random.Random(),
        practised=practised_counts(db),
    ) + closers
    if not prompts:
        raise PlanError(f"No questions fit a {fmt.label.lower()}: the categories it draws "
                        "from are empty, hidden, or presume what your profile does not say. "
                        "Bring some back in Questions (2), or check your profile (ctrl+p).")
    seconds = setup.minutes * 60 if by_time else planned_seconds(
        prompts, fmt, think_seconds=setup.think_seconds, fixed_limit=setup.limit_seconds)
    return Plan(setup, prompts, seconds)
