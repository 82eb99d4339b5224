"""A program's dossier: basics, people, teaching, IMG-friendliness, reasons, questions to ask,
interview days, after the interview, notes. Every field saves itself as the user types
(within half a second, through the writer) and when the screen is left."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Checkbox,
    Footer,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from dossiers.dossier import Dossier, load_dossier
from dossiers.errors import DossierError
from dossiers.zones import format_instant, same_clock, until
from tui.context import AppContext
from tui.practice.story_plans import PlannedStory, planned_rows
from tui.practice.user_zone import user_zone
from tui.screens.dossier_lists import DossierLists
from tui.widgets import dossier_fields
from tui.widgets.field_errors import clear_field_errors, show_field_errors
from tui.widgets.readiness_meter import ReadinessMeter

SAVE_AFTER = 0.5  # seconds: typed text reaches the writer at most this long after a change
TABS = [("basics", "Basics"), ("people", "People"), ("teaching", "Teaching"),
        ("img", "IMG"), ("why", "Why"), ("asks", "Ask"), ("stories", "Stories"),
        ("interviews", "Interviews"),
        ("after", "After"), ("notes", "Notes")]
GAP_TAB = {"basics": "basics", "size": "basics", "strengths": "basics", "director": "people",
           "faculty": "people", "teaching": "teaching", "img": "img", "why": "why", "fit": "why",
           "asks": "asks", "logistics": "interviews"}
HINTS = {
    "people": "The program director and faculty whose interests overlap yours: a note each.",
    "asks": "5-7 questions to ask: ctrl+b picks from the bank; in the list, a writes your own.",
    "stories": "The stories you plan to tell here: a chooses from your story bank, enter "
               "edits one, x takes it off. Each comes back to rehearse before the interview.",
    "interviews": "a adds a day · ctrl+l opens its checklists · overlaps are flagged.",
    "after": "Fill this in the day it ends: who you met (a adds), impressions, the thank-you, "
             "a score.",
}


class DossierScreen(DossierLists, Screen):
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
        Binding("ctrl+e", "export_markdown", "Markdown", id="dossier.markdown",
                tooltip="Export this dossier to a Markdown file, to print"),
    ]

    def __init__(self, ctx: AppContext, program_id: int, *, pane: str = "") -> None:
        super().__init__(id="screen-dossier")
        self.ctx, self.program_id, self.start_pane = ctx, program_id, pane
        self.dossier: Dossier | None = None
        self.planned: list[PlannedStory] = []  # the stories planned here, from the bank
        self.zone = "UTC"
        self._loaded: dict[str, object] = {}
        self._pending: dict[str, object] = {}
        self._timer = None

    def compose(self) -> ComposeResult:
        yield Static(id="dossier-title")
        yield ReadinessMeter(id="dossier-readiness")
        with TabbedContent(id="dossier-tabs"):
            for tab, title in TABS:
                with TabPane(title, id=f"tab-{tab}"), VerticalScroll(classes="tab-body"):
                    if tab in HINTS:
                        yield Static(HINTS[tab], classes="tab-hint")
                    yield from self.compose_lists(tab)
                    yield from dossier_fields.fields_of(tab)
        yield Static("", id="dossier-status")
        yield Footer()

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
              planned: list[PlannedStory] | None = None) -> None:
        if dossier is None:
            self.notify("That program no longer exists.", severity="warning")
            self.app.pop_screen()
            return
        self.dossier, self.zone, self.planned = dossier, zone, planned or []
        if fields:
            self._fill_fields(dossier)
        self._show_title()
        self.fill_lists(dossier)
        tabs = self.query_one("#dossier-tabs", TabbedContent)
        if tabs.loading:
            tabs.loading = False
            if self.start_pane == "checklist":
                self.action_checklist()
            elif self.start_pane:
                tabs.active = f"tab-{self.start_pane}"
            self.call_after_refresh(self._focus_tab)

    def _fill_fields(self, d: Dossier) -> None:
        p, i = d.program, d.impression
        values: dict[str, object] = {f"p-{k}": getattr(p, k) for k in p.__dataclass_fields__}
        values.update({f"i-{k}": getattr(i, k) for k in i.__dataclass_fields__})
        for kind in ("why", "fit"):
            reasons = getattr(d, kind)
            for n in range(3):
                values[f"r-{kind}-{n}"] = reasons[n] if n < len(reasons) else ""
        for widget in self.query(".field"):
            if widget.id in values and widget.id not in self._pending:
                value = values[widget.id]
                with self.prevent(Input.Changed, TextArea.Changed, Select.Changed,
                                  Checkbox.Changed):
                    dossier_fields.write(widget, value)
                self._loaded[widget.id] = dossier_fields.read(widget)

    def _show_title(self) -> None:
        d = self.dossier
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

    def _focus_tab(self) -> None:
        pane = self.query_one("#dossier-tabs", TabbedContent).active_pane
        if pane is not None:
            target = next((w for w in pane.query("ItemTable, .field") if w.focusable), None)
            if target is not None:
                target.focus()

    # Saving ----------------------------------------------------------------------------

    @on(Input.Changed, ".field")
    @on(TextArea.Changed, ".field")
    @on(Select.Changed, ".field")
    @on(Checkbox.Changed, ".field")
    def _field_changed(self, event) -> None:
        widget: Widget = event.control
        if widget.id not in self._loaded:
            return  # not filled in yet
        value = dossier_fields.read(widget)
        if value == self._loaded.get(widget.id) and widget.id not in self._pending:
            return
        self._pending[widget.id] = value
        if self._timer is None:
            self._timer = self.set_timer(SAVE_AFTER, self._save_pending)

    def _submit_pending(self) -> Future | None:
        """Hand every unsaved change to the writer now (also used on leaving)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._pending:
            return None
        changes, self._pending = self._pending, {}
        reasons = {}
        for kind, count in (("why", 3), ("fit", 2)):
            if any(k.startswith(f"r-{kind}-") for k in changes):
                reasons[kind] = [dossier_fields.read(self.query_one(f"#r-{kind}-{n}"))
                                 for n in range(count)]
        self._loaded.update(changes)
        return self.ctx.writer.submit(dossier_fields.save_fields, self.program_id, changes,
                                      reasons)

    async def _save_pending(self) -> None:
        future = self._submit_pending()
        if future is None:
            return
        errors, readiness = await asyncio.wrap_future(future)
        self._report(errors)
        if self.dossier is not None:
            self.query_one(ReadinessMeter).show(readiness)
        if self.is_attached:
            self.reload()  # the title, the lists and the meter follow what was saved

    def _report(self, errors: list[tuple[str, DossierError]]) -> None:
        status = self.query_one("#dossier-status", Static)
        if not errors:
            clear_field_errors(status)
            return
        for widget_id, _ in errors:
            self._loaded[widget_id] = object()  # not saved: any next change is saved again
        # Said and marked, not focused: the fields save as the user types elsewhere.
        show_field_errors(status, [(e, self.query_one(f"#{widget_id}")) for widget_id, e in errors],
                          lead="Not saved. ", focus=False)

    async def action_save_now(self) -> None:
        await self._save_pending()
        self.notify("Saved.")

    def on_unmount(self) -> None:
        self._submit_pending()

    def action_back(self) -> None:
        self._submit_pending()
        self.dismiss()

    # Keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick_asks":
            return self._active_tab() == "asks" or None
        return True

    def _active_tab(self) -> str:
        return self.query_one("#dossier-tabs", TabbedContent).active.removeprefix("tab-")

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def action_switch_tab(self, step: int) -> None:
        ids = [f"tab-{tab}" for tab, _ in TABS]
        tabs = self.query_one("#dossier-tabs", TabbedContent)
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]
        self.call_after_refresh(self._focus_tab)

    def action_next_gap(self) -> None:
        if self.dossier is None or self.dossier.readiness.complete:
            self.notify("Nothing is missing from this dossier.")
            return
        gap = self.dossier.readiness.missing[0]
        self.query_one("#dossier-tabs", TabbedContent).active = f"tab-{GAP_TAB[gap.key]}"
        self.call_after_refresh(self._focus_tab)
        self.notify(f"{gap.label}: {gap.detail}", markup=False)

    def action_export_markdown(self) -> None:
        from tui.screens.dialogs.transfer import ExportDialog

        self._submit_pending()
        self.app.push_screen(ExportDialog(self.ctx, fmt="md", program_id=self.program_id,
                                          program_name=self.dossier.program.name
                                          if self.dossier else ""))

