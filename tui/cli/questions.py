"""`matchprep questions list|import`."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from question_bank.categories import category_ids, category_label, find_category
from tui.cli import UserError
from tui.cli.common import add_db_option, db_path, open_db
from tui.cli.output import say, say_json


def register(sub: argparse._SubParsersAction) -> None:
    questions = sub.add_parser("questions", help="list or import questions")
    add_db_option(questions)
    qsub = questions.add_subparsers(dest="questions_subcommand", metavar="COMMAND", required=True)

    ls = qsub.add_parser("list", help="list questions (visible ones unless --all)")
    add_db_option(ls)
    ls.add_argument("--category", metavar="C",
                    help="a category id or name: " + ", ".join(category_ids()))
    ls.add_argument("--tag", metavar="TAG", help="only questions with this tag")
    ls.add_argument("--search", metavar="TEXT", help="full-text search")
    ls.add_argument("--all", action="store_true", help="include hidden questions")
    ls.add_argument("--for-me", action="store_true",
                    help="only the questions that fit your profile (`matchprep profile`)")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=list_subcommand)

    imp = qsub.add_parser("import", help="import a question pack (TOML or CSV)")
    add_db_option(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="check the pack, change nothing")
    imp.set_defaults(handler=import_subcommand)


def list_subcommand(args: argparse.Namespace) -> int:
    from question_bank.profile import Profile, load_profile
    from question_bank.questions import list_questions

    category = None
    if args.category:
        found = find_category(args.category)
        if found is None:
            raise UserError(f"--category: {args.category!r} is not a category; expected one of "
                            + ", ".join(category_ids()))
        category = found.id
    db = open_db(args)
    try:
        profile = load_profile(db) if args.for_me else None
        questions = list_questions(db, category=category, tag=args.tag, search=args.search,
                                   include_hidden=args.all,
                                   fitting=(profile or Profile()) if args.for_me else None)
    finally:
        db.close()
    if args.for_me and (profile is None or profile.empty):
        say("Your profile is empty: only questions that presume nothing about you are listed. "
            "Set it with `matchprep profile set KEY VALUE`.", err=True)
    if args.json:
        rows = [asdict(q) | {"tags": list(q.tags)} for q in questions]
        say_json(rows)
        return 0
    for q in questions:
        flag = " (hidden)" if q.hidden else ""
        say(f"{q.id}\t{category_label(q.category)}\t{q.target_seconds}s\t{q.text}{flag}")
    fit = " that fit your profile" if args.for_me else ""
    say(f"{len(questions)} question{'' if len(questions) == 1 else 's'}{fit}", err=True)
    return 0


def import_subcommand(args: argparse.Namespace) -> int:
    from question_bank.packs import import_pack, read_pack
    from question_bank.text import Cleaning
    from tui.store.backup import automatic_backup
    from tui.store.database import retry_locked

    cleaning = Cleaning()
    rows = read_pack(args.file, cleaning=cleaning)  # raises PackError naming file, line, field
    if args.dry_run:
        many = "" if len(rows) == 1 else "s"
        removed = f" {cleaning.sentence()}" if cleaning.places else ""
        say(f"{args.file}: {len(rows)} question{many}, all valid.{removed} Nothing was changed.")
        return 0
    db = open_db(args)
    try:
        automatic_backup(db_path(args), "pre-import")
        report = retry_locked(lambda: import_pack(db, args.file))
    finally:
        db.close()
    say(report.summary())
    return 0
