"""The bar across the top: the app's name and its sections, each a click or a key away."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from tui.sections import SECTIONS
from tui.widgets.demo_badge import DemoBadge


class SectionTab(Static):
    """One section's name; clicking it asks to go there."""

    def __init__(self, section_id: str, key: str, label: str, *, current: bool) -> None:
        super().__init__(self.text(key, label), id=f"tab-{section_id}",
                         classes="-current" if current else "")
        self.section_id = section_id
        self.key, self.label = key, label
        self.label_shown = True
        self.tooltip = f"Go to {label} (key {key})"

    @staticmethod
    def text(key: str, label: str | None) -> Content:
        if label is None:
            return Content.from_markup("[b]$key[/b]", key=key)
        return Content.from_markup("[b]$key[/b] $label", key=key, label=label)

    def full_width(self) -> int:
        return len(self.key) + 1 + len(self.label) + 2  # with its padding

    def show_label(self, shown: bool) -> None:
        # Only a change: an update lays the bar out and draws it again (at every resize, and
        # as each section first opens).
        if shown != self.label_shown:
            self.label_shown = shown
            self.update(self.text(self.key, self.label if shown else None))

    @on(Click)
    def _clicked(self, event: Click) -> None:
        event.stop()
        self.post_message(SectionBar.Selected(self.section_id))


class SectionBar(HorizontalScroll, can_focus=False):
    """Shows where the user is; posts `SectionBar.Selected` when a section is clicked."""

    DEFAULT_CSS = """
    SectionBar {
        height: 1;
        dock: top;
        background: $panel;
        scrollbar-size: 0 0;
    }
    SectionBar #brand {
        width: auto;
        padding: 0 1;
        color: $text-primary;
        text-style: bold;
    }
    SectionBar SectionTab {
        width: auto;
        padding: 0 1;
        color: $text-muted;
    }
    SectionBar SectionTab:hover {
        background: $boost;
        color: $text;
    }
    SectionBar SectionTab.-current {
        background: $primary;
        color: $text;
        text-style: bold;
    }
    """

    @dataclass
    class Selected(Message):
        section_id: str

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        yield Static("matchprep", id="brand")
        for s in SECTIONS:
            yield SectionTab(s.id, s.key, s.label, current=s.id == self.current)

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Too narrow for every name (a 40-column terminal): the current section keeps its
        name, the others show their key alone, and the app's name steps aside. In the demo,
        its badge covers the bar's right end."""
        brand = self.query("#brand")
        if not brand:
            return  # not composed yet: it fits as it is first laid out
        width = self.size.width - (DemoBadge.WIDTH if self.app.has_class("-demo") else 0)
        tabs = list(self.query(SectionTab))
        narrow = len("matchprep") + 2 + sum(tab.full_width() for tab in tabs) > width
        brand.first().display = not narrow
        for tab in tabs:
            tab.show_label(not narrow or tab.section_id == self.current)
