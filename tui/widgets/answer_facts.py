"""The line under the question in the answer editor: its category, the structure and the
target; which version this is, how many there are, and the stories it uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from question_bank.answers import Answer, count_versions
from question_bank.categories import category_label
from question_bank.questions import Question
from question_bank.stories import stories_for_answer
from question_bank.structures import format_duration, get_structure

if TYPE_CHECKING:
    from sqlite_utils import Database


class AnswerFacts(Static):
    def show(self, db: Database, question: Question, structure: str,
             answer: Answer | None) -> None:
        """The facts of `answer` (None: a new answer) of `question`, shown in `structure`."""
        which = "new answer" if answer is None else (
            answer.label + (" (current)" if answer.is_current else ""))
        versions = count_versions(db, question.id) if answer else 0
        if versions > 1:
            which += f" · {versions} versions"
        stories = [s.title for s in stories_for_answer(db, answer.id)] if answer else []
        if stories:
            which += " · stories: " + ", ".join(stories)
        # One line the width of the editor whatever it says (answers.tcss): no layout of
        # the whole editor after each save, while a key is being typed.
        self.update(Content.from_markup(
            "[dim]$category · $structure · target[/dim] [b]$target[/b] [dim]·[/dim] $which",
            category=category_label(question.category),
            structure=get_structure(structure).label,
            target=format_duration(question.target_seconds), which=which), layout=False)
