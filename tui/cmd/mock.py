"""`matchprep mock`: open the app straight into a mock interview (the morning of the day)."""

from __future__ import annotations

import argparse

from tui.cmd import UserError
from tui.cmd.app_commands import run_app
from tui.cmd.common import add_db_option, db_path

PROGRAM_ROUND = "program"


def register(sub: argparse._SubParsersAction) -> None:
    mock = sub.add_parser("mock", help="open the app straight into a timed mock interview")
    add_db_option(mock)
    mock.add_argument("--format", metavar="FORMAT", default="faculty",
                      help="faculty (broad, 15-20 min), resident (conversational), stress "
                           "(rapid-fire) or program (one program's dossier)")
    mock.add_argument("--program", metavar="NAME",
                      help="for a program round: the program's name or any unique part of it")
    mock.add_argument("--questions", metavar="N", help="how many questions (default: the format's)")
    mock.add_argument("--no-speech", action="store_true", help="show the questions without reading "
                                                                "them aloud")
    mock.set_defaults(handler=mock_command)


def check_request(args: argparse.Namespace) -> dict:
    """The session asked for, or a UserError saying what is wrong with it."""
    from question_bank.mock_formats import FORMATS
    from tui.practice_prefs import LIMITS

    fmt = (args.format or "faculty").strip().lower()
    if fmt == PROGRAM_ROUND or args.program:
        raise UserError("a program round needs program dossiers, which this version of "
                        "matchprep does not have yet; use --format faculty, resident or stress "
                        "(without --program).")
    if fmt not in FORMATS:
        raise UserError(f"--format: {args.format!r} is not a format; expected one of "
                        + ", ".join([*FORMATS, PROGRAM_ROUND]) + ".")
    request: dict = {"format": fmt}
    if args.questions is not None:
        low, high = LIMITS["questions"]
        try:
            count = int(args.questions)
        except ValueError:
            count = None
        if count is None or not low <= count <= high:
            raise UserError(f"--questions: {args.questions!r} is not a number of questions; "
                            f"expected a whole number from {low} to {high}.")
        request["questions"] = count
    return request


def mock_command(args: argparse.Namespace) -> int:
    request = check_request(args)
    return run_app(db_path(args), speech=not args.no_speech, start="mock",
                   options={"mock": request})
