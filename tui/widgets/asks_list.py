"""A dossier's questions to ask, in the order the user will ask them (5-7 of them)."""

from __future__ import annotations

from rich.text import Text

from dossiers import asks
from dossiers.asks import ProgramQuestion
from tui.context import AppContext
from tui.widgets.cells import text_cell
from tui.widgets.dossier_list import DossierList, DossierView
from tui.widgets.table_fit import FitColumn

AUDIENCE_SHORT = {"pd-faculty": "PD/faculty", "residents": "residents",
                  "img-support": "IMG support"}


class AsksList(DossierList):
    TITLE = "Questions to ask"
    COLUMNS = (FitColumn("#", "#"), FitColumn("For", "For"), FitColumn("Question", "Question"))
    STRETCH = "Question"

    def __init__(self, ctx: AppContext, program_id: int, **kwargs) -> None:
        super().__init__(ctx, program_id, movable=True, **kwargs)
        self.asks: list[ProgramQuestion] = []

    def fill(self, view: DossierView) -> None:
        self.asks = view.dossier.asks
        self.show_items([
            (str(q.id), (Text(str(n)),
                         text_cell(AUDIENCE_SHORT.get(q.audience or "", "mine"), "dim"),
                         text_cell(q.text)))
            for n, q in enumerate(self.asks, 1)])
        self.border_subtitle = f"{len(self.asks)} of 5-7"

    def ask(self, key: int | None) -> ProgramQuestion | None:
        return next((q for q in self.asks if q.id == key), None)

    def from_bank(self) -> set[str]:
        """The bank's questions already asked here."""
        return {q.question_id for q in self.asks if q.question_id}

    async def add(self, text: str) -> None:
        await self.write(asks.add_ask, self.program_id, text)

    async def add_from_bank(self, picked) -> None:
        """Add the bank's questions `picked` (each with its id and audience)."""
        for question in picked:
            await self.write(asks.add_ask, self.program_id, question.text,
                             question_id=question.id, audience=question.audience)

    async def reword(self, ask_id: int, text: str) -> None:
        await self.write(asks.set_ask_text, ask_id, text)

    async def take_off(self, ask_id: int) -> None:
        await self.write(asks.remove_ask, ask_id)

    async def move_by(self, ask_id: int, step: int) -> None:
        await self.write(asks.move_ask, self.program_id, ask_id, step)
