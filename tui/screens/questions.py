"""Questions: browse the bank by category and tag, search as you type, add, edit, hide.

Every question is listed with its marks: "✓" answered, "↻" rehearsed (drilled or answered
in a mock), "⊘" not for this applicant (the profile does not hold its premises: the drill and
mocks do not draw it). `f` lists only those that fit, `u` only the answered or unanswered."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Select

from question_bank.categories import categories, category_label
from question_bank.done import ANSWER_FILTERS, Done, listed_with_marks
from question_bank.profile import Profile, current_profile, fits
from question_bank.questions import (
    Question,
    get_question,
    get_questions,
    set_hidden,
    tag_counts,
)
from question_bank.structures import format_duration
from tui.messages import OpenAnswer
from tui.screens.base import SectionScreen
from tui.screens.held import HeldUntilMounted
from tui.widgets.question_detail import QuestionDetail
from tui.widgets.question_status import NOT_FOR_YOU, ListState, QuestionStatus, counts
from tui.widgets.table_fit import FitColumn, FitTable

COLUMNS = (FitColumn("marks", "", 3),  # ✓ answered, ↻ rehearsed, ⊘ not for you
           FitColumn("text", "Question", 40),
           # a table narrower than 56 cells leaves out the category
           FitColumn("category", "Category", 16, shown_from=56),
           FitColumn("target", "Target", 6))
PAGE = 100  # rows added to the table at a time; more are added as the cursor nears the end


@dataclass(frozen=True)
class Listing:
    generation: int
    ids: list[str]  # every match, in order; rows are read a page at a time
    first_page: list[Question]
    tags: list[tuple[str, int]]
    profile: Profile
    unfit: int  # of the ids, those the profile rules out
    done: Done
    counts: tuple[int, int]  # of the ids, those answered and those rehearsed


class QuestionsScreen(SectionScreen):
    """Questions"""

    SECTION = "questions"
    HELP_TITLE = "Questions"
    # The list has the focus from the start (the first focusable widget took it, then
    # gave it to the list: two more stylings and a footer made twice on the first open).
    AUTO_FOCUS = "#question-table"
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="questions.search"),
        Binding("a", "add", "Add", id="questions.add", tooltip="Add a question of your own"),
        Binding("e", "edit", "Edit", id="questions.edit", tooltip="Edit the selected question"),
        Binding("x", "toggle_hidden", "Hide/show", id="questions.hide",
                tooltip="Hide the selected question (or bring a hidden one back)"),
        Binding("v", "toggle_show_hidden", "Hidden on/off", id="questions.show_hidden",
                tooltip="Show or leave out hidden questions"),
        Binding("f", "toggle_fits_me", "Fits me", id="questions.fits_me",
                tooltip="List only the questions that fit your profile (⊘ marks the others)"),
        Binding("u", "cycle_answered", "Answered", id="questions.answered",
                tooltip="List every question, only those you answered (✓), or only those "
                        "you have not"),
        Binding("enter", "answer", "Answer", id="questions.answer",
                tooltip="Write or edit your answer to the selected question"),
        Binding("d", "details", "Details", id="questions.details",
                tooltip="Read the selected question's guidance full-screen"),
        Binding("escape", "leave_search", "List", show=False, id="questions.list"),
    ]

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._generation = 0
        self.reads = HeldUntilMounted(self._fill)  # a read may come before the widgets
        self._ids: list[str] = []
        self._shown = 0
        self._show_hidden = False
        self._fits_me = False
        self._profile = Profile()
        self._unfit = 0
        self._done = Done()
        self._counts = (0, 0)
        self._answer_filter = ANSWER_FILTERS[0]
        self._select_after_load: str | None = None

    def compose_body(self) -> ComposeResult:
        # The list's first read starts now, while the screen is composed and mounted (it
        # is what the first open waits for longest), with the filters the fresh widgets
        # below have.
        self._generation += 1
        self._load(self._generation, {"category": None, "tag": None, "search": None,
                                      "include_hidden": self._show_hidden})
        with Horizontal(id="question-filters"):
            yield Input(placeholder="Search questions (type words)", id="question-search")
            yield Select([(c.label, c.id) for c in categories()], prompt="Category",
                         id="category-filter")
            yield Select([], prompt="Tag", id="tag-filter")
        with Horizontal(id="question-main"):
            with Vertical(id="question-list"):
                yield FitTable(COLUMNS, stretch="text", min_stretch=10, id="question-table",
                               cursor_type="row", zebra_stripes=True)
                yield QuestionStatus(id="question-status")
            yield QuestionDetail(id="question-detail")

    def on_mount(self) -> None:
        self.query_one("#question-table", FitTable).focus()
        self.reads.mounted()

    # Loading -----------------------------------------------------------------------------

    def _filters(self) -> dict:
        category = self.query_one("#category-filter", Select).value
        tag = self.query_one("#tag-filter", Select).value
        return {
            "category": None if category == Select.NULL else category,
            "tag": None if tag == Select.NULL else tag,
            "search": self.query_one("#question-search", Input).value.strip() or None,
            "include_hidden": self._show_hidden,
        }

    def reload(self, select: str | None = None) -> None:
        self._generation += 1
        if select:
            self._select_after_load = select
        self._load(self._generation, self._filters())

    @work(thread=True, exclusive=True, group="question-list", exit_on_error=False)
    def _load(self, generation: int, filters: dict) -> None:
        with self.ctx.reader() as db:
            profile = current_profile(db)
            # One read for the whole list, the part that fits and the marks.
            listed, marks = listed_with_marks(db, profile, **filters)
            every = marks.keep([i for i, _ in listed], self._answer_filter)
            fitting = marks.keep([i for i, fit in listed if fit], self._answer_filter)
            ids = fitting if self._fits_me else every
            unfit = 0 if self._fits_me else len(every) - len(fitting)
            wanted = self._select_after_load
            end = PAGE
            if wanted in ids:
                end = max(end, ids.index(wanted) + 1 + PAGE // 2)
            first_page = get_questions(db, ids[:end])
            tags = tag_counts(db, category=filters["category"])
        listing = Listing(generation, ids, first_page, tags, profile, unfit, marks,
                          counts(ids, marks))
        self.app.call_from_thread(self.reads.deliver, listing)

    def _fill(self, listing: Listing) -> None:
        if listing.generation != self._generation:
            return  # a newer search has started since
        self._ids = listing.ids
        self._profile = listing.profile
        self._unfit = listing.unfit
        self._done = listing.done
        self._counts = listing.counts
        self._update_tag_options(listing.tags)
        table = self.query_one("#question-table", FitTable)
        keep = self._select_after_load or self._highlighted_id()
        self._select_after_load = None
        table.clear()
        self._shown = 0
        self._add_rows(listing.first_page)
        if keep and keep in self._ids and keep not in table.rows:
            self._add_page(until_id=keep)
        table.keep_cursor(keep)
        self._update_status()
        self._show_detail()

    def _cells(self, q: Question) -> dict[str, Text]:
        fit = fits(q, self._profile)
        return {
            "marks": Text(self._done.marks(q.id) + (" " if fit else NOT_FOR_YOU), no_wrap=True),
            "text": Text(q.text, style="dim italic" if q.hidden else "" if fit else "dim",
                         no_wrap=True, overflow="ellipsis"),
            "category": Text(category_label(q.category), style="dim", no_wrap=True,
                             overflow="ellipsis"),
            "target": Text(format_duration(q.target_seconds), justify="right"),
        }

    def _add_rows(self, questions: list[Question]) -> None:
        table = self.query_one("#question-table", FitTable)
        for q in questions:
            table.add_cells(q.id, self._cells(q))
        self._shown += len(questions)

    def _add_page(self, until_id: str | None = None) -> None:
        """Show the next page of rows (or up to `until_id`): one quick read by primary key."""
        end = min(len(self._ids), self._shown + PAGE)
        if until_id and until_id in self._ids:
            end = max(end, min(len(self._ids), self._ids.index(until_id) + 1 + PAGE // 2))
        if end > self._shown:
            self._add_rows(get_questions(self.ctx.db, self._ids[self._shown:end]))

    def _update_tag_options(self, tags: list[tuple[str, int]]) -> None:
        select = self.query_one("#tag-filter", Select)
        current = select.value
        options = [(Text(f"{tag} ({n})"), tag) for tag, n in tags]
        values = {tag for tag, _ in tags}
        with select.prevent(Select.Changed):
            select.set_options(options)
            if current != Select.NULL and current in values:
                select.value = current

    def _update_status(self) -> None:
        filters = self._filters()
        self.query_one(QuestionStatus).show(ListState(
            self._ids, filters["category"], filters["tag"], filters["search"],
            self._show_hidden, self._fits_me, self._unfit, self._answer_filter, *self._counts))

    # Selection ---------------------------------------------------------------------------

    def _highlighted_id(self) -> str | None:
        return self.query_one("#question-table", FitTable).cursor_key()

    def selected_question(self) -> Question | None:
        question_id = self._highlighted_id()
        return get_question(self.ctx.db, question_id) if question_id else None

    def _show_detail(self) -> None:
        self.query_one(QuestionDetail).show(self.selected_question(), self._profile,
                                            self.ctx.now().date())

    @on(DataTable.RowHighlighted, "#question-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self._shown - 20 and self._shown < len(self._ids):
            self._add_page()
        self._show_detail()

    @on(DataTable.RowSelected, "#question-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:  # every row is added with its question's id
            self.post_message(OpenAnswer(event.row_key.value))

    def action_answer(self) -> None:
        """Enter on a question: open the answer editor on it (d shows the guidance)."""
        question_id = self._highlighted_id()
        if question_id:
            self.post_message(OpenAnswer(question_id))

    def open_question(self, question_id: str) -> None:
        """Show a question's guidance (the detail pane, or full-screen if narrow)."""
        self.select_question(question_id)
        self.action_details()

    def select_question(self, question_id: str) -> None:
        """Put the cursor on a question, clearing filters that would hide it."""
        table = self.query_one("#question-table", FitTable)
        if question_id in table.rows:
            table.keep_cursor(question_id)
            return
        if question_id in self._ids:
            self._add_page(until_id=question_id)
            table.keep_cursor(question_id)
            return
        question = get_question(self.ctx.db, question_id)
        if question is None:
            return
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#question-search", Input).value = ""
            self.query_one("#category-filter", Select).value = Select.NULL
            self.query_one("#tag-filter", Select).value = Select.NULL
        if question.hidden:
            self._show_hidden = True
        self.reload(select=question_id)

    # Filters -----------------------------------------------------------------------------

    @on(Input.Changed, "#question-search")
    def _search_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#question-search")
    def _search_submitted(self) -> None:
        self.query_one("#question-table", DataTable).focus()

    @on(Select.Changed, "#category-filter")
    def _category_changed(self) -> None:
        with self.prevent(Select.Changed):
            self.query_one("#tag-filter", Select).value = Select.NULL
        self.reload()

    @on(Select.Changed, "#tag-filter")
    def _tag_changed(self) -> None:
        self.reload()

    # Actions -----------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#question-search", Input).focus()

    def action_leave_search(self) -> None:
        if self.maximized is not None:
            self.minimize()
        self.query_one("#question-table", DataTable).focus()

    def action_details(self) -> None:
        detail = self.query_one(QuestionDetail)
        if self.maximized is detail:
            self.minimize()
            self.query_one("#question-table", DataTable).focus()
        elif self.size.width < 90 or not detail.display:
            self.maximize(detail, container=False)
            self.call_after_refresh(detail.focus)  # focusable once the style shows it
        else:
            detail.focus()

    def action_add(self) -> None:
        from tui.screens.dialogs.question_form import QuestionForm

        category = self._filters()["category"]
        self.app.push_screen(QuestionForm(self.ctx, category=category), self._after_form)

    def action_edit(self) -> None:
        from tui.screens.dialogs.question_form import QuestionForm

        question = self.selected_question()
        if question is None:
            self.notify("Select a question to edit first.", severity="warning")
            return
        self.app.push_screen(QuestionForm(self.ctx, question), self._after_form)

    def _after_form(self, question_id: str | None) -> None:
        if question_id:
            self.notify("Question saved.")
            self.reload(select=question_id)

    async def action_toggle_hidden(self) -> None:
        question = self.selected_question()
        if question is None:
            return
        import asyncio

        await asyncio.wrap_future(self.ctx.writer.submit(set_hidden, question.id,
                                                         not question.hidden))
        if question.hidden:
            self.notify("The question is back in the bank.")
        else:
            self.notify(
                "Hidden. Press v to show hidden questions, x to bring it back.", title="Hidden"
            )
        self.reload()

    def action_toggle_show_hidden(self) -> None:
        self._show_hidden = not self._show_hidden
        self.reload()

    def action_cycle_answered(self) -> None:
        at = ANSWER_FILTERS.index(self._answer_filter)
        self._answer_filter = ANSWER_FILTERS[(at + 1) % len(ANSWER_FILTERS)]
        self.reload()

    def action_toggle_fits_me(self) -> None:
        self._fits_me = not self._fits_me
        self.reload()

    def profile_changed(self) -> None:
        """The applicant's profile was saved: the marks (and the "fits me" list) follow."""
        self.reload()
