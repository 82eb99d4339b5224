"""`matchprep mock`: open the app straight into a mock interview (the morning of the day)."""

from __future__ import annotations

import argparse

from tui.cli import UserError
from tui.cli.common import add_db_option, db_path, open_db
from tui.cli.open import run_app

PROGRAM_ROUND = "program"


def register(sub: argparse._SubParsersAction) -> None:
    mock = sub.add_parser("mock", help="open the app straight into a timed mock interview; "
                                       "`mock history` lists past ones")
    add_db_option(mock)
    mock.add_argument("what", nargs="?", choices=["history"],
                      help="history: past sessions with, per answer, speaking time, target, "
                           "pace, fillers, pauses and transcript")
    mock.add_argument("--json", action="store_true", help="history as JSON")
    mock.add_argument("--limit", type=int, default=50, metavar="N",
                      help="history: the N newest sessions (default 50)")
    mock.add_argument("--format", metavar="FORMAT", default=None,
                      help="faculty (broad, 15-20 min), resident (conversational), stress "
                           "(rapid-fire), ir (an interventional radiology faculty) or program "
                           "(one program's dossier; the default with --program)")
    mock.add_argument("--program", metavar="NAME",
                      help="a program round for this program: its name, another name it goes "
                           "by, or any unique part of one (default: the next interview's)")
    mock.add_argument("--questions", metavar="N", help="how many questions (default: the format's)")
    mock.add_argument("--no-speech", action="store_true", help="show the questions without reading "
                                                                "them aloud")
    mock.add_argument("--no-record", action="store_true",
                      help="do not record the answers in this run (recording otherwise follows "
                           "your setting)")
    mock.set_defaults(handler=mock_subcommand)


def check_request(args: argparse.Namespace) -> dict:
    """The session asked for, or a UserError saying what is wrong with it."""
    from question_bank.mock_formats import FORMATS
    from tui.practice.mock_setup import LIMITS

    fmt = (args.format or (PROGRAM_ROUND if args.program else "faculty")).strip().lower()
    if fmt not in FORMATS:
        raise UserError(f"--format: {args.format!r} is not a format; expected one of "
                        + ", ".join(FORMATS) + ".")
    if args.program is not None and not FORMATS[fmt].needs_program:
        raise UserError(f"--program is for a program round, not a {FORMATS[fmt].label.lower()}; "
                        "use --format program, or leave --format out.")
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
    if FORMATS[fmt].needs_program:
        request["program"] = round_program(args)
    return request


def round_program(args: argparse.Namespace) -> str:
    """The program a round is for: `--program NAME` (a name, another name or a unique part
    of one), else the program interviewing next, else the only one."""
    from datetime import datetime

    from dossiers.interviews import next_interview
    from dossiers.programs import find_program, list_programs

    db = open_db(args)
    try:
        if args.program is not None:
            return find_program(db, args.program).name  # ProgramNotFound: one sentence
        programs = list_programs(db)
        if not programs:
            raise UserError("a program round is drawn from a program's dossier, and there are "
                            "no programs yet; add one in the app (Programs, 5) or with "
                            "`matchprep programs import FILE.csv`.")
        coming = next_interview(db, datetime.now().astimezone())
        if coming is not None:
            return coming.program_name
        if len(programs) == 1:
            return programs[0].name
        names = ", ".join(p.name for p in programs[:6])
        raise UserError(f"--format program: say which program with --program NAME (no "
                        f"interview is scheduled to choose by; programs: {names}).")
    finally:
        db.close()


def mock_subcommand(args: argparse.Namespace) -> int:
    if args.what == "history":
        from tui.cli.mock_history import history_subcommand

        return history_subcommand(args)
    if args.json:
        raise UserError("--json is for `matchprep mock history`.")
    request = check_request(args)
    return run_app(db_path(args), speech=not args.no_speech, record=not args.no_record,
                   start="mock", options={"mock": request})
