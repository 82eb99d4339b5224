"""Opening the app: `matchprep` on its database, and `matchprep demo` on a throwaway one."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from importlib import import_module
from pathlib import Path

from tui.cli.common import add_db_option, db_path
from tui.cli.launch import make_app, prepare_database
from tui.cli.output import draw_in_utf8, say
from tui.cli.signals import quit_app_on_signals
from tui.store.database import connect
from tui.store.writer import put_back

# Sample content for the demo, one filler per domain package ("module:function(db)").
DEMO_FILLERS: list[str] = [
    "question_bank.demo:populate",
    "dossiers.demo:populate",
    "question_bank.answers_demo:populate",
    "question_bank.practice_demo:populate",
    "question_bank.recordings_demo:populate",  # after the mock sessions it hears
    "tui.practice.demo_links:populate",  # links between the parts; runs last
]


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="open the app on a throwaway database filled with samples")
    add_db_option(demo)
    demo.set_defaults(handler=demo_subcommand)


def run_app(path: Path, *, speech: bool = True, record: bool = True, **kwargs) -> int:
    from tui.audio.client import make_recorder
    from tui.speech.client import make_speaker
    from tui.store.database import check_writable

    check_writable(path)  # say so now, not at the first save
    app = make_app(path, speaker=make_speaker(enabled=speech),
                   recorder=make_recorder(enabled=record), **kwargs)
    draw_in_utf8()
    with quit_app_on_signals(app):  # SIGTERM, SIGHUP: as ctrl+q, the saves finished
        try:
            app.run()
        finally:
            app.ctx.close()
    swapped = app.ctx.writer.swapped
    if swapped is not None:  # the file was deleted or replaced while the app ran
        if put_back(swapped):
            say(f"matchprep: {path} had been deleted while the app ran; it is there again, "
                "with everything you typed.", err=True)
        else:
            say(f"matchprep: {swapped.left_where()}", err=True)
    lost = app.ctx.writer.unwritten
    if lost:
        say(f"matchprep: {lost} change{'s' if lost > 1 else ''} could not be saved to {path}: "
            "writing to it kept failing (a full disk, or a read-only file). "
            f"Run `matchprep --db {path} doctor`.", err=True)
        return 1
    return app.return_code or 0


def open_subcommand(args: argparse.Namespace) -> int:
    return run_app(db_path(args))


def fill_demo(path: Path) -> None:
    prepare_database(path)
    db = connect(path)
    try:
        for filler in DEMO_FILLERS:
            module, _, name = filler.partition(":")
            getattr(import_module(module), name)(db)
    finally:
        db.close()


def demo_subcommand(args: argparse.Namespace) -> int:
    folder = Path(tempfile.mkdtemp(prefix="matchprep-demo-"))
    try:
        path = folder / "demo.db"
        fill_demo(path)
        say(f"Demo database: {path} (deleted when you quit)", err=True)
        return run_app(path, options={"demo": True})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
