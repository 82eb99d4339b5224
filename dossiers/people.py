"""People: those to know before the interview (program director, faculty whose interests
overlap the user's) and those met on the day; each with a role and a note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossiers.errors import DossierError
from dossiers.rows import insert_row, update_row

if TYPE_CHECKING:
    from sqlite_utils import Database

ROLES: dict[str, str] = {
    "pd": "Program director",
    "apd": "Associate program director",
    "chair": "Chair",
    "faculty": "Faculty",
    "coordinator": "Coordinator",
    "chief": "Chief resident",
    "resident": "Resident",
    "other": "Other",
}
# "known": people to know before the interview; "met": people met on the day.
TABLES = {"known": "program_people", "met": "people_met"}
MAX_NOTE = 5_000


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    program_id: int
    name: str
    role: str
    note: str

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def _table(kind: str) -> str:
    if kind not in TABLES:
        raise DossierError("kind", f"{kind!r} is not a list of people; expected known or met")
    return TABLES[kind]


def _clean(name: str, role: str, note: str) -> dict[str, str]:
    name = " ".join((name or "").split())
    if not name:
        raise DossierError("name", "is empty; write the person's name")
    role = (role or "other").strip()
    if role not in ROLES:
        raise DossierError("role", f"{role!r} is not a role; expected one of "
                                   + ", ".join(ROLES))
    if len(note or "") > MAX_NOTE:
        raise DossierError("note", f"is longer than {MAX_NOTE} characters")
    return {"name": name, "role": role, "note": (note or "").strip()}


def list_people(db: Database, program_id: int, kind: str = "known") -> list[Person]:
    """The program's people of one kind, program director first, then as added."""
    order = "case role when 'pd' then 0 when 'apd' then 1 when 'chair' then 2 else 3 end, " \
            "position, id" if kind == "known" else "position, id"
    rows = db.query(f"select * from {_table(kind)} where program_id = ? order by {order}",
                    [program_id])
    return [Person(r["id"], r["program_id"], r["name"], r["role"], r["note"]) for r in rows]


def people_by_program(db: Database, kind: str = "known") -> dict[int, list[Person]]:
    """Every program's people of one kind, each program's in `list_people`'s order (one
    query for all)."""
    order = "case role when 'pd' then 0 when 'apd' then 1 when 'chair' then 2 else 3 end, " \
            "position, id" if kind == "known" else "position, id"
    found: dict[int, list[Person]] = {}
    for row in db.execute(f"select id, program_id, name, role, note from {_table(kind)} "
                          f"order by program_id, {order}"):
        found.setdefault(row[1], []).append(Person(*row))
    return found


def add_person(db: Database, program_id: int, name: str, role: str = "faculty",
               note: str = "", kind: str = "known") -> Person:
    row = _clean(name, role, note)
    table = _table(kind)
    position = db.execute(f"select coalesce(max(position), -1) + 1 from {table} "
                          "where program_id = ?", [program_id]).fetchone()[0]
    new_id = insert_row(db, table, {**row, "program_id": program_id, "position": position})
    return next(p for p in list_people(db, program_id, kind) if p.id == new_id)


def update_person(db: Database, person_id: int, name: str, role: str, note: str,
                  kind: str = "known") -> None:
    update_row(db, _table(kind), person_id, _clean(name, role, note))


def remove_person(db: Database, person_id: int, kind: str = "known") -> None:
    with db.atomic():
        db.execute(f"delete from {_table(kind)} where id = ?", [person_id])


def program_director(db: Database, program_id: int) -> Person | None:
    return next((p for p in list_people(db, program_id) if p.role == "pd"), None)


def set_program_director(db: Database, program_id: int, name: str) -> None:
    """Name the program director (renaming the one recorded, keeping its note)."""
    current = program_director(db, program_id)
    if current is None:
        add_person(db, program_id, name, "pd")
    elif current.name != " ".join(name.split()):
        update_person(db, current.id, name, "pd", current.note)
