"""The line under the question list: how many questions it holds, which filters narrow it,
and what its marks mean (each mark a sign, never only a colour)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static

from question_bank.categories import category_label
from question_bank.done import ANSWERED, REHEARSED, Done

NOT_FOR_YOU = "⊘"  # marks a question the profile rules out


@dataclass(frozen=True)
class ListState:
    ids: list[str]
    category: str | None
    tag: str | None
    search: str | None
    show_hidden: bool
    fits_me: bool
    unfit: int  # listed questions the profile rules out
    answer_filter: str  # one of question_bank.done.ANSWER_FILTERS
    answered: int  # listed questions answered (counted once, off the event loop)
    rehearsed: int  # listed questions rehearsed


def counts(ids: list[str], done: Done) -> tuple[int, int]:
    """How many of `ids` are answered and rehearsed (ListState's counts)."""
    return len(done.answered.intersection(ids)), len(done.rehearsed.intersection(ids))


def short_status_text(state: ListState) -> str:
    """The counts alone, for a narrow terminal: "219 questions · ✓ 5 · ↻ 78 · ⊘ 34"."""
    n = len(state.ids)
    parts = [f"{n} question{'s' if n != 1 else ''}"]
    if state.answer_filter == "unanswered":
        parts.append("not answered")
    else:
        parts.append(f"{ANSWERED} {state.answered}")
    parts.append(f"{REHEARSED} {state.rehearsed}")
    if not state.fits_me and state.unfit:
        parts.append(f"{NOT_FOR_YOU} {state.unfit}")
    return " · ".join(parts)


def status_text(state: ListState) -> str:
    n = len(state.ids)
    parts = [f"{n} question{'s' if n != 1 else ''}"]
    if state.answer_filter == "answered":
        parts.append(f"{ANSWERED} answered")
    elif state.answer_filter == "unanswered":
        parts.append("not answered yet")
    if state.category:
        parts.append(f"in {category_label(state.category)}")
    if state.tag:
        parts.append(f"tagged {state.tag}")
    if state.search:
        parts.append(f"matching “{state.search}”")
    if state.show_hidden:
        parts.append("(hidden ones shown)")
    if state.fits_me:
        parts.append("that fit you (f: all)")
    if not state.ids:
        parts.append("· nothing matches: clear the search or choose another category"
                     + (" (u: all)" if state.answer_filter != "all" else ""))
        return " ".join(parts)
    if state.answer_filter == "all":
        parts.append(f"· {ANSWERED} {state.answered} answered (u filters)")
    else:
        parts.append("(u: the unanswered)" if state.answer_filter == "answered"
                     else "(u: all)")
    parts.append(f"· {REHEARSED} {state.rehearsed} rehearsed")
    if not state.fits_me and state.unfit:
        parts.append(f"· {NOT_FOR_YOU} {state.unfit} not drawn for you (f hides them)")
    return " ".join(parts)


class QuestionStatus(Static):
    """Shows a `ListState` in words; where the words do not fit one line, the counts."""

    state: ListState | None = None

    def show(self, state: ListState) -> None:
        self.state = state
        self._words()

    def on_resize(self) -> None:
        self._words()

    def _words(self) -> None:
        if self.state is None:
            return
        text = status_text(self.state)
        width = self.content_size.width or self.app.size.width
        if len(text) > width:
            text = short_status_text(self.state)
        self.update(Content(text))
