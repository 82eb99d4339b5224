"""Start-up: process start to the first usable screen, against a minimal Textual app.

    python benchmarks/startup.py [--runs 9] [--against CHECKOUT]

Both programs run in a real pseudo-terminal (100×30), alternately, on a database that is
already prepared (a first run also seeds the bank, which is not what a user waits for each
morning). The clock stops when the screen shows the home screen's "What to do next" card
(matchprep) or the Static's text (the minimal app). Budget (ARCHITECTURE.md): 1.25× or better.
The home screen's cards are mounted and read just after that first frame; the time until
they are filled in is printed too. With each time, the CPU time the program had used when its
first frame was out (measured inside it, at Textual's Ready event): steadier than the time
on a shared machine.
`--against CHECKOUT` also runs matchprep from another checkout (a version before a change),
in turn with the others, on a database of its own.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
import textwrap
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._pty import time_until  # noqa: E402

MINIMAL_APP = textwrap.dedent('''
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Minimal(App):
        def compose(self):
            yield Header()
            yield Static("MinimalReady")
            yield Footer()

    Minimal().run()
''')


# Runs a program (`python FIRST_FRAME PROGRAM ARGS` or `... -m MODULE ARGS`) and writes the
# CPU time it has used (user and system, from its start) to $FIRST_FRAME_CPU when Textual
# says its first frame is out (the Ready event, posted just after the first frame is drawn).
FIRST_FRAME = textwrap.dedent('''
    import importlib.util, os, runpy, sys, time

    def watch(app_module):
        App, Ready = app_module.App, sys.modules["textual.events"].Ready
        post = App.post_message

        def post_message(self, message):
            if isinstance(message, Ready):
                cpu, path = time.process_time(), os.environ["FIRST_FRAME_CPU"]
                with open(path + ".new", "w") as out:
                    out.write(str(cpu))
                os.replace(path + ".new", path)
            return post(self, message)

        App.post_message = post_message

    class WatchTextual:
        """Finds textual.app as usual, and patches it once it has run."""

        def find_spec(self, name, path=None, target=None):
            if name != "textual.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            run = spec.loader.exec_module

            def exec_module(module):
                run(module)
                watch(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, WatchTextual())
    sys.argv = sys.argv[1:]
    if sys.argv[0] == "-m":
        del sys.argv[0]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        runpy.run_path(sys.argv[0], run_name="__main__")
''')



def wait_for(path: Path, timeout: float = 5.0) -> None:
    """Until `path` exists (the program writes it just after its first frame)."""
    end = time.monotonic() + timeout
    while not path.exists() and time.monotonic() < end:
        time.sleep(0.005)


def prepared_database(folder: Path) -> Path:
    """A database as a returning user has it: migrated, the bank in, the profile asked."""
    from question_bank.profile import Profile, save_profile
    from tui.cli.launch import prepare_database
    from tui.store.database import connect

    db = folder / "bench.db"
    prepare_database(db)
    conn = connect(db)
    save_profile(conn, Profile())  # a returning user: the profile is not asked on start
    conn.close()
    return db


def compile_checkout(root: Path) -> None:
    """Installed packages are byte-compiled by pip; do the same for a source checkout, so no
    program pays for compiling (PYTHONDONTWRITEBYTECODE would hide the cache)."""
    for package in ("tui", "question_bank", "dossiers"):
        compileall.compile_dir(str(root / package), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="also run matchprep from this checkout, in turn with the others")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        minimal = folder / "minimal.py"
        minimal.write_text(MINIMAL_APP)
        first_frame = folder / "first_frame.py"
        first_frame.write_text(FIRST_FRAME)
        cpu_file = folder / "cpu"
        compile_checkout(root)
        db = prepared_database(folder)
        # (label, argv, environment, marker)
        programs = [("minimal Textual app", [sys.executable, str(first_frame), str(minimal)],
                     {"PYTHONPATH": str(root), "FIRST_FRAME_CPU": str(cpu_file)}, "MinimalReady")]
        versions = [("matchprep home", root)]
        if args.against:
            versions.append((f"matchprep home, {args.against.name}", args.against.resolve()))
        for label, checkout in versions:
            compile_checkout(checkout)
            data = folder / f"data-{len(programs)}"
            env = {"PYTHONPATH": str(checkout), "XDG_DATA_HOME": str(data),
                   "FIRST_FRAME_CPU": str(cpu_file)}
            own_db = folder / f"bench-{len(programs)}.db"
            own_db.write_bytes(db.read_bytes())  # the same content; each version migrates its own
            argv = [sys.executable, str(first_frame), "-m", "tui.cli", "--db", str(own_db)]
            time_until(argv, "Whattodonext", env=env)  # migrations of an older checkout, if any
            programs.append((label, argv, env, "Whattodonext"))
        app_argv, app_env = programs[1][1], programs[1][2]
        # One warm-up of each so all start from a warm file cache.
        for _, argv, env, marker in programs:
            time_until(argv, marker, env=env)
        times: dict[str, list[float]] = {label: [] for label, *_ in programs}
        cpu: dict[str, list[float]] = {label: [] for label, *_ in programs}
        filled_times = []
        for _ in range(args.runs):
            for label, argv, env, marker in programs:
                cpu_file.unlink(missing_ok=True)
                times[label].append(time_until(argv, marker, env=env,
                                               before_kill=partial(wait_for, cpu_file)))
                cpu[label].append(float(cpu_file.read_text()))
            # The cards come after the first frame, read in a worker: "218 questions in 12
            # categories" is the question bank's card filled in.
            filled_times.append(time_until(app_argv, "questionsin", env=app_env))
    base = programs[0][0]
    for label, *_ in programs:
        print(f"{label:<20}: median {statistics.median(times[label]) * 1000:7.1f} ms "
              f"(min {min(times[label]) * 1000:.1f}, max {max(times[label]) * 1000:.1f}), "
              f"CPU to its first frame {statistics.median(cpu[label]) * 1000:5.0f} ms, "
              f"{args.runs} runs")
    print(f"home cards filled   : median {statistics.median(filled_times) * 1000:7.1f} ms "
          "(after the first frame; not part of the budget)")
    for label, *_ in programs[1:]:
        ratio = statistics.median(times[label]) / statistics.median(times[base])
        cpu_ratio = statistics.median(cpu[label]) / statistics.median(cpu[base])
        print(f"ratio, {label}: {ratio:.2f}× (CPU {cpu_ratio:.2f}×)  (budget 1.25×: "
              f"{'within' if ratio <= 1.25 else 'OVER'})")


if __name__ == "__main__":
    main()
