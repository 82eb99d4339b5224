"""What the answer editor's "why this program" feedback accepts as specific: the names,
people and cities of the programs in the dossiers, or of the one program an answer
version is named for ("For Lakeshore"). Read in a worker; the feedback runs again when
they arrive.

A mixin of `AnswerEditor` (kept apart to keep each module small); it uses the editor's
`ctx` and `run_feedback()`.
"""

from __future__ import annotations

from textual import work

from tui.practice.program_names import feedback_names


class ProgramNames:
    program_names: tuple[str, ...] = ()  # handed to FeedbackInput.program_names
    names_label: str | None = None  # the version label they were read for

    def follow_label(self, label: str) -> None:
        """The answer shown is called `label`: read the names again if it changed."""
        if label != self.names_label:
            self.names_label = label
            self.load_program_names(label)

    @work(thread=True, exclusive=True, group="answer-names", exit_on_error=False)
    def load_program_names(self, label: str) -> None:
        with self.ctx.reader() as db:
            names = feedback_names(db, label)
        self.app.call_from_thread(self.program_names_ready, label, names)

    def program_names_ready(self, label: str, names: tuple[str, ...]) -> None:
        if label == self.names_label and names != self.program_names:
            self.program_names = names
            self.run_feedback()
