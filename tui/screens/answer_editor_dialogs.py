"""The answer editor's dialogs and what follows them: switch structure, set the pace,
browse the history and restore, link and pull stories, choose another version.

A mixin of `AnswerEditor` (kept apart to keep each module small); it uses the editor's
`ctx`, `question`, `structure`, `draft`, `pace` and its layout methods."""

from __future__ import annotations

import asyncio

from question_bank.answers import get_answer, restore_revision
from question_bank.stories import get_story, pull_parts
from question_bank.structures import get_structure, kept_keys
from tui.practice.pace import save_pace


class EditorDialogs:
    def action_structure(self) -> None:
        from tui.screens.dialogs.answer_options import StructureDialog

        self.app.push_screen(StructureDialog(self.structure), self.switch_structure)

    async def switch_structure(self, structure: str | None) -> None:
        if not structure or structure == self.structure:
            return
        await self.show_parts(structure, self.current_parts())
        self.save_now()
        if kept_keys(self.current_parts(), structure):
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
        answer = await asyncio.wrap_future(future)
        await self.show_answer(answer)
        self.notify("Restored. The text before the restore stays in the history.",
                    title="History")

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
        parts = pull_parts(self.current_parts(), self.structure, story)
        await self.show_parts(self.structure, parts)
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
            return
        if answer_id == NEW_ANSWER:
            await self.show_answer(None)
            await self.saved_answer(create=True)
            self.refresh_facts()
            return
        answer = get_answer(self.ctx.db, answer_id)
        if answer is not None:
            await self.show_answer(answer)
