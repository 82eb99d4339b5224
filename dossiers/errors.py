"""The errors dossiers raises: each a sentence a person understands, naming the field."""

from __future__ import annotations


class DossierError(ValueError):
    """A value that is not acceptable: `field` names it, `message` says what was expected."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field.replace('_', ' ')}: {message}")
        self.field = field
        self.message = message


class ProgramNotFound(DossierError):
    """No program, or more than one, answers to a name."""

    def __init__(self, message: str):
        super().__init__("program", message)

    def __str__(self) -> str:
        return self.message
