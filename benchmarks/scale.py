"""Scale: the whole app on 10,000 questions and 100,000 answers.

    python benchmarks/scale.py [--runs 5] [--db PATH]

Builds (or reuses, with --db) a database with 10,000 questions, 100,000 answers of about
150 words, 100 full program dossiers, 10,000 drill cards with 100,000 reviews and 1,000
mock sessions. Then prints:
- the median latency of full-text searches of the questions and of the answers;
- for every section, the median time to open it in the real app (Pilot, 100×30, a fresh
  app each run, each run in a process of its own, with the garbage collector set up as
  `matchprep` sets it, opened once the first screen is filled in and the screens'
  modules are loaded, as a second after start): from the
  section's key action until its screen is mounted, the workers it started have finished
  and their results are on screen (and the CPU time the whole process spent meanwhile);
  then the same for a second visit: away to the section the app started on, and back;
- the peak memory of the process after opening every section and the main other screens.
Budgets (ARCHITECTURE.md): search answers under 50 ms, a section's first open under 150 ms,
memory under 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import answers_scale, dossiers_scale, practice  # noqa: E402

QUESTION_SEARCHES = ["contrast reaction", "tell me about", "radiation", "mentor", "AI"]
ANSWER_SEARCHES = ["zq17", "pneumothorax", "night call", "embol", "radiology report"]


def build(path: Path) -> None:
    from question_bank.profile import Profile, save_profile
    from tui.store.database import connect

    answers_scale.build(path, 10_000, 100_000)
    db = connect(path)
    dossiers_scale.fill(db)
    ids = [r[0] for r in db.execute("select id from questions order by rowid")]
    practice.fill(db, datetime.now(UTC), question_ids=ids)
    save_profile(db, Profile())  # a returning user: the profile is not asked on start
    db.execute("PRAGMA optimize")
    db.close()


def report(label: str, samples: list[float], extra: str = "") -> None:
    ms = sorted(s * 1000 for s in samples)
    print(f"  {label:<40} median {statistics.median(ms):7.1f} ms  max {ms[-1]:7.1f} ms  {extra}")


def measure_search(path: Path, runs: int) -> None:
    from question_bank.answer_lists import search_answers
    from question_bank.questions import list_questions
    from tui.store.database import connect

    db = connect(path)
    print("search (as the Questions and Answers sections search while you type)")
    for query in QUESTION_SEARCHES:
        samples, found = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            found = len(list_questions(db, search=query, limit=300))
            samples.append(time.perf_counter() - start)
        report(f"questions {query!r}", samples, f"{found} shown")
    for query in ANSWER_SEARCHES:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            found = len(search_answers(db, query))
            samples.append(time.perf_counter() - start)
        report(f"answers {query!r}", samples, f"{found} shown")
    db.close()


async def settled(app) -> None:
    """Until the screen is mounted and no worker is pending or running, twice in a row."""
    from textual.worker import WorkerState

    quiet = 0
    while quiet < 2:
        await asyncio.sleep(0.002)
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        ready = app.screen.is_mounted and getattr(app.screen, "_panels_ready", True)
        quiet = quiet + 1 if ready and not busy else 0


async def timed_section(app, section_id: str) -> tuple[float, float]:
    """(wall, CPU of the process) seconds from the section's key action until it settled."""
    start, cpu = time.perf_counter(), time.process_time()
    await app.run_action(f"section('{section_id}')")
    await settled(app)
    return time.perf_counter() - start, time.process_time() - cpu


async def open_section_once(path: Path, section_id: str) -> float:
    from tests.fakes import FakeSpeaker
    from tui.cli import launch
    from tui.cli.launch import make_app

    # As `matchprep` does: no collection until the first frame, then what start-up made is
    # set aside (`gc.freeze`), and the screens' modules once loaded. Without it a full
    # collection went through those 100,000 objects (31-35 ms) during most openings here,
    # which the program a user runs never does.
    if hasattr(launch, "hold_collection"):  # (an older checkout may not have it)
        launch.hold_collection()
    start_in = "questions" if section_id == "home" else "home"
    app = make_app(path, prepare=False, speaker=FakeSpeaker(), start=start_in)
    async with app.run_test(size=(100, 30)) as pilot:
        # Let the first screen finish (the home cards mount after the first frame), and the
        # screens' modules load in the background, as they have a second after start.
        from tui.app import WARM_MODULES

        for _ in range(3):
            await settled(app)
            await pilot.pause(0.1)
        while not all(name in sys.modules for name in WARM_MODULES):
            await pilot.pause(0.05)
        await settled(app)
        start = time.perf_counter()
        elapsed, cpu = await timed_section(app, section_id)
        # What a section adds just after its first frame (Mock's past sessions below the
        # first screenful), for the line that reports it.
        while any(getattr(pane, "keep", None) is not None
                  for pane in app.screen.query("MockHistory")):
            await asyncio.sleep(0.001)
        whole = time.perf_counter() - start
        # Away to the section it started in, and back: a second visit.
        await app.run_action(f"section('{start_in}')")
        await settled(app)
        await pilot.pause(0.1)
        await settled(app)
        back, back_cpu = await timed_section(app, section_id)
    app.ctx.close()
    if section_id == "mock":
        print(f"every past session listed {whole:.6f}")
    print(f"back again {back:.6f} {back_cpu:.6f}")
    return elapsed, cpu


async def section_samples(path: Path, section_id: str, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU of the whole process) seconds per opening."""
    return [await open_section_once(path, section_id) for _ in range(runs)]


def measure_sections(path: Path, runs: int) -> None:
    from tui.sections import SECTIONS

    print("opening each section, first visit in a fresh app (list shown, its reads done)")
    for section in SECTIONS:
        # Each opening in a process of its own: what the searches or the apps before it
        # left in memory (the collector's work grows with it) does not count against it.
        # Seven apps one after another in one process made the later ones slower and the
        # median noisier (Questions 445 ms against 277 in processes of their own).
        walls, cpus, wholes, backs, back_cpus = [], [], [], [], []
        for _ in range(runs):
            out = subprocess.run([sys.executable, __file__, "--db", str(path), "--runs", "1",
                                  "--section-only", section.id],
                                 capture_output=True, text=True, check=True).stdout
            cpu_line, wall_line = out.strip().splitlines()[-2:]
            cpus.append(float(cpu_line))
            walls.append(float(wall_line))
            wholes += [float(line.split()[-1]) for line in out.splitlines()
                       if line.startswith("every past session listed")]
            for line in out.splitlines():
                if line.startswith("back again"):
                    backs.append(float(line.split()[-2]))
                    back_cpus.append(float(line.split()[-1]))
        report(f"{section.key} {section.label}", walls,
               f"(CPU {statistics.median(cpus) * 1000:.0f} ms)")
        if wholes:
            report("  then every past session listed", wholes)
        if backs:
            report("  away and back to it (a second visit)", backs,
                   f"(CPU {statistics.median(back_cpus) * 1000:.0f} ms)")


async def visit_everything(path: Path) -> None:
    """Every section, then the answer editor, a dossier and the drill, in one app."""
    from tests.fakes import FakeSpeaker
    from tui.cli.launch import make_app
    from tui.messages import OpenAnswer, OpenProgram
    from tui.sections import SECTIONS

    app = make_app(path, prepare=False, speaker=FakeSpeaker())
    async with app.run_test(size=(100, 30)) as pilot:
        for section in SECTIONS:
            await app.run_action(f"section('{section.id}')")
            await settled(app)
        question_id = app.ctx.db.execute(
            "select question_id from answers order by id limit 1").fetchone()[0]
        app.post_message(OpenAnswer(question_id))
        await settled(app)
        await pilot.press("escape")
        program_id = app.ctx.db.execute("select id from programs limit 1").fetchone()[0]
        app.post_message(OpenProgram(program_id))
        await settled(app)
        await app.run_action("drill")
        await settled(app)
    app.ctx.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or keep) the database at this path")
    parser.add_argument("--memory-only", action="store_true",
                        help="(internal) open every screen and print the peak memory")
    parser.add_argument("--section-only", metavar="ID",
                        help="(internal) time opening one section and print the samples")
    args = parser.parse_args()
    if args.section_only:
        samples = asyncio.run(section_samples(args.db, args.section_only, args.runs))
        print(" ".join(f"{cpu:.6f}" for _, cpu in samples))
        print(" ".join(f"{wall:.6f}" for wall, _ in samples))
        return
    if args.memory_only:
        asyncio.run(visit_everything(args.db))
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return
    path = args.db or Path(tempfile.mkdtemp(prefix="matchprep-scale-")) / "scale.db"
    if not path.exists():
        start = time.perf_counter()
        build(path)
        print(f"built {path} in {time.perf_counter() - start:.0f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    from tui.store.database import connect

    db = connect(path)
    counts = {t: db.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("questions", "answers", "programs", "drill_cards", "drill_reviews",
                        "mock_sessions")}
    db.close()
    print(", ".join(f"{n:,} {t}" for t, n in counts.items()))
    measure_search(path, args.runs * 3)
    measure_sections(path, args.runs)
    # In a process of its own, so that building and searching do not count.
    out = subprocess.run([sys.executable, __file__, "--memory-only", "--db", str(path)],
                         capture_output=True, text=True, check=True).stdout
    peak = float(out.strip().splitlines()[-1])
    print(f"peak memory of the app after opening every section, the answer editor, a dossier "
          f"and the drill: {peak:.0f} MB (budget 150 MB)")


if __name__ == "__main__":
    main()
