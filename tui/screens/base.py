"""What every section screen shares: the section bar on top, the footer below."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.geometry import Size
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
        self.laid_out_for: Size | None = None  # the size its first resume laid it out at

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
            self.laid_out_for = self.app.size

    @on(events.Resize)
    def skip_a_second_layout(self, event: events.Resize) -> None:
        # Runs before Screen's own handler. The first resume lays the screen out at the
        # app's size, and that layout tells the screen its size changed (from none): Screen's
        # handler would lay every widget out again at the same size, on every section's
        # first visit (its width class is the one given as it was made, see
        # MatchprepApp._make_section). Any other size is laid out as usual.
        if self.laid_out_for is not None and event.size == self.laid_out_for \
                and not (self.VERTICAL_BREAKPOINTS or self.app.VERTICAL_BREAKPOINTS):
            event.prevent_default()
        self.laid_out_for = None

    @on(events.ScreenSuspend)
    def left(self) -> None:
        self.never_left = False
