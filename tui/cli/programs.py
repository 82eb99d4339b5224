"""`matchprep programs import|list|export`: the master spreadsheet, calendars, dossiers."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from tui.cli.common import add_db_option, add_output_options, db_path, open_db, write_output
from tui.cli.output import say, say_json

if TYPE_CHECKING:
    from dossiers.overview import ProgramRow

# The handlers import the dossiers modules they use when they run: building the command
# line (also to open the app) must not pay for csv, icalendar and Markdown.

FORMATS = ("csv", "md", "ics")


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("programs", help="import, list or export program dossiers")
    add_db_option(group)
    psub = group.add_subparsers(dest="programs_subcommand", metavar="COMMAND", required=True)

    imp = psub.add_parser("import", help="import programs from a CSV spreadsheet")
    add_db_option(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="check the file, change nothing")
    imp.set_defaults(handler=import_subcommand)

    ls = psub.add_parser("list", help="list programs: next interview, readiness, score")
    add_db_option(ls)
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=list_subcommand)

    exp = psub.add_parser("export", help="export programs as CSV, Markdown or iCalendar")
    add_db_option(exp)
    exp.add_argument("--format", required=True, choices=FORMATS,
                     help="csv (spreadsheet), md (dossiers to print), ics (calendar)")
    exp.add_argument("--program", metavar="NAME",
                     help="only this program: a name, another name it goes by, or a unique part")
    add_output_options(exp, "write to FILE (default: print); a FILE that exists is replaced "
                            "only with --force or a yes at the terminal")
    exp.set_defaults(handler=export_subcommand)


def import_subcommand(args: argparse.Namespace) -> int:
    from dossiers.csv_io import counted, import_csv, plan_import, read_csv_file
    from question_bank.text import Cleaning
    from tui.store.backup import automatic_backup
    from tui.store.database import retry_locked

    text = read_csv_file(args.file)  # raises CsvImportError naming the file
    if args.dry_run:
        cleaning = Cleaning()
        plans, ignored = plan_import(text, args.file, cleaning=cleaning)
        days = sum(len(p.days) for p in plans.values())
        extra = f" Ignored columns: {', '.join(ignored)}." if ignored else ""
        extra += f" {cleaning.sentence()}" if cleaning.places else ""
        say(f"{args.file}: {counted(len(plans), 'program')} and "
            f"{counted(days, 'interview day')}, all valid. Nothing was changed.{extra}")
        return 0
    plan_import(text, args.file)  # check before the backup: a bad file changes nothing
    db = open_db(args)
    try:
        automatic_backup(db_path(args), "pre-import")
        report = retry_locked(lambda: import_csv(db, text, args.file))
    finally:
        db.close()
    say(report.summary())
    return 0


def _row_json(row: ProgramRow, zone: str) -> dict:
    p = row.program
    return {
        "id": p.id, "name": p.name, "aliases": p.aliases, "city": p.city, "state": p.state,
        "type": p.type or None, "residents_per_year": p.residents_per_year, "visa": p.visa,
        "interviews": [{
            "date": i.date.isoformat(), "start_time": i.start_time.strftime("%H:%M"),
            "end_time": i.end_time.strftime("%H:%M") if i.end_time else None,
            "ends_at": i.ends_at.isoformat(), "end_assumed": i.end_assumed,
            "timezone": i.timezone, "starts_at": i.starts_at.isoformat(),
            "starts_at_utc": i.starts_at.astimezone(UTC).isoformat(),
            "starts_at_yours": i.starts_at.astimezone(ZoneInfo(zone)).isoformat(),
            "platform": i.platform or None, "link": i.link or None,
        } for i in row.interviews],
        "next_interview": row.next_interview.starts_at.astimezone(UTC).isoformat()
        if row.next_interview else None,
        "overlaps": row.overlapping,
        "readiness": {"fraction": round(row.readiness.fraction, 3),
                      "missing": [g.label for g in row.readiness.missing]},
        "score": row.score, "thank_you_sent": row.thank_you_sent, "rank": p.rank_position,
    }


LIST_COLUMNS = ("Program", "City", "Next interview", "Your time", "Ready", "Score")


def _cells(row: ProgramRow, zone: str) -> tuple[str, ...]:
    from dossiers.zones import format_instant

    nxt = row.next_interview
    when = yours = "-"
    if nxt:
        # As the app's table shows it (without the year; --json has the full instants).
        when = format_instant(nxt.starts_at, nxt.timezone, year=False)
        yours = format_instant(nxt.starts_at, zone, year=False)
        if row.overlapping:
            when = f"⚠ {when}"
    ready = row.readiness
    return (row.program.name, row.program.place or "-", when, yours,
            f"{len(ready.done)}/{ready.total}", f"{row.score}/10" if row.score is not None else "-")


def _lines(rows: list[ProgramRow], zone: str) -> Iterator[str]:
    """A header row and a row a program, each column as wide as its widest cell."""
    from rich.cells import cell_len

    table = [LIST_COLUMNS, *(_cells(row, zone) for row in rows)]
    widths = [max(cell_len(r[i]) for r in table) for i in range(len(LIST_COLUMNS))]
    for r in table:
        yield "  ".join(cell + " " * (w - cell_len(cell))
                        for cell, w in zip(r, widths, strict=True)).rstrip()


def list_subcommand(args: argparse.Namespace) -> int:
    from dossiers.csv_io import counted
    from dossiers.overview import overview, sort_rows
    from tui.practice.user_zone import user_zone

    db = open_db(args)
    try:
        zone = user_zone(db)
        rows = sort_rows(overview(db, datetime.now(UTC)), "next")
    finally:
        db.close()
    if args.json:
        say_json([_row_json(r, zone) for r in rows])
        return 0
    if not rows:
        say("No programs yet: add one in the app (Programs, 5) or `matchprep programs import "
            "FILE`.")
        return 0
    for line in _lines(rows, zone):
        say(line)
    notes = ["Next interview: in the program's time zone",
             "Ready: parts of the dossier done, as the app counts them"]
    if any(row.overlapping for row in rows):
        notes.append("⚠ overlaps another interview")
    say(f"{counted(len(rows), 'program')}; your time zone {zone}. {'; '.join(notes)}.",
        err=True)
    return 0


def export_subcommand(args: argparse.Namespace) -> int:
    from dossiers.programs import find_program
    from tui.practice.exports import export_text
    from tui.practice.user_zone import user_zone

    db = open_db(args)
    try:
        ids = [find_program(db, args.program).id] if args.program else None
        data = export_text(db, args.format, ids, zone=user_zone(db), now=datetime.now(UTC))
    finally:
        db.close()
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    write_output(data, args.output, force=args.force)
    return 0
