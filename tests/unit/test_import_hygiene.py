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
