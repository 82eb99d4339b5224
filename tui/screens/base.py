"""What every section screen shares: the section bar on top, the footer below."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from tui.context import AppContext
from tui.widgets.section_bar import SectionBar


class SectionScreen(Screen):
    """A section's base screen. Subclasses set SECTION and implement `compose_body`."""

    SECTION: ClassVar[str] = ""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(id=f"screen-{self.SECTION}")
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        yield SectionBar(self.SECTION)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()
