"""matchprep's command line: `matchprep --help` lists the subcommands (a module per group)."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from importlib import import_module

import tui
from tui.cli import UserError
from tui.cli.output import say, survive_any_encoding
from tui.cli.signals import end_cleanly_on_signals

# Subcommand modules, each with `register(subparsers)`.
SUBCOMMAND_MODULES = [
    "tui.cli.open",
    "tui.cli.doctor",
    "tui.cli.questions",
    "tui.cli.profile",
    "tui.cli.backups",
    "tui.cli.programs",
    "tui.cli.answers",
    "tui.cli.mock",
]


def user_errors() -> tuple[type[BaseException], ...]:
    """Errors that are a person's mistake or a file's problem: a sentence, no traceback."""
    from dossiers.csv_io import CsvImportError
    from question_bank.errors import FieldError
    from question_bank.packs import PackError
    from tui.store.backup import BackupError
    from tui.store.database import DatabaseError
    from tui.store.files import UnsafePathError, WriteError
    from tui.store.paths import PathError

    return (UserError, DatabaseError, BackupError, PackError, FieldError, UnsafePathError,
            CsvImportError, WriteError, PathError)


class _VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help="show the version and exit"):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"matchprep {tui.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="matchprep",
        description="Practise residency interviews: question bank, answers, dossiers, mock "
                    "interviews. With no command, opens the app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: $MATCHPREP_DB, else the user data folder)")
    sub = parser.add_subparsers(dest="subcommand", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        import_module(name).register(sub)
    return parser


def _report_internal_error(error: BaseException) -> None:
    """A bug: say so without the message or variables (they may hold the user's text)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    print(f"matchprep: internal error ({type(error).__name__}{where}). What you saved is safe. "
          "Run `matchprep doctor`; set MATCHPREP_DEBUG=1 to see the details.", file=sys.stderr)


def _just_the_app(argv: list[str]) -> argparse.Namespace | None:
    """`matchprep` or `matchprep --db PATH`: the app, without building every subcommand's
    parser first (that imports every subcommand module: 14 ms before the first frame).
    Anything else goes through the full parser."""
    if not argv:
        return argparse.Namespace(subcommand=None, db=None)
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return argparse.Namespace(subcommand=None, db=argv[1])
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return argparse.Namespace(subcommand=None, db=argv[0][len("--db="):])
    return None


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)  # everything matchprep writes is for the user alone
    survive_any_encoding()
    end_cleanly_on_signals()
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _just_the_app(argv) or build_parser().parse_args(argv)
    if args.subcommand is None:
        from tui.cli.launch import hold_collection

        hold_collection()  # until the first frame
        from tui.cli.open import open_subcommand

        handler = open_subcommand
    else:
        handler = args.handler
    try:
        return handler(args) or 0
    except user_errors() as error:
        say(f"matchprep: {error}", err=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except Exception as error:
        from tui.store.database import explain, is_file_trouble

        if is_file_trouble(error):  # damaged, read-only, a full disk: the file, not a bug
            from tui.store.paths import resolve_db_path

            say(f"matchprep: {explain(resolve_db_path(getattr(args, 'db', None)), error)}",
                err=True)
            return 1
        if os.environ.get("MATCHPREP_DEBUG"):
            raise
        _report_internal_error(error)
        return 70


if __name__ == "__main__":
    sys.exit(main())
