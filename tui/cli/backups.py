"""`matchprep backup` and `matchprep restore`."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import add_db_option, add_output_options, db_path, may_replace
from tui.cli.output import say
from tui.store.backup import backup, restore


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="a consistent copy of the database, also while the app runs")
    add_db_option(b)
    add_output_options(b, "where to write it (.db, or .json for a JSON dump); default: the "
                          "backups folder beside the database. A FILE that exists is replaced "
                          "only with --force or a yes at the terminal")
    audio = b.add_mutually_exclusive_group()
    audio.add_argument("--with-audio", action="store_true",
                       help="also archive the recorded answers' audio (FILE-audio.tar beside "
                            "the backup); without it, transcripts and figures are backed up "
                            "but not the audio")
    audio.add_argument("--no-audio", action="store_true",
                       help="leave the audio out (the default), and say so")
    b.set_defaults(handler=backup_subcommand)

    r = sub.add_parser("restore", help="replace the database with a backup (the current one is "
                                       "backed up first)")
    add_db_option(r)
    r.add_argument("file", metavar="FILE", help="a .db or .json backup made by matchprep")
    r.set_defaults(handler=restore_subcommand)


def backup_subcommand(args: argparse.Namespace) -> int:
    from tui.store.audio_files import audio_dir, audio_usage, backup_audio

    path = db_path(args)
    if args.output:
        may_replace(Path(args.output), args.force)
    target = backup(path, Path(args.output) if args.output else None)
    say(f"Backed up {path} to {target}")
    count, size = audio_usage(path)
    if args.with_audio:
        archived = backup_audio(path, target)
        if archived is None:
            say("With audio: there are no recordings to archive.")
        else:
            say(f"With audio: {archived[1]} recording{'s' if archived[1] != 1 else ''} "
                f"archived to {archived[0]}")
    elif count:
        say(f"Without audio: {count} recording{'s' if count != 1 else ''} "
            f"({size / 1_000_000:.1f} MB) in {audio_dir(path)} are not in this backup "
            "(their transcripts and figures are); add --with-audio to include them.")
    else:
        say("Without audio: there are no recordings.")
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
