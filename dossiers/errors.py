"""The errors dossiers raises: each a sentence a person understands, naming the field.

`DossierError` is the domain's one `FieldError` (from `question_bank.errors`: one error type
for both domain packages, the one import between them that pyproject.toml allows).
"""

from __future__ import annotations

from question_bank.errors import FieldError


class DossierError(FieldError):
    """A dossier value that is not acceptable, named, with what was expected. Said with the
    field's words spaced ("start time: ..."), as the command line and the CSV report show it."""

    def __str__(self) -> str:
        return f"{self.field.replace('_', ' ')}: {self.message}"


class ProgramNotFound(DossierError):
    """No program, or more than one, answers to a name."""

    def __init__(self, message: str):
        super().__init__("program", message)

    def __str__(self) -> str:
        return self.message
