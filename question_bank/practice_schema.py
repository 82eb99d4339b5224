"""The tables of practice: drill cards and their review log, mock sessions and their items.

Three components, listed in `question_bank.schema.COMPONENTS`:

- "drill": `drill_cards` (one FSRS card per thing to rehearse, keyed by `kind` + `ref`,
  e.g. kind "question", ref a question id; an optional `due_by` deadline with the instant
  `review_from` at which its rehearsal window opens, and an optional `stop_at` from which
  it is never due again) and `drill_reviews` (every rating).
- "mock": `mock_sessions` and `mock_items` (each asked question, its text kept as it was
  asked, its thinking and speaking time, its outcome, rating and note).
- "recordings": `recordings` (a spoken answer: a mock question's or a rehearsal take's).

Timestamps are ISO 8601 in UTC to the second ("2025-01-31T14:05:00+00:00"), so text order
is time order. Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database


def _drill_001(db: Database) -> None:
    db.execute(
        """
        create table drill_cards (
            id integer primary key,
            kind text not null,
            ref text not null,
            state integer not null default 1,
            step integer,
            stability real,
            difficulty real,
            due text not null,
            last_review text,
            due_by text,
            review_from text,
            reps integer not null default 0,
            lapses integer not null default 0,
            created_at text not null,
            unique (kind, ref)
        )
        """
    )
    db.execute("create index drill_cards_due on drill_cards (due)")
    db.execute("create index drill_cards_due_by on drill_cards (due_by) where due_by is not null")
    db.execute(
        """
        create table drill_reviews (
            id integer primary key,
            card_id integer not null references drill_cards (id) on delete cascade,
            rating integer not null check (rating between 1 and 4),
            reviewed_at text not null,
            duration_ms integer,
            source text not null default 'drill'
        )
        """
    )
    db.execute("create index drill_reviews_card on drill_reviews (card_id)")
    # Covers the Progress charts' reads (by time, with source and rating).
    db.execute("create index drill_reviews_when on drill_reviews (reviewed_at, source, rating)")


def _mock_001(db: Database) -> None:
    db.execute(
        """
        create table mock_sessions (
            id integer primary key,
            format text not null,
            program text,
            started_at text not null,
            ended_at text,
            mode text not null default 'questions',
            planned_seconds integer not null default 0,
            think_seconds integer not null default 0,
            limit_seconds integer,
            star_budgets integer not null default 0,
            status text not null default 'running'
        )
        """
    )
    db.execute("create index mock_sessions_started on mock_sessions (started_at)")
    db.execute(
        """
        create table mock_items (
            id integer primary key,
            session_id integer not null references mock_sessions (id) on delete cascade,
            position integer not null,
            kind text,
            ref text,
            text text not null,
            category text not null default '',
            structure text not null default 'outline',
            target_seconds integer not null,
            limit_seconds integer not null,
            think_seconds real,
            speak_seconds real,
            outcome text not null default 'pending',
            answered_at text,
            rating integer check (rating between 1 and 4),
            review_id integer references drill_reviews (id) on delete set null,
            note text not null default '',
            unique (session_id, position)
        )
        """
    )
    db.execute("create index mock_items_answered on mock_items (answered_at, outcome)")


def _drill_002(db: Database) -> None:
    # A card may stop at an instant (a program's card at its interview): from then on it is
    # never due, and its reviews stay in the log (the practice was real).
    db.execute("alter table drill_cards add column stop_at text")


def _recordings_001(db: Database) -> None:
    # Recorded answers (question_bank.recordings): the audio's path relative to the audio
    # folder (null once deleted), what was heard and its figures; never the audio itself.
    db.execute(
        """
        create table recordings (
            id integer primary key,
            kind text not null check (kind in ('mock', 'take')),
            session_id integer references mock_sessions (id) on delete cascade,
            mock_item_id integer references mock_items (id) on delete cascade,
            answer_id integer references answers (id) on delete cascade,
            question_id text,
            path text,
            seconds real not null default 0,
            recorded_at text not null,
            status text not null default 'recorded',
            problem text,
            engine text,
            transcript text,
            words text,
            voiced text,
            speaking_seconds real,
            first_word_seconds real,
            longest_pause_seconds real,
            pauses integer,
            long_pauses integer,
            word_count integer,
            wpm real,
            fillers integer,
            fillers_per_minute real,
            figures text not null default '{}',
            audio_deleted_at text
        )
        """
    )
    db.execute("create index recordings_session on recordings (session_id)")
    db.execute("create index recordings_item on recordings (mock_item_id)")
    db.execute("create index recordings_answer on recordings (answer_id, recorded_at)")
    db.execute("create index recordings_when on recordings (recorded_at, wpm, fillers_per_minute)")


DRILL_MIGRATIONS: list[Callable[[Database], None]] = [_drill_001, _drill_002]
MOCK_MIGRATIONS: list[Callable[[Database], None]] = [_mock_001]
RECORDING_MIGRATIONS: list[Callable[[Database], None]] = [_recordings_001]
