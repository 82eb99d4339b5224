"""The answer editor: a text area per part, live length against the target, feedback
beside it, and autosave (soon after typing stops, often while it goes on, on leaving
and on quitting). Writes go to the writer thread; feedback runs in a worker thread."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from question_bank.answers import Answer, count_versions, current_answer, get_answer
from question_bank.categories import category_label
from question_bank.feedback import FeedbackInput, Finding, assess
from question_bank.questions import Question, get_question
from question_bank.stories import stories_for_answer
from question_bank.structures import (
    arrange,
    count_words,
    format_duration,
    get_structure,
    kept_keys,
    part_label,
)
from tui.context import AppContext
from tui.practice.answer_draft import AnswerDraft
from tui.practice.autosave import TICK, Autosave
from tui.practice.pace import read_pace
from tui.screens.answer_editor_dialogs import EditorDialogs
from tui.screens.answer_program_names import ProgramNames
from tui.screens.answer_reader import ReadAloud
from tui.sections import SECTIONS
from tui.widgets.answer_meter import AnswerMeter
from tui.widgets.answer_part import PartArea, PartEditor
from tui.widgets.feedback_panel import FeedbackPanel

FEEDBACK_DELAY = 0.3  # seconds of quiet before the rules run again
KEPT_PROMPT = "Kept from another structure: move what you need above, then clear this."


class AnswerEditor(ReadAloud, ProgramNames, EditorDialogs, Screen[None]):
    """Write an answer"""

    HELP_TITLE = "Answer editor"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]
    BINDINGS = [
        Binding("escape", "close", "Back", id="answer.close", tooltip="Save and go back"),
        Binding("ctrl+s", "save", "Save", id="answer.save",
                tooltip="Save now (it also saves by itself as you type)"),
        Binding("ctrl+r", "structure", "Structure", id="answer.structure",
                tooltip="Switch structure: STAR, narrative, red flag, outline (no text is lost)"),
        Binding("ctrl+o", "history", "History", id="answer.history",
                tooltip="Earlier versions of this answer: compare with now, restore"),
        Binding("ctrl+l", "stories", "Stories", id="answer.stories",
                tooltip="Link stories from your story bank, pull their parts in"),
        Binding("ctrl+b", "versions", "Versions", id="answer.versions",
                tooltip="Other answers to this question: open, make current, duplicate"),
        Binding("ctrl+g", "pace", "Pace", id="answer.pace",
                tooltip="Your speaking pace (130-160 words a minute)"),
        Binding("ctrl+n", "read_aloud", "Read aloud", id="answer.read_aloud",
                tooltip="Hear your answer read aloud at your pace; press again to stop"),
        *[Binding(s.key, f"leave('{s.id}')", show=False, id=f"answer.section.{s.id}")
          for s in SECTIONS],
    ]

    @dataclass
    class FeedbackReady(Message):
        generation: int
        findings: list[Finding]

    def __init__(self, ctx: AppContext, question: Question, answer: Answer | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.question = question
        self.structure = answer.structure if answer else question.structure
        self.start_parts = arrange(answer.parts if answer else {}, self.structure)
        self.draft = AnswerDraft(ctx.writer, question.id, answer, self.structure,
                                 self.start_parts)
        self.autosave = Autosave()
        self.pace = read_pace(ctx.db)
        self.areas: dict[str, PartArea] = {}
        self.counts: dict[str, int] = {}
        self.feedback_generation = 0
        self.feedback_timer: Timer | None = None
        self.layout_lock = asyncio.Lock()

    # Layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="answer-head"):
            yield Static(Content(self.question.text), id="answer-question")
            yield Static(id="answer-facts")
            with Horizontal(id="answer-bar"):
                yield AnswerMeter(id="answer-meter")
                yield Static(Content(""), id="answer-status")
        with Horizontal(id="answer-main"):
            with VerticalScroll(id="answer-parts"):
                yield from self.part_editors(self.start_parts)
            panel = FeedbackPanel(id="answer-feedback")
            panel.border_title = "Feedback"
            yield panel
        yield Footer()

    def part_editors(self, parts: dict[str, str]) -> list[PartEditor]:
        structure = get_structure(self.structure)
        editors = [PartEditor(p.key, parts.get(p.key, ""), label=p.label, prompt=p.prompt)
                   for p in structure.parts]
        editors += [PartEditor(k, parts[k], label=f"{part_label(k)} (set aside)",
                               prompt=KEPT_PROMPT, kept=True)
                    for k in kept_keys(parts, self.structure)]
        return editors

    def on_mount(self) -> None:
        self.areas = {a.part_key: a for a in self.query(PartArea)}
        self.recount()
        self.set_interval(TICK, self.autosave_tick)
        self.refresh_facts()
        self.refresh_meter()
        self.run_feedback()
        self.focus_first_part()

    def on_resize(self) -> None:
        # Text areas that size to their text wrap again at the new width, then re-measure.
        self.call_after_refresh(lambda: [a.refresh(layout=True) for a in self.areas.values()])

    def focus_first_part(self) -> None:
        next(iter(self.areas.values())).focus()  # at the end of its text, ready to type

    def refresh_facts(self) -> None:
        """Category, structure, target; which version this is; the stories it uses."""
        q = self.question
        answer = get_answer(self.ctx.db, self.draft.answer_id) if self.draft.answer_id else None
        which = "new answer" if answer is None else (
            answer.label + (" (current)" if answer.is_current else ""))
        versions = count_versions(self.ctx.db, q.id) if answer else 0
        if versions > 1:
            which += f" · {versions} versions"
        label = answer.label if answer else ""
        self.follow_label(label)
        stories = [s.title for s in stories_for_answer(self.ctx.db, answer.id)] if answer else []
        if stories:
            which += " · stories: " + ", ".join(stories)
        self.query_one("#answer-facts", Static).update(Content.from_markup(
            "[dim]$category · $structure · target[/dim] [b]$target[/b] [dim]·[/dim] $which",
            category=category_label(q.category), structure=get_structure(self.structure).label,
            target=format_duration(q.target_seconds), which=which))

    # Text and counts ---------------------------------------------------------------------

    def current_parts(self) -> dict[str, str]:
        """The text of every part, read from the text areas (also after they unmount)."""
        return {key: area.text for key, area in self.areas.items()}

    def words(self) -> int:
        """Words in the structure's parts (counts kept per part, updated as each changes)."""
        keys = get_structure(self.structure).keys
        return sum(n for k, n in self.counts.items() if k in keys)

    def recount(self) -> None:
        self.counts = {key: count_words(area.text) for key, area in self.areas.items()}

    def refresh_meter(self) -> None:
        self.query_one(AnswerMeter).show(self.words(), self.pace, self.question.target_seconds)

    @on(TextArea.Changed)
    def text_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if not isinstance(area, PartArea):
            return
        self.autosave.touch(self.ctx.clock())
        self.counts[area.part_key] = count_words(area.text)
        self.refresh_meter()
        self.schedule_feedback()  # the part's own count (its border) follows with the feedback

    # Saving ------------------------------------------------------------------------------

    def autosave_tick(self) -> None:
        state = self.draft.poll()
        if state is not None:
            self.show_status(state.text, ok=state.ok)
            if state.ok:
                self.refresh_facts()
            else:
                self.autosave.touch(self.ctx.clock())
        if self.autosave.due(self.ctx.clock()):
            self.save_now()

    def save_now(self, *, create: bool = False) -> None:
        """Hand the text to the writer now (if it changed)."""
        self.autosave.saved()
        if self.draft.submit(self.structure, self.current_parts(), create=create):
            self.show_status("Saving…", ok=True)

    def show_status(self, text: str, *, ok: bool) -> None:
        status = self.query_one("#answer-status", Static)
        status.update(Content(text))  # changes about once a second at most
        status.set_class(not ok, "-error")

    async def saved_answer(self, *, create: bool = False) -> Answer | None:
        """Save, wait for the writer, and return the answer as stored."""
        self.save_now(create=create)
        answer = await self.draft.wait()
        self.show_status("Saved", ok=True)
        return answer

    def on_screen_suspend(self) -> None:
        self.save_now()  # a dialog opens on top, or the user went to another section
        self.stop_reading()

    async def on_screen_resume(self) -> None:
        """Back on the editor: if the answer changed elsewhere meanwhile (another editor on
        it in another section), show it as stored rather than write over it later."""
        last = self.draft.last
        if last is None or self.draft.pending is not None or self.autosave.dirty:
            return
        if (self.structure, self.current_parts()) != self.draft.saved:
            return
        fresh = get_answer(self.ctx.db, last.id)
        if fresh is not None and (fresh.structure, fresh.parts) != self.draft.saved:
            await self.show_answer(fresh)

    def on_unmount(self) -> None:
        # Leaving, or the app quits (the writer is drained after this). The text areas are
        # gone from the screen but still hold their text.
        self.draft.submit(self.structure, self.current_parts())
        self.stop_reading()

    async def action_save(self) -> None:
        await self.saved_answer()
        self.notify("Saved.", timeout=2)

    def action_close(self) -> None:
        self.save_now()
        self.stop_reading()
        self.dismiss()

    def action_leave(self, section_id: str) -> None:
        self.save_now()
        self.stop_reading()
        self.dismiss()
        self.app.call_later(self.app.run_action, f"section('{section_id}')")

    # Replacing what is shown ---------------------------------------------------------------

    async def show_answer(self, answer: Answer | None) -> None:
        """Show another answer of this question (None: a new, blank one)."""
        structure = answer.structure if answer else self.question.structure
        parts = arrange(answer.parts if answer else {}, structure)
        self.draft.reset(answer, structure, parts)
        await self.show_parts(structure, parts)

    async def show_parts(self, structure: str, parts: dict[str, str]) -> None:
        """Lay the editor out again for `structure` with `parts` (saved by the next tick).

        One layout at a time: a restore and a return to the screen may both ask for one,
        and two at once would mount the same part twice."""
        async with self.layout_lock:
            self.structure = structure
            parts = arrange(parts, structure)
            container = self.query_one("#answer-parts", VerticalScroll)
            await container.remove_children()
            await container.mount_all(self.part_editors(parts))
        self.areas = {a.part_key: a for a in self.query(PartArea)}
        self.recount()
        self.refresh_facts()
        self.refresh_meter()
        self.run_feedback()
        self.focus_first_part()

    # Feedback ----------------------------------------------------------------------------

    def schedule_feedback(self) -> None:
        if self.feedback_timer is not None:
            self.feedback_timer.stop()
        self.feedback_timer = self.set_timer(FEEDBACK_DELAY, self.run_feedback)

    def run_feedback(self) -> None:
        for key, area in self.areas.items():
            area.show_count(self.counts.get(key, 0))
        self.feedback_generation += 1
        q = self.question
        self.assess_in_thread(self.feedback_generation, FeedbackInput(
            q.text, q.category, q.tags, self.structure, self.current_parts(),
            q.target_seconds, self.pace, self.program_names))

    @work(thread=True, exclusive=True, group="answer-feedback", exit_on_error=False)
    def assess_in_thread(self, generation: int, inp: FeedbackInput) -> None:
        self.post_message(self.FeedbackReady(generation, assess(inp)))

    @on(FeedbackReady)
    def feedback_ready(self, event: FeedbackReady) -> None:
        if event.generation == self.feedback_generation:
            self.query_one(FeedbackPanel).show(event.findings, written=self.words() > 0)


def answer_to_open(ctx: AppContext, question_id: str, answer_id: int | None) -> Answer | None:
    """The answer asked for, else the question's current one (None: a new answer)."""
    if answer_id is not None:
        answer = get_answer(ctx.db, answer_id)
        if answer is not None and answer.question_id == question_id:
            return answer
    return current_answer(ctx.db, question_id)


async def open_answer_editor(app, question_id: str, answer_id: int | None = None) -> None:
    """Open the editor on a question's answer (the app's `OpenAnswer` handler calls this)."""
    question = get_question(app.ctx.db, question_id)
    if question is None:
        app.notify("That question no longer exists.", severity="warning")
        return
    top = app.screen
    if isinstance(top, AnswerEditor):
        if top.question.id == question_id and answer_id in (None, top.draft.answer_id):
            top.focus_first_part()
            return
        top.action_close()
    answer = answer_to_open(app.ctx, question_id, answer_id)
    await app.push_screen(AnswerEditor(app.ctx, question, answer))
