"""Checkboxes, radio buttons and selection lists read without colour: on and off are two
glyphs, not two colours (NO_COLOR, monochrome terminals, colour-blind users)."""

from __future__ import annotations

import ast
from pathlib import Path

from textual.app import App, ComposeResult

import tui
from tui.widgets.marks import Checkbox, RadioButton, SelectionList

TUI = Path(tui.__file__).parent


class Marks(App):
    def compose(self) -> ComposeResult:
        yield Checkbox("on", True, id="on")
        yield Checkbox("off", False, id="off")
        yield RadioButton("chosen", True, id="chosen")
        yield RadioButton("other", False, id="other")
        yield SelectionList(("picked", 1, True), ("left", 2, False), id="list")


def drawn(app: App, selector: str) -> str:
    widget = app.query_one(selector)
    return "".join(seg.text for seg in widget.render_line(0))


async def test_on_and_off_draw_different_glyphs():
    app = Marks()
    async with app.run_test(size=(40, 12)) as pilot:
        assert "▐✓▌ on" in drawn(app, "#on") and "▐ ▌ off" in drawn(app, "#off")
        assert "▐●▌ chosen" in drawn(app, "#chosen") and "▐○▌ other" in drawn(app, "#other")
        selection = app.query_one("#list", SelectionList)
        lines = ["".join(s.text for s in selection.render_line(y)) for y in range(2)]
        assert lines[0].startswith("▐✓▌ picked") and lines[1].startswith("▐ ▌ left")
        app.query_one("#off", Checkbox).toggle()
        selection.deselect(1)
        await pilot.pause()
        assert "▐✓▌ off" in drawn(app, "#off")
        assert "".join(s.text for s in selection.render_line(0)).startswith("▐ ▌ picked")


def test_the_app_uses_only_these():
    """No module of the app takes Textual's own Checkbox, RadioButton or SelectionList."""
    theirs = {"Checkbox", "RadioButton", "SelectionList"}
    found = []
    for path in TUI.rglob("*.py"):
        if path.name == "marks.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "textual.widgets":
                found += [f"{path.name}: {a.name}" for a in node.names if a.name in theirs]
    assert found == []


def test_a_selection_list_takes_its_value_type_as_textuals_does():
    assert SelectionList[str](("a", "a")).option_count == 1
