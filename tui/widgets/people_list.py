"""A dossier's people: those to know before the interview, or those met on the day."""

from __future__ import annotations

from dossiers import people
from dossiers.people import Person
from tui.context import AppContext
from tui.widgets.cells import text_cell
from tui.widgets.dossier_list import DossierList, DossierView
from tui.widgets.table_fit import FitColumn


class PeopleList(DossierList):
    COLUMNS = (FitColumn("Name", "Name"), FitColumn("Role", "Role", min_width=8),
               FitColumn("Note", "Note", shown_from=50, min_width=10))
    STRETCH = "Name"

    def __init__(self, ctx: AppContext, program_id: int, *, kind: str = "known",
                 **kwargs) -> None:
        known = kind == "known"
        super().__init__(ctx, program_id, title="People to know" if known else "People met",
                         **kwargs)
        self.kind = kind  # "known" or "met"
        self.people: list[Person] = []
        self.what = "person to know" if known else "person met"
        self.note_hint = ("note: interests that overlap yours" if known
                          else "note: what you talked about")

    def fill(self, view: DossierView) -> None:
        d = view.dossier
        self.people = d.people if self.kind == "known" else d.met
        self.show_items([(str(x.id), (text_cell(x.name), text_cell(x.role_label, "dim"),
                                      text_cell(x.note))) for x in self.people])

    def person(self, key: int | None) -> Person | None:
        return next((x for x in self.people if x.id == key), None)

    async def save_person(self, result: tuple[str, str, str] | None,
                          person: Person | None) -> None:
        """Keep what the person form gave (`person` None: a new one)."""
        if result is None:
            return
        name, role, note = result
        if person is None:
            await self.write(people.add_person, self.program_id, name, role, note,
                             kind=self.kind)
        else:
            await self.write(people.update_person, person.id, name, role, note, kind=self.kind)

    async def forget(self, person_id: int) -> None:
        await self.write(people.remove_person, person_id, self.kind)
