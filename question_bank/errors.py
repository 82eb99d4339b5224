"""The error the answer and story stores raise for a field they cannot accept."""

from __future__ import annotations


class FieldError(ValueError):
    """A field that is not acceptable: `field` names it, `message` says what was expected."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
