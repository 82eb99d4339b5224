"""A dossier's tabs: on each a hint, its lists and its fields. Every field saves itself as
the user types (within half a second, through the writer) and when the screen is left
(`submit_pending`); `DossierForm.Saved` tells the screen what came of a save."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TabbedContent, TabPane, TextArea

from dossiers.errors import DossierError
from dossiers.readiness import Readiness
from tui.context import AppContext
from tui.widgets import dossier_fields
from tui.widgets.asks_list import AsksList
from tui.widgets.dossier_list import DossierList, DossierView
from tui.widgets.interview_days import InterviewDays
from tui.widgets.marks import Checkbox
from tui.widgets.people_list import PeopleList
from tui.widgets.planned_stories import PlannedStories

SAVE_AFTER = 0.5  # seconds: typed text reaches the writer at most this long after a change
TABS = [("basics", "Basics"), ("people", "People"), ("teaching", "Teaching"),
        ("img", "IMG"), ("why", "Why"), ("asks", "Ask"), ("stories", "Stories"),
        ("interviews", "Interviews"),
        ("after", "After"), ("notes", "Notes")]
GAP_TAB = {"basics": "basics", "size": "basics", "strengths": "basics", "director": "people",
           "faculty": "people", "teaching": "teaching", "img": "img", "why": "why", "fit": "why",
           "asks": "asks", "logistics": "interviews"}  # the tab of each part of readiness
HINTS = {
    "people": "The program director and faculty whose interests overlap yours: a note each.",
    "asks": "5-7 questions to ask: ctrl+b picks from the bank; in the list, a writes your own.",
    "stories": "The stories you plan to tell here: a chooses from your story bank, enter "
               "edits one, x takes it off. Each comes back to rehearse before the interview.",
    "interviews": "a adds a day · ctrl+l opens its checklists · overlaps are flagged.",
    "after": "Fill this in the day it ends: who you met (a adds), impressions, the thank-you, "
             "a score.",
}
REASONS = (("why", 3), ("fit", 2))  # reason fields r-<kind>-<n>, saved as one list a kind


def lists_of(ctx: AppContext, program_id: int, tab: str) -> list[DossierList]:
    made = {"people": lambda: PeopleList(ctx, program_id, kind="known", id="people-table"),
            "after": lambda: PeopleList(ctx, program_id, kind="met", id="met-table"),
            "asks": lambda: AsksList(ctx, program_id, id="asks-table"),
            "stories": lambda: PlannedStories(ctx, program_id, id="stories-table"),
            "interviews": lambda: InterviewDays(ctx, program_id, id="interviews-table")}
    return [made[tab]()] if tab in made else []


class DossierForm(Vertical):
    @dataclass
    class Saved(Message):
        """The fields' changes were saved; `errors` names the fields that were not."""

        errors: list[tuple[str, DossierError]]
        readiness: Readiness | None  # None: the program is gone

    def __init__(self, ctx: AppContext, program_id: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx, self.program_id = ctx, program_id
        self.loaded: dict[str, object] = {}  # each field's value as read or last saved
        self.pending: dict[str, object] = {}  # changes not handed to the writer yet
        self.save_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with TabbedContent(id="dossier-tabs"):
            for tab, title in TABS:
                with TabPane(title, id=f"tab-{tab}"), VerticalScroll(classes="tab-body"):
                    if tab in HINTS:
                        yield Static(HINTS[tab], classes="tab-hint")
                    yield from lists_of(self.ctx, self.program_id, tab)
                    yield from dossier_fields.fields_of(tab)

    def show_dossier(self, view: DossierView, *, fields: bool) -> None:
        """Fill the lists from `view` (and the fields, when `fields`: typing is not
        overwritten, so they are filled once)."""
        if fields:
            self.fill_fields(view)
        for found in self.query(DossierList):
            found.fill(view)

    def fill_fields(self, view: DossierView) -> None:
        d = view.dossier
        p, i = d.program, d.impression
        values: dict[str, object] = {f"p-{k}": getattr(p, k) for k in p.__dataclass_fields__}
        values.update({f"i-{k}": getattr(i, k) for k in i.__dataclass_fields__})
        for kind, count in REASONS:
            reasons = getattr(d, kind)
            for n in range(count):
                values[f"r-{kind}-{n}"] = reasons[n] if n < len(reasons) else ""
        for widget in self.query(".field"):
            if widget.id in values and widget.id not in self.pending:
                with self.prevent(Input.Changed, TextArea.Changed, Select.Changed,
                                  Checkbox.Changed):
                    dossier_fields.write(widget, values[widget.id])
                self.loaded[widget.id] = dossier_fields.read(widget)

    # Saving ----------------------------------------------------------------------------

    @on(Input.Changed, ".field")
    @on(TextArea.Changed, ".field")
    @on(Select.Changed, ".field")
    @on(Checkbox.Changed, ".field")
    def field_changed(self, event) -> None:
        widget: Widget = event.control
        if widget.id not in self.loaded:
            return  # not filled in yet
        value = dossier_fields.read(widget)
        if value == self.loaded.get(widget.id) and widget.id not in self.pending:
            return
        self.pending[widget.id] = value
        if self.save_timer is None:
            self.save_timer = self.set_timer(SAVE_AFTER, self.save_pending)

    def submit_pending(self) -> Future | None:
        """Hand every unsaved change to the writer now (also used on leaving, when the
        fields may be gone: the values come from what was typed, not from the widgets)."""
        if self.save_timer is not None:
            self.save_timer.stop()
            self.save_timer = None
        if not self.pending:
            return None
        changes, self.pending = self.pending, {}
        self.loaded.update(changes)
        reasons = {kind: [str(self.loaded.get(f"r-{kind}-{n}", "")) for n in range(count)]
                   for kind, count in REASONS if any(k.startswith(f"r-{kind}-") for k in changes)}
        return self.ctx.writer.submit(dossier_fields.save_fields, self.program_id, changes,
                                      reasons)

    async def save_pending(self) -> None:
        """Save every unsaved change, wait for it, and post what was not saved."""
        future = self.submit_pending()
        if future is None:
            return
        errors, readiness = await asyncio.wrap_future(future)
        for widget_id, _ in errors:
            self.loaded[widget_id] = object()  # not saved: any next change is saved again
        self.post_message(self.Saved(errors, readiness))  # the screen says and marks them

    # Tabs ------------------------------------------------------------------------------

    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active.removeprefix("tab-")

    def show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{tab}"
        self.call_after_refresh(self.focus_tab)

    def switch_tab(self, step: int) -> None:
        ids = [tab for tab, _ in TABS]
        self.show_tab(ids[(ids.index(self.active_tab()) + step) % len(ids)])

    def focus_tab(self) -> None:
        """Focus the first list or field of the tab shown."""
        pane = self.query_one(TabbedContent).active_pane
        if pane is not None:
            target = next((w for w in pane.query("ItemTable, .field") if w.focusable), None)
            if target is not None:
                target.focus()
