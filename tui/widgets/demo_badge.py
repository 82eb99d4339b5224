"""The "demo" badge: on every screen of `matchprep demo`, at the top right, for the whole
session, so nobody types real answers into a database deleted at quit."""

from __future__ import annotations

from textual.widgets import Static


class DemoBadge(Static):
    WIDTH = 6  # what the section bar leaves it (tui.widgets.section_bar)

    DEFAULT_CSS = f"""
    DemoBadge {{
        position: absolute;
        overlay: screen;
        width: {WIDTH};
        height: 1;
        padding: 0 1;
        background: $warning;
        color: $text;
        text-style: bold;
    }}
    """

    def __init__(self) -> None:
        super().__init__("DEMO", id="demo-badge")
        self.tooltip = ("matchprep demo: sample data in a throwaway database, deleted when you "
                        "quit. Run `matchprep` for your own.")

    def place(self, width: int) -> None:
        """At the top right of a terminal `width` cells wide, over whatever is there: it
        takes no room from the screen's layout (docked, it took a column strip)."""
        self.styles.offset = (max(0, width - self.WIDTH), 0)
