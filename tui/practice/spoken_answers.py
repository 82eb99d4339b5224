"""What the mock review needs to show a session's recorded answers: the recordings by mock
item, which are still being transcribed, the written answer of each question (to see which
parts were said) and the user's pace. Read in one go, in a worker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from question_bank.recordings import Recording
from question_bank.structures import PACE_DEFAULT

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tui.practice.recorded_answers import Take


@dataclass(frozen=True)
class SpokenAnswers:
    recordings: dict[int, Recording] = field(default_factory=dict)  # by mock item id
    waiting: frozenset[int] = frozenset()  # positions recorded, not yet analysed
    written: dict[str, tuple[dict[str, str], str]] = field(default_factory=dict)  # by question
    pace: int = PACE_DEFAULT

    def path(self, db_path: Path, recording: Recording) -> Path | None:
        from tui.store.audio_files import resolve

        return resolve(db_path, recording.path) if recording.path else None


def load_spoken(db: Database, session_id: int, in_progress: Iterable[Take] = ()) -> SpokenAnswers:
    from question_bank.answers import current_answer
    from question_bank.recordings import session_recordings
    from tui.practice.pace import read_pace

    recordings = session_recordings(db, session_id)
    analysed = {r.mock_item_id for r in recordings.values() if r.status != "recorded"}
    positions = {row[0]: row[1] for row in db.execute(
        "select position, id from mock_items where session_id = ?", [session_id]).fetchall()}
    waiting = frozenset(t.position for t in in_progress
                        if t.session_id == session_id and t.position is not None
                        and positions.get(t.position) not in analysed)
    written: dict[str, tuple[dict[str, str], str]] = {}
    refs = [row[0] for row in db.execute(
        "select distinct ref from mock_items where session_id = ? and kind = 'question'",
        [session_id]).fetchall()]
    for ref in refs:
        answer = current_answer(db, ref)
        if answer is not None:
            written[ref] = (answer.parts, answer.structure)
    return SpokenAnswers(recordings, waiting, written, read_pace(db))
