"""`matchprep backup` and `matchprep restore`."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import add_db_option, db_path
from tui.cli.output import say
from tui.store.backup import backup, restore


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="a consistent copy of the database, also while the app runs")
    add_db_option(b)
    b.add_argument("-o", "--output", metavar="FILE",
                   help="where to write it (.db, or .json for a JSON dump); "
                        "default: the backups folder beside the database")
    b.set_defaults(handler=backup_subcommand)

    r = sub.add_parser("restore", help="replace the database with a backup (the current one is "
                                       "backed up first)")
    add_db_option(r)
    r.add_argument("file", metavar="FILE", help="a .db or .json backup made by matchprep")
    r.set_defaults(handler=restore_subcommand)


def backup_subcommand(args: argparse.Namespace) -> int:
    target = backup(db_path(args), Path(args.output) if args.output else None)
    say(f"Backed up {db_path(args)} to {target}")
    return 0


def restore_subcommand(args: argparse.Namespace) -> int:
    from question_bank.text import Cleaning

    path = db_path(args)
    cleaning = Cleaning()
    safety = restore(path, Path(args.file), cleaning=cleaning)
    say(f"Restored {args.file} into {path}." + (f" {cleaning.sentence()}"
                                               if cleaning.places else ""))
    if safety:
        say(f"The database as it was is saved in {safety}")
    return 0
