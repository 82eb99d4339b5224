"""The "demo" badge: on every screen of `matchprep demo`, at the top right, for the whole
session, so nobody types real answers into a database deleted at quit."""

from __future__ import annotations

from textual.widgets import Static


class DemoBadge(Static):
    DEFAULT_CSS = """
    DemoBadge {
        position: absolute;
        overlay: screen;
        dock: right;
        width: auto;
        height: 1;
        padding: 0 1;
        background: $warning;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self) -> None:
        super().__init__("DEMO", id="demo-badge")
        self.tooltip = ("matchprep demo: sample data in a throwaway database, deleted when you "
                        "quit. Run `matchprep` for your own.")
