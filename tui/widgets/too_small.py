"""The one line a screen shows when the terminal is smaller than matchprep can use.

The app mounts it in the current screen and marks itself `-too-small`; the styles
(tui/styles/app.tcss) then hide everything else on every screen, so that no widget is laid
out at a size it cannot take (a zero-width text used to end the app).
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 40, 12


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmallLine(Static):
    def show(self, size: Size) -> None:
        self.update(Content(f"Terminal too small ({size.width}×{size.height}): make it at least "
                            f"{MIN_WIDTH}×{MIN_HEIGHT}."))
