"""A program's dossier: basics, people, teaching, IMG-friendliness, reasons, questions to ask,
interview days, after the interview, notes.

The screen composes the tabs with their fields (`DossierForm`, which saves each field as
the user types) and lists (`PeopleList`, `AsksList`, `PlannedStories`, `InterviewDays`);
it reads the dossier, shows the title and readiness, and answers the lists' requests:
which dialog to open, and what the list should save with its answer."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static, TabbedContent

from dossiers.dossier import Dossier, load_dossier
from dossiers.errors import DossierError
from dossiers.zones import format_instant, same_clock, until
from question_bank.stories import get_story
from tui.context import AppContext
from tui.practice.story_plans import PlannedStory, planned_rows
from tui.practice.user_zone import user_zone
from tui.widgets.asks_list import AsksList
from tui.widgets.dossier_form import GAP_TAB, DossierForm
from tui.widgets.dossier_list import DossierList, DossierView
from tui.widgets.field_errors import clear_field_errors, show_field_errors
from tui.widgets.footer import KeysFooter
from tui.widgets.interview_days import InterviewDays
from tui.widgets.item_table import ItemTable
from tui.widgets.people_list import PeopleList
from tui.widgets.planned_stories import PlannedStories
from tui.widgets.readiness_meter import ReadinessMeter


class DossierScreen(Screen):
    """A program's dossier"""

    HELP_TITLE = "Dossier"
    BINDINGS = [
        Binding("escape", "back", "Back", id="dossier.back", tooltip="Save and go back"),
        Binding("ctrl+s", "save_now", "Save", id="dossier.save", show=False,
                tooltip="Save now (typing is saved on its own anyway)"),
        Binding("ctrl+pagedown", "switch_tab(1)", "Next tab", id="dossier.next_tab",
                show=False, priority=True, tooltip="The next section of the dossier"),
        Binding("ctrl+pageup", "switch_tab(-1)", "Previous tab", id="dossier.previous_tab",
                show=False, priority=True, tooltip="The previous section of the dossier"),
        Binding("ctrl+g", "next_gap", "Next gap", id="dossier.gap",
                tooltip="Go to the next part still missing"),
        Binding("ctrl+l", "checklist", "Checklist", id="dossier.checklist",
                tooltip="Checklists of the highlighted (or next) interview day"),
        Binding("ctrl+b", "pick_asks", "From the bank", id="dossier.pick",
                tooltip="Pick questions to ask from the bank"),
        # Not ctrl+e: a text field (where the dossier opens) takes that key for end of line,
        # and the footer hid it there.
        Binding("ctrl+o", "export_markdown", "Markdown", id="dossier.markdown",
                tooltip="Export this dossier to a Markdown file, to print"),
    ]

    def __init__(self, ctx: AppContext, program_id: int, *, pane: str = "") -> None:
        super().__init__(id="screen-dossier")
        self.ctx, self.program_id, self.start_pane = ctx, program_id, pane
        self.dossier: Dossier | None = None
        self.zone = "UTC"
        # Kept as an attribute: leaving saves what was typed after the form has unmounted.
        self.form = DossierForm(ctx, program_id, id="dossier-form")

    def compose(self) -> ComposeResult:
        yield Static(id="dossier-title")
        yield ReadinessMeter(id="dossier-readiness")
        yield self.form
        yield Static("", id="dossier-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#dossier-tabs").loading = True
        self.reload(fields=True)

    # Loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="dossier", exit_on_error=False)
    def reload(self, fields: bool = False) -> None:
        with self.ctx.reader() as db:
            dossier = load_dossier(db, self.program_id)
            zone = user_zone(db)
            planned = planned_rows(db, dossier.planned_stories) if dossier else []
        self.app.call_from_thread(self._show, dossier, zone, fields, planned)

    def _show(self, dossier: Dossier | None, zone: str, fields: bool,
              planned: list[PlannedStory]) -> None:
        if dossier is None:
            self.notify("That program no longer exists.", severity="warning")
            self.app.pop_screen()
            return
        self.dossier, self.zone = dossier, zone
        self.form.show_dossier(DossierView(dossier, zone, planned), fields=fields)
        self._show_title(dossier)
        tabs = self.query_one("#dossier-tabs", TabbedContent)
        if tabs.loading:
            tabs.loading = False
            if self.start_pane == "checklist":
                self.action_checklist()
            elif self.start_pane:
                tabs.active = f"tab-{self.start_pane}"
            self.call_after_refresh(self.form.focus_tab)

    def _show_title(self, d: Dossier) -> None:
        p = d.program
        parts = [p.place] if p.place else []
        coming = [day for day in d.interviews if day.ends_at > self.ctx.now()]
        if coming:
            day = coming[0]
            when = format_instant(day.starts_at, day.timezone)
            if not same_clock(day.timezone, self.zone, day.starts_at):
                when += f" (your time {format_instant(day.starts_at, self.zone, with_date=False)})"
            parts.append(f"interview {when}, {until(self.ctx.now(), day.starts_at)}")
        self.query_one("#dossier-title", Static).update(
            Content.from_markup("[b]$name[/b]  $rest", name=p.name, rest=" · ".join(parts)))
        self.query_one(ReadinessMeter).show(d.readiness)

    # Saving ----------------------------------------------------------------------------

    @on(DossierForm.Saved)
    def fields_saved(self, event: DossierForm.Saved) -> None:
        self._report(event.errors)
        if self.dossier is not None:
            self.query_one(ReadinessMeter).show(event.readiness)
        if self.is_attached:
            self.reload()  # the title, the lists and the meter follow what was saved

    @on(DossierList.Written)
    def list_written(self) -> None:
        self.reload()

    def _report(self, errors: list[tuple[str, DossierError]]) -> None:
        status = self.query_one("#dossier-status", Static)
        if not errors:
            clear_field_errors(status)
            return
        # Said and marked, not focused: the fields save as the user types elsewhere.
        show_field_errors(status, [(e, self.query_one(f"#{widget_id}")) for widget_id, e in errors],
                          lead="Not saved. ", focus=False)

    async def action_save_now(self) -> None:
        await self.form.save_pending()
        self.notify("Saved.")

    def on_unmount(self) -> None:
        self.form.submit_pending()

    def action_back(self) -> None:
        self.form.submit_pending()
        self.dismiss()

    # Keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick_asks":
            return self.form.active_tab() == "asks" or None
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def action_switch_tab(self, step: int) -> None:
        self.form.switch_tab(step)

    def action_next_gap(self) -> None:
        if self.dossier is None or self.dossier.readiness.complete:
            self.notify("Nothing is missing from this dossier.")
            return
        gap = self.dossier.readiness.missing[0]
        self.form.show_tab(GAP_TAB[gap.key])
        self.notify(f"{gap.label}: {gap.detail}", markup=False)

    def action_export_markdown(self) -> None:
        from tui.screens.dialogs.transfer import ExportDialog

        self.form.submit_pending()
        self.app.push_screen(ExportDialog(self.ctx, fmt="md", program_id=self.program_id,
                                          program_name=self.dossier.program.name
                                          if self.dossier else ""))

    def action_checklist(self) -> None:
        from tui.screens.checklist import ChecklistScreen

        days = self.query_one(InterviewDays)
        key = days.cursor_key() if self.form.active_tab() == "interviews" else None
        day = days.day_for_checklist(key, self.ctx.now())
        if day is None:
            self.notify("Add an interview day first (Interviews tab, a).", severity="warning")
            return
        self.app.push_screen(ChecklistScreen(self.ctx, day.id))

    def action_pick_asks(self) -> None:
        from tui.screens.dialogs.ask_picker import AskPicker

        asks = self.query_one(AsksList)
        self.app.push_screen(AskPicker(self.ctx, asks.from_bank()), self.asks_picked)

    async def asks_picked(self, picked) -> None:
        if picked:
            await self.query_one(AsksList).add_from_bank(picked)
            self.notify(f"{len(picked)} question{'s' if len(picked) != 1 else ''} added.")

    # Requests from the lists: a dialog, then the list saves the answer ---------------------

    @on(ItemTable.Requested)
    async def list_requested(self, event: ItemTable.Requested) -> None:
        event.stop()
        table, action = event.table, event.action
        key = int(event.key) if event.key else None
        if isinstance(table, PeopleList):
            self.person_requested(table, action, key)
        elif isinstance(table, AsksList):
            await self.ask_requested(table, action, key)
        elif isinstance(table, InterviewDays):
            self.day_requested(table, action, key)
        elif isinstance(table, PlannedStories):
            await self.story_requested(table, action, key)

    def person_requested(self, people: PeopleList, action: str, key: int | None) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog
        from tui.screens.dialogs.person_form import PersonForm

        person = people.person(key)
        if action in ("add", "edit"):
            editing = person if action == "edit" else None
            self.app.push_screen(PersonForm(
                f"{'Edit' if action == 'edit' else 'New'} {people.what}", editing,
                note_hint=people.note_hint), lambda result: people.save_person(result, editing))
        elif action == "remove" and person:
            async def answered(yes: bool | None) -> None:
                if yes:
                    await people.forget(person.id)

            self.app.push_screen(ConfirmDialog(f"Remove {person.name} from this dossier?",
                                               "Your note about them goes too.", yes="Remove"),
                                 answered)

    async def ask_requested(self, asks: AsksList, action: str, key: int | None) -> None:
        from tui.screens.dialogs.prompt import TextPrompt

        ask = asks.ask(key)
        if action == "add":
            async def added(text: str | None) -> None:
                if text:
                    await asks.add(text)

            self.app.push_screen(TextPrompt("A question of your own", "The question to ask:"),
                                 added)
        elif action == "edit" and ask:
            async def reworded(text: str | None) -> None:
                if text:
                    await asks.reword(ask.id, text)

            self.app.push_screen(TextPrompt("Reword the question", "The question to ask:",
                                            ask.text), reworded)
        elif action == "remove" and ask:
            await asks.take_off(ask.id)
            self.notify(f"Removed: {ask.text}", markup=False)
        elif action in ("up", "down") and ask:
            await asks.move_by(ask.id, -1 if action == "up" else 1)

    def day_requested(self, days: InterviewDays, action: str, key: int | None) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog
        from tui.screens.dialogs.interview_form import InterviewForm

        day = days.day(key)
        if action == "add" or (action == "edit" and day):
            def saved(interview_id: int | None) -> None:
                if interview_id:
                    self.reload()

            self.app.push_screen(InterviewForm(self.ctx, self.program_id, self.zone,
                                               day if action == "edit" else None,
                                               default_zone=days.last_zone(),
                                               state=self.dossier.program.state
                                               if self.dossier else ""), saved)
        elif action == "remove" and day:
            async def answered(yes: bool | None) -> None:
                if yes:
                    await days.delete(day.id)

            when = format_instant(day.starts_at, day.timezone)
            self.app.push_screen(ConfirmDialog(f"Delete the interview day of {when}?",
                                               "Its checklist ticks go with it.", yes="Delete"),
                                 answered)

    async def story_requested(self, stories: PlannedStories, action: str,
                              key: int | None) -> None:
        from tui.screens.dialogs.story_form import StoryForm
        from tui.screens.dialogs.story_plan_picker import StoryPlanPicker

        if action == "add" and self.dossier is not None:
            async def picked(ids: list[int] | None) -> None:
                if ids is not None:
                    await stories.plan(ids)

            self.app.push_screen(
                StoryPlanPicker(self.ctx, self.dossier.program.name, stories.story_ids()), picked)
        elif action == "edit" and key is not None:
            def written(_: int | None) -> None:
                self.reload()

            story = get_story(self.ctx.db, key)
            if story is not None:
                self.app.push_screen(StoryForm(self.ctx, story), written)
        elif action == "remove" and key is not None:
            title = stories.title_of(key)
            await stories.unplan(key)
            self.notify(f"“{title}” is no longer planned here (the story stays in your bank).",
                        markup=False)
