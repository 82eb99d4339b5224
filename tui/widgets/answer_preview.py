"""The preview of an answer in the Answers list: its question, then each part, literally."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from question_bank.answers import Answer
from question_bank.structures import get_structure, words_phrase

MARK_START, MARK_END = "\x02", "\x03"


def snippet_content(snippet: str) -> Content:
    """A search snippet with the matched words highlighted (marks come from FTS5)."""
    pieces: list[tuple[str, str]] = []
    rest = snippet
    while MARK_START in rest:
        before, _, rest = rest.partition(MARK_START)
        hit, _, rest = rest.partition(MARK_END)
        pieces += [(before, ""), (hit, "bold reverse")]
    pieces.append((rest, ""))
    return Content.assemble(*[(text, style) for text, style in pieces if text])


def answer_content(answer: Answer, question_text: str, snippet: str = "") -> Content:
    lines = [Content.from_markup("[b]$q[/b]", q=question_text),
             Content.from_markup("[dim]$label$current · $structure · $words[/dim]",
                                 label=answer.label,
                                 current=" (current)" if answer.is_current else "",
                                 structure=get_structure(answer.structure).label,
                                 words=words_phrase(answer.words))]
    if snippet:
        lines += [Content(""), snippet_content(snippet)]
    for part, text in answer.sections():
        lines.append(Content.from_markup("\n[b $text-accent]$label[/]", label=part.label))
        lines.append(Content(text.strip()) if text.strip()
                     else Content.from_markup("[dim]empty[/dim]"))
    for label, text in answer.kept():
        lines.append(Content.from_markup("\n[b $text-warning]$label (set aside)[/]", label=label))
        lines.append(Content(text.strip()))
    return Content("\n").join(lines)


class AnswerPreview(VerticalScroll, can_focus=True):
    ALLOW_MAXIMIZE = True

    def compose(self):
        yield Static(Content("No answer selected."), id="answer-preview-text")

    def show(self, content: Content | None) -> None:
        self.query_one("#answer-preview-text", Static).update(
            content if content is not None else Content("No answer selected."))
        self.scroll_home(animate=False)
