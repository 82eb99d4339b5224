"""The answer editor: a text area per part, live length against the target, feedback
beside it, and autosave (soon after typing stops, often while it goes on, on leaving
and on quitting). Writes go to the writer thread; feedback runs in a worker thread.

The screen composes widgets that own their state: the parts (`AnswerParts`), the save
line that says when to save (`AnswerSaver`), the feedback (`FeedbackPanel`), the names the
feedback accepts (`FeedbackNames`) and the read-aloud control (`ReadAloud`). It decides
what their messages mean, and opens the dialogs."""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static, TextArea

from question_bank.answers import Answer, get_answer, restore_revision
from question_bank.feedback import FeedbackInput
from question_bank.profile import current_profile, structure_for, structures_for
from question_bank.questions import Question, get_question
from question_bank.stories import get_story, pull_parts
from question_bank.structures import arrange, get_structure, kept_keys
from tui.context import AppContext
from tui.practice.answer_draft import AnswerDraft, answer_to_open
from tui.practice.pace import read_pace, save_pace
from tui.sections import SECTIONS
from tui.widgets.answer_facts import AnswerFacts
from tui.widgets.answer_meter import AnswerMeter
from tui.widgets.answer_part import PartArea
from tui.widgets.answer_parts import AnswerParts
from tui.widgets.answer_saver import AnswerSaver
from tui.widgets.cut_text import CutText
from tui.widgets.feedback_names import FeedbackNames
from tui.widgets.feedback_panel import FeedbackPanel
from tui.widgets.footer import KeysFooter
from tui.widgets.read_aloud import ReadAloud
from tui.widgets.when_quiet import BetweenKeys, WhenQuiet

FEEDBACK_DELAY = 0.3  # seconds of quiet before the rules run again
# The length meter follows the text when typing pauses this long, and at least this often
# while it goes on: a key then costs what it costs in a bare text area (counting the words
# and drawing the meter at every key made the editor's keys up to 3× slower to show).
METER_QUIET = 0.15
METER_AT_MOST = 1.0
# What follows typing (the meter, the save line) is drawn in the frame of the next key, or
# once typing pauses as long as the meter waits for (so the meter shows when it did).
TYPING_PAUSE = METER_QUIET


class AnswerEditor(Screen[None]):
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
        Binding("ctrl+f", "rehearse", "Rehearse aloud", id="answer.rehearse",
                tooltip="Record yourself saying this answer; hear it back with its pace, "
                        "pauses, fillers and the parts you said"),
        *[Binding(s.key, f"leave('{s.id}')", show=False, id=f"answer.section.{s.id}")
          for s in SECTIONS],
    ]

    def __init__(self, ctx: AppContext, question: Question, answer: Answer | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.question = question
        # The structure follows the applicant: the personal narrative asks "Why abroad"
        # only of someone who trained abroad (text already written there is set aside).
        self.profile = current_profile(ctx.db)
        structure = structure_for(answer.structure if answer else question.structure,
                                  self.profile)
        first_parts = arrange(answer.parts if answer else {}, structure)
        self.draft = AnswerDraft(ctx.writer, question.id, answer, structure, first_parts)
        self.pace = read_pace(ctx.db)
        self.frames = BetweenKeys(self, TYPING_PAUSE)
        self.meter_follows = WhenQuiet(self, self.refresh_meter, METER_QUIET, METER_AT_MOST)
        self.feedback_follows = WhenQuiet(self, self.run_feedback, FEEDBACK_DELAY)
        # Kept as attributes: leaving reads the text after the widgets have unmounted.
        self.parts = AnswerParts(structure, first_parts, frames=self.frames, id="answer-parts")
        self.saver = AnswerSaver(self.draft, ctx.clock, self.frames, id="answer-status")
        self.facts_for: int | None = None  # the answer the facts line was read for
        self.names = FeedbackNames(ctx)
        self.aloud = ReadAloud(ctx)

    @property
    def structure(self) -> str:
        return self.parts.structure

    # Layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="answer-head"):
            yield Static(CutText(self.question.text), id="answer-question")
            yield AnswerFacts(id="answer-facts")
            with Horizontal(id="answer-bar"):
                yield AnswerMeter(id="answer-meter")
                yield self.saver
        with Horizontal(id="answer-main"):
            yield self.parts
            panel = FeedbackPanel(id="answer-feedback")
            panel.border_title = "Feedback"
            yield panel
        yield self.names
        yield self.aloud
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refresh_facts()
        self.refresh_meter()
        self.run_feedback()
        self.parts.focus_first()

    def on_resize(self) -> None:
        self.call_after_refresh(self.parts.rewrap)

    def refresh_facts(self) -> None:
        self.facts_for = self.draft.answer_id
        answer = get_answer(self.ctx.db, self.draft.answer_id) if self.draft.answer_id else None
        self.names.follow(answer.label if answer else "")
        self.query_one(AnswerFacts).show(self.ctx.db, self.question, self.structure, answer)

    def refresh_meter(self) -> None:
        meter = self.query_one(AnswerMeter)
        words = self.parts.words()
        self.frames.draw("meter", lambda: meter.show(words, self.pace,
                                                     self.question.target_seconds))

    @on(TextArea.Changed)
    def text_changed(self, event: TextArea.Changed) -> None:
        if not isinstance(event.text_area, PartArea):
            return
        self.saver.changed()
        self.meter_follows.touch()
        self.feedback_follows.touch()  # the part's own count (its border) follows with it

    # Saving ------------------------------------------------------------------------------

    @on(AnswerSaver.Due)
    def save_now(self) -> None:
        """Hand the text to the writer now (if it changed)."""
        self.saver.save(self.structure, self.parts.current())

    @on(AnswerSaver.Saved)
    def save_landed(self) -> None:
        # A save changes the facts (which version, how many) only when it made the answer;
        # reading them again after each autosave was three queries on the way of a key.
        if self.draft.answer_id != self.facts_for:
            self.refresh_facts()

    @on(AnswerSaver.KeptBoth)
    def kept_both(self, event: AnswerSaver.KeptBoth) -> None:
        self.refresh_facts()  # the label: this editor is on the new version now
        self.notify(event.notice, title="Two copies", severity="warning", timeout=20,
                    markup=False)

    async def saved_answer(self, *, create: bool = False) -> Answer | None:
        """Save, wait for the writer, and return the answer as stored."""
        return await self.saver.save_and_wait(self.structure, self.parts.current(),
                                              create=create)

    def on_screen_suspend(self) -> None:
        self.save_now()  # a dialog opens on top, or the user went to another section
        self.aloud.stop_reading()

    async def on_screen_resume(self) -> None:
        """Back on the editor: if the answer changed elsewhere meanwhile (another editor on
        it in another section), show it as stored rather than write over it later."""
        if not self.saver.dirty and (fresh := self.draft.changed_elsewhere(
                self.ctx.db, self.structure, self.parts.current())):
            await self.show_answer(fresh)

    def on_unmount(self) -> None:
        # Leaving, or the app quits (the writer is drained after this). The text areas are
        # gone from the screen but still hold their text; the reading stopped as it left.
        self.draft.submit(self.structure, self.parts.current())

    async def action_save(self) -> None:
        await self.saved_answer()
        self.notify("Saved.", timeout=2)

    def action_close(self) -> None:
        self.save_now()
        self.aloud.stop_reading()
        self.dismiss()

    def action_leave(self, section_id: str) -> None:
        self.action_close()
        self.app.call_later(self.app.run_action, f"section('{section_id}')")

    def action_read_aloud(self) -> None:
        self.aloud.toggle(self.parts.current(), self.structure, self.pace)

    async def action_rehearse(self) -> None:
        from tui.screens.dialogs.rehearse_aloud import RehearseAloudDialog

        answer = await self.saved_answer(create=True)  # a take belongs to a saved answer
        if answer is not None:
            self.aloud.stop_reading()
            self.app.push_screen(RehearseAloudDialog(
                self.ctx, answer, target=self.question.target_seconds, pace=self.pace))

    # Replacing what is shown ---------------------------------------------------------------

    async def show_answer(self, answer: Answer | None) -> None:
        """Show another answer of this question (None: a new, blank one)."""
        structure = structure_for(answer.structure if answer else self.question.structure,
                                  self.profile)
        parts = arrange(answer.parts if answer else {}, structure)
        self.draft.reset(answer, structure, parts)
        await self.show_parts(structure, parts)

    async def show_parts(self, structure: str, parts: dict[str, str]) -> None:
        """Lay the editor out again for `structure` with `parts` (saved by the next tick)."""
        await self.parts.lay_out(structure, parts, then=self.parts_shown)

    def parts_shown(self) -> None:
        self.refresh_facts()
        self.refresh_meter()
        self.run_feedback()
        self.parts.focus_first()

    # Feedback ----------------------------------------------------------------------------

    @on(FeedbackNames.Changed)
    def run_feedback(self) -> None:
        self.parts.show_counts()
        q = self.question
        signal = self.names.signal
        self.query_one(FeedbackPanel).assess(FeedbackInput(
            q.text, q.category, q.tags, self.structure, self.parts.current(),
            q.target_seconds, self.pace, self.names.accepted,
            signaled_program=signal.program if signal else "",
            signal=signal.signal if signal else "",
            dossier_reasons=signal.reasons if signal else ()), written=self.parts.words() > 0)

    # Dialogs, and what follows them --------------------------------------------------------

    def action_structure(self) -> None:
        from tui.screens.dialogs.answer_options import StructureDialog

        self.app.push_screen(StructureDialog(self.structure, structures_for(self.profile)),
                             self.switch_structure)

    async def switch_structure(self, structure: str | None) -> None:
        if not structure or structure == self.structure:
            return
        await self.show_parts(structure, self.parts.current())
        self.save_now()
        if kept_keys(self.parts.current(), structure):
            self.notify("Text that has no place in this structure is kept below, set aside.",
                        title=get_structure(structure).label)

    def action_pace(self) -> None:
        from tui.screens.dialogs.answer_options import PaceDialog

        self.app.push_screen(PaceDialog(self.pace), self.pace_chosen)

    def pace_chosen(self, pace: int | None) -> None:
        if pace is None:
            return
        self.pace = pace
        self.ctx.writer.submit(save_pace, pace)
        self.refresh_meter()
        self.run_feedback()

    async def action_history(self) -> None:
        from tui.screens.dialogs.answer_history import AnswerHistory

        answer = await self.saved_answer()
        if answer is None:
            self.notify("Nothing saved yet: the history starts with the first words you type.")
            return
        self.app.push_screen(AnswerHistory(self.ctx, answer), self.restore)

    async def restore(self, revision_id: int | None) -> None:
        if revision_id is None:
            return
        await self.saved_answer()
        future = self.ctx.writer.submit(restore_revision, revision_id,
                                        session=self.draft.session)
        restored = await asyncio.wrap_future(future)
        await self.show_answer(restored)
        self.notify("Restored. To undo: ctrl+o, then restore the version just before it "
                    "(the text you had).", title="History")

    async def action_stories(self) -> None:
        from tui.screens.dialogs.story_picker import StoryPicker

        answer = await self.saved_answer(create=True)
        if answer is None:
            self.notify("The answer could not be saved, so no story can be linked yet.",
                        severity="error")
            return
        self.app.push_screen(StoryPicker(self.ctx, answer), self.pull_story)

    async def pull_story(self, story_id: int | None) -> None:
        self.refresh_facts()  # links may have changed
        story = get_story(self.ctx.db, story_id) if story_id else None
        if story is None:
            return
        await self.show_parts(self.structure,
                              pull_parts(self.parts.current(), self.structure, story))
        self.save_now()
        self.notify(f"Pulled in the parts of “{story.title}”.", markup=False)

    async def action_versions(self) -> None:
        from tui.screens.dialogs.answer_versions import AnswerVersions

        await self.saved_answer()
        self.app.push_screen(AnswerVersions(self.ctx, self.question, self.draft.answer_id),
                             self.version_chosen)

    async def version_chosen(self, answer_id: int | None) -> None:
        from tui.screens.dialogs.answer_versions import NEW_ANSWER

        if answer_id is None:
            self.refresh_facts()
        elif answer_id == NEW_ANSWER:
            await self.show_answer(None)
            await self.saved_answer(create=True)
            self.refresh_facts()
        elif answer := get_answer(self.ctx.db, answer_id):
            await self.show_answer(answer)


async def open_answer_editor(app, question_id: str, answer_id: int | None = None) -> None:
    """Open the editor on a question's answer (the app's `OpenAnswer` handler calls this)."""
    question = get_question(app.ctx.db, question_id)
    if question is None:
        app.notify("That question no longer exists.", severity="warning")
        return
    top = app.screen
    if isinstance(top, AnswerEditor):
        if top.question.id == question_id and answer_id in (None, top.draft.answer_id):
            top.parts.focus_first()
            return
        top.action_close()
    answer = answer_to_open(app.ctx.db, question_id, answer_id)
    await app.push_screen(AnswerEditor(app.ctx, question, answer))
