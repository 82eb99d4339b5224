"""What the first frame waits for, and what it leaves until after (benchmarks/startup.py
measures the time; these hold the behaviour). Each runs `matchprep --db PATH` as a user
does, through `tui.cli.main.main`, headless, and looks at the app as its first frame is out."""

from __future__ import annotations

import json
import subprocess
import sys


def _at_first_frame(db_path, tmp_path, looks: str) -> dict:
    """Run the app; `looks` (code using `self`, the app, and `seen`, a dict) runs as the
    first frame is out, before the app's own `on_ready`; then once more just after it.
    Returns what `seen` held."""
    seen = tmp_path / "seen.json"
    code = (
        "import json, sys, gc\n"
        "import tui.cli.main\n"
        "from textual.app import App\n"
        "from tui.app import MatchprepApp\n"
        "ready = MatchprepApp.on_ready\n"
        "seen = {}\n"
        "def on_ready(self):\n"
        "    when = 'before'\n"
        f"    {looks}\n"
        "    ready(self)\n"
        "    when = 'after'\n"
        f"    {looks}\n"
        f"    open({str(seen)!r}, 'w').write(json.dumps(seen))\n"
        "    self.exit()\n"
        "MatchprepApp.on_ready = on_ready\n"
        "MatchprepApp.run = lambda self, **kw: App.run(self, headless=True)\n"
        f"sys.exit(tui.cli.main.main(['--db', {str(db_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(seen.read_text())


def test_the_first_frame_is_styled_with_homes_styles_only_the_others_come_after_it(
        db_path, tmp_path):
    """Parsing every part's stylesheet held Home's first frame back (12 ms and more): Home
    needs app.tcss and home.tcss; the others are read as the first frame is out."""
    seen = _at_first_frame(db_path, tmp_path, (
        "seen[when] = sorted({__import__('pathlib').Path(path).name "
        "for path, _ in self.stylesheet.source if path.endswith('.tcss')})"))
    assert seen["before"] == ["app.tcss", "home.tcss"]
    assert {"answers.tcss", "mock.tcss", "dialogs.tcss", "app.tcss"} <= set(seen["after"])


def test_no_garbage_collection_until_the_first_frame_then_what_start_up_made_is_set_aside(
        db_path, tmp_path):
    """Start-up's objects (modules, styles, widgets) stay as long as the app: collecting
    them before the first frame was wasted (20 ms), and a full collection later went through
    them all again (30-90 ms, on whatever key was being typed)."""
    seen = _at_first_frame(db_path, tmp_path, (
        "seen[when] = [gc.isenabled(), gc.get_freeze_count() > 10000]"))
    assert seen["before"] == [False, False]
    assert seen["after"] == [True, True]


def test_an_app_made_without_the_command_line_collects_as_usual(db_path):
    """Tests and benchmarks make apps of their own: nothing is held back or set aside."""
    import gc

    from tui.cli.launch import make_app

    app = make_app(db_path)
    try:
        assert gc.isenabled()
    finally:
        app.ctx.close()


def test_the_screens_modules_loaded_after_the_first_frame_are_set_aside_too(db_path, tmp_path):
    """The section screens' modules load in a worker once Home is shown; what they make lasts
    as long as start-up's objects, and is frozen with them once loaded."""
    seen = tmp_path / "seen.json"
    code = (
        "import gc, json, sys\n"
        "import tui.cli.main\n"
        "from textual.app import App\n"
        "from tui.app import WARM_MODULES, MatchprepApp\n"
        "ready = MatchprepApp.on_ready\n"
        "def on_ready(self):\n"
        "    ready(self)\n"
        "    at_first_frame = gc.get_freeze_count()\n"
        "    def later():\n"
        "        if not all(m in sys.modules for m in WARM_MODULES) or self.workers:\n"
        "            return\n"
        f"        open({str(seen)!r}, 'w').write(json.dumps(\n"
        "            [at_first_frame, gc.get_freeze_count()]))\n"
        "        self.exit()\n"
        "    self.set_interval(0.1, later)\n"
        "MatchprepApp.on_ready = on_ready\n"
        "MatchprepApp.run = lambda self, **kw: App.run(self, headless=True)\n"
        f"sys.exit(tui.cli.main.main(['--db', {str(db_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    at_first_frame, after_warm_up = json.loads(seen.read_text())
    assert after_warm_up > at_first_frame + 10000
