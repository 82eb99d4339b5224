"""A dossier's interview days: the program's time, the user's, the platform, and the days
of other programs each one overlaps."""

from __future__ import annotations

from datetime import datetime

from dossiers import interviews
from dossiers.interviews import Interview, span
from dossiers.zones import same_clock
from tui.context import AppContext
from tui.widgets.cells import text_cell
from tui.widgets.dossier_list import DossierList, DossierView
from tui.widgets.table_fit import FitColumn


class InterviewDays(DossierList):
    TITLE = "Interview days"
    # The program's time first; the user's, the platform and the overlaps as there is room.
    COLUMNS = (FitColumn("Program's time", "Program's time"),
               FitColumn("Your time", "Your time", shown_from=72, min_width=12),
               FitColumn("Platform", "Platform", shown_from=56, min_width=6),
               FitColumn("Overlap", "Overlap", shown_from=44, min_width=10))
    STRETCH = "Program's time"

    def __init__(self, ctx: AppContext, program_id: int, **kwargs) -> None:
        super().__init__(ctx, program_id, **kwargs)
        self.days: list[Interview] = []

    def fill(self, view: DossierView) -> None:
        self.days = view.dossier.interviews
        rows = []
        for day in self.days:
            theirs = span(day, day.timezone)  # says when the end is assumed
            yours = "same" if same_clock(day.timezone, view.zone, day.starts_at) else \
                span(day, view.zone, note=False)
            clash = view.dossier.clashes.get(day.id, [])
            flag = text_cell("⚠ overlaps " + ", ".join(c.program_name for c in clash),
                             "bold red") if clash else text_cell("")
            rows.append((str(day.id), (text_cell(theirs), text_cell(yours),
                                       text_cell(day.platform_label or "-"), flag)))
        self.show_items(rows)

    def day(self, key: int | str | None) -> Interview | None:
        return next((d for d in self.days if str(d.id) == str(key)), None)

    def last_zone(self) -> str:
        """The zone of the last day (a new day is likely in the same one)."""
        return self.days[-1].timezone if self.days else ""

    def day_for_checklist(self, key: str | None, now: datetime) -> Interview | None:
        """The day `key`, else the next one, else the last (None: there is none)."""
        if not self.days:
            return None
        return self.day(key) or next((d for d in self.days if d.ends_at > now), self.days[-1])

    async def delete(self, interview_id: int) -> None:
        await self.write(interviews.delete_interview, interview_id)
