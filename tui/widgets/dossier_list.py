"""What the lists of a dossier share: an `ItemTable` (its keys ask the screen to add, edit,
remove or move an item) that fills itself from the dossier as read (`DossierView`), keeps
the items it shows, and saves what the screen asks of it through the writer, then posts
`DossierList.Written` (the screen reads the dossier again)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message

from dossiers.dossier import Dossier
from tui.context import AppContext
from tui.practice.story_plans import PlannedStory
from tui.widgets.item_table import ItemTable
from tui.widgets.table_fit import FitColumn


@dataclass(frozen=True)
class DossierView:
    """A dossier as read for the screen, with the user's time zone and its planned stories."""

    dossier: Dossier
    zone: str
    planned: list[PlannedStory]


class DossierList(ItemTable):
    TITLE = ""
    # Keyed by their labels; the one named by STRETCH takes the room the others leave, and
    # first the room a column with a min_width gives it.
    COLUMNS: tuple[FitColumn, ...] = ()
    STRETCH: str | None = None

    @dataclass
    class Written(Message):
        """Something the list asked for was saved."""

    def __init__(self, ctx: AppContext, program_id: int, *, title: str = "",
                 movable: bool = False, **kwargs) -> None:
        super().__init__(movable=movable, classes="dossier-list", **kwargs)
        self.ctx = ctx
        self.program_id = program_id
        self.border_title = title or self.TITLE

    def fill(self, view: DossierView) -> None:
        """Show the items of `view` (the cursor stays on the item it was on)."""
        raise NotImplementedError

    def show_items(self, items: Sequence[tuple[str, Sequence[Text]]]) -> None:
        if not self.declared:
            self.declare(self.COLUMNS, stretch=self.STRETCH)
        keys = [column.key for column in self.COLUMNS]
        self.refill((key, dict(zip(keys, cells, strict=True))) for key, cells in items)

    async def write(self, job, *args, **kwargs):
        """Run `job` in the writer, wait for it, and say so."""
        result = await asyncio.wrap_future(self.ctx.writer.submit(job, *args, **kwargs))
        self.post_message(self.Written())
        return result
