"""What every section screen shares: the section bar on top, the footer below."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen

from tui.context import AppContext
from tui.textual_private import styled_with_current_css
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
        # The app's state (`app_state`) when it was last styled whole (as it mounted, or
        # restyled: MatchprepApp.update_styles notes it).
        self.styled_for_app: tuple[frozenset[str], frozenset[str]] | None = None

    def compose(self) -> ComposeResult:
        yield SectionBar(self.SECTION)
        yield from self.compose_body()
        yield KeysFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    @on(events.ScreenResume)
    def skip_needless_restyles(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler, which restyles the whole screen on each resume
        # that says so (a switch of section; not a dialog or screen closed over it) for what
        # may have changed while it was away. A section not yet left was styled as its
        # widgets mounted, with the current stylesheet (`mark_css_current`): its first visit
        # brings two resumes, each a full restyle of every widget (a third of the time Home
        # took to open at scale). Coming back to a section, what could have changed is the
        # stylesheet (a theme: Textual restyles the screen as it switches back to it, and
        # counts it styled then; checked here as a guard), its width (its resize restyles
        # it) or the app's classes and pseudo-classes (-too-small, :blur), which restyle
        # only the screens shown: a section come back to an app in the state it was last
        # styled for is not restyled again, whole, at every visit. (Textual's own
        # pseudo-classes that change without a restyle, :can-focus with `display`, were
        # as stale while the section was shown.)
        if self.never_left:
            self.laid_out_for = self.app.size
        if not event.refresh_styles:
            return
        if self.never_left:
            self.styled_for_app = self.app_state()  # (styled as it mounted)
        if styled_with_current_css(self, self.app) and self.app_state() == self.styled_for_app:
            event.refresh_styles = False

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

    def app_state(self) -> tuple[frozenset[str], frozenset[str]]:
        """What of the app its styles may depend on: its classes and pseudo-classes."""
        return frozenset(self.app.classes), self.app.pseudo_classes

    @on(events.ScreenSuspend)
    def left(self) -> None:
        self.never_left = False
