"""Helpers shared by subcommands: the database path, opening it, writing output."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

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


def write_output(text: str, output: str | None) -> None:
    """Print `text`, or write it to `output` atomically (0600) and say where."""
    if output and output != "-":
        target = atomic_write(Path(output), text)
        say(f"Wrote {target}", err=True)
    else:
        write_data(text)
