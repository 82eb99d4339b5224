"""Checklists ticked per interview day: virtual setup, the day before, the day of, after.

The shipped items live in `data/checklists.toml` (stable ids); the user may add items of
their own to any list (they apply to every interview day). A tick belongs to one interview
day and one item key ("setup.camera", or "user.<n>" for the user's own).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from dossiers.errors import DossierError
from dossiers.interviews import Interview
from dossiers.text import now_iso

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_ITEM = 300


@dataclass(frozen=True, slots=True)
class ChecklistList:
    id: str
    title: str
    when: str
    virtual_only: bool


@dataclass(frozen=True, slots=True)
class Item:
    key: str  # "setup.camera" or "user.12"
    list_id: str
    text: str
    shipped: bool
    ticked: bool = False


@cache
def _shipped() -> tuple[tuple[ChecklistList, tuple[Item, ...]], ...]:
    data = tomllib.loads(files("dossiers").joinpath("data/checklists.toml").read_text("utf-8"))
    result = []
    for entry in data["list"]:
        checklist = ChecklistList(entry["id"], entry["title"], entry.get("when", ""),
                                  bool(entry.get("virtual_only", False)))
        items = tuple(Item(f"{entry['id']}.{i['id']}", entry["id"], i["text"], True)
                      for i in entry["items"])
        result.append((checklist, items))
    return tuple(result)


def lists() -> list[ChecklistList]:
    """The four lists, in the order they come in an interview's life."""
    return [checklist for checklist, _ in _shipped()]


def lists_for(interview: Interview) -> list[ChecklistList]:
    """The lists that apply to an interview day (virtual setup only for a virtual one)."""
    return [c for c in lists() if not (c.virtual_only and interview.in_person)]


def add_item(db: Database, list_id: str, text: str) -> Item:
    """Add an item of the user's own to a list (for every interview day)."""
    if list_id not in {c.id for c in lists()}:
        raise DossierError("list", f"{list_id!r} is not a checklist; expected one of "
                                   + ", ".join(c.id for c in lists()))
    text = " ".join((text or "").split())
    if not text:
        raise DossierError("item", "is empty; write what to check")
    if len(text) > MAX_ITEM:
        raise DossierError("item", f"is {len(text)} characters; at most {MAX_ITEM}")
    new_id = db.table("checklist_items").insert({"list": list_id, "text": text,
                                                 "created_at": now_iso()}).last_pk
    return Item(f"user.{new_id}", list_id, text, False)


def remove_item(db: Database, key: str) -> None:
    """Remove an item of the user's own (shipped items stay) and its ticks."""
    if not key.startswith("user."):
        raise DossierError("item", "shipped items cannot be removed; leave it unticked")
    with db.atomic():
        db.execute("delete from checklist_items where id = ?", [int(key.split(".", 1)[1])])
        db.execute("delete from checklist_ticks where item_key = ?", [key])


def items(db: Database, interview: Interview) -> list[Item]:
    """Every item that applies to the interview day, list by list, with its tick."""
    ticked = {r["item_key"] for r in db.query(
        "select item_key from checklist_ticks where interview_id = ?", [interview.id])}
    own: dict[str, list[Item]] = {}
    for r in db.query("select * from checklist_items order by id"):
        own.setdefault(r["list"], []).append(Item(f"user.{r['id']}", r["list"], r["text"], False))
    wanted = {c.id for c in lists_for(interview)}
    result = []
    for checklist, shipped in _shipped():
        if checklist.id in wanted:
            for item in (*shipped, *own.get(checklist.id, [])):
                result.append(Item(item.key, item.list_id, item.text, item.shipped,
                                   item.key in ticked))
    return result


def open_items(db: Database, interview: Interview) -> list[Item]:
    return [i for i in items(db, interview) if not i.ticked]


def tick(db: Database, interview_id: int, key: str, ticked: bool = True) -> None:
    """Tick (or untick) one item for one interview day."""
    if ticked:
        db.execute("insert or ignore into checklist_ticks (interview_id, item_key, ticked_at) "
                   "values (?, ?, ?)", [interview_id, key, now_iso()])
    else:
        db.execute("delete from checklist_ticks where interview_id = ? and item_key = ?",
                   [interview_id, key])
