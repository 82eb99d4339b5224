"""Stories: the story bank (each story, the answers that use it) and the coverage view
(competencies against stories: which has no story, which story carries too much)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, DataTable, OptionList, Static
from textual.widgets.option_list import Option

from question_bank.coverage import Coverage, coverage
from question_bank.stories import (
    EXPERIENCE_KINDS,
    StorySummary,
    answers_for_story,
    competency_labels,
    get_story,
    list_stories,
    questions_for_story,
)
from question_bank.structures import words_phrase
from tui.messages import OpenAnswer
from tui.practice.story_plans import delete_story_and_plans, programs_planning
from tui.screens.base import SectionScreen
from tui.widgets.story_view import story_content
from tui.widgets.table_fit import FitColumn, FitTable


@dataclass(frozen=True)
class Bank:
    stories: list[StorySummary]
    coverage: Coverage
    labels: dict[str, str]


# The titles get the room first: where and what a story shows give way, down to a word.
COLUMNS = (FitColumn("title", "Story", 30),
           FitColumn("kind", "From", 12, shown_from=70, min_width=8),
           FitColumn("shows", "Shows", 22, shown_from=52, min_width=10),
           FitColumn("questions", "Qs", 3), FitColumn("answers", "Used", 4))


def short(title: str, width: int = 14) -> str:
    return title if len(title) <= width else title[: width - 1] + "…"


class StoriesScreen(SectionScreen):
    """Stories"""

    SECTION = "stories"
    HELP_TITLE = "Stories"
    BINDINGS = [
        Binding("a", "add", "Add", id="stories.add", tooltip="Write a new story"),
        Binding("e", "edit", "Edit", id="stories.edit", tooltip="Edit the selected story"),
        Binding("q", "questions", "Questions", id="stories.questions",
                tooltip="Choose the questions the selected story answers"),
        Binding("x", "delete", "Delete", id="stories.delete",
                tooltip="Delete the selected story (answers keep their text; asks first)"),
        Binding("c", "coverage", "Coverage", id="stories.coverage",
                tooltip="Competencies against stories, or back to the list"),
        Binding("o", "answers", "Answers", id="stories.answers",
                tooltip="Go to the answers that use the selected story"),
        Binding("escape", "back", "List", show=False, id="stories.back"),
    ]

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.bank: Bank | None = None

    def compose_body(self) -> ComposeResult:
        with ContentSwitcher(initial="stories-view", id="stories-switcher"):
            with Horizontal(id="stories-view"):
                with Vertical(id="stories-list"):
                    yield FitTable(COLUMNS, stretch="title", id="stories-table",
                                   cursor_type="row", zebra_stripes=True)
                    yield Static(id="stories-status")
                with VerticalScroll(id="story-detail", can_focus=False, can_maximize=True):
                    yield Static(Content(""), id="story-text")
                    yield Static(Content.from_markup("\n[b]Answers that use it[/b] "
                                                     "[dim](enter opens)[/dim]"))
                    yield OptionList(id="story-answers")
                    yield Static(Content(""), id="story-questions")
            with Vertical(id="coverage-view"):
                yield Static(id="coverage-summary")
                yield FitTable(id="coverage-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.query_one("#stories-table", FitTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="stories", exit_on_error=False)
    def load(self) -> None:
        with self.ctx.reader() as db:
            bank = Bank(list_stories(db), coverage(db), competency_labels(db))
        self.app.call_from_thread(self.fill, bank)

    def fill(self, bank: Bank) -> None:
        self.bank = bank
        self.query_one("#stories-table", FitTable).refill(
            (str(s.id), {
                "title": Text(s.title, no_wrap=True, overflow="ellipsis"),
                "kind": Text(EXPERIENCE_KINDS.get(s.experience_kind, s.experience_kind),
                             style="dim", no_wrap=True, overflow="ellipsis"),
                "shows": Text(", ".join(bank.labels.get(c, c) for c in s.competencies),
                              no_wrap=True, overflow="ellipsis"),
                "questions": Text(str(s.questions), justify="right"),
                "answers": Text(str(s.answers), justify="right"),
            }) for s in bank.stories)
        n = len(bank.stories)
        gaps = len(bank.coverage.uncovered)
        status = f"{n} stor{'ies' if n != 1 else 'y'}"
        status += f" · {gaps} competenc{'ies' if gaps != 1 else 'y'} without a story (c)" if gaps \
            else " · every competency has a story"
        if not n:
            status += " · press a to write your first story"
        self.query_one("#stories-status", Static).update(Content(status))
        self.show_detail()
        self.fill_coverage(bank)

    # The list and the detail -------------------------------------------------------------

    def selected_id(self) -> str | None:
        return self.query_one("#stories-table", FitTable).cursor_key()

    def show_detail(self) -> None:
        key = self.selected_id()
        story = get_story(self.ctx.db, int(key)) if key else None
        text = self.query_one("#story-text", Static)
        answers = self.query_one("#story-answers", OptionList)
        questions = self.query_one("#story-questions", Static)
        answers.clear_options()
        if story is None:
            text.update(Content("No story selected. Press a to write one."))
            questions.update(Content(""))
            return
        text.update(story_content(story, self.bank.labels if self.bank else {}))
        for a in answers_for_story(self.ctx.db, story.id):
            answers.add_option(Option(Content.from_markup(
                "$question [dim]· $label · $words[/dim]", question=a.question_text,
                label=a.label, words=words_phrase(a.words)), id=f"{a.question_id}\x00{a.id}"))
        if not answers.option_count:
            answers.add_option(Option(Content("No answer uses it yet (link it from an answer "
                                              "with ctrl+l)."), disabled=True))
        linked = questions_for_story(self.ctx.db, story.id)
        lines = [Content.from_markup("\n[b]Questions it answers[/b] [dim](q to choose)[/dim]")]
        lines += [Content(f"· {text}") for _, text, _ in linked] or [Content("none yet")]
        lines.append(Content.from_markup("\n[b]Planned for[/b] [dim](choose in a program's "
                                         "dossier, Stories tab)[/dim]"))
        planned = programs_planning(self.ctx.db, story.id)
        lines += [Content(f"· {name}") for name in planned] or [Content("no program yet")]
        questions.update(Content("\n").join(lines))

    @on(DataTable.RowHighlighted, "#stories-table")
    def row_highlighted(self) -> None:
        self.show_detail()

    @on(DataTable.RowSelected, "#stories-table")
    def row_selected(self) -> None:
        self.action_edit()

    @on(OptionList.OptionSelected, "#story-answers")
    def answer_chosen(self, event: OptionList.OptionSelected) -> None:
        question_id, _, answer_id = (event.option.id or "").partition("\x00")
        if answer_id:
            self.post_message(OpenAnswer(question_id, int(answer_id)))

    # Coverage ----------------------------------------------------------------------------

    def fill_coverage(self, bank: Bank) -> None:
        table = self.query_one("#coverage-table", FitTable)
        cover = bank.coverage
        columns = [FitColumn("competency", "Competency", 22), FitColumn("count", "Stories", 8)]
        for s in cover.stories:
            label = short(s.title) + (" ⚠" if s.overloaded else "")
            columns.append(FitColumn(f"story-{s.id}", Text(label, style="bold yellow"
                                                           if s.overloaded else ""),
                                     max(4, len(label))))
        columns.append(FitColumn("questions", "Bank Qs", 7))
        table.clear()
        table.declare(columns)

        def cells(row) -> dict[str, Text]:
            count = len(row.story_ids)
            return {"competency": Text(row.competency.label, no_wrap=True, overflow="ellipsis"),
                    "count": Text("✗ none", style="bold red") if not count else Text(str(count)),
                    **{f"story-{s.id}": Text("●" if s.id in row.story_ids else "·",
                                             justify="center",
                                             style="" if s.id in row.story_ids else "dim")
                       for s in cover.stories},
                    "questions": Text(str(row.questions), justify="right", style="dim")}

        table.refill((row.competency.id, cells(row)) for row in cover.rows)
        lines = []
        if cover.uncovered:
            lines.append(Content.from_markup(
                "[b $text-error]No story yet:[/] $names [dim](enter on one to write it)[/dim]",
                names=", ".join(c.label for c in cover.uncovered)))
        else:
            lines.append(Content.from_markup("[b $text-success]Every competency has a story.[/]"))
        for s in cover.stories:
            if s.overloaded:
                lines.append(Content.from_markup("[b $text-warning]“$title” carries too "
                                                 "much:[/] $reason", title=s.title,
                                                 reason=s.reason))
        self.query_one("#coverage-summary", Static).update(Content("\n").join(lines))

    @on(DataTable.RowSelected, "#coverage-table")
    def coverage_selected(self, event: DataTable.RowSelected) -> None:
        from tui.screens.dialogs.story_form import StoryForm

        competency = event.row_key.value
        if competency is not None:  # every row is added with its competency's id
            self.app.push_screen(StoryForm(self.ctx, competencies=(competency,)),
                                 self.after_form)

    # Actions -----------------------------------------------------------------------------

    def action_coverage(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        showing = switcher.current == "coverage-view"
        switcher.current = "stories-view" if showing else "coverage-view"
        self.query_one("#stories-table" if showing else "#coverage-table", DataTable).focus()

    def action_back(self) -> None:
        if self.maximized is not None:
            self.minimize()
        if self.query_one(ContentSwitcher).current == "coverage-view":
            self.action_coverage()
        self.query_one("#stories-table", DataTable).focus()

    def action_add(self) -> None:
        from tui.screens.dialogs.story_form import StoryForm

        self.app.push_screen(StoryForm(self.ctx), self.after_form)

    def action_edit(self) -> None:
        from tui.screens.dialogs.story_form import StoryForm

        key = self.selected_id()
        story = get_story(self.ctx.db, int(key)) if key else None
        if story is None:
            self.notify("Select a story to edit first, or press a to write one.")
            return
        self.app.push_screen(StoryForm(self.ctx, story), self.after_form)

    def after_form(self, story_id: int | None) -> None:
        if story_id is not None:
            self.notify("Story saved.")
        self.reload()

    def action_questions(self) -> None:
        from tui.screens.dialogs.question_picker import QuestionPicker

        key = self.selected_id()
        if key:
            self.app.push_screen(QuestionPicker(self.ctx, int(key)), lambda _: self.reload())

    def action_answers(self) -> None:
        answers = self.query_one("#story-answers", OptionList)
        if self.size.width < 90:
            self.maximize(self.query_one("#story-detail"), container=False)
        if answers.highlighted is None and answers.option_count:
            answers.highlighted = 0
        answers.focus()

    def action_delete(self) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog

        key = self.selected_id()
        story = get_story(self.ctx.db, int(key)) if key else None
        if story is None:
            return

        async def answered(yes: bool | None) -> None:
            if yes:
                await asyncio.wrap_future(self.ctx.writer.submit(delete_story_and_plans,
                                                                 story.id))
                self.notify("Story deleted. Answers that pulled its parts in keep their text.")
                self.reload()

        plans = ("; the programs that planned it forget it"
                 if programs_planning(self.ctx.db, story.id) else "")
        self.app.push_screen(ConfirmDialog(
            Content.from_markup("Delete the story “$title”?", title=story.title),
            f"Answers keep the text they pulled from it{plans}.", yes="Delete"), answered)
