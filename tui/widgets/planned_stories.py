"""The stories the user plans to tell at a program (kept in the story bank)."""

from __future__ import annotations

from tui.context import AppContext
from tui.practice.story_plans import PlannedStory, set_planned
from tui.widgets.cells import text_cell
from tui.widgets.dossier_list import DossierList, DossierView
from tui.widgets.table_fit import FitColumn


class PlannedStories(DossierList):
    TITLE = "Stories I plan to tell here"
    COLUMNS = (FitColumn("Story", "Story"),
               FitColumn("Shows", "Shows", shown_from=52, min_width=10),
               FitColumn("From", "From", shown_from=70, min_width=8))
    STRETCH = "Story"

    def __init__(self, ctx: AppContext, program_id: int, **kwargs) -> None:
        super().__init__(ctx, program_id, **kwargs)
        self.stories: list[PlannedStory] = []

    def fill(self, view: DossierView) -> None:
        self.stories = view.planned
        self.show_items([(str(s.id), (text_cell(s.title), text_cell(s.shows, "dim"),
                                      text_cell(s.source, "dim"))) for s in self.stories])

    def story_ids(self) -> list[int]:
        return [s.id for s in self.stories]

    def title_of(self, story_id: int) -> str:
        return next((s.title for s in self.stories if s.id == story_id), "")

    async def plan(self, story_ids: list[int]) -> None:
        await self.write(set_planned, self.program_id, story_ids)

    async def unplan(self, story_id: int) -> None:
        await self.plan([s for s in self.story_ids() if s != story_id])
