"""The domain packages never pull in the UI (as Harlequin's test_import_hygiene does)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import dossiers
import question_bank

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
    code = "import tui.app, tui.cli, tui.launch, tui.storage, tui.backup"
    env_home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
        env={"HOME": str(env_home), "XDG_DATA_HOME": str(env_home / "data"),
             "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
    )
    assert result.returncode == 0, result.stderr
    assert not env_home.exists()
    assert list(tmp_path.iterdir()) == [env_home] or list(tmp_path.iterdir()) == []


def test_the_first_frame_needs_no_sqlite_utils_icalendar_or_fsrs(db_path):
    """Start-up stays quick: the heavy libraries load after the first screen is drawn.

    sqlite-utils alone costs ~50 ms to import; the first frame needs none of these, and the
    home screen's cards (which do) are mounted just after it (see benchmarks/startup.py).
    """
    code = (
        "import json, sys\n"
        "import tui.cli\n"
        "tui.cli.build_parser().parse_args([])\n"
        "from tui.launch import make_app\n"
        f"app = make_app({str(db_path)!r})\n"
        "heavy = ('sqlite_utils', 'icalendar', 'fsrs', 'pyttsx3', 'importlib.metadata')\n"
        "type(app).on_ready = lambda self: self.exit(sorted(\n"
        "    m for m in sys.modules if m in heavy))\n"
        "print(json.dumps(app.run(headless=True)))\n"
        "app.ctx.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
