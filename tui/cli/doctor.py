"""`matchprep doctor`: what works, what does not, and what to do about it."""

from __future__ import annotations

import argparse
import sys

from tui.cli.checks import (
    Check,
    check_audio,
    check_backups,
    check_database,
    check_speech,
    check_timezone,
    check_versions,
)
from tui.cli.common import add_db_option, db_path
from tui.cli.output import say

# Each part of the app may add a check here (speech adds its own).
CHECKS: list[Check] = [check_versions, check_database, check_backups, check_timezone,
                       check_speech, check_audio]


def register(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("doctor", help="paths, database, speech engine, microphone: what works")
    add_db_option(d)
    d.set_defaults(handler=doctor_subcommand)


def doctor_subcommand(args: argparse.Namespace) -> int:
    path = db_path(args)
    problems = 0
    for check in CHECKS:
        for finding in check(path):
            mark = {True: "ok ", False: "!! ", None: "   "}[finding.ok]
            problems += finding.ok is False
            say(f"{mark}{finding.label:<12} {finding.detail}")
    if problems:
        print(f"\n{problems} problem{'s' if problems > 1 else ''} found (marked !!).",
              file=sys.stderr)
        return 1
    return 0
