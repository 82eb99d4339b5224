"""FittedOptionList: an OptionList as tall as its options up to its max-height, which shows
them all from the top whenever they fit, and keeps the highlighted one in sight when not.

Textual's OptionList measures its height at its whole width, but draws its options beside
its scrollbar once it has one: a list that had needed a scrollbar (a narrower terminal, a
terminal too small and back) wrapped its options a line longer than the height it had been
given, so it kept the scrollbar and a scroll of a line, though at its width everything fit
(the same list, opened at that size, showed every line). Here the scrollbar's column is
kept whether it is shown or not (`scrollbar-gutter: stable`), and the height is measured
at the width left beside it: the width the options are drawn at, whatever came before.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widgets import OptionList


class FittedOptionList(OptionList):
    DEFAULT_CSS = """
    FittedOptionList {
        scrollbar-gutter: stable;
        /* Never shown (overflow-x: hidden), but Textual adds its height to an auto height
           whenever the gutter is stable: a blank row under options that fit. */
        scrollbar-size-horizontal: 0;
    }
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # The options are drawn beside the scrollbar's column (kept: see above).
        return super().get_content_height(container, viewport,
                                          width - self.scrollbar_size_vertical)

    def on_resize(self, event: events.Resize) -> None:
        # The options wrap again at the new width; the highlighted one stays in sight
        # (Textual left the scroll where it was, the highlight out of view).
        self.call_after_refresh(self.scroll_to_highlight)
