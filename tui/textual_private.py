"""Every use of a private Textual name in the app, each in one small function.

Textual has no public way to do these things. Each function says why; each has a test in
tests/unit/test_textual_private.py that fails if a Textual upgrade removes the name or changes
what we rely on. The rest of `tui/` names no private Textual attribute (a test checks): add
a function here instead, with its test.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from textual.app import App
from textual.worker import Worker

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen
    from textual.widgets import DataTable


def remeasure_table(table: DataTable) -> None:
    """Make a DataTable measure itself again after a column's `width` was changed in place.

    DataTable re-measures only after its own calls (add_column, add_row, clear...); there is
    no public "re-measure" and changing `Column.width` does not set its flag. The public way,
    clearing the columns and adding them again, would also add every row again.
    """
    table._require_update_dimensions = True
    table.refresh()


def mark_css_current(screen: Screen, app: App) -> None:
    """Tell a new screen that it is styled with the app's current stylesheet.

    A new screen starts at -1, so that switching to it re-parses every stylesheet (about 60 ms
    on start-up and on first opening each section). It is styled on mount anyway; a theme
    change later still raises the app's count and restyles it. No public API sets it.
    """
    screen._css_update_count = app._css_update_count


def textual_exception_handling(app: App, error: Exception) -> None:
    """Textual's own handling of an exception that no handler caught: remember it (Pilot
    raises it again at the end of a test), call `_fatal_error`, exit with return code 1.

    For an `App._handle_exception` override: it is the only hook Textual offers for an
    exception escaping a message handler, a timer or a worker that exits on error.
    """
    App._handle_exception(app, error)


def uncaught_error(app: App) -> BaseException | None:
    """The exception `App._fatal_error` is called for.

    `_fatal_error` takes no argument: Textual calls it from `_handle_exception`, sometimes
    inside the `except` block (then `sys.exc_info` has it), sometimes not (then only the app's
    `_exception`, set just before, has it).
    """
    error = sys.exc_info()[1]
    return error if error is not None else app._exception


def end_with_report(app: App, report: RenderableType | None) -> None:
    """What `App._fatal_error` has to do once the report is drawn: ring, close the message
    queue at once, print `report` when the terminal is restored. `App.panic` is the public
    way to print and close; the bell is Textual's habit on a crash."""
    app.bell()
    if report is None:
        app.panic()
    else:
        app.panic(report)


def let_worker_state_changes_bubble() -> None:
    """Make `Worker.StateChanged` bubble from the widget or screen that runs the worker up
    to the app, where one handler reports a worker that failed.

    Textual posts it only to the worker's own node, without bubbling, and has no app-wide
    hook for a worker that raises with `exit_on_error=False` (its result never comes, and
    nothing is said). No Textual widget handles this message, so bubbling changes nothing
    else. Idempotent.
    """
    Worker.StateChanged.bubble = True

