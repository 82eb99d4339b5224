"""`matchprep answers export`: the answer binder (Markdown) or the JSON of answers and stories."""

from __future__ import annotations

import argparse

from tui.cli.common import add_db_option, add_output_options, open_db, write_output


def register(sub: argparse._SubParsersAction) -> None:
    answers = sub.add_parser("answers", help="export your answers and stories")
    add_db_option(answers)
    asub = answers.add_subparsers(dest="answers_subcommand", metavar="COMMAND", required=True)
    exp = asub.add_parser(
        "export", help="an answer binder to print (md), or every answer and story as JSON",
        description="md: current answers by category, each part under its heading, the "
                    "stories they use, then the stories. json: format \"matchprep-answers\" "
                    "version 1 (questions, answers with parts, stories, links).")
    add_db_option(exp)
    exp.add_argument("--format", choices=("md", "json"), default="md",
                     help="md (default) or json")
    add_output_options(exp, "write to FILE (0600) instead of printing; a FILE that exists is "
                            "replaced only with --force or a yes at the terminal")
    exp.set_defaults(handler=export_subcommand)


def export_subcommand(args: argparse.Namespace) -> int:
    from question_bank.answer_export import export_json, export_markdown
    from tui.practice.pace import read_pace

    db = open_db(args)
    try:
        if args.format == "json":
            text = export_json(db)
        else:
            text = export_markdown(db, pace_wpm=read_pace(db))
    finally:
        db.close()
    write_output(text, args.output, force=args.force)
    return 0
