"""Recorded answers: which audio file belongs to which mock question or answer take, and
what was heard in it (its transcript, words and figures).

The audio itself never enters the database: a recording keeps the file's path relative to
the audio folder, and `tui.store.audio_files` writes and deletes the files. Deleting audio
(one recording forgotten, or older sessions past the retention setting) keeps the
transcript and the figures: `path` becomes null and `audio_deleted_at` says when.

A "session" for retention is a mock interview (all its answers), or one rehearsal take.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from question_bank.drill import parse_stamp, stamp
from question_bank.spoken import SpokenReview, SpokenWord, delivery

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = ("mock", "take")
KEEP_DEFAULT = 20  # sessions whose audio is kept
FIGURE_COLUMNS = ("speaking_seconds", "first_word_seconds", "longest_pause_seconds", "pauses",
                  "long_pauses", "word_count", "wpm", "fillers", "fillers_per_minute")




class RecordingError(ValueError):
    """A recording that does not exist or cannot be stored, in a sentence."""


@dataclass(frozen=True, slots=True)
class Recording:
    id: int
    kind: str
    session_id: int | None
    mock_item_id: int | None
    answer_id: int | None
    question_id: str | None
    path: str | None  # relative to the audio folder; None once the audio was deleted
    seconds: float
    recorded_at: datetime
    status: str  # recorded | analysed | failed
    problem: str | None
    engine: str | None
    review: SpokenReview | None  # None until analysed
    figures: dict[str, Any]
    audio_deleted_at: datetime | None

    @property
    def has_audio(self) -> bool:
        return self.path is not None


def _words(text: str | None) -> tuple[SpokenWord, ...]:
    if not text:
        return ()
    return tuple(SpokenWord(str(w[0]), float(w[1]), float(w[2]), float(w[3]))
                 for w in json.loads(text))


def _recording(row: dict[str, Any]) -> Recording:
    figures = json.loads(row["figures"] or "{}")
    review = None
    if row["status"] == "analysed":
        voiced = [(float(v[0]), float(v[1])) for v in json.loads(row["voiced"] or "[]")]
        review = SpokenReview(delivery(voiced, row["seconds"]), _words(row["words"]),
                              transcribed=row["transcript"] is not None,
                              pace_wpm=int(figures.get("pace_wpm", 140)))
    recorded = parse_stamp(row["recorded_at"])
    assert recorded is not None
    return Recording(
        id=row["id"], kind=row["kind"], session_id=row["session_id"],
        mock_item_id=row["mock_item_id"], answer_id=row["answer_id"],
        question_id=row["question_id"], path=row["path"], seconds=row["seconds"],
        recorded_at=recorded, status=row["status"], problem=row["problem"],
        engine=row["engine"], review=review, figures=figures,
        audio_deleted_at=parse_stamp(row["audio_deleted_at"]),
    )


def add_recording(
    db: Database, *, kind: str, path: str, seconds: float, recorded_at: datetime,
    session_id: int | None = None, position: int | None = None, answer_id: int | None = None,
    question_id: str | None = None,
) -> int:
    """Store a new recording (its file already written); a mock answer is named by its
    session and position. Returns its id."""
    if kind not in KINDS:
        raise RecordingError(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
    item_id = None
    if session_id is not None and position is not None:
        row = db.execute("select id, ref from mock_items where session_id = ? and position = ?",
                         [session_id, position]).fetchone()
        if row is None:
            raise RecordingError(f"no question {position + 1} in mock session {session_id}")
        item_id = row[0]
        question_id = question_id or row[1]
    cursor = db.execute(
        "insert into recordings (kind, session_id, mock_item_id, answer_id, question_id, path, "
        "seconds, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        [kind, session_id, item_id, answer_id, question_id, path, round(float(seconds), 2),
         stamp(recorded_at)])
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def save_review(db: Database, recording_id: int, review: SpokenReview, *,
                engine: str | None, extra: dict[str, Any] | None = None) -> None:
    """Store what was heard: the transcript, the words, the stretches of voice, the figures
    (in their own columns, for history and Progress) and anything else (`extra`: hedges,
    coverage) as JSON."""
    figures = review.figures()
    stored = {**figures, **(extra or {}), "pace_wpm": review.pace_wpm}
    words = [[w.text, round(w.start, 2), round(w.end, 2), round(w.confidence, 3)]
             for w in review.words]
    voiced = [[round(a, 3), round(b, 3)] for a, b in review.delivery.voiced]
    db.execute(
        "update recordings set status = 'analysed', problem = null, engine = ?, transcript = ?, "
        "words = ?, voiced = ?, " + ", ".join(f"{c} = ?" for c in FIGURE_COLUMNS)
        + ", figures = ? where id = ?",
        [engine, review.transcript if review.transcribed else None, json.dumps(words),
         json.dumps(voiced), *(figures[c] for c in FIGURE_COLUMNS), json.dumps(stored),
         recording_id])


def mark_failed(db: Database, recording_id: int, problem: str) -> None:
    db.execute("update recordings set status = 'failed', problem = ? where id = ?",
               [problem[:300], recording_id])


def get_recording(db: Database, recording_id: int) -> Recording:
    rows = list(db.query("select * from recordings where id = ?", [recording_id]))
    if not rows:
        raise RecordingError(f"no recording has the id {recording_id}")
    return _recording(rows[0])


def session_recordings(db: Database, session_id: int) -> dict[int, Recording]:
    """A mock session's recordings by mock item id (the newest, if one was recorded twice)."""
    found: dict[int, Recording] = {}
    for row in db.query("select * from recordings where session_id = ? order by id",
                        [session_id]):
        if row["mock_item_id"] is not None:
            found[row["mock_item_id"]] = _recording(row)
    return found


def answer_takes(db: Database, answer_id: int) -> list[Recording]:
    """An answer's rehearsal takes, newest first."""
    return [_recording(r) for r in db.query(
        "select * from recordings where answer_id = ? and kind = 'take' "
        "order by recorded_at desc, id desc", [answer_id])]


def forget_audio(db: Database, recording_id: int, at: datetime) -> str | None:
    """Forget one recording's audio (the transcript and figures stay); return the path of
    the file to delete, or None if it had none."""
    row = db.execute("select path from recordings where id = ?", [recording_id]).fetchone()
    if row is None:
        raise RecordingError(f"no recording has the id {recording_id}")
    db.execute("update recordings set path = null, audio_deleted_at = ? where id = ?",
               [stamp(at), recording_id])
    return str(row[0]) if row[0] else None


def expire_audio(db: Database, keep_sessions: int, at: datetime) -> list[str]:
    """Keep the audio of the `keep_sessions` most recent sessions (a mock interview, or one
    rehearsal take); forget the rest's (transcripts and figures stay). Returns the paths of
    the files to delete."""
    keep = max(0, int(keep_sessions))
    rows = db.execute(
        """
        with groups as (
            select coalesce('s' || session_id, 'r' || id) as grp, max(recorded_at) as newest
            from recordings group by grp
        ), kept as (
            select grp from groups order by newest desc limit ?
        )
        select id, path from recordings
        where path is not null and coalesce('s' || session_id, 'r' || id) not in kept
        """, [keep]).fetchall()
    with db.atomic():
        for recording_id, _ in rows:
            db.execute("update recordings set path = null, audio_deleted_at = ? where id = ?",
                       [stamp(at), recording_id])
    return [str(path) for _, path in rows]


def audio_paths(db: Database) -> set[str]:
    """Every audio path a recording still names (files beside them are strays)."""
    return {str(r[0]) for r in db.execute(
        "select path from recordings where path is not null").fetchall()}


@dataclass(frozen=True, slots=True)
class SpokenWeek:
    week_start: str  # the Monday, YYYY-MM-DD (UTC)
    answers: int
    wpm: float | None
    fillers_per_minute: float | None


def spoken_by_week(db: Database, since: datetime) -> list[SpokenWeek]:
    """Average pace and fillers a minute of the analysed recordings, week by week."""
    rows = db.execute(
        """
        select date(recorded_at, 'weekday 0', '-6 days') as week, count(*),
               avg(wpm), avg(fillers_per_minute)
        from recordings
        where recorded_at >= ? and status = 'analysed' and speaking_seconds > 0
        group by week order by week
        """, [stamp(since)]).fetchall()
    return [SpokenWeek(r[0], r[1], r[2], r[3]) for r in rows]
