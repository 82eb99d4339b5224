"""Programs to and from CSV: the applicant's master spreadsheet.

One row per interview day (a program without one has a row of its own); program columns
repeat on each of its rows. Headers are matched flexibly ("Program", "Program Name",
"Interview Date", "Time Zone"...). Import checks every row before it writes anything, and
then writes in one transaction: a bad date or zone is reported by line and column, and
nothing changes. Re-importing updates programs (by name) and interview days (by program
and date); an empty cell never erases what is already there.

On export, a cell that starts with = + - @, a tab or a carriage return is prefixed with
an apostrophe so a spreadsheet does not run it as a formula; import removes exactly that
apostrophe, so values round-trip.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossiers import asks, impressions, interviews, people, programs
from dossiers.dates import parse_date, split_date_time
from dossiers.errors import DossierError
from dossiers.programs import VISAS, clean_field
from dossiers.text import fold, lines
from question_bank.text import Cleaning

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_BYTES = 20 * 1024 * 1024
MAX_ERRORS = 10
_NEEDS_GUARD = re.compile(r"^'*[=+\-@\t\r]")
_GUARDED = re.compile(r"^'+[=+\-@\t\r]")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("name", "Program", ("program name", "name", "residency program", "residency",
                               "institution", "program title")),
    Column("eras_name", "ERAS listing", ("eras", "eras name", "eras program name", "eras program")),
    Column("nrmp_name", "NRMP name", ("nrmp", "nrmp program name", "nrmp program")),
    Column("hospital_name", "Hospital", ("hospital name", "affiliated hospital", "main hospital")),
    Column("other_names", "Other names", ("aka", "also known as", "aliases", "alias")),
    Column("city", "City", ("town",)),
    Column("state", "State", ("st", "state province")),
    Column("type", "Type", ("program type", "setting")),
    Column("residents_per_year", "Residents per year", (
        "residents", "positions", "spots", "size", "number of positions", "class size",
        "residents per class")),
    Column("fellowships", "Fellowships", ("fellowship",)),
    Column("strengths", "Strengths", ("strength", "notable strengths", "highlights")),
    Column("program_director", "Program director", ("pd", "director", "program director name")),
    Column("facilities", "Facilities", ("scanners", "equipment", "imaging facilities")),
    Column("conferences", "Conferences", ("teaching", "teaching conferences", "didactics")),
    Column("call_structure", "Call", ("call structure", "call schedule", "night float")),
    Column("img_residents", "IMG residents", ("imgs", "current imgs", "img residents current")),
    Column("visa", "Visa", ("visa sponsorship", "visas", "sponsorship", "visa sponsored")),
    Column("img_statements", "IMG statements", ("img statement", "img policy", "img friendly")),
    Column("signal", "Signal", ("preference signal", "signaled", "signal tier", "signal sent")),
    Column("rotated_here", "Rotated here", ("away rotation", "rotation here", "rotated",
                                            "away rotation here")),
    Column("letter_writer_here", "Letter writer here", ("letter writer", "lor writer here",
                                                        "letter from here")),
    Column("positions", "Position type", ("categorical or advanced", "position kind",
                                          "track type")),
    Column("step3_needed_by", "Step 3 needed by", ("step 3 deadline", "step 3 by")),
    Column("ecfmg_deadline", "ECFMG deadline", ("ecfmg certification deadline", "ecfmg by",
                                                "ecfmg certification by")),
    Column("why", "Why this program", ("why program", "why", "reasons", "why this")),
    Column("fit", "Why I fit", ("fit", "why me", "my fit")),
    Column("asks", "Questions to ask", ("questions", "my questions", "questions for them")),
    Column("notes", "Notes", ("note", "comments", "comment")),
    Column("date", "Interview date", ("date", "interview day", "interview", "interview date time",
                                      "date of interview")),
    Column("start_time", "Start time", ("time", "interview time", "start", "starts")),
    Column("end_time", "End time", ("end", "ends", "finish", "finish time")),
    Column("timezone", "Time zone", ("timezone", "tz", "zone", "time zone program")),
    Column("platform", "Platform", ("interview platform", "software", "virtual platform")),
    Column("link", "Link", ("url", "zoom link", "meeting link", "interview link", "access link")),
    Column("interview_count", "Number of interviews", ("interviews", "interview count",
                                                        "no of interviews", "rooms")),
    Column("format_notes", "Format", ("interview format", "structure", "interview structure")),
    Column("social", "Social", ("resident social", "social event", "pre interview social")),
    Column("score", "Score", ("rating", "my score")),
    Column("thank_you_sent", "Thank-you sent", ("thank you", "thank you sent", "thank you note",
                                                "thank you notes", "ty sent")),
    Column("rank", "Rank", ("rank position", "my rank")),
)
PROGRAM_KEYS = ("eras_name", "nrmp_name", "hospital_name", "other_names", "city", "state",
                "type", "residents_per_year", "fellowships", "strengths", "facilities",
                "conferences", "call_structure", "img_residents", "visa", "img_statements",
                "notes", "signal", "rotated_here", "letter_writer_here", "positions",
                "step3_needed_by", "ecfmg_deadline")
SIGNAL_CELLS = {"gold": "Gold", "silver": "Silver", "none": "None"}
INTERVIEW_KEYS = ("start_time", "end_time", "timezone", "platform", "link", "interview_count",
                  "format_notes", "social")


def _normal_header(text: str) -> str:
    text = re.sub(r"\(.*?\)", " ", text.lstrip("\ufeff"))
    return fold(text.replace("#", " number "))


_BY_HEADER: dict[str, str] = {}
for _c in COLUMNS:
    for _h in (_c.header, *_c.aliases, _c.key):
        _BY_HEADER.setdefault(_normal_header(_h), _c.key)


def neutralise(cell: str) -> str:
    """A cell made safe for spreadsheets: formula-like text gets a leading apostrophe."""
    return "'" + cell if _NEEDS_GUARD.match(cell) else cell


def restore(cell: str) -> str:
    """Undo `neutralise` exactly."""
    return cell[1:] if _GUARDED.match(cell) else cell


# Export -------------------------------------------------------------------------------

def export_csv(db: Database, program_ids: list[int] | None = None) -> str:
    """The programs (all, or those given) as CSV text, one row per interview day."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in COLUMNS])
    for program in programs.list_programs(db):
        if program_ids is not None and program.id not in program_ids:
            continue
        base = _program_cells(db, program)
        days: list[interviews.Interview | None] = [*interviews.list_interviews(db, program.id)]
        for day in days or [None]:
            row = {**base, **(_interview_cells(day) if day else {})}
            writer.writerow([neutralise(str(row.get(c.key, "") or "")) for c in COLUMNS])
    return out.getvalue()


def _program_cells(db: Database, p: programs.Program) -> dict[str, Any]:
    director = people.program_director(db, p.id)
    impression = impressions.get_impression(db, p.id)
    cells = {key: getattr(p, key) for key in ("name", *PROGRAM_KEYS)}
    cells.update(
        type=programs.TYPES.get(p.type, ""),
        residents_per_year="" if p.residents_per_year is None else str(p.residents_per_year),
        visa="" if p.visa == "unknown" else VISAS[p.visa],
        signal=SIGNAL_CELLS.get(p.signal, ""),
        rotated_here="yes" if p.rotated_here else "",
        letter_writer_here="yes" if p.letter_writer_here else "",
        program_director=director.name if director else "",
        why="\n".join(programs.get_reasons(db, p.id, "why")),
        fit="\n".join(programs.get_reasons(db, p.id, "fit")),
        asks="\n".join(q.text for q in asks.list_asks(db, p.id)),
        score="" if impression.score is None else str(impression.score),
        thank_you_sent="yes" if impression.thank_you_sent else "",
        rank="" if p.rank_position is None else str(p.rank_position),
    )
    return cells


def _interview_cells(day: interviews.Interview) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(), "start_time": day.start_time.strftime("%H:%M"),
        "end_time": day.end_time.strftime("%H:%M") if day.end_time else "",
        "timezone": day.timezone, "platform": day.platform_label, "link": day.link,
        "interview_count": "" if day.interview_count is None else str(day.interview_count),
        "format_notes": day.format_notes, "social": day.social,
    }


# Import -------------------------------------------------------------------------------

@dataclass
class CsvProblem:
    line: int | None
    column: str | None
    message: str


class CsvImportError(Exception):
    """A file that was not imported; `str()` names file, line and column of each problem."""

    def __init__(self, source: str, problems: list[CsvProblem]):
        self.source = source
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        out = []
        for p in self.problems[:MAX_ERRORS]:
            where = [self.source] + ([f"line {p.line}"] if p.line else []) + \
                ([f"column {p.column}"] if p.column else [])
            out.append(f"{', '.join(where)}: {p.message}")
        if len(self.problems) > MAX_ERRORS:
            out.append(f"... and {len(self.problems) - MAX_ERRORS} more problems.")
        out.append("Nothing was imported.")
        return "\n".join(out)


@dataclass
class ProgramPlan:
    name: str
    line: int
    fields: dict[str, Any] = field(default_factory=dict)
    why: list[str] = field(default_factory=list)
    fit: list[str] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)
    director: str = ""
    impression: dict[str, Any] = field(default_factory=dict)
    rank: int | None = None
    rank_at: tuple[int, str] = (0, "rank")  # the line and column it was given in
    days: dict[str, dict[str, Any]] = field(default_factory=dict)  # ISO date -> interview values


@dataclass
class ImportReport:
    source: str
    programs_added: int = 0
    programs_updated: int = 0
    days_added: int = 0
    days_updated: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    program_ids: list[int] = field(default_factory=list)
    cleaning: Cleaning = field(default_factory=Cleaning)

    def summary(self) -> str:
        text = (f"{self.source}: {counted(self.programs_added, 'program')} added, "
                f"{self.programs_updated} updated; "
                f"{counted(self.days_added, 'interview day')} added, "
                f"{self.days_updated} updated.")
        if self.ignored_columns:
            text += " Ignored columns: " + ", ".join(self.ignored_columns) + "."
        if self.cleaning.places:
            text += " " + self.cleaning.sentence()
        return text


def counted(n: int, noun: str) -> str:
    """"1 program", "2 programs"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _letter(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def read_csv_file(path: Path | str) -> str:
    """The text of a CSV file (UTF-8, with or without a byte-order mark). Raises CsvImportError."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CsvImportError(str(path), [CsvProblem(None, None, "is larger than 20 MB; "
                                                        "this is not a program spreadsheet")])
        data = path.read_bytes()
    except OSError as error:
        raise CsvImportError(str(path), [CsvProblem(None, None, f"cannot be read "
                                                    f"({error.strerror or error})")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CsvImportError(str(path), [CsvProblem(line, None, "is not UTF-8 text; save the "
                                                    "spreadsheet as 'CSV UTF-8' and try again")]) \
            from None


def plan_import(text: str, source: str, *, today: date | None = None,
                cleaning: Cleaning | None = None) -> tuple[dict[str, ProgramPlan], list[str]]:
    """Check every row; return the plan per program (by folded name) and ignored columns.
    Control characters are dropped from every cell (`cleaning` notes how many, where).

    Raises CsvImportError listing the problems (file, line, column) when any row is bad.
    """
    cleaning = cleaning if cleaning is not None else Cleaning()
    problems: list[CsvProblem] = []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvImportError(source, [CsvProblem(
            1, None, "the file is empty; expected a header row such as Program,City,State")]) \
            from None
    except csv.Error as error:
        raise CsvImportError(source, [CsvProblem(1, None, f"this is not CSV ({error})")]) from None
    keys: list[str | None] = []
    where: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        key = _BY_HEADER.get(_normal_header(cell))
        label = f"{_letter(index)} ({cell.strip()!r})"
        if key and key in where:
            problems.append(CsvProblem(1, label, f"means the same as column {where[key]}; "
                                                 "keep one of them"))
        if key:
            where[key] = label
        elif cell.strip():
            ignored.append(cell.strip())
        keys.append(key)
    if "name" not in where:
        problems.append(CsvProblem(1, None, "no column names the program; expected a header "
                                            "such as 'Program' or 'Program Name'"))
    if "date" in where and "timezone" not in where:
        problems.append(CsvProblem(1, None, "there is an interview date column but no time "
                                            "zone column; add one (e.g. 'Time Zone': "
                                            "America/Chicago or CT)"))
    if problems:
        raise CsvImportError(source, problems)
    plans: dict[str, ProgramPlan] = {}
    line = 2
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(keys) and any(c.strip() for c in record[len(keys):]):
                problems.append(CsvProblem(start, _letter(len(keys)), f"the row has "
                                           f"{len(record)} cells but the header has {len(keys)}"))
                continue
            cells = {k: cleaning.take(restore(v), f"line {start}, column {where[k]}")
                     for k, v in zip(keys, record, strict=False) if k}
            _plan_row(cells, start, where, plans, problems, today)
    except csv.Error as error:
        problems.append(CsvProblem(reader.line_num, None, f"this is not valid CSV ({error})"))
    if problems:
        raise CsvImportError(source, problems)
    return plans, ignored


def _plan_row(cells: dict[str, str], line: int, where: dict[str, str],
              plans: dict[str, ProgramPlan], problems: list[CsvProblem],
              today: date | None) -> None:
    def bad(key: str, message: str) -> None:
        problems.append(CsvProblem(line, where.get(key, key), message))

    name = " ".join(cells.get("name", "").split())
    if not name:
        bad("name", "is empty; every row needs the program's name")
        return
    plan = plans.setdefault(fold(name), ProgramPlan(name, line))
    try:
        for key in PROGRAM_KEYS:
            value = cells.get(key, "")
            if value.strip():
                plan.fields[key] = clean_field(key, value)
        if cells.get("program_director", "").strip():
            plan.director = cells["program_director"].strip()
        for kind in ("why", "fit", "asks"):
            if cells.get(kind, "").strip():
                setattr(plan, kind, lines(cells[kind]))
        if cells.get("score", "").strip():
            plan.impression["score"] = impressions.parse_score(cells["score"])
        if cells.get("thank_you_sent", "").strip():
            plan.impression["thank_you_sent"] = impressions.parse_yes_no(cells["thank_you_sent"])
        if cells.get("rank", "").strip():
            try:
                plan.rank = int(cells["rank"].strip())
            except ValueError:
                raise DossierError("rank", f"{cells['rank']!r} is not a whole number") from None
            if plan.rank < 1:
                raise DossierError("rank", f"{plan.rank} is out of range; the first rank is 1")
            plan.rank_at = (line, where.get("rank", "rank"))
    except DossierError as error:
        bad(error.field, error.message)
        return
    date_cell = cells.get("date", "").strip()
    if not date_cell:
        if any(cells.get(k, "").strip() for k in ("start_time", "platform", "link")):
            bad("date", "is empty, but the row has interview details; give the interview date")
        return
    day_text, time_text = split_date_time(date_cell)
    values: dict[str, object] = {k: cells.get(k, "") for k in INTERVIEW_KEYS}
    if not cells.get("start_time", "").strip():
        values["start_time"] = time_text
    try:
        day = parse_date(day_text, field="date", today=today)
        values["date"] = day
        if not str(values["start_time"]).strip():
            raise DossierError("start_time", "is empty; an interview day needs its start time "
                                             "(e.g. 09:00 or 9:00 AM)")
        plan.days[day.isoformat()] = interviews.validate(values)
    except DossierError as error:
        bad(error.field, error.message)


def import_csv(db: Database, text: str, source: str = "the file", *,
               today: date | None = None) -> ImportReport:
    """Import programs from CSV text: all rows checked first, then one transaction."""
    report = ImportReport(source)
    plans, report.ignored_columns = plan_import(text, source, today=today,
                                                cleaning=report.cleaning)
    # Every program by folded name, read once: looking each row's program up among all of
    # them made an import of n rows take n² steps (10,000 rows: minutes).
    known: dict[str, programs.Program] = {}
    for program in programs.list_programs(db):
        known.setdefault(fold(program.name), program)
    _check_ranks(len(set(known) | set(plans)), plans, source)
    with db.atomic():
        for key, plan in plans.items():
            known[key] = _apply(db, plan, known.get(key), report)
    return report


def _check_ranks(count: int, plans: dict[str, ProgramPlan], source: str) -> None:
    """A rank goes from 1 to `count`, the number of programs there will be: raise
    CsvImportError naming each row beyond it (a typing slip, or a number too large to store)."""
    problems = [CsvProblem(p.rank_at[0], p.rank_at[1], f"{p.rank} is out of range; ranks go "
                           f"from 1 to {count}, the number of programs")
                for p in plans.values() if p.rank is not None and p.rank > count]
    if problems:
        raise CsvImportError(source, problems)


def _apply(db: Database, plan: ProgramPlan, existing: programs.Program | None,
           report: ImportReport) -> programs.Program:
    """Write one program's plan (over `existing`, the program of that name, if any)."""
    if existing is None:
        program = programs.add_program(db, plan.name, **plan.fields)
        report.programs_added += 1
    else:
        program = programs.update_program(db, existing.id, **plan.fields)
        report.programs_updated += 1
    report.program_ids.append(program.id)
    for kind in ("why", "fit"):
        if getattr(plan, kind):
            programs.set_reasons(db, program.id, kind, getattr(plan, kind))
    for text in plan.asks:
        asks.add_ask(db, program.id, text)
    if plan.director:
        people.set_program_director(db, program.id, plan.director)
    if plan.impression:
        impressions.save_impression(db, program.id, **plan.impression)
    if plan.rank is not None:
        db.execute("update programs set rank_position = ? where id = ?", [plan.rank, program.id])
    by_date = {d.date.isoformat(): d for d in interviews.list_interviews(db, program.id)}
    for day, values in plan.days.items():
        row = {k: v for k, v in values.items() if v not in ("", None) or k in (
            "date", "start_time", "timezone")}
        if day in by_date:
            interviews.update_interview(db, by_date[day].id, **row)
            report.days_updated += 1
        else:
            interviews.add_interview(db, program.id, **row)
            report.days_added += 1
    return program
