"""Answers: every answer written, searchable and sortable; Enter opens the editor."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Input, Select, Static

from question_bank.answer_lists import (
    DESCENDING_FIRST,
    SORTS,
    AnswerSummary,
    count_answers,
    count_matches,
    list_answers,
    search_answers,
)
from question_bank.answers import delete_answer, get_answer
from question_bank.categories import categories, category_label
from question_bank.structures import words_phrase
from tui.messages import OpenAnswer
from tui.screens.base import SectionScreen
from tui.screens.held import HeldUntilMounted
from tui.widgets.answer_preview import AnswerPreview, answer_content
from tui.widgets.table_fit import FitColumn, FitTable

PAGE = 200  # rows read at a time; more are read as the cursor nears the end
SEARCH_LIMIT = 200
SORT_LABELS = {"updated": "last edited", "question": "question", "category": "category",
               "words": "length"}
COLUMNS = (FitColumn("question", "Question", 40),
           FitColumn("version", "Version", 14, shown_from=56),
           FitColumn("category", "Category", 14, shown_from=120),
           FitColumn("words", "Words", 6), FitColumn("updated", "Edited", 12))
COLUMN_SORTS = {"question": "question", "category": "category", "words": "words",
                "updated": "updated"}


@dataclass(frozen=True)
class Page:
    generation: int
    rows: list[AnswerSummary]
    total: int
    offset: int
    searching: bool


def _python_key(sort: str):
    order = {c.id: i for i, c in enumerate(categories())}
    return {
        "updated": lambda a: (a.updated_at, a.id),
        "question": lambda a: (a.question_text.casefold(), a.id),
        "category": lambda a: (order.get(a.category, 999), a.question_text.casefold()),
        "words": lambda a: (a.words, a.id),
    }[sort]


class AnswersScreen(SectionScreen):
    """Answers"""

    SECTION = "answers"
    HELP_TITLE = "Answers"
    # The list has the focus from the start (the first focusable widget took it, then
    # gave it to the list: two more stylings and a footer made twice on the first open).
    AUTO_FOCUS = "#answers-table"
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="answers.search"),
        Binding("s", "next_sort", "Sort", id="answers.sort",
                tooltip="Sort by last edited, question, category or length"),
        Binding("r", "reverse", "Reverse", id="answers.reverse", tooltip="Reverse the order"),
        Binding("c", "toggle_current", "Current only", id="answers.current",
                tooltip="Show only current answers, or every version"),
        Binding("x", "delete", "Delete", id="answers.delete",
                tooltip="Delete the selected answer and its history (asks first)"),
        Binding("p", "preview", "Preview", id="answers.preview",
                tooltip="Read the selected answer full-screen"),
        Binding("escape", "leave_search", "List", show=False, id="answers.list"),
    ]

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.generation = 0
        self.reads = HeldUntilMounted(self.fill)  # a read may come before the widgets
        self.rows: list[AnswerSummary] = []
        self.total = 0
        self.searching = False
        self.sort = "updated"
        self.descending = True
        self.current_only = False
        self.loading_more = False

    def compose_body(self) -> ComposeResult:
        # The first read starts now, while the screen is composed and mounted (the first
        # open waits for it), with the filters the fresh widgets below have.
        self.generation += 1
        self.load(self.generation, {"category": None, "search": "",
                                    "current_only": self.current_only},
                  self.sort, self.descending, 0)
        with Horizontal(id="answers-filters"):
            yield Input(placeholder="Search your answers (type words)", id="answers-search")
            yield Select([(c.label, c.id) for c in categories()], prompt="Category",
                         id="answers-category")
        with Horizontal(id="answers-main"):
            with Vertical(id="answers-list"):
                yield FitTable(COLUMNS, stretch="question", id="answers-table",
                               cursor_type="row", zebra_stripes=True)
                yield Static(id="answers-status")
            yield AnswerPreview(id="answers-preview")

    def on_mount(self) -> None:
        self.query_one("#answers-table", FitTable).focus()
        self.reads.mounted()

    def on_screen_resume(self) -> None:
        # Answers change in the editor: read again on every visit but the first (two
        # resumes), whose read started as the screen was composed.
        if not self.never_left:
            self.reload()

    # Loading -----------------------------------------------------------------------------

    def filters(self) -> dict:
        category = self.query_one("#answers-category", Select).value
        return {"category": None if category == Select.NULL else category,
                "search": self.query_one("#answers-search", Input).value.strip(),
                "current_only": self.current_only}

    def reload(self) -> None:
        self.generation += 1
        self.loading_more = False
        self.load(self.generation, self.filters(), self.sort, self.descending, 0)

    @work(thread=True, exclusive=True, group="answers-list", exit_on_error=False)
    def load(self, generation: int, filters: dict, sort: str, descending: bool,
             offset: int) -> None:
        with self.ctx.reader() as db:
            if filters["search"]:
                rows = search_answers(db, filters["search"], limit=SEARCH_LIMIT)
                if filters["category"]:
                    rows = [r for r in rows if r.category == filters["category"]]
                if filters["current_only"]:
                    rows = [r for r in rows if r.is_current]
                rows.sort(key=_python_key(sort), reverse=descending)
                total = count_matches(db, filters["search"])
                searching = True
            else:
                rows = list_answers(db, sort=sort, descending=descending,
                                    category=filters["category"],
                                    current_only=filters["current_only"], limit=PAGE,
                                    offset=offset)
                total = count_answers(db, category=filters["category"],
                                      current_only=filters["current_only"])
                searching = False
        self.app.call_from_thread(self.reads.deliver,
                                  Page(generation, rows, total, offset, searching))

    def fill(self, page: Page) -> None:
        if page.generation != self.generation:
            return
        table = self.query_one("#answers-table", FitTable)
        keep = self.highlighted_id() if page.offset == 0 else None
        if page.offset == 0:
            table.clear()
            self.rows = []
        self.rows += page.rows
        self.total, self.searching = page.total, page.searching
        now = self.ctx.now()
        for a in page.rows:
            table.add_cells(str(a.id), self.cells(a, now))
        self.loading_more = False
        table.keep_cursor(keep)
        self.update_status()
        self.show_preview()

    def cells(self, a: AnswerSummary, now: datetime) -> dict[str, Text]:
        edited = datetime.fromisoformat(a.updated_at).astimezone(now.tzinfo)
        stamp = f"{edited:%H:%M}" if edited.date() == now.date() else f"{edited:%d %b %Y}"
        return {
            "question": Text(("● " if a.is_current else "○ ") + a.question_text, no_wrap=True,
                             overflow="ellipsis"),
            "version": Text(a.label, no_wrap=True, overflow="ellipsis",
                            style="" if a.is_current else "dim"),
            "category": Text(category_label(a.category), no_wrap=True, overflow="ellipsis",
                             style="dim"),
            "words": Text(str(a.words), justify="right"),
            "updated": Text(stamp, style="dim"),
        }

    def update_status(self) -> None:
        filters = self.filters()
        shown = len(self.rows)
        if self.searching:
            text = (f"{shown} best of {self.total} matching “{filters['search']}”"
                    if self.total > shown else f"{shown} matching “{filters['search']}”")
        else:
            text = f"{self.total} answer{'s' if self.total != 1 else ''}"
        if filters["category"]:
            text += f" in {category_label(filters['category'])}"
        if self.current_only:
            text += " (current only)"
        way = "↓" if self.descending else "↑"
        text += f" · by {SORT_LABELS[self.sort]} {way}"
        if not self.rows:
            text += (" · nothing matches: clear the search" if filters["search"] else
                     " · none yet: press 2, choose a question, Enter to write")
        self.query_one("#answers-status", Static).update(Content(text))

    # Selection ---------------------------------------------------------------------------

    def highlighted_id(self) -> str | None:
        return self.query_one("#answers-table", FitTable).cursor_key()

    def selected(self) -> AnswerSummary | None:
        key = self.highlighted_id()
        return next((a for a in self.rows if str(a.id) == key), None)

    def show_preview(self) -> None:
        summary = self.selected()
        answer = get_answer(self.ctx.db, summary.id) if summary else None
        self.query_one(AnswerPreview).show(
            answer_content(answer, summary.question_text, summary.snippet)
            if answer and summary else None)

    @on(DataTable.RowHighlighted, "#answers-table")
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        more = not self.searching and len(self.rows) < self.total and not self.loading_more
        if more and event.cursor_row >= len(self.rows) - 20:
            self.loading_more = True
            self.load(self.generation, self.filters(), self.sort, self.descending,
                      len(self.rows))
        self.show_preview()

    @on(DataTable.RowSelected, "#answers-table")
    def row_selected(self) -> None:
        answer = self.selected()
        if answer is not None:
            self.post_message(OpenAnswer(answer.question_id, answer.id))

    @on(DataTable.HeaderSelected, "#answers-table")
    def header_selected(self, event: DataTable.HeaderSelected) -> None:
        sort = COLUMN_SORTS.get(event.column_key.value or "")
        if sort is None:
            return
        if sort == self.sort:
            self.descending = not self.descending
        else:
            self.sort, self.descending = sort, sort in DESCENDING_FIRST
        self.reload()

    # Filters and actions -----------------------------------------------------------------

    @on(Input.Changed, "#answers-search")
    @on(Select.Changed, "#answers-category")
    def filters_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#answers-search")
    def search_submitted(self) -> None:
        self.query_one("#answers-table", DataTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#answers-search", Input).focus()

    def action_leave_search(self) -> None:
        if self.maximized is not None:
            self.minimize()
        self.query_one("#answers-table", DataTable).focus()

    def action_next_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.descending = self.sort in DESCENDING_FIRST
        self.reload()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.reload()

    def action_toggle_current(self) -> None:
        self.current_only = not self.current_only
        self.reload()

    def action_preview(self) -> None:
        preview = self.query_one(AnswerPreview)
        if self.maximized is preview:
            self.minimize()
            self.query_one("#answers-table", DataTable).focus()
        else:
            self.maximize(preview, container=False)
            self.call_after_refresh(preview.focus)

    def action_delete(self) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog

        answer = self.selected()
        if answer is None:
            return

        async def answered(yes: bool | None) -> None:
            if yes:
                await asyncio.wrap_future(self.ctx.writer.submit(delete_answer, answer.id))
                self.notify("Answer deleted.")
                self.reload()

        self.app.push_screen(ConfirmDialog(
            Content.from_markup("Delete “$label” of “$question” ($words)?",
                                label=answer.label, question=answer.question_text,
                                words=words_phrase(answer.words)),
            "All its history goes with it. This cannot be undone.", yes="Delete"), answered)
