"""Home card: how many of the questions the applicant may be asked have an answer, by
category (as Progress counts them); the answer to continue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from question_bank.answer_lists import AnswerSummary, answered_by_category, recent_answers
from question_bank.categories import TO_ASK, categories
from question_bank.coverage import coverage
from question_bank.stories import Competency, story_titles
from question_bank.structures import words_phrase
from tui.widgets.home_panel import HomePanel, NextStep

if TYPE_CHECKING:
    from sqlite_utils import Database

FIRST_QUESTION = "intro.tell-me-about-yourself"


@dataclass(frozen=True)
class AnswersState:
    by_category: dict[str, tuple[int, int]]  # category: (answered, questions), not TO_ASK
    recent: AnswerSummary | None
    stories: int
    uncovered: list[Competency]

    @property
    def answered(self) -> int:
        return sum(a for a, _ in self.by_category.values())

    @property
    def questions(self) -> int:
        return sum(n for _, n in self.by_category.values())


class AnswersPanel(HomePanel):
    TITLE = "Answers and stories"
    READ_APART = True  # counts over every answer, in SQLite

    def compose(self) -> ComposeResult:
        yield Static(id="answers-summary")

    def gather(self, db: Database) -> AnswersState:
        recent = recent_answers(db, 1)
        # The questions to ask a program are not answered (Progress leaves them out too).
        asked = {c: n for c, n in answered_by_category(db).items() if c != TO_ASK}
        return AnswersState(asked, recent[0] if recent else None,
                            len(story_titles(db)), coverage(db).uncovered)

    def show(self, state: AnswersState) -> None:
        lines = [Content.from_markup(
            "[b]$answered[/b] of the $questions questions you may be asked are answered · "
            "[b]$stories[/b] stor$ies",
            answered=str(state.answered), questions=str(state.questions),
            stories=str(state.stories), ies="ies" if state.stories != 1 else "y")]
        for c in categories():
            answered, total = state.by_category.get(c.id, (0, 0))
            if answered:
                lines.append(Content.from_markup("  [dim]$n[/dim] $label", n=f"{answered:>3}/"
                                                 f"{total:<3}", label=c.label))
        if state.recent is not None:
            lines.append(Content.from_markup("Last edited: $question [dim]($words)[/dim]",
                                             question=state.recent.question_text,
                                             words=words_phrase(state.recent.words)))
        if state.uncovered:
            lines.append(Content.from_markup(
                "[$text-warning]No story yet for:[/] $names",
                names=", ".join(c.label for c in state.uncovered)))
        self.query_one("#answers-summary", Static).update(Content("\n").join(lines))

    def next_steps(self, state: AnswersState) -> list[NextStep]:
        steps = []
        if state.recent is not None:
            r = state.recent
            steps.append(NextStep(20, f"Continue your answer to “{r.question_text}”",
                                  f"app.open_answer({r.question_id!r}, {r.id})"))
        else:
            steps.append(NextStep(20, "Write your first answer: “Tell me about yourself.”",
                                  f"app.open_answer({FIRST_QUESTION!r})"))
        if state.uncovered:
            steps.append(NextStep(60, f"Write a story that shows {state.uncovered[0].label.lower()}"
                                      " (4, then a)", "app.section('stories')"))
        return steps
