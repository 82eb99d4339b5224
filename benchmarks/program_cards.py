"""Rehearsal cards and program rounds at scale: prints figures, asserts nothing.

    python benchmarks/program_cards.py       # 30 programs, each with a full dossier

Measures what runs on worker threads whenever Home is shown or a drill starts: bringing
the program cards in step with the dossiers (the first time, and when nothing changed),
reading where each interview stands, the drill's queue, and planning a program round.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossiers import asks, interviews, people, plans, programs
from question_bank.stories import add_story
from tui.cli.launch import prepare_database
from tui.practice.drill_queue import build_queue
from tui.practice.mock_plan import build_plan
from tui.practice.mock_setup import setup_for
from tui.practice.program_cards import rehearsals, sync_program_cards
from tui.store.database import connect

PROGRAMS = 30


def timed(label: str, job, repeat: int = 5):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<48} {best * 1000:8.1f} ms")
    return result


def fill(db, now: datetime) -> None:
    with db.atomic():
        stories = [add_story(db, title=f"Story {i}", parts={"action": "I did it."}).id
                   for i in range(8)]
        for n in range(PROGRAMS):
            p = programs.add_program(db, f"Program {n} Radiology", city="Chicago",
                                     fellowships="Neuro, IR, MSK", strengths="Trauma; research")
            programs.set_reasons(db, p.id, "why", [f"Reason {n}.{i}" for i in range(3)])
            programs.set_reasons(db, p.id, "fit", [f"Fit {n}.{i}" for i in range(2)])
            for i in range(4):
                people.add_person(db, p.id, f"Dr. Person {n}-{i}", "faculty", "Interests")
            for i in range(6):
                asks.add_ask(db, p.id, f"Question {n}.{i}?")
            for story_id in random.Random(n).sample(stories, 3):
                plans.plan_story(db, p.id, story_id)
            day = now + timedelta(days=1 + n)
            interviews.add_interview(db, p.id, date=day.date(), start_time="09:00",
                                     timezone="America/Chicago")


def main() -> None:
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        prepare_database(path)
        db = connect(path)
        fill(db, now)
        start = time.perf_counter()
        changed = sync_program_cards(db, now)
        print(f"{'first sync (' + str(changed) + ' cards made)':<48} "
              f"{(time.perf_counter() - start) * 1000:8.1f} ms")
        timed("sync, nothing changed", lambda: sync_program_cards(db, now))
        timed("where each interview stands (Home card)", lambda: rehearsals(db, now))
        timed("the drill's queue (due today)", lambda: build_queue(db, now, [], 0))
        setup = replace(setup_for("program"), program="Program 7 Radiology")
        timed("plan a program round", lambda: build_plan(db, setup, rng=random.Random(1)))
        db.close()


if __name__ == "__main__":
    main()
