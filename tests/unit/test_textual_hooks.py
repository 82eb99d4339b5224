"""The tests' own changes to Textual (tests/textual_hooks.py) still reach the names they
replace, and still keep what the tests rely on."""

from __future__ import annotations

import inspect

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


class TableApp(App):
    def compose(self) -> ComposeResult:
        yield DataTable()


# share_parsed_styles -------------------------------------------------------------------------

def test_stylesheets_share_what_was_parsed_only_with_the_same_variables():
    from textual.css.errors import UnresolvedVariableError
    from textual.css.stylesheet import Stylesheet, StylesheetParseError

    from tests.textual_hooks import share_parsed_styles

    assert parameters(Stylesheet._parse_rules) == [
        "self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
    share_parsed_styles()
    share_parsed_styles()  # once is enough; a second call changes nothing
    css = "Label { color: $accent; }"

    def parsed(variables: dict[str, str]) -> list:
        sheet = Stylesheet(variables=variables)
        sheet.add_source(css, read_from=("test.tcss", ""))
        return sheet.rules

    first, again = parsed({"accent": "red"}), parsed({"accent": "red"})
    assert first == again and first[0] is again[0]
    other = parsed({"accent": "blue"})
    assert other[0] is not first[0]
    assert other[0].styles.color != first[0].styles.color
    for source, error in [("Label { color: $nowhere; }", UnresolvedVariableError),
                          ("Label { color: not-a-colour; }", StylesheetParseError)]:
        for _ in range(2):  # raised each time, by each stylesheet: never kept as rules
            broken = Stylesheet(variables={})
            broken.add_source(source, read_from=("broken.tcss", ""))
            with pytest.raises(error):
                broken.parse()


# quicken_pilot_keys ----------------------------------------------------------------------------

async def test_pilot_keys_wait_for_idle_through_the_name_quicken_pilot_keys_replaces():
    import textual.app

    from tests.textual_hooks import quicken_pilot_keys

    assert "wait_for_idle(" in inspect.getsource(App._press_keys)
    quicken_pilot_keys()
    assert textual.app.wait_for_idle.__module__ == "tests.textual_hooks"
    assert parameters(textual.app.wait_for_idle) == ["min_sleep", "max_sleep"]
    app = TableApp()  # keys still arrive, and are handled before press returns
    async with app.run_test() as pilot:
        table = app.query_one(DataTable)
        table.add_column("A")
        table.add_rows([["x"], ["y"], ["z"]])
        await pilot.pause()
        await pilot.press("down", "down")
        assert table.cursor_row == 2
