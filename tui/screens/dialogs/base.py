"""The one base of every modal dialog: a dimmed backdrop, one body, a title, an error line.

The screen is the backdrop (`Dialog` in `tui/styles/dialogs.tcss`: the screens behind show
through, dimmed). One body, `#dialog-body`, carries the border, the title (the screen's
`title`, shown as plain text, never markup), the keys that matter (its `sub_title`) and the
width. Inside it, `#dialog-content` holds what a subclass yields from `compose_body` and
scrolls, so a dialog stays usable at 40x12; below it, always in view, `#dialog-footer` holds
the error line (`#dialog-error`, hidden while empty) and the buttons a subclass yields from
`compose_buttons` (a button with the id "cancel" cancels, as escape does).

Escape dismisses with `CANCELLED` (None unless a subclass says otherwise) through
`action_cancel`, which a subclass may override (to save first, or to leave a field first).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, ScreenResultType
from textual.widget import Widget
from textual.widgets import Button, Static

from question_bank.errors import FieldError
from tui.widgets.field_errors import EMPTY, clear_field_errors, say, show_field_error
from tui.widgets.footer import KeysFooter


class Dialog(ModalScreen[ScreenResultType]):
    """A modal dialog (see the module's docstring)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    CANCELLED: ClassVar[Any] = None  # what escape dismisses with
    CONTENT: ClassVar[type[Widget]] = VerticalScroll  # holds the dialog's widgets
    FOOTER: ClassVar[bool] = False  # a footer with the keys, below the body

    def compose(self) -> ComposeResult:
        content = self.CONTENT(id="dialog-content")
        if isinstance(content, VerticalScroll):
            content.can_focus = False  # the fields take the focus, and scroll into view
        with Vertical(id="dialog-body") as body:
            with content:
                yield from self.compose_body()
            with Vertical(id="dialog-footer"):
                yield Static(Content(""), id="dialog-error", classes=EMPTY)
                buttons = list(self.compose_buttons())
                if buttons:
                    with Horizontal(classes="dialog-buttons"):
                        yield from buttons
        # After the dialog's widgets: composing them may have set the title.
        body.border_title = Content(self.title or "")
        body.border_subtitle = Content(self.sub_title or "")
        if self.FOOTER:
            yield KeysFooter()

    def compose_body(self) -> ComposeResult:
        """The dialog's own widgets, inside the body."""
        yield from ()

    def compose_buttons(self) -> ComposeResult:
        """Buttons for the row at the bottom of the body (none: no row)."""
        yield from ()

    def watch_title(self, title: str | None) -> None:
        for body in self.query("#dialog-body"):
            body.border_title = Content(title or "")

    def watch_sub_title(self, sub_title: str | None) -> None:
        for body in self.query("#dialog-body"):
            body.border_subtitle = Content(sub_title or "")

    async def action_cancel(self) -> None:
        self.dismiss(self.CANCELLED)

    @on(Button.Pressed, "#cancel")
    async def cancel_pressed(self) -> None:
        await self.run_action("cancel")

    # The error line ---------------------------------------------------------------------

    @property
    def error_line(self) -> Static:
        return self.query_one("#dialog-error", Static)

    def show_error(self, text: str | Content) -> None:
        """Say something on the error line (a `str` is shown as it is, never as markup)."""
        say(self.error_line, text)

    def show_field_error(self, error: FieldError, field: Widget | None, *,
                         label: str | None = None) -> None:
        """Say `error` on the error line, mark `field` and focus it."""
        show_field_error(self.error_line, error, field, label=label)

    def clear_error(self) -> None:
        clear_field_errors(self.error_line)
