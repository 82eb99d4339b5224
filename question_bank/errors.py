"""The one error for a value a person gave that cannot be accepted, in both domain packages.

`FieldError(field, message)`: `field` names the field ("title", "start_time"), `message` says
what is wrong and what was expected ("is empty; give the story a short title"). The app
shows it next to the field (`tui.widgets.field_errors`); the command line prints it as
"field: message". Each store keeps a subclass of its own name (`QuestionError`, `StoryError`,
`AnswerError`, `dossiers.errors.DossierError`) so a caller may catch one store's errors.
"""

from __future__ import annotations


class FieldError(ValueError):
    """A field that is not acceptable: `field` names it, `message` says what was expected."""

    def __init__(self, field: str, message: str):
        super().__init__(field, message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"
