"""The domain packages never pull in the UI (as Harlequin's test_import_hygiene does)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import dossiers
import question_bank
from tests.headless import at_first_frame

FORBIDDEN = ("textual", "pyttsx3", "tui", "rich")


def _modules(package) -> list[str]:
    return [package.__name__] + [
        f"{package.__name__}.{m.name}" for m in pkgutil.walk_packages(package.__path__)
    ]


def test_domain_packages_do_not_import_the_ui():
    modules = _modules(question_bank) + _modules(dossiers)
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert json.loads(result.stdout) == []
    assert "question_bank.questions" in modules


def test_importing_the_app_creates_no_files(tmp_path):
    code = "import tui.app, tui.cli.main, tui.cli.launch, tui.store.database, tui.store.backup"
    env_home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
        env={"HOME": str(env_home), "XDG_DATA_HOME": str(env_home / "data"),
             "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
    )
    assert result.returncode == 0, result.stderr
    assert not env_home.exists()
    assert list(tmp_path.iterdir()) == [env_home] or list(tmp_path.iterdir()) == []


def test_the_first_frame_needs_no_sqlite_utils_icalendar_fsrs_or_commands(db_path, tmp_path):
    """Start-up stays quick: the heavy libraries load after the first screen is drawn (the
    audio ones only when recording, playing or transcribing).

    sqlite-utils alone costs ~50 ms to import; the first frame needs none of these, and the
    home screen's cards (which do) are mounted just after it (see benchmarks/startup.py).
    Nor the question bank's modules: start-up asks only whether the bank is current.
    `matchprep --db PATH` goes through `tui.cli.main.main` as a user runs it, without building
    the other commands' parsers (which import every command module).
    """
    heavy = ("sqlite_utils", "icalendar", "fsrs", "pyttsx3", "importlib.metadata",
             "numpy", "sounddevice", "soundfile", "pocketsphinx",
             "tui.cli.questions", "tui.cli.doctor", "tui.cli.backups",
             "tui.cli.programs", "tui.cli.answers", "tui.cli.mock",
             "question_bank.bank", "question_bank.questions", "hashlib")
    imported = at_first_frame(db_path, tmp_path / "seen.json", f"""
        open(out, 'w').write(json.dumps(sorted(m for m in sys.modules if m in {heavy!r})))
        self.exit()""")
    assert imported == []


def test_anything_but_the_app_goes_through_the_full_parser(tmp_path):
    from tui.cli.main import _just_the_app

    assert _just_the_app([]).db is None
    assert _just_the_app(["--db", "my.db"]).db == "my.db"
    assert _just_the_app(["--db=my.db"]).db == "my.db"
    for argv in (["--db"], ["--db", "--version"], ["--db="], ["doctor"], ["--version"],
                 ["--db", "my.db", "doctor"], ["-h"]):
        assert _just_the_app(argv) is None, argv
    missing = subprocess.run([sys.executable, "-m", "tui.cli", "--db"], capture_output=True,
                             text=True, timeout=60)
    assert missing.returncode == 2
    assert "--db: expected one argument" in missing.stderr


def test_the_screens_are_imported_after_the_first_frame_not_when_first_opened(db_path,
                                                                               tmp_path):
    """Their modules (and the domain modules behind them) load in a worker thread once Home
    is on screen: none at the first frame, every one soon after (looked for every 50 ms,
    for up to 20 s)."""
    seen = tmp_path / "seen.json"
    code = (
        "import json, sys, time\n"
        "import tui.cli.main\n"
        "from textual.app import App\n"
        "from tui.app import WARM_MODULES, MatchprepApp\n"
        "ready = MatchprepApp.on_ready\n"
        "def on_ready(self):\n"
        "    first = sorted(m for m in WARM_MODULES if m in sys.modules)\n"
        "    ready(self)\n"
        "    given_up = time.monotonic() + 20\n"
        "    def later():\n"
        "        loaded = sorted(m for m in WARM_MODULES if m in sys.modules)\n"
        "        if len(loaded) < len(WARM_MODULES) and time.monotonic() < given_up:\n"
        "            return\n"
        f"        open({str(seen)!r}, 'w').write(json.dumps([first, loaded,\n"
        "                                                  sorted(WARM_MODULES)]))\n"
        "        self.exit()\n"
        "    self.set_interval(0.05, later)\n"
        "MatchprepApp.on_ready = on_ready\n"
        "MatchprepApp.run = lambda self, **kw: App.run(self, headless=True)\n"
        f"sys.exit(tui.cli.main.main(['--db', {str(db_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    at_first_frame, later, warmed = json.loads(seen.read_text())
    assert at_first_frame == ["tui.screens.home"]
    assert later == warmed and "tui.screens.mock" in warmed and len(warmed) == 9


def test_the_warm_up_also_imports_what_a_screen_would_import_as_it_opens():
    """Home's cards (imported after Home's first frame) and what the mock form reads as it
    is made: when the app starts on another section, they load in the warm-up too."""
    code = (
        "import json, sys\n"
        "from tui.app import import_screens\n"
        "import_screens()\n"
        "from tui.screens.home import PANELS\n"
        "print(json.dumps([p.partition(':')[0] in sys.modules for p in PANELS]\n"
        "                 + ['question_bank.recordings' in sys.modules]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert len(loaded) > 5 and all(loaded)
