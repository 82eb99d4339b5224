"""Running `matchprep --db PATH` as a user does (through `tui.cli.main.main`), headless, in a
Python of its own, and looking at the app from inside as its first frame is out: for what only
a fresh process shows (what start-up imported, parsed, collected)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path


def at_first_frame(db_path: Path, out: Path, on_ready: str) -> object:
    """Run the app with `on_ready` (source of the body of a replacement for
    `MatchprepApp.on_ready`) in place of its own. The body has `self` (the app), `ready`
    (the app's own on_ready), `out` (a path) and `gc`, `json`, `sys`, `WARM_MODULES`; it
    writes JSON to `out` and ends the app (`self.exit()`). Returns what it wrote."""
    code = (
        "import gc, json, sys\n"
        "import tui.cli.main\n"
        "from textual.app import App\n"
        "from tui.app import WARM_MODULES, MatchprepApp\n"
        f"out = {str(out)!r}\n"
        "ready = MatchprepApp.on_ready\n"
        "def on_ready(self):\n"
        + textwrap.indent(textwrap.dedent(on_ready).strip("\n") + "\n", "    ")
        + "MatchprepApp.on_ready = on_ready\n"
        "MatchprepApp.run = lambda self, **kw: App.run(self, headless=True)\n"
        f"sys.exit(tui.cli.main.main(['--db', {str(db_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text())
