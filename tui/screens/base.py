"""What every section screen shares: the section bar on top, the footer below."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen

from tui.context import AppContext
from tui.widgets.footer import KeysFooter
from tui.widgets.section_bar import SectionBar


class SectionScreen(Screen):
    """A section's base screen. Subclasses set SECTION and implement `compose_body`."""

    SECTION: ClassVar[str] = ""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(id=f"screen-{self.SECTION}")
        self.ctx = ctx
        self.never_left = True

    def compose(self) -> ComposeResult:
        yield SectionBar(self.SECTION)
        yield from self.compose_body()
        yield KeysFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles the whole screen on each resume, for what may have changed while
        # it was away (the theme, the app's classes). A section not yet left was styled as
        # its widgets mounted, with the current stylesheet (`mark_css_current`): its first
        # visit brings two resumes, each a full restyle of every widget (a third of the
        # time Home took to open at scale), for nothing.
        if self.never_left:
            event.refresh_styles = False

    def on_screen_suspend(self) -> None:
        self.never_left = False
