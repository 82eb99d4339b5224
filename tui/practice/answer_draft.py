"""The answer editor's link to the database: what is saved, what is on its way.

Every save is a job for the app's one writer thread, so typing never waits for the disk.
The first save of a new answer creates it; the answer's id is set by that job *in the
writer thread*, and because the writer runs jobs in order, every later job already sees
it. The editor only reads `answer_id` after the job is done (`poll`, `wait`).

Two copies of the app may edit one answer. Each save names the version of the text the
editor last read or saved (`base_version`, also kept in the writer thread); if another
copy saved since, both texts are kept (`question_bank.answers.save_edit`): this editor's
becomes a new version of the answer, which it edits from then on, and `notice` says so.
"""

from __future__ import annotations

import asyncio
import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from question_bank.answers import Answer, Saved, current_answer, get_answer, save_edit

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tui.store.writer import Writer


@dataclass
class SaveState:
    text: str  # "Saved 10:42:03", "Saving…", "Not saved: …"
    ok: bool


class AnswerDraft:
    def __init__(self, writer: Writer, question_id: str, answer: Answer | None, structure: str,
                 parts: dict[str, str]) -> None:
        self.writer = writer
        self.question_id = question_id
        self.answer_id: int | None = answer.id if answer else None
        self.base_version: int | None = answer.version if answer else None
        self.session = uuid.uuid4().hex  # one editing session: its autosaves share revisions
        self.saved: tuple[str, dict[str, str]] = (structure, dict(parts))
        self.pending: Future[Saved] | None = None
        self.last: Answer | None = answer
        self.notice: str | None = None  # to say once: another copy had changed the answer

    def reset(self, answer: Answer | None, structure: str, parts: dict[str, str]) -> None:
        """The editor now shows `answer` (another version, or a restored state)."""
        self.answer_id = answer.id if answer else None
        self.base_version = answer.version if answer else None
        self.saved = (structure, dict(parts))
        self.last = answer

    def _write(self, db: Database, structure: str, parts: dict[str, str]) -> Saved:
        saved = save_edit(db, self.answer_id, base_version=self.base_version,
                          question_id=self.question_id, structure=structure, parts=parts,
                          session=self.session)
        # In the writer thread, before the next job runs:
        self.answer_id, self.base_version = saved.answer.id, saved.answer.version
        return saved

    def submit(self, structure: str, parts: dict[str, str], *, create: bool = False) -> bool:
        """Hand the text to the writer if it changed (or `create` an answer that has none).
        Returns whether anything was submitted."""
        on_its_way = self.answer_id is not None or self.pending is not None
        needs_create = create and not on_its_way
        changed = (structure, parts) != self.saved
        worth_it = on_its_way or any(text.strip() for text in parts.values())
        if not (needs_create or (changed and worth_it)):
            return False
        self.saved = (structure, dict(parts))
        self.pending = self.writer.submit(self._write, structure, dict(parts))
        return True

    def poll(self) -> SaveState | None:
        """What became of the last save, once it is done (None while it is on its way)."""
        future = self.pending
        if future is None or not future.done():
            return None
        self.pending = None
        error = future.exception()
        if error is not None:
            self.saved = ("", {})  # so that the next tick tries again
            reason = type(error).__name__ if not str(error) else str(error).split("\n")[0]
            return SaveState(f"Not saved ({reason[:60]}); trying again", False)
        saved: Saved = future.result()
        self.last = saved.answer
        other = saved.kept_apart_from
        if other is not None:
            self.notice = (f"“{other.label}” was changed in another window while you wrote, "
                           f"so both texts are kept: yours is now “{saved.answer.label}” and "
                           f"the other stays “{other.label}” (ctrl+b shows both).")
            return SaveState(f"Saved as “{saved.answer.label}” {datetime.now():%H:%M:%S}", True)
        return SaveState(f"Saved {datetime.now():%H:%M:%S}", True)

    async def wait(self) -> Answer | None:
        """Wait for the save on its way (if any); the answer as saved, or None on failure."""
        future = self.pending
        if future is not None:
            try:
                await asyncio.wrap_future(future)
            except Exception:
                pass
        self.poll()
        return self.last

    def take_notice(self) -> str | None:
        """What to tell the user about the last saves, once (None: nothing)."""
        notice, self.notice = self.notice, None
        return notice

    def changed_elsewhere(self, db: Database, structure: str,
                          parts: dict[str, str]) -> Answer | None:
        """The answer as stored, if it changed since this draft last saved it while the
        draft shows just that (another editor on it, in another section); else None."""
        if self.last is None or self.pending is not None or (structure, parts) != self.saved:
            return None
        fresh = get_answer(db, self.last.id)
        if fresh is not None and (fresh.structure, fresh.parts) != self.saved:
            return fresh
        return None


def answer_to_open(db: Database, question_id: str, answer_id: int | None) -> Answer | None:
    """The answer asked for, else the question's current one (None: a new answer)."""
    if answer_id is not None:
        answer = get_answer(db, answer_id)
        if answer is not None and answer.question_id == question_id:
            return answer
    return current_answer(db, question_id)
