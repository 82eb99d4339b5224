"""What a terminal shows of an app run under Pilot: every update the app draws (a whole
screen, or only the parts that changed) written to a terminal emulator (pyte), as the real
terminal gets it, to compare with the screen drawn whole.

A frame that leaves out a row that changed (stale text, a cursor left behind) or draws a
widget's strip at the wrong column shows as a difference here, in characters or in colours,
though every frame Pilot waits for was drawn without an error.
"""

from __future__ import annotations

import pyte
from textual._compositor import CompositorUpdate, LayoutUpdate
from textual.app import App


class DrawnScreen:
    """Follows `app`'s updates from now on (start it after the screen under test is shown
    whole: Pilot's headless app draws nothing to a terminal)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.terminal = self._terminal()
        self.terminal_stream = pyte.Stream(self.terminal)
        self.updates = 0
        self._write(self._whole())  # (as the terminal was left by the last frame)
        headless_display = app._display

        def display(screen, update) -> None:
            headless_display(screen, update)
            if isinstance(update, CompositorUpdate) and screen is app.screen:
                self._write(update)
                self.updates += 1

        app._display = display  # type: ignore[method-assign]

    def _terminal(self) -> pyte.Screen:
        width, height = self.app.size
        return pyte.Screen(width, height)

    def _whole(self) -> LayoutUpdate:
        """The screen drawn whole and afresh: every widget draws every line again (a line
        a widget kept from before is what the terminal was sent, and would hide a row
        left out of a frame)."""
        for widget in self.app.screen.walk_children(with_self=True):
            widget._styles_cache.clear()
            widget.notify_style_update()  # (a TextArea keeps its lines too)
        compositor = self.app.screen._compositor
        return LayoutUpdate([[strip] for strip in compositor.render_strips()],
                            compositor.size.region)

    def _write(self, update: CompositorUpdate) -> None:
        self.terminal_stream.feed(update.render_segments(self.app.console))

    def differences(self) -> list[str]:
        """The rows where the terminal differs from the screen drawn whole now, each as
        "row N: shown | whole" (characters and their colours and attributes)."""
        whole = self._terminal()
        pyte.Stream(whole).feed(self._whole().render_segments(self.app.console))
        found = []
        for y in range(whole.lines):
            shown_row, whole_row = self.terminal.buffer[y], whole.buffer[y]
            if any(shown_row[x] != whole_row[x] for x in range(whole.columns)):
                found.append(f"row {y}: {self.terminal.display[y]!r} | {whole.display[y]!r}")
        return found
