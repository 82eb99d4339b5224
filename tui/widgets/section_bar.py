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


class SectionTab(Static):
    """One section's name; clicking it asks to go there."""

    def __init__(self, section_id: str, key: str, label: str, *, current: bool) -> None:
        super().__init__(Content.from_markup("[b]$key[/b] $label", key=key, label=label),
                         id=f"tab-{section_id}", classes="-current" if current else "")
        self.section_id = section_id
        self.tooltip = f"Go to {label} (key {key})"

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
