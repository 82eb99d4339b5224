"""Programs: the basics of a dossier, the other names a program goes by, finding one by name.

A program is found by its name or any of its other names (ERAS listing, NRMP name,
hospital, anything else), or by any part of one that only it has: `find_program`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from dossiers.dates import parse_date
from dossiers.errors import DossierError, ProgramNotFound
from dossiers.rows import insert_row, update_row
from dossiers.text import fold, lines, now_iso

if TYPE_CHECKING:
    from sqlite_utils import Database

TYPES: dict[str, str] = {"academic": "Academic", "community": "Community", "hybrid": "Hybrid"}
VISAS: dict[str, str] = {
    "unknown": "Unknown",
    "j1": "J-1 only",
    "h1b": "H-1B only",
    "both": "J-1 and H-1B",
    "none": "No visa sponsorship",
}
SIGNALS: dict[str, str] = {"gold": "Gold signal", "silver": "Silver signal", "none": "No signal"}
POSITIONS: dict[str, str] = {
    "categorical": "Categorical (intern year included)",
    "advanced": "Advanced (after a separate intern year)",
    "both": "Categorical and advanced",
}
FLAG_FIELDS = ("rotated_here", "letter_writer_here")  # yes or no
DATE_FIELDS = ("step3_needed_by", "ecfmg_deadline")  # ISO dates, '' when unknown
ALIAS_FIELDS: dict[str, str] = {
    "eras_name": "ERAS listing",
    "nrmp_name": "NRMP name",
    "hospital_name": "Hospital",
    "other_names": "Other names",
}
TEXT_FIELDS = (
    "name", *ALIAS_FIELDS, "city", "state", "fellowships", "strengths", "facilities",
    "conferences", "call_structure", "img_residents", "img_statements", "notes",
)
EDITABLE = frozenset((*TEXT_FIELDS, "type", "visa", "residents_per_year", "signal",
                      "positions", *FLAG_FIELDS, *DATE_FIELDS))
MAX_NAME = 200
MAX_TEXT = 20_000
REASON_LIMITS = {"why": 3, "fit": 2}  # how many "why this program" and "why I fit" reasons


@dataclass(frozen=True, slots=True)
class Program:
    id: int
    name: str
    eras_name: str = ""
    nrmp_name: str = ""
    hospital_name: str = ""
    other_names: str = ""
    city: str = ""
    state: str = ""
    type: str = ""
    residents_per_year: int | None = None
    fellowships: str = ""
    strengths: str = ""
    facilities: str = ""
    conferences: str = ""
    call_structure: str = ""
    img_residents: str = ""
    visa: str = "unknown"
    img_statements: str = ""
    notes: str = ""
    rank_position: int | None = None
    signal: str = ""  # gold | silver | none (not signaled) | '' (not recorded)
    rotated_here: bool = False
    letter_writer_here: bool = False
    positions: str = ""  # categorical | advanced | both | ''
    step3_needed_by: str = ""  # ISO date
    ecfmg_deadline: str = ""  # ISO date

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Program:
        values = {f.name: row[f.name] for f in fields(cls)}
        return cls(**values | {k: bool(values[k]) for k in FLAG_FIELDS})

    @property
    def signaled(self) -> bool:
        return self.signal in ("gold", "silver")

    @property
    def aliases(self) -> list[str]:
        """Every other name: ERAS, NRMP, hospital, then each of the other names (one a line)."""
        names = [self.eras_name, self.nrmp_name, self.hospital_name, *lines(self.other_names)]
        return [n.strip() for n in names if n and n.strip()]

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.city, self.state) if p)


def clean_field(field: str, value: object) -> object:
    """One program field as stored, from what a person typed. Raises DossierError."""
    if field not in EDITABLE:
        raise DossierError(field, "is not a field of a program")
    if field == "residents_per_year":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            number = int(str(value).strip())
        except ValueError:
            raise DossierError(field, f"{value!r} is not a whole number") from None
        if not 0 <= number <= 200:
            raise DossierError(field, f"{number} is out of range; expected 0 to 200")
        return number
    text = "" if value is None else str(value)
    if field == "type":
        text = text.strip().casefold()
        if text and text not in TYPES:
            raise DossierError(field, f"{value!r} is not a program type; expected academic, "
                                      "community or hybrid")
        return text
    if field == "visa":
        return parse_visa(text)
    if field == "signal":
        return parse_signal(text)
    if field == "positions":
        return _one_of(field, text, POSITIONS, "a kind of position")
    if field in FLAG_FIELDS:
        return _yes_no(field, value)
    if field in DATE_FIELDS:
        return parse_date(text, field=field).isoformat() if text.strip() else ""
    if field == "name":
        return _clean_name(text)
    if len(text) > MAX_TEXT:
        raise DossierError(field, f"is {len(text)} characters; at most {MAX_TEXT} are allowed")
    return text if "\n" in text else text.strip()


def _clean_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise DossierError("name", "is empty; every program needs a name")
    if len(name) > MAX_NAME:
        raise DossierError("name", f"is {len(name)} characters; at most {MAX_NAME} are allowed")
    return name


def parse_visa(text: str) -> str:
    """A visa policy from what a person writes ("J-1", "H1B", "both", "none", "?")."""
    raw = (text or "").strip()
    key = fold(raw).replace(" ", "")
    if key in ("", "unknown", "?", "notsure", "unclear", "tbd"):
        return "unknown"
    if key in VISAS:
        return key
    j1, h1b = "j1" in key, "h1b" in key
    if j1 and h1b or key in ("both", "j1h1b", "j1andh1b"):
        return "both"
    if j1:
        return "j1"
    if h1b:
        return "h1b"
    if key in ("none", "no", "nosponsorship", "novisa", "novisasponsorship", "citizensonly"):
        return "none"
    raise DossierError("visa", f"{raw!r} is not a visa policy; expected J-1 only, H-1B only, "
                               "both, none or unknown")


def parse_signal(text: str) -> str:
    """A preference signal from what a person writes ("Gold", "silver", "none", "no")."""
    key = fold(text or "").replace(" signal", "").strip()
    if key in ("", "unknown", "?", "not recorded"):
        return ""
    if key in ("no", "not signaled", "not signalled", "none", "-"):
        return "none"
    if key in SIGNALS:
        return key
    raise DossierError("signal", f"{text.strip()!r} is not a signal; expected gold, silver, "
                                 "none (not signaled) or empty (not recorded)")


def _one_of(field: str, text: str, allowed: dict[str, str], what: str) -> str:
    key = fold(text or "").strip()
    if not key:
        return ""
    found = ([k for k in allowed if k == key] or [k for k in allowed if k.startswith(key)]
             or [k for k in allowed if fold(allowed[k]).startswith(key)])
    if len(found) != 1:
        raise DossierError(field, f"{text.strip()!r} is not {what}; expected one of "
                                  + ", ".join(allowed))
    return found[0]


def _yes_no(field: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().casefold()
    if text in ("", "no", "n", "false", "0", "-"):
        return False
    if text in ("yes", "y", "true", "1", "x", "✓", "✔"):
        return True
    raise DossierError(field, f"{value!r} is not yes or no")


def _check_unique_name(db: Database, name: str, program_id: int | None) -> None:
    for row in db.query("select id from programs where name = ? collate nocase", [name]):
        if row["id"] != program_id:
            raise DossierError("name", f"a program called {name!r} already exists; "
                                       "give this one another name")


def add_program(db: Database, name: str, **values: object) -> Program:
    """A new program; `values` are any editable fields. Raises DossierError."""
    name = _clean_name(name)
    row = {"name": name, **{f: clean_field(f, v) for f, v in values.items()}}
    _check_unique_name(db, name, None)
    stamp = now_iso()
    program_id = insert_row(db, "programs", {**row, "created_at": stamp, "updated_at": stamp})
    return _existing_program(db, program_id)


def update_program(db: Database, program_id: int, **values: object) -> Program:
    """Change some fields of a program (saved as typed). Raises DossierError."""
    _existing_program(db, program_id)
    row = {f: clean_field(f, v) for f, v in values.items()}
    name = row.get("name")
    if isinstance(name, str):  # as clean_field gives a name
        _check_unique_name(db, name, program_id)
    if row:
        update_row(db, "programs", program_id, {**row, "updated_at": now_iso()})
    return _existing_program(db, program_id)


def delete_program(db: Database, program_id: int) -> None:
    """Delete a program and everything of it (interviews, ticks, impressions...)."""
    with db.atomic():
        db.execute("delete from programs where id = ?", [program_id])


def get_program(db: Database, program_id: int) -> Program | None:
    rows = list(db.query("select * from programs where id = ?", [program_id]))
    return Program.from_row(rows[0]) if rows else None


def _existing_program(db: Database, program_id: int) -> Program:
    """The program with this id; DossierError when there is none (deleted meanwhile, say)."""
    program = get_program(db, program_id)
    if program is None:
        raise DossierError("program", f"no program has the id {program_id}")
    return program


def list_programs(db: Database) -> list[Program]:
    """Every program, by name."""
    return [Program.from_row(r) for r in db.query("select * from programs order by name")]


def program_by_name(db: Database, name: str) -> Program | None:
    """The program with exactly this name (ignoring case, accents and punctuation)."""
    wanted = fold(name)
    return next((p for p in list_programs(db) if fold(p.name) == wanted), None)


def find_program(db: Database, name: str) -> Program:
    """The one program called `name`, or known by it, or whose names alone contain it.

    Raises ProgramNotFound with a sentence when none or several match.
    """
    wanted = fold(name)
    programs = list_programs(db)
    if not wanted:
        raise ProgramNotFound("give a program's name, or a part of one")
    exact = [p for p in programs if wanted in {fold(n) for n in (p.name, *p.aliases)}]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [p for p in programs
                        if any(wanted in fold(n) for n in (p.name, *p.aliases))]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        known = ", ".join(p.name for p in programs[:8]) or "none yet"
        more = "…" if len(programs) > 8 else ""
        raise ProgramNotFound(f"no program is called or known by {name!r} "
                              f"(programs: {known}{more})")
    names = ", ".join(p.name for p in partial[:6])
    raise ProgramNotFound(f"{name!r} matches {len(partial)} programs ({names}); "
                          "give more of the name")


def matches(program: Program, query: str) -> bool:
    """Whether every word of `query` is in the program's names, city or state."""
    words = fold(query).split()
    haystack = fold(" ".join([program.name, *program.aliases, program.city, program.state]))
    return all(w in haystack for w in words)


# Reasons: "why this program" (2-3) and "why I fit" (1-2) -------------------------------

def get_reasons(db: Database, program_id: int, kind: str) -> list[str]:
    """The program's reasons of one kind ("why" or "fit"), in order."""
    rows = db.query("select text from program_reasons where program_id = ? and kind = ? "
                    "order by position", [program_id, kind])
    return [r["text"] for r in rows]


def reasons_by_program(db: Database, kind: str) -> dict[int, list[str]]:
    """Every program's reasons of one kind, each program's in order (`get_reasons` for all,
    in one query)."""
    found: dict[int, list[str]] = {}
    for program_id, text in db.execute("select program_id, text from program_reasons "
                                       "where kind = ? order by program_id, position", [kind]):
        found.setdefault(program_id, []).append(text)
    return found


def set_reasons(db: Database, program_id: int, kind: str, reasons: list[str]) -> list[str]:
    """Replace the reasons of one kind; empty ones are dropped. Raises DossierError."""
    if kind not in REASON_LIMITS:
        raise DossierError("kind", f"{kind!r} is not a kind of reason; expected why or fit")
    # One line each, as they are written: the spreadsheet keeps one reason a line, so a
    # line break inside a reason would come back as two reasons.
    kept = [" ".join(r.split()) for r in reasons if r and r.strip()]
    for text in kept:
        if len(text) > MAX_TEXT:
            raise DossierError(kind, f"a reason is {len(text)} characters; at most {MAX_TEXT}")
    with db.atomic():
        db.execute("delete from program_reasons where program_id = ? and kind = ?",
                   [program_id, kind])
        for position, text in enumerate(kept):
            insert_row(db, "program_reasons", {"program_id": program_id, "kind": kind,
                                                "position": position, "text": text})
    return kept
