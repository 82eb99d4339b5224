"""Command palette providers: go to a section, find a question by the words in it."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.context import app_context
from tui.messages import OpenAnswer
from tui.sections import SECTIONS

MAX_QUESTION_HITS = 20


class SectionCommands(Provider):
    """Every section of the app, by name."""

    async def discover(self) -> Hits:
        for s in SECTIONS:
            yield DiscoveryHit(f"Go to {s.label}", partial(self.app.run_action,
                                                            f"section('{s.id}')"),
                               help=s.description)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for s in SECTIONS:
            text = f"Go to {s.label}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text),
                          partial(self.app.run_action, f"section('{s.id}')"), help=s.description)


class QuestionCommands(Provider):
    """Any question in the bank, found by the words in it (full-text search); choosing one
    opens the answer editor on it, ready to type."""

    def _find(self, query: str) -> list:
        from question_bank.questions import list_questions  # when asked, not at start-up

        with app_context(self.app).reader() as db:
            return list_questions(db, search=query, limit=MAX_QUESTION_HITS)

    async def search(self, query: str) -> Hits:
        if len(query.strip()) < 2:
            return
        from question_bank.categories import category_label

        questions = await asyncio.to_thread(self._find, query)
        for rank, question in enumerate(questions):
            display = Content.from_markup("$text", text=question.text)
            yield Hit(
                0.9 - rank * 0.01,
                display,
                partial(self.app.post_message, OpenAnswer(question.id)),
                text=question.text,
                help=category_label(question.category),
            )
