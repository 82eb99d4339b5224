"""`matchprep profile [set KEY VALUE]`: who the applicant is, which decides the questions drawn."""

from __future__ import annotations

import argparse

from tui.cli.common import add_db_option, open_db
from tui.cli.output import say, say_json

KEYS_HELP = ("applicant us-grad|us-img|non-us-img; visa none|j1|h1b|undecided; tracks, "
             "explain, failed-exams: several separated by commas, or none")


def register(sub: argparse._SubParsersAction) -> None:
    profile = sub.add_parser("profile", help="show or set who you are (decides the questions "
                                             "drawn for you)")
    add_db_option(profile)
    profile.add_argument("--json", action="store_true", help="print JSON")
    profile.set_defaults(handler=show_subcommand)
    psub = profile.add_subparsers(dest="profile_subcommand", metavar="COMMAND")
    set_ = psub.add_parser("set", help="set one part of your profile: " + KEYS_HELP)
    add_db_option(set_)
    set_.add_argument("key", metavar="KEY", help="applicant, visa, tracks, explain or "
                                                 "failed-exams")
    set_.add_argument("value", metavar="VALUE", help=KEYS_HELP)
    set_.set_defaults(handler=set_subcommand)


def show_subcommand(args: argparse.Namespace) -> int:
    from question_bank.profile import describe, load_profile

    db = open_db(args)
    try:
        profile = load_profile(db)
    finally:
        db.close()
    if args.json:
        values = None if profile is None else {
            "applicant": profile.applicant, "visa": profile.visa,
            "tracks": sorted(profile.tracks), "explain": sorted(profile.explain),
            "failed_exams": sorted(profile.failed_exams)}
        say_json(values)
        return 0
    for what, value in describe(profile):
        say(f"{what}: {value}")
    if profile is None or profile.empty:
        say("Only questions that presume nothing about you are drawn. Set your profile with "
            "`matchprep profile set KEY VALUE` (" + KEYS_HELP + "), or in the app (Home, p).",
            err=True)
    return 0


def set_subcommand(args: argparse.Namespace) -> int:
    from question_bank.profile import Profile, load_profile, save_profile, with_value
    from tui.store.database import retry_locked

    db = open_db(args)
    try:
        def change() -> Profile:
            with db.atomic():
                profile = with_value(load_profile(db) or Profile(), args.key, args.value)
                return save_profile(db, profile)

        retry_locked(change)
    finally:
        db.close()
    say(f"{args.key.strip().lower().replace('_', '-')}: {args.value.strip() or '(cleared)'}")
    return 0
