"""The lists of a dossier screen: people, questions to ask, planned stories, interview days,
people met.

A mixin for DossierScreen: it composes the tables, fills them from a Dossier, and turns
ItemTable requests (add, edit, remove, move) into dialogs and writer jobs.
"""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content

from dossiers import asks, interviews, people
from dossiers.dossier import Dossier
from dossiers.zones import format_instant, same_clock
from question_bank.stories import get_story
from tui.practice.story_plans import set_planned
from tui.widgets.cells import text_cell
from tui.widgets.item_table import ItemTable
from tui.widgets.table_fit import FitColumn

AUDIENCE_SHORT = {"pd-faculty": "PD/faculty", "residents": "residents",
                  "img-support": "IMG support"}
TABLES = {"people": "people-table", "asks": "asks-table", "interviews": "interviews-table",
          "after": "met-table", "stories": "stories-table"}



class DossierLists:
    """Mixed into DossierScreen (which provides ctx, program_id, dossier, zone, reload)."""

    def compose_lists(self, tab: str) -> ComposeResult:
        if tab in TABLES:
            table = ItemTable(id=TABLES[tab], movable=tab == "asks", classes="dossier-list")
            table.border_title = {"people": "People to know", "asks": "Questions to ask",
                                  "interviews": "Interview days", "after": "People met",
                                  "stories": "Stories I plan to tell here"}[tab]
            yield table

    def fill_lists(self, d: Dossier) -> None:
        def fill(table_id: str, columns: list[str], rows: list[tuple[str, tuple]]) -> None:
            table = self.query_one(f"#{table_id}", ItemTable)
            if not table.declared:
                table.declare([FitColumn(column, column) for column in columns])
            table.refill((key, dict(zip(columns, cells, strict=True))) for key, cells in rows)

        def person(x) -> tuple[str, tuple]:
            return str(x.id), (text_cell(x.name), text_cell(x.role_label, "dim"),
                               text_cell(x.note))

        fill("people-table", ["Name", "Role", "Note"], [person(x) for x in d.people])
        fill("met-table", ["Name", "Role", "Note"], [person(x) for x in d.met])
        fill("asks-table", ["#", "For", "Question"],
             [(str(q.id), (Text(str(n)), text_cell(AUDIENCE_SHORT.get(q.audience or "", "mine"),
                                               "dim"), text_cell(q.text)))
              for n, q in enumerate(d.asks, 1)])
        day_rows = []
        for day in d.interviews:
            theirs = format_instant(day.starts_at, day.timezone)
            yours = "same" if same_clock(day.timezone, self.zone, day.starts_at) else \
                format_instant(day.starts_at, self.zone)
            clash = d.clashes.get(day.id, [])
            flag = text_cell("⚠ overlaps " + ", ".join(c.program_name for c in clash), "bold red") \
                if clash else text_cell("")
            day_rows.append((str(day.id), (text_cell(theirs), text_cell(yours),
                                           text_cell(day.platform_label or "-"), flag)))
        fill("interviews-table", ["Program's time", "Your time", "Platform", "Overlap"], day_rows)
        self.query_one("#asks-table", ItemTable).border_subtitle = f"{len(d.asks)} of 5-7"
        fill("stories-table", ["Story", "Shows", "From"],
             [(str(s.id), (text_cell(s.title), text_cell(s.shows, "dim"),
                           text_cell(s.source, "dim"))) for s in self.planned])

    # Requests from the tables ------------------------------------------------------------

    async def _write(self, job, *args, **kwargs):
        result = await asyncio.wrap_future(self.ctx.writer.submit(job, *args, **kwargs))
        self.reload()
        return result

    async def on_item_table_requested(self, event: ItemTable.Requested) -> None:
        # A named handler, not @on: the decorator only registers methods of message pumps.
        event.stop()
        handler = {"people-table": self._people_request, "met-table": self._met_request,
                   "asks-table": self._asks_request,
                   "interviews-table": self._interviews_request,
                   "stories-table": self._stories_request}[event.table.id]
        await handler(event.action, int(event.key) if event.key else None)

    async def _people_request(self, action: str, key: int | None, kind: str = "known") -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog
        from tui.screens.dialogs.person_form import PersonForm

        listed = self.dossier.people if kind == "known" else self.dossier.met
        person = next((x for x in listed if x.id == key), None)
        what = "person to know" if kind == "known" else "person met"
        if action in ("add", "edit"):
            hint = "note: interests that overlap yours" if kind == "known" else \
                "note: what you talked about"
            self.app.push_screen(PersonForm(
                f"{'Edit' if action == 'edit' else 'New'} {what}",
                person if action == "edit" else None, note_hint=hint),
                lambda r: self._person_saved(r, person if action == "edit" else None, kind))
        elif action == "remove" and person:
            self.app.push_screen(ConfirmDialog(f"Remove {person.name} from this dossier?",
                                               "Your note about them goes too.", yes="Remove"),
                                 lambda yes: self._person_removed(yes, person.id, kind))

    async def _person_saved(self, result, person, kind: str) -> None:
        if result is None:
            return
        name, role, note = result
        if person is None:
            await self._write(people.add_person, self.program_id, name, role, note, kind=kind)
        else:
            await self._write(people.update_person, person.id, name, role, note, kind=kind)

    async def _person_removed(self, yes: bool, person_id: int, kind: str) -> None:
        if yes:
            await self._write(people.remove_person, person_id, kind)

    async def _met_request(self, action: str, key: int | None) -> None:
        await self._people_request(action, key, "met")

    async def _asks_request(self, action: str, key: int | None) -> None:
        from tui.screens.dialogs.prompt import TextPrompt

        ask = next((q for q in self.dossier.asks if q.id == key), None)
        if action == "add":
            self.app.push_screen(TextPrompt("A question of your own", "The question to ask:"),
                                 self._ask_written)
        elif action == "edit" and ask:
            self.app.push_screen(TextPrompt("Reword the question", "The question to ask:",
                                            ask.text), lambda t: self._ask_reworded(ask.id, t))
        elif action == "remove" and ask:
            await self._write(asks.remove_ask, ask.id)
            self.notify(f"Removed: {ask.text}", markup=False)
        elif action in ("up", "down") and ask:
            await self._write(asks.move_ask, self.program_id, ask.id, -1 if action == "up" else 1)

    async def _ask_written(self, text: str | None) -> None:
        if text:
            await self._write(asks.add_ask, self.program_id, text)

    async def _ask_reworded(self, ask_id: int, text: str | None) -> None:
        if text:
            await self._write(asks.set_ask_text, ask_id, text)

    def action_pick_asks(self) -> None:
        from tui.screens.dialogs.ask_picker import AskPicker

        already = {q.question_id for q in self.dossier.asks if q.question_id}
        self.app.push_screen(AskPicker(self.ctx, already), self._asks_picked)

    async def _asks_picked(self, picked) -> None:
        for question in picked or []:
            await self._write(asks.add_ask, self.program_id, question.text,
                              question_id=question.id, audience=question.audience)
        if picked:
            self.notify(f"{len(picked)} question{'s' if len(picked) != 1 else ''} added.")

    async def _interviews_request(self, action: str, key: int | None) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog
        from tui.screens.dialogs.interview_form import InterviewForm

        day = next((i for i in self.dossier.interviews if i.id == key), None)
        if action == "add" or (action == "edit" and day):
            default = self.dossier.interviews[-1].timezone if self.dossier.interviews else ""
            self.app.push_screen(InterviewForm(self.ctx, self.program_id, self.zone,
                                               day if action == "edit" else None,
                                               default_zone=default),
                                 lambda saved: self.reload() if saved else None)
        elif action == "remove" and day:
            when = format_instant(day.starts_at, day.timezone)
            self.app.push_screen(ConfirmDialog(f"Delete the interview day of {when}?",
                                               "Its checklist ticks go with it.", yes="Delete"),
                                 lambda yes: self._day_removed(yes, day.id))

    async def _day_removed(self, yes: bool, interview_id: int) -> None:
        if yes:
            await self._write(interviews.delete_interview, interview_id)

    async def _stories_request(self, action: str, key: int | None) -> None:
        from tui.screens.dialogs.story_form import StoryForm
        from tui.screens.dialogs.story_plan_picker import StoryPlanPicker

        planned = [s.id for s in self.planned]
        if action == "add":
            self.app.push_screen(StoryPlanPicker(self.ctx, self.dossier.program.name, planned),
                                 self._stories_planned)
        elif action == "edit" and key is not None:
            story = get_story(self.ctx.db, key)
            if story is not None:
                self.app.push_screen(StoryForm(self.ctx, story), lambda _: self.reload())
        elif action == "remove" and key is not None:
            title = next((s.title for s in self.planned if s.id == key), "")
            await self._write(set_planned, self.program_id, [s for s in planned if s != key])
            self.notify(Content.from_markup("“$title” is no longer planned here (the story "
                                            "stays in your bank).", title=title))

    async def _stories_planned(self, story_ids: list[int] | None) -> None:
        if story_ids is not None:
            await self._write(set_planned, self.program_id, story_ids)

    def action_checklist(self) -> None:
        from tui.screens.checklist import ChecklistScreen

        days = self.dossier.interviews if self.dossier else []
        if not days:
            self.notify("Add an interview day first (Interviews tab, a).", severity="warning")
            return
        table = self.query_one("#interviews-table", ItemTable)
        key = table.cursor_key() if self._active_tab() == "interviews" else None
        now = self.ctx.now()
        day = next((d for d in days if str(d.id) == key), None) or \
            next((d for d in days if d.ends_at > now), days[-1])
        self.app.push_screen(ChecklistScreen(self.ctx, day.id))
