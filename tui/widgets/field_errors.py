"""Show what is wrong with a field: the sentence on an error line, the field marked and focused.

Every form that shows a `FieldError` (a dialog's form, the dossier's fields, the mock setup)
goes through `show_field_error`, so each names the field the same way ("Start time: is
empty; ...") and takes the user to it. The sentence is `Content`, never markup: a message
quotes what the user typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from question_bank.errors import FieldError

INVALID = "-invalid"  # the class Textual's Input sets itself when a validator fails
EMPTY = "-empty"  # on an error line that says nothing (a dialog hides it)


def field_label(field: str) -> str:
    """How a sentence names a field: "start_time" is "Start time"."""
    return field.replace("_", " ").capitalize()


def sentence(error: FieldError, label: str | None = None) -> str:
    """One sentence naming the field, ending in a stop ("Title: is empty; give the story
    a short title (“The missed PE”).")."""
    text = f"{label or field_label(error.field)}: {error.message}"
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def say(line: Static, text: str | Content) -> None:
    """Put `text` on an error line (a `str` is shown as it is, never read as markup)."""
    line.update(Content(text) if isinstance(text, str) else text)
    line.set_class(not text, EMPTY)


def clear_field_errors(line: Static) -> None:
    """Empty the error line and unmark every field marked on its screen."""
    say(line, "")
    for widget in line.screen.query(f".{INVALID}"):
        widget.remove_class(INVALID)


def show_field_errors(line: Static, errors: Sequence[tuple[FieldError, Widget | None]], *,
                      labels: Mapping[str, str] | None = None, lead: str = "",
                      focus: bool = True) -> None:
    """Say every error on `line` (after `lead`), mark each one's widget `-invalid` and focus
    the first widget (unless `focus` is False: a form that saves as the user types must not
    pull the cursor away from where they are typing)."""
    clear_field_errors(line)
    labels = labels or {}
    say(line, lead + " ".join(sentence(e, labels.get(e.field)) for e, _ in errors))
    widgets = [w for _, w in errors if w is not None]
    for widget in widgets:
        widget.add_class(INVALID)
    if focus and widgets and widgets[0].focusable:
        widgets[0].focus()


def show_field_error(line: Static, error: FieldError, field: Widget | None, *,
                     label: str | None = None, focus: bool = True) -> None:
    """Say `error` on `line` and take the user to `field` (None: no widget for it)."""
    show_field_errors(line, [(error, field)], labels={error.field: label} if label else None,
                      focus=focus)
