"""The answer editor's save line, and when to save: soon after typing stops, and often
while it goes on (`tui.practice.autosave`, on the context's clock).

It asks on a short timer (`tick`); when a save is due it posts `AnswerSaver.Due` and the
screen hands it the text (`save`), which goes to the writer through the `AnswerDraft`.
The line shows what became of each save ("Saved 10:42:03", "Not saved (…); trying
again"); `AnswerSaver.Saved` tells the screen when one reached the database. The line is
redrawn with a key or between keys (`BetweenKeys`), never just before one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from question_bank.answers import Answer
from tui.practice.answer_draft import AnswerDraft
from tui.practice.autosave import TICK, Autosave
from tui.widgets.when_quiet import BetweenKeys


class AnswerSaver(Static):
    @dataclass
    class Due(Message):
        """Time to hand the text to the writer."""

    @dataclass
    class Saved(Message):
        """A save reached the database."""

    @dataclass
    class KeptBoth(Message):
        """Another copy of the app had changed the answer: both texts were kept (`notice`
        says where each is, in one sentence)."""

        notice: str

    def __init__(self, draft: AnswerDraft, clock: Callable[[], float], frames: BetweenKeys,
                 **kwargs) -> None:
        super().__init__(Content(""), **kwargs)
        self.draft = draft
        self.clock = clock
        self.frames = frames
        self.autosave = Autosave()

    def on_mount(self) -> None:
        self.set_interval(TICK, self.tick)

    @property
    def dirty(self) -> bool:
        """Something was typed that has not been handed to the writer yet."""
        return self.autosave.dirty

    def changed(self) -> None:
        """The user changed the text."""
        self.autosave.touch(self.clock())

    def tick(self) -> None:
        """Report a save that has finished; say when the next one is due."""
        state = self.draft.poll()
        if state is not None:
            self.show_state(state.text, ok=state.ok)
            if state.ok:
                self.post_message(self.Saved())
            else:
                self.autosave.touch(self.clock())  # try again soon
        notice = self.draft.take_notice()
        if notice is not None:
            self.post_message(self.KeptBoth(notice))
        if self.autosave.due(self.clock()):
            self.post_message(self.Due())

    def save(self, structure: str, parts: dict[str, str], *, create: bool = False) -> None:
        """Hand the text to the writer now (if it changed)."""
        self.autosave.saved()
        if self.draft.submit(structure, parts, create=create):
            self.show_state("Saving…", ok=True)

    async def save_and_wait(self, structure: str, parts: dict[str, str], *,
                            create: bool = False) -> Answer | None:
        """Save, wait for the writer, and return the answer as stored."""
        self.save(structure, parts, create=create)
        answer = await self.draft.wait()
        self.show_state("Saved", ok=True)
        return answer

    shown_width = 0  # cells of the status shown

    def show_state(self, text: str, *, ok: bool) -> None:
        self.frames.draw("save line", lambda: self.draw_state(text, ok=ok))

    def draw_state(self, text: str, *, ok: bool) -> None:
        # A change of the status's width lays the whole editor out again (about 15 ms, on
        # whatever key is being typed): "Saving…" keeps the width of the "Saved 10:42:03"
        # before it, which the next "Saved 10:42:09" has too.
        content = Content(text)
        if text == "Saving…":
            content = content.pad_right(max(0, self.shown_width - content.cell_length))
        layout = content.cell_length != self.shown_width
        self.shown_width = content.cell_length
        self.update(content, layout=layout)  # changes about once a second at most
        self.set_class(not ok, "-error")
