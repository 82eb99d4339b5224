"""Scale: search, list opening and memory on a database of 10,000 questions.

    python benchmarks/scale.py [--questions 10000] [--runs 15]

Builds a throw-away database (the shipped bank plus generated questions, written in one
transaction), then prints the median latency of full-text searches and of opening the
Questions section in the real app (Pilot, 100×30, from the key press to the first rows on
screen), and the process's peak memory after opening every section. Budgets (PRODUCT.md):
search under 50 ms, any list under 250 ms, memory under 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = (
    "patient resident attending radiology scan contrast reaction protocol call night shift "
    "conference teaching fellowship research abstract poster mentor feedback mistake error "
    "conflict team nurse technologist ultrasound MRI CT fluoroscopy biopsy drainage "
    "embolization stroke trauma pediatric oncology breast neuro musculoskeletal chest "
    "abdomen AI algorithm workload burnout wellness leadership communication critical "
    "result appropriateness radiation dose safety informatics PACS dictation report"
).split()
SEARCHES = ["contrast reaction", "tell me about", "radiation dose", "mentor", "AI",
            "night shift conflict", "embolization", "xyzzy nothing matches"]


def fake_sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def build(path: Path, n_questions: int) -> None:
    from question_bank.categories import category_ids
    from tui.launch import prepare_database
    from tui.storage import connect

    prepare_database(path)
    db = connect(path)
    rng = random.Random(7)
    cats = category_ids()
    existing = db.execute("select count(*) from questions").fetchone()[0]
    rows = []
    for i in range(max(0, n_questions - existing)):
        text = f"Tell me about {fake_sentence(rng, rng.randint(5, 14))}?"
        rows.append({
            "id": f"bench.q{i}", "text": text, "category": rng.choice(cats),
            "tags": json.dumps(rng.sample(WORDS, 2)), "target_seconds": rng.choice([60, 90, 120]),
            "structure": "outline", "guidance": fake_sentence(rng, 40), "audience": None,
            "origin": "pack", "edited": 0, "hidden": 0,
            "created_at": "2026-01-01T00:00:00+00:00", "updated_at": "2026-01-01T00:00:00+00:00",
        })
    with db.atomic():
        db["questions"].insert_all(rows, batch_size=2000)
    db.close()


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms (p95 {sorted(samples)[int(len(samples) * .95) - 1] * 1000:.1f})"


def measure_search(path: Path, runs: int) -> None:
    from question_bank.questions import list_questions
    from tui.storage import connect

    db = connect(path)
    for query in SEARCHES:
        samples, found = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            found = len(list_questions(db, search=query))
            samples.append(time.perf_counter() - start)
        print(f"  search questions {query!r:26} {median_ms(samples)}  {found} hits")
    db.close()


async def _open_questions_once(path: Path) -> float:
    from textual.widgets import DataTable

    from tests.conftest import FakeSpeaker
    from tui.launch import make_app

    app = make_app(path, prepare=False, speaker=FakeSpeaker())
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        start = time.perf_counter()
        # What the "2" key runs, without Pilot's own waiting for the screen to settle.
        await app.run_action("section('questions')")
        while not app.screen.query("#question-table"):
            await asyncio.sleep(0.001)
        table = app.screen.query_one("#question-table", DataTable)
        while table.row_count == 0:
            await asyncio.sleep(0.001)
        elapsed = time.perf_counter() - start
    app.ctx.close()
    return elapsed


async def measure_app(path: Path, runs: int) -> None:
    from tests.conftest import FakeSpeaker
    from tui.launch import make_app
    from tui.sections import SECTIONS

    samples = [await _open_questions_once(path) for _ in range(runs)]
    print(f"  open Questions (first rows shown)        {median_ms(samples)}")
    app = make_app(path, prepare=False, speaker=FakeSpeaker())
    async with app.run_test(size=(100, 30)) as pilot:
        for section in SECTIONS:  # every section once, for the memory figure
            await pilot.press(section.key)
            await app.workers.wait_for_complete()
            await pilot.pause()
    app.ctx.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        start = time.perf_counter()
        build(path, args.questions)
        print(f"built {args.questions:,} questions in {time.perf_counter() - start:.1f} s "
              f"({path.stat().st_size / 1e6:.1f} MB)")
        measure_search(path, args.runs)
        asyncio.run(measure_app(path, args.runs))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory (every section opened)        {peak:7.1f} MB  (budget 150 MB)")


if __name__ == "__main__":
    main()
