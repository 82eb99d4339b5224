"""What every section screen shares: the section bar on top, the footer below."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
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

    @on(events.ScreenResume)
    def skip_first_restyles(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler, which restyles the whole screen on each resume
        # for what may have changed while it was away (the theme, the app's classes). A
        # section not yet left was styled as its widgets mounted, with the current
        # stylesheet (`mark_css_current`): its first visit brings two resumes, each a full
        # restyle of every widget (a third of the time Home took to open at scale).
        if self.never_left:
            event.refresh_styles = False

    @on(events.ScreenSuspend)
    def left(self) -> None:
        self.never_left = False
