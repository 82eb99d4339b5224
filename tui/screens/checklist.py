"""An interview day's checklists: virtual setup, the day before, the day of, the 24 hours
after. Ticks are kept per interview day; the user may add items of their own."""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.widgets.selection_list import Selection

from dossiers import checklists
from dossiers.interviews import get_interview
from dossiers.zones import format_instant, until
from tui.context import AppContext
from tui.practice.user_zone import user_zone
from tui.widgets.footer import KeysFooter
from tui.widgets.marks import SelectionList


class ChecklistScreen(Screen):
    """Checklists of one interview day"""

    HELP_TITLE = "Checklists"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="checklist.back"),
        Binding("a", "add", "Add item", id="checklist.add",
                tooltip="Add an item of your own to a list (for every interview day)"),
        Binding("delete,x", "remove", "Remove item", id="checklist.remove",
                tooltip="Remove an item you added (shipped items stay)"),
    ]

    def __init__(self, ctx: AppContext, interview_id: int) -> None:
        super().__init__(id="screen-checklist")
        self.ctx, self.interview_id = ctx, interview_id
        self._items: list[checklists.Item] = []

    def compose(self) -> ComposeResult:
        yield Static(id="checklist-title")
        # The body scrolls, but keys go to a list: focus on the body left the first row
        # looking selected while space ticked nothing.
        with VerticalScroll(id="checklist-body", can_focus=False):
            for c in checklists.lists():
                selection = SelectionList[str](id=f"list-{c.id}", classes="checklist")
                selection.border_title = c.title
                selection.border_subtitle = c.when
                yield selection
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="checklist", exit_on_error=False)
    def reload(self) -> None:
        with self.ctx.reader() as db:
            interview = get_interview(db, self.interview_id)
            items = checklists.items(db, interview) if interview else []
            zone = user_zone(db)
        self.app.call_from_thread(self._fill, interview, items, zone)

    def _fill(self, interview, items: list[checklists.Item], zone: str) -> None:
        if interview is None:
            self.app.pop_screen()
            return
        self._items = items
        done = sum(i.ticked for i in items)
        title = Content.from_markup(
            "[b]$name[/b] · $when ($until) · [b]$done[/b] of $total ticked",
            name=interview.program_name, when=format_instant(interview.starts_at, zone),
            until=until(self.ctx.now(), interview.starts_at), done=str(done),
            total=str(len(items)))
        self.query_one("#checklist-title", Static).update(title)
        for c in checklists.lists():
            selection = self.query_one(f"#list-{c.id}", SelectionList)
            own = [i for i in items if i.list_id == c.id]
            selection.display = bool(own)
            highlighted = selection.highlighted
            with selection.prevent(SelectionList.SelectionToggled):
                selection.clear_options()
                selection.add_options([
                    Selection(Content(i.text) + (Content.styled("  (yours)", "dim")
                                                 if not i.shipped else Content("")),
                              i.key, i.ticked) for i in own])
            if own:
                selection.highlighted = min(highlighted or 0, len(own) - 1)
        if not isinstance(self.focused, SelectionList):
            first = next((s for s in self.query(SelectionList) if s.display), None)
            if first is not None:
                first.focus()

    async def _write(self, job, *args) -> None:
        await asyncio.wrap_future(self.ctx.writer.submit(job, *args))
        self.reload()

    @on(SelectionList.SelectionToggled)
    async def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        key = event.selection.value
        await self._write(checklists.tick, self.interview_id, key,
                          key in event.selection_list.selected)

    def _highlighted(self) -> checklists.Item | None:
        focused = self.focused
        if not isinstance(focused, SelectionList) or focused.highlighted is None:
            return None
        key = focused.get_option_at_index(focused.highlighted).value
        return next((i for i in self._items if i.key == key), None)

    def action_add(self) -> None:
        from tui.screens.dialogs.prompt import TextPrompt

        focused = self.focused
        list_id = focused.id.removeprefix("list-") \
            if isinstance(focused, SelectionList) and focused.id is not None else "day-before"
        title = next(c.title for c in checklists.lists() if c.id == list_id)
        self.app.push_screen(TextPrompt(f"Add to “{title}”", "What to check (for every "
                                        "interview day):"), lambda text: self._add(list_id, text))

    async def _add(self, list_id: str, text: str | None) -> None:
        if text:
            await self._write(checklists.add_item, list_id, text)

    async def action_remove(self) -> None:
        item = self._highlighted()
        if item is None:
            return
        if item.shipped:
            self.notify("Shipped items stay; leave it unticked if it does not apply.")
            return
        await self._write(checklists.remove_item, item.key)
        self.notify(f"Removed: {item.text}", markup=False)
