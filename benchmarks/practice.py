"""Practice at scale, and speech latency: prints figures, asserts nothing.

    python benchmarks/practice.py            # 10,000 cards, 100,000 reviews, 1,000 sessions

Measures the queries the home card, the drill and the Progress charts run (on their worker
threads), the mock history list, and the speech helper: start to ready, and how long `stop`
takes to silence a helper that is speaking (kill and restart).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from question_bank import drill, mock
from question_bank.mock_formats import Prompt
from question_bank.questions import add_question
from tui.cli.launch import prepare_database
from tui.practice.progress_charts import CHARTS, Window
from tui.practice.when import end_of_day
from tui.store.database import connect

CARDS, REVIEWS, SESSIONS = 10_000, 100_000, 1_000


def timed(label: str, job, repeat: int = 5):
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<44} {best * 1000:8.1f} ms")
    return result


def fill(db, now: datetime, question_ids: list[str] | None = None) -> None:
    """CARDS drill cards, REVIEWS reviews, SESSIONS mock sessions (also used by scale.py),
    on new benchmark questions or on `question_ids` (the first CARDS of them)."""
    rng = random.Random(1)
    with db.atomic():
        if question_ids is None:
            ids = [add_question(db, text=f"Benchmark question {i}", category="behavioral").id
                   for i in range(CARDS)]
        else:
            ids = question_ids[:CARDS]
        rows = []
        for i, qid in enumerate(ids):
            due = now + timedelta(hours=rng.uniform(-48, 24 * 30))
            rows.append({"id": i + 1, "kind": "question", "ref": qid, "state": 2,
                         "stability": 5.0, "difficulty": 5.0, "due": drill.stamp(due),
                         "last_review": drill.stamp(now - timedelta(days=3)), "reps": 10,
                         "lapses": 1, "created_at": drill.stamp(now - timedelta(days=90))})
        db["drill_cards"].insert_all(rows, batch_size=2000)
        db["drill_reviews"].insert_all(
            ({"card_id": rng.randint(1, CARDS), "rating": rng.randint(1, 4),
              "reviewed_at": drill.stamp(now - timedelta(minutes=rng.uniform(0, 60 * 24 * 84))),
              "source": rng.choice(["drill", "mock"])} for _ in range(REVIEWS)), batch_size=5000)
        for s in range(SESSIONS):
            started = now - timedelta(hours=s * 2)
            prompts = [Prompt("question", ids[(s * 8 + k) % CARDS], "Q", "behavioral", "star", 120)
                       for k in range(8)]
            sid = mock.create_session(db, format="faculty", prompts=prompts, started_at=started)
            for k in range(8):
                mock.record_item(db, sid, k, think_seconds=5, speak_seconds=rng.uniform(60, 150),
                                 outcome="answered", at=started + timedelta(minutes=k * 2))
            mock.finish_session(db, sid, ended_at=started + timedelta(minutes=20))


def speech() -> None:
    from tui.speech.client import HelperSpeaker

    speaker = HelperSpeaker()
    start = time.perf_counter()
    status = speaker.wait_ready(15)
    print(f"{'speech helper: start to ready':<44} {(time.perf_counter() - start) * 1000:8.1f} ms"
          f"  ({status}{', ' + speaker.problem if speaker.problem else ''})")
    speaker.close()
    # Stopping a helper in the middle of speaking: a stand-in that never finishes a sentence.
    with tempfile.TemporaryDirectory() as folder:
        fake = Path(__file__).resolve().parent.parent / "tests" / "fake_speech_helper.py"
        speaker = HelperSpeaker([sys.executable, str(fake), "hang", f"{folder}/log"], grace=60)
        speaker.wait_ready(15)
        speaker.say("A long answer being read aloud.")
        time.sleep(0.3)
        proc = speaker._proc.proc
        start = time.perf_counter()
        speaker.stop()
        while proc.poll() is None and time.perf_counter() - start < 5:
            time.sleep(0.0005)
        print(f"{'speech: stop until the speaking helper is gone':<44} "
              f"{(time.perf_counter() - start) * 1000:8.1f} ms")
        speaker.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="matchprep-bench-"))
    path = folder / "bench.db"
    prepare_database(path)
    db = connect(path)
    now = datetime.now(UTC)
    start = time.perf_counter()
    fill(db, now)
    print(f"filled {CARDS:,} cards, {REVIEWS:,} reviews, {SESSIONS:,} sessions in "
          f"{time.perf_counter() - start:.1f} s")
    local = now.astimezone()
    timed("due_count (home card, due today)", lambda: drill.due_count(db, now,
                                                                      until=end_of_day(local)))
    timed("next_due (home card)", lambda: drill.next_due(db, now, after=end_of_day(local)))
    due = timed("due_questions (drill queue)", lambda: drill.due_questions(
        db, now, until=end_of_day(local)))
    print(f"{'':<44} ({len(due)} due)")
    timed("new_questions (5 from 3 categories)",
          lambda: drill.new_questions(db, ["behavioral", "why", "img"], limit=5))
    timed("rate one question (FSRS + log)", lambda: drill.rate(db, due[0][0].id, "good", now))
    timed("list_sessions (mock history)", lambda: mock.list_sessions(db))
    for weeks in (4, 12):
        window = Window.weeks(local, weeks)
        timed(f"Progress charts, {weeks} weeks",
              lambda window=window: [make(db, window) for make in CHARTS])
    db.close()
    speech()


if __name__ == "__main__":
    main()
