"""Helpers shared by subcommands: the database path, opening it, writing output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from question_bank.text import inert
from tui.cli import UserError
from tui.cli.launch import prepare_database
from tui.cli.output import say, write_data
from tui.store.database import connect
from tui.store.files import atomic_write
from tui.store.paths import resolve_db_path

if TYPE_CHECKING:
    from sqlite_utils import Database


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: $MATCHPREP_DB, else the user data folder)")


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None))


def open_db(args: argparse.Namespace) -> Database:
    """The migrated database for a subcommand (created with the shipped bank if new)."""
    path = db_path(args)
    prepare_database(path)
    return connect(path)


def add_output_options(parser: argparse.ArgumentParser, help: str) -> None:
    """`-o FILE` and `--force` (replace FILE if it is there)."""
    parser.add_argument("-o", "--output", metavar="FILE", help=help)
    parser.add_argument("--force", action="store_true",
                        help="replace FILE if it exists, without asking")


def may_replace(output: Path, force: bool) -> None:
    """Go on if `output` is new, if `force`, or if the person at the terminal says yes;
    otherwise raise UserError (nothing is written). A script (no terminal to ask) is
    refused rather than left waiting for an answer: it passes --force."""
    if force or output.is_symlink() or not output.exists():
        return  # a symbolic link is refused, in a sentence, by the write itself
    if sys.stdin.isatty() and sys.stderr.isatty():
        print(inert(f"{output} exists. Replace it? [y/N] "), end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline()
        if answer.strip().lower() in ("y", "yes"):
            return
        raise UserError(f"{output} was kept; nothing was written.")
    raise UserError(f"{output} exists; nothing was written. Add --force to replace it, or "
                    "choose another file.")


def write_output(text: str, output: str | None, *, force: bool = False) -> None:
    """Print `text`, or write it to `output` atomically (0600) and say where; a file that
    is there already is replaced only as `may_replace` allows."""
    if output and output != "-":
        may_replace(Path(output), force)
        target = atomic_write(Path(output), text)
        say(f"Wrote {target}", err=True)
    else:
        write_data(text)
