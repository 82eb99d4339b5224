"""Start-up: process start to the first usable screen, against a minimal Textual app.

    python benchmarks/startup.py [--runs 9]

Both programs run in a real pseudo-terminal (100×30), alternately, on a database that is
already prepared (a first run also seeds the bank, which is not what a user waits for each
morning). The clock stops when the screen shows the home screen's "What to do next" card
(matchprep) or the Static's text (the minimal app). Budget (ARCHITECTURE.md): 1.25× or better.
The home screen's cards are mounted and read just after that first frame; the time until
they are filled in is printed too.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
import textwrap
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        db = folder / "bench.db"
        minimal = folder / "minimal.py"
        minimal.write_text(MINIMAL_APP)
        env = {"PYTHONPATH": str(root), "XDG_DATA_HOME": str(folder / "data")}
        from tui.cli.launch import prepare_database

        # Installed packages are byte-compiled by pip; do the same for a source checkout, so
        # neither program pays for compiling (PYTHONDONTWRITEBYTECODE would hide the cache).
        compileall.compile_dir(str(root / "tui"), quiet=1)
        compileall.compile_dir(str(root / "question_bank"), quiet=1)
        compileall.compile_dir(str(root / "dossiers"), quiet=1)
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

        prepare_database(db)
        from question_bank.profile import Profile, save_profile
        from tui.store.database import connect

        conn = connect(db)
        save_profile(conn, Profile())  # a returning user: the profile is not asked on start
        conn.close()
        app_argv = [sys.executable, "-m", "tui.cli", "--db", str(db)]
        base_argv = [sys.executable, str(minimal)]
        # One warm-up of each so both start from a warm file cache.
        time_until(app_argv, "Whattodonext", env=env)
        time_until(base_argv, "MinimalReady", env=env)
        app_times, base_times, filled_times = [], [], []
        for _ in range(args.runs):
            base_times.append(time_until(base_argv, "MinimalReady", env=env))
            app_times.append(time_until(app_argv, "Whattodonext", env=env))
            # The cards come after the first frame, read in a worker: "218 questions in 12
            # categories" is the question bank's card filled in.
            filled_times.append(time_until(app_argv, "questionsin", env=env))
    app_median = statistics.median(app_times)
    base_median = statistics.median(base_times)
    print(f"minimal Textual app : median {base_median * 1000:7.1f} ms "
          f"(min {min(base_times) * 1000:.1f}, max {max(base_times) * 1000:.1f}, "
          f"{args.runs} runs)")
    print(f"matchprep home      : median {app_median * 1000:7.1f} ms "
          f"(min {min(app_times) * 1000:.1f}, max {max(app_times) * 1000:.1f}, "
          f"{args.runs} runs)")
    print(f"home cards filled   : median {statistics.median(filled_times) * 1000:7.1f} ms "
          "(after the first frame; not part of the budget)")
    ratio = app_median / base_median
    print(f"ratio               : {ratio:.2f}×  (budget 1.25×: "
          f"{'within' if ratio <= 1.25 else 'OVER'})")


if __name__ == "__main__":
    main()
