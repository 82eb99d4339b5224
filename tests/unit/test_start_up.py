"""What the first frame waits for, and what it leaves until after (benchmarks/startup.py
measures the time; these hold the behaviour). Each runs `matchprep --db PATH` as a user
does, through `tui.cli.main.main`, headless, and looks at the app as its first frame is out."""

from __future__ import annotations

from tests.headless import at_first_frame


def _at_first_frame(db_path, tmp_path, looks: str) -> dict:
    """`looks` (code using `self`, the app, and `seen`, a dict) runs as the first frame is
    out, before the app's own `on_ready`, then once more just after it: what `seen` held."""
    return at_first_frame(db_path, tmp_path / "seen.json", f"""
        seen = {{}}
        when = 'before'
        {looks}
        ready(self)
        when = 'after'
        {looks}
        open(out, 'w').write(json.dumps(seen))
        self.exit()""")  # type: ignore[return-value]


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
    first, after_warm_up = at_first_frame(db_path, tmp_path / "seen.json", """
        ready(self)
        first = gc.get_freeze_count()
        def later():
            if not all(m in sys.modules for m in WARM_MODULES) or self.workers:
                return
            open(out, 'w').write(json.dumps([first, gc.get_freeze_count()]))
            self.exit()
        self.set_interval(0.1, later)""")  # type: ignore[misc]
    assert after_warm_up > first + 10000
