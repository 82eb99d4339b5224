"""Choose the user's own time zone from a searchable list (or go back to the system's)."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from dossiers.text import fold
from dossiers.zones import COMMON_NAMES, all_zone_names, format_instant, system_zone_name
from tui.screens.dialogs.base import Dialog

SYSTEM = "__system__"


class ZonePicker(Dialog[str | None]):
    """Returns an IANA name, "" for the system's zone, or None when cancelled."""

    HELP_TITLE = "Time zone dialog"
    BINDINGS = [
        Binding("down", "to_list", "List", show=False, id="zone_picker.list"),
    ]
    TITLE = "Your time zone"
    SUB_TITLE = "type to search · enter choose · escape cancel"

    def __init__(self, current: str, now: datetime, *, chosen: bool) -> None:
        super().__init__()
        self.current, self.now, self.chosen = current, now, chosen

    def compose_body(self) -> ComposeResult:
        yield Static(Content(f"Now: {self.current}" + ("" if self.chosen else
                                                       " (the system's)")), id="zone-now")
        yield Input(placeholder="Search: a city (Chicago, Berlin, Kolkata) or ET, CET…",
                    id="zone-search")
        yield OptionList(id="zone-list")

    def on_mount(self) -> None:
        self._filter("")
        self.query_one("#zone-search", Input).focus()

    @on(Input.Changed, "#zone-search")
    def _search(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, text: str) -> None:
        wanted = fold(text)
        names = list(all_zone_names())
        if wanted:
            alias = COMMON_NAMES.get(text.strip().casefold())
            names = [n for n in names if wanted in fold(n) or n == alias]
        options = []
        if not wanted:
            system = system_zone_name()
            options.append(Option(Content(f"The system's zone ({system})"), id=SYSTEM))
        for name in names:
            clock = format_instant(self.now, name, with_date=False)
            options.append(Option(Content(f"{name:<32} {clock}"), id=name))
        zone_list = self.query_one("#zone-list", OptionList)
        zone_list.clear_options()
        zone_list.add_options(options)
        if options:
            ids = [o.id for o in options]
            zone_list.highlighted = ids.index(self.current) if self.current in ids and \
                not wanted else 0

    @on(Input.Submitted, "#zone-search")
    def _first(self) -> None:
        zone_list = self.query_one("#zone-list", OptionList)
        if zone_list.option_count:
            self._choose(zone_list.get_option_at_index(zone_list.highlighted or 0).id)

    @on(OptionList.OptionSelected, "#zone-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id:
            self.dismiss("" if option_id == SYSTEM else option_id)

    def action_to_list(self) -> None:
        self.query_one("#zone-list", OptionList).focus()

