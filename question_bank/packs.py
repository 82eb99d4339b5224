"""Question packs: the user's own questions from a TOML or CSV file, all or nothing.

A TOML pack holds `[[question]]` tables; a CSV pack has a header row. Either way each
question needs `text` and `category`; `tags`, `target_seconds`, `structure`,
`guidance`, `audience`, `id`, `presumes` (what the question presumes of the applicant:
premise ids from `question_bank.profile.PREMISES`), `checked` (YYYY-MM, when guidance
that depends on a rule was checked) and `review_after` (YYYY-MM-DD) are optional. Every
row is checked before anything is written; the first problems found are reported with
file, line and field, and the database is left as it was. Importing the same pack again
updates rather than duplicates.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from question_bank.categories import DEFAULT_STRUCTURE_BY_CATEGORY, category_ids, find_category
from question_bank.questions import QuestionError, now_iso, parse_tags, validate
from question_bank.text import Cleaning

if TYPE_CHECKING:
    from sqlite_utils import Database

KNOWN_FIELDS = {"id", "text", "category", "tags", "target_seconds", "structure", "guidance",
                "audience", "presumes", "checked", "review_after"}
LIST_FIELDS = ("tags", "presumes")  # a list, or text separated by commas
HEADER_ALIASES = {
    "question": "text", "prompt": "text", "target": "target_seconds", "seconds": "target_seconds",
    "target seconds": "target_seconds", "target_secs": "target_seconds", "tag": "tags",
    "note": "guidance", "notes": "guidance", "premises": "presumes", "presumes": "presumes",
    "review after": "review_after", "checked on": "checked",
}
MAX_ERRORS = 10
MAX_PACK_BYTES = 20 * 1024 * 1024
MAX_TOML_DEPTH = 20  # a pack needs 3 ([[question]], a table, a list of tags)


@dataclass
class PackProblem:
    line: int | None
    field: str | None
    message: str


class PackError(Exception):
    """A pack that was rejected whole; `str()` names the file, line and field of each problem."""

    def __init__(self, path: str, problems: list[PackProblem]):
        self.path = path
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        lines = []
        for p in self.problems[:MAX_ERRORS]:
            where = [self.path]
            if p.line is not None:
                where.append(f"line {p.line}")
            if p.field:
                where.append(f"field '{p.field}'")
            lines.append(f"{', '.join(where)}: {p.message}")
        if len(self.problems) > MAX_ERRORS:
            lines.append(f"... and {len(self.problems) - MAX_ERRORS} more problems.")
        lines.append("Nothing was imported.")
        return "\n".join(lines)


@dataclass
class ImportReport:
    path: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    ids: list[str] = field(default_factory=list)
    cleaning: Cleaning = field(default_factory=Cleaning)

    def summary(self) -> str:
        text = (f"{self.path}: {self.added} added, {self.updated} updated, "
                f"{self.unchanged} unchanged.")
        removed = self.cleaning.sentence()
        return f"{text} {removed}" if removed else text


def _without_controls(raw: dict[str, Any], line: int | None,
                      cleaning: Cleaning) -> dict[str, Any]:
    """The row's text with control characters dropped (see question_bank.text)."""
    where = f"line {line}, " if line is not None else ""
    cleaned: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            value = cleaning.take(value, f"{where}field '{key}'")
        elif isinstance(value, list):
            value = [cleaning.take(v, f"{where}field '{key}'") if isinstance(v, str) else v
                     for v in value]
        cleaned[key] = value
    return cleaned


def _nesting_too_deep(text: str) -> int | None:
    """The line where the TOML's arrays and tables nest deeper than MAX_TOML_DEPTH, if
    they do (Python's TOML reader would give up with a RecursionError). Brackets inside
    strings and comments do not count."""
    depth, line, quote = 0, 1, ""
    index, size = 0, len(text)
    while index < size:
        char = text[index]
        if char == "\n":
            line += 1
        if quote:
            if char == "\\" and quote in ('"', '"""'):
                index += 2
                continue
            if text.startswith(quote, index):
                index += len(quote)
                quote = ""
                continue
        elif char == "#":
            end = text.find("\n", index)
            index = size if end < 0 else end
            continue
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, index) else char
            index += len(quote)
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_TOML_DEPTH:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    return None


def _clean_row(raw: dict[str, Any], line: int | None, problems: list[PackProblem],
               cleaning: Cleaning) -> dict[str, Any] | None:
    raw = _without_controls(raw, line, cleaning)
    unknown = sorted(k for k in raw if k not in KNOWN_FIELDS)
    if unknown:
        problems.append(PackProblem(line, unknown[0], f"unknown field; expected some of "
                                    f"{', '.join(sorted(KNOWN_FIELDS))}"))
        return None
    for required in ("text", "category"):
        value = raw.get(required)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(PackProblem(line, required, "is missing; every question needs it"))
            return None
    for key, value in raw.items():
        if key not in LIST_FIELDS and key != "target_seconds" and not isinstance(value, str):
            problems.append(PackProblem(line, key, f"expected text, found {type(value).__name__}"))
            return None
    category = find_category(raw["category"])
    if category is None:
        problems.append(PackProblem(line, "category", f"{raw['category']!r} is not a category; "
                                    f"expected one of {', '.join(category_ids())}"))
        return None
    tags_value = raw.get("tags")
    if tags_value is not None and not isinstance(tags_value, (str, list)):
        problems.append(PackProblem(line, "tags",
                                    "expected a list of words or comma-separated text"))
        return None
    presumes = raw.get("presumes")
    if presumes is not None and not isinstance(presumes, (str, list)):
        problems.append(PackProblem(line, "presumes",
                                    "expected a list of premises or comma-separated text"))
        return None
    seconds = raw.get("target_seconds")
    if seconds is None or (isinstance(seconds, str) and not seconds.strip()):
        seconds = 90
    if isinstance(seconds, bool) or not isinstance(seconds, (int, str)):
        problems.append(PackProblem(line, "target_seconds", "expected a whole number of seconds"))
        return None
    structure = (raw.get("structure") or "").strip() or DEFAULT_STRUCTURE_BY_CATEGORY.get(
        category.id, "outline")
    try:
        row = validate(
            text=raw["text"], category=category.id, tags=parse_tags(tags_value),
            target_seconds=seconds, structure=structure.replace("-", "_"),
            guidance=raw.get("guidance") or "", audience=raw.get("audience"),
            presumes=presumes, checked=raw.get("checked"), review_after=raw.get("review_after"),
        )
    except QuestionError as error:
        problems.append(PackProblem(line, error.field, error.message))
        return None
    given_id = (raw.get("id") or "").strip()
    if given_id and not re.fullmatch(r"[\w.\-]{1,80}", given_id):
        problems.append(PackProblem(line, "id", "use letters, digits, dots and hyphens only"))
        return None
    normal = " ".join(row["text"].casefold().split())
    row["id"] = given_id or "pack." + hashlib.sha1(normal.encode()).hexdigest()[:12]
    return row


def _toml_rows(name: str, text: str, problems: list[PackProblem],
               cleaning: Cleaning) -> list[dict[str, Any]]:
    deep = _nesting_too_deep(text)
    if deep is not None:
        problems.append(PackProblem(deep, None, f"arrays and tables nest more than "
                                    f"{MAX_TOML_DEPTH} deep; a pack needs 3 at most"))
        return []
    try:
        data = tomllib.loads(text)
    except RecursionError:
        problems.append(PackProblem(None, None, f"arrays and tables nest more than "
                                    f"{MAX_TOML_DEPTH} deep; a pack needs 3 at most"))
        return []
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line = int(match.group(1)) if match else None
        problems.append(PackProblem(line, None, f"this is not valid TOML ({error})"))
        return []
    questions = data.get("question")
    extra = sorted(k for k in data if k not in ("question", "pack"))
    if extra:
        problems.append(PackProblem(None, extra[0],
                                    "unknown table; a pack holds [[question]] tables"))
        return []
    if not isinstance(questions, list) or not questions:
        problems.append(PackProblem(None, "question", "no [[question]] tables were found"))
        return []
    header_lines = [i for i, text_line in enumerate(text.splitlines(), 1)
                    if re.match(r"\s*\[\[\s*question\s*\]\]", text_line)]
    rows = []
    for index, raw in enumerate(questions):
        line = header_lines[index] if index < len(header_lines) else None
        if not isinstance(raw, dict):
            problems.append(PackProblem(line, "question", "expected a table"))
            continue
        row = _clean_row(raw, line, problems, cleaning)
        if row:
            rows.append(row)
    return rows


def _csv_rows(name: str, text: str, problems: list[PackProblem],
              cleaning: Cleaning) -> list[dict[str, Any]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(PackProblem(1, None, "the file is empty; expected a header row"))
        return []
    except csv.Error as error:
        problems.append(PackProblem(1, None, f"this is not valid CSV ({error})"))
        return []
    columns = []
    for cell in header:
        key = " ".join(cell.strip().lstrip("\ufeff").lower().replace("_", " ").split())
        key = HEADER_ALIASES.get(key, key.replace(" ", "_"))
        columns.append(key)
    for required in ("text", "category"):
        if required not in columns:
            problems.append(PackProblem(1, required, "column is missing from the header row; "
                                        "expected at least 'text' and 'category'"))
            return []
    rows = []
    start_line = 2
    try:
        for record in reader:
            line = start_line
            start_line = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(columns):
                problems.append(PackProblem(line, None, f"has {len(record)} cells but the header "
                                            f"has {len(columns)} columns"))
                continue
            raw = {k: v for k, v in zip(columns, record, strict=False)
                   if v.strip() or k in ("text", "category")}
            for col in columns[len(record):]:
                if col in ("text", "category"):
                    raw[col] = ""
            row = _clean_row(raw, line, problems, cleaning)
            if row:
                rows.append(row)
    except csv.Error as error:
        problems.append(PackProblem(reader.line_num, None, f"this is not valid CSV ({error})"))
    return rows


def read_pack(path: Path | str, data: bytes | None = None, *,
              cleaning: Cleaning | None = None) -> list[dict[str, Any]]:
    """Parse and check a pack; raise PackError naming every problem (nothing is written).
    Control characters are dropped from its text; `cleaning` notes how many, and where."""
    cleaning = cleaning if cleaning is not None else Cleaning()
    path = Path(path)
    name = str(path)
    problems: list[PackProblem] = []
    if data is None:
        try:
            if path.stat().st_size > MAX_PACK_BYTES:
                raise PackError(name, [PackProblem(None, None, "the file is larger than 20 MB")])
            data = path.read_bytes()
        except OSError as error:
            raise PackError(name, [PackProblem(None, None, f"cannot be read ({error.strerror})")]) \
                from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PackError(name, [PackProblem(line, None, "is not UTF-8 text")]) from None
    if "\x00" in text:
        raise PackError(name, [PackProblem(text[: text.index("\x00")].count("\n") + 1, None,
                                           "contains a NUL byte; expected text")])
    suffix = path.suffix.lower()
    if suffix == ".toml":
        rows = _toml_rows(name, text, problems, cleaning)
    elif suffix in (".csv", ".tsv"):
        rows = _csv_rows(name, text, problems, cleaning)
    else:
        raise PackError(name, [PackProblem(None, None, "expected a .toml or .csv file")])
    seen: dict[str, int] = {}
    for row in rows:
        seen[row["id"]] = seen.get(row["id"], 0) + 1
    dupes = [i for i, n in seen.items() if n > 1]
    if dupes:
        problems.append(PackProblem(None, "id", f"{dupes[0]!r} appears more than once"))
    if problems:
        raise PackError(name, problems)
    return rows


def import_pack(db: Database, path: Path | str, data: bytes | None = None) -> ImportReport:
    """Import a pack in one transaction: every question or none."""
    report = ImportReport(str(path))
    rows = read_pack(path, data, cleaning=report.cleaning)
    stamp = now_iso()
    with db.atomic():
        for row in rows:
            existing = list(db.query("select * from questions where id = ?", [row["id"]]))
            if not existing:
                db.table("questions").insert({**row, "origin": "pack", "edited": 0, "hidden": 0,
                                        "created_at": stamp, "updated_at": stamp})
                report.added += 1
            else:
                old = existing[0]
                if all(old.get(k) == v for k, v in row.items()):
                    report.unchanged += 1
                    continue
                changes = {**row, "updated_at": stamp}
                if old["origin"] == "shipped":
                    changes["edited"] = 1
                db.table("questions").update(row["id"], changes)
                report.updated += 1
            report.ids.append(row["id"])
    return report
