"""Answers at scale: 10,000 questions and 100,000 answers; search, lists, figures, memory.

    python benchmarks/answers_scale.py [--answers N] [--questions N] [--db PATH]

Builds (or reuses, with --db) a database of that size, then prints the median time of each
query over several runs. The budget (ARCHITECTURE.md): search answers in under 50 ms, a
section opens in under 150 ms, memory under 150 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from question_bank.answer_lists import (  # noqa: E402
    answered_by_category,
    answers_per_category,
    count_answers,
    count_matches,
    list_answers,
    search_answers,
)
from question_bank.coverage import coverage  # noqa: E402
from question_bank.structures import full_text, structure_words  # noqa: E402
from tui.cli.launch import prepare_database  # noqa: E402
from tui.store.database import connect  # noqa: E402

WORDS = ("patient radiology scan resident attending night call CT MRI ultrasound report "
         "result team nurse plan escalate found showed changed learned situation task action "
         "I we my our because then after before during rotation elective research study data "
         "program faculty teaching feedback mistake conflict stress leadership communication "
         "professionalism adaptability pneumothorax embolism fracture stroke biopsy contrast "
         "kidney allergy protocol reading room consult emergency department ward clinic "
         "surgery oncology neuro musculoskeletal chest abdomen pelvis pediatric breast "
         "interventional fellowship abroad visa exam score improved passed reduced hours "
         "minutes days weeks months").split()
RARE = [f"zq{i}" for i in range(2000)]  # words that occur in few answers


def build(path: Path, questions: int, answers: int) -> None:
    prepare_database(path)
    db = connect(path)
    rng = random.Random(7)
    categories = [r[0] for r in db.execute("select distinct category from questions")]
    now = "2025-01-01T00:00:00+00:00"
    with db.atomic():
        db.execute("drop trigger if exists questions_ai")  # rebuilt below in one pass
        rows = [(f"bench.{i}", f"Question {i}: tell me about a time with {rng.choice(WORDS)} "
                 f"and {rng.choice(WORDS)}?", rng.choice(categories), "[]", 90, "star", "",
                 "user", now, now) for i in range(questions)]
        db.conn.executemany(
            "insert into questions (id, text, category, tags, target_seconds, structure, "
            "guidance, origin, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)", rows)
    db["questions"].rebuild_fts()
    ids = [r[0] for r in db.execute("select id from questions")]
    batch = []
    for n in range(answers):
        parts = {}
        for key in ("situation", "task", "action", "result", "learned"):
            size = rng.randint(15, 45)
            words = [rng.choice(WORDS) for _ in range(size)]
            if rng.random() < 0.05:
                words.append(rng.choice(RARE))
            parts[key] = " ".join(words) + "."
        question = ids[n % len(ids)]
        stamp = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00"
        batch.append((question, f"Answer {n // len(ids) + 1}", "star",
                      json.dumps(parts), full_text(parts, "star"),
                      structure_words(parts, "star"), int(n < len(ids)), stamp, stamp))
        if len(batch) == 5000:
            _insert(db, batch)
            batch = []
    if batch:
        _insert(db, batch)
    db.execute("PRAGMA optimize")
    db.close()


def _insert(db, batch) -> None:
    with db.atomic():
        db.conn.executemany(
            "insert into answers (question_id, label, structure, parts, body, words, is_current, "
            "created_at, updated_at) values (?,?,?,?,?,?,?,?,?)", batch)


def timed(label: str, job, runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        samples.append((time.perf_counter() - start) * 1000)
    median = statistics.median(samples)
    print(f"{label:<44} {median:8.1f} ms   (max {max(samples):.1f})")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="reuse (or keep) the database at this path")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="matchprep-bench-")) / "bench.db"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.questions, args.answers)
        print(f"built {path} in {time.perf_counter() - start:.0f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    db = connect(path)
    print(f"{count_answers(db):,} answers, "
          f"{db.execute('select count(*) from questions').fetchone()[0]:,} questions")
    print("search (search_answers, limit 50)")
    for query in ("zq17", "pneumothorax", "patient", "night call", "embol", "radiology report"):
        hits = len(search_answers(db, query))
        timed(f"  {query!r} ({count_matches(db, query):,} match, {hits} shown)",
              lambda q=query: search_answers(db, q))
    print("lists (first page of 200, as the Answers section opens)")
    for sort in ("updated", "question", "category", "words"):
        timed(f"  list_answers sort={sort}", lambda s=sort: list_answers(db, sort=s, limit=200))
    timed("  list_answers, page 100 (offset 20,000)",
          lambda: list_answers(db, limit=200, offset=20_000))
    timed("  count_answers", lambda: count_answers(db))
    print("figures (home card, progress charts)")
    timed("  answered_by_category", lambda: answered_by_category(db), runs=3)
    timed("  answers_per_category", lambda: answers_per_category(db), runs=3)
    timed("  coverage", lambda: coverage(db), runs=3)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")
    db.close()


if __name__ == "__main__":
    main()
