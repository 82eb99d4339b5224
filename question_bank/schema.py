"""The tables question_bank owns, as numbered migrations per component.

`tui.store.database` runs them in order and records each component's version. A migration is
a function of the database; it runs inside the caller's transaction. Never edit a
migration that has shipped: add the next one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.practice_schema import (
    DRILL_MIGRATIONS,
    MOCK_MIGRATIONS,
    RECORDING_MIGRATIONS,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database


def _questions_001(db: Database) -> None:
    db.table("questions").create(
        {
            "id": str,
            "text": str,
            "category": str,
            "tags": str,  # JSON list of lowercase tags
            "target_seconds": int,
            "structure": str,
            "guidance": str,
            "audience": str,  # for questions to ask: pd-faculty | residents | img-support
            "origin": str,  # shipped | user | pack
            "shipped_hash": str,  # the shipped content last merged, to spot corrections
            "edited": int,  # the user changed a shipped question: merges leave it alone
            "hidden": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"text", "category", "tags", "target_seconds", "structure", "origin"},
        defaults={"tags": "[]", "guidance": "", "edited": 0, "hidden": 0, "origin": "user"},
    )
    db.table("questions").create_index(["category"])
    db.table("questions").enable_fts(
        ["text", "guidance", "tags"],
        create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )
    db.table("question_bank_meta").create({"key": str, "value": str}, pk="key")


def _answers_001(db: Database) -> None:
    # Several answers per question; at most one is the current one. `parts` is a JSON
    # object {part key: text}; `body` is the whole text (for full-text search), `words`
    # the words of the structure's own parts.
    db.execute("""
        create table answers (
            id integer primary key autoincrement,
            question_id text not null references questions(id),
            label text not null default '',
            structure text not null,
            parts text not null default '{}',
            body text not null default '',
            words integer not null default 0,
            is_current integer not null default 0,
            created_at text not null,
            updated_at text not null
        )""")
    db.execute("create index answers_question on answers(question_id)")
    db.execute("create index answers_updated on answers(updated_at)")
    db.execute("create index answers_words on answers(words)")
    db.execute("create unique index answers_one_current on answers(question_id) "
               "where is_current = 1")
    db.table("answers").enable_fts(["label", "body"], create_triggers=True,
                             tokenize="porter unicode61 remove_diacritics 2")
    # Every saved state of an answer. A burst of autosaves in one editing session extends
    # the newest revision; a pause, a new session or a restore starts the next one.
    db.execute("""
        create table answer_revisions (
            id integer primary key autoincrement,
            answer_id integer not null references answers(id) on delete cascade,
            structure text not null,
            parts text not null,
            words integer not null,
            kind text not null default 'edit',
            restored_from integer,
            session text not null default '',
            started_at text not null,
            saved_at text not null
        )""")
    db.execute("create index answer_revisions_answer on answer_revisions(answer_id, id)")


def _answers_002(db: Database) -> None:
    # The answer list sorted by question or category walks the questions in order and
    # reads each one's answers from this index alone, never the bodies (answer_lists.py).
    db.execute("create index answers_listing on answers"
               "(question_id, updated_at, id, words, is_current, label)")


def _answers_003(db: Database) -> None:
    # Each change of an answer's text counts up its version: a copy of the app that saves
    # over a text it never saw (another copy saved since) keeps both (answers.save_edit).
    db.execute("alter table answers add column version integer not null default 1")


def _stories_001(db: Database) -> None:
    db.execute("""
        create table stories (
            id integer primary key autoincrement,
            title text not null,
            experience_kind text not null default 'other',
            experience text not null default '',
            situation text not null default '',
            task text not null default '',
            action text not null default '',
            result text not null default '',
            learned text not null default '',
            created_at text not null,
            updated_at text not null
        )""")
    # The user's own competencies (the standard ones live in code, see stories.py).
    db.execute("create table competencies (id text primary key, label text not null)")
    db.execute("""
        create table story_competencies (
            story_id integer not null references stories(id) on delete cascade,
            competency text not null,
            primary key (story_id, competency)
        )""")
    db.execute("""
        create table story_questions (
            story_id integer not null references stories(id) on delete cascade,
            question_id text not null references questions(id),
            primary key (story_id, question_id)
        )""")
    db.execute("""
        create table answer_stories (
            answer_id integer not null references answers(id) on delete cascade,
            story_id integer not null references stories(id) on delete cascade,
            primary key (answer_id, story_id)
        )""")
    db.execute("create index answer_stories_story on answer_stories(story_id)")
    db.execute("create index story_questions_question on story_questions(question_id)")


def _applicant_001(db: Database) -> None:
    # What a question presumes of the applicant (a JSON list of premise ids; null: not
    # known yet, filled in by the next bank merge), and when its guidance was last checked
    # against the rules it depends on ('YYYY-MM') with the day after which it may be out
    # of date ('YYYY-MM-DD').
    db.execute("alter table questions add column presumes text")
    db.execute("alter table questions add column checked text")
    db.execute("alter table questions add column review_after text")
    # The applicant's profile, one row; no row: never asked (a skip saves an empty one).
    db.execute("""
        create table applicant_profile (
            id integer primary key check (id = 1),
            applicant text,
            visa text,
            tracks text not null default '[]',
            explain text not null default '[]',
            failed_exams text not null default '[]',
            saved_at text not null
        )""")


COMPONENTS: list[tuple[str, list[Callable[[Database], None]]]] = [
    ("questions", [_questions_001]),
    ("answers", [_answers_001, _answers_002, _answers_003]),
    ("stories", [_stories_001]),
    ("drill", DRILL_MIGRATIONS),
    ("mock", MOCK_MIGRATIONS),
    ("recordings", RECORDING_MIGRATIONS),  # recorded answers (after mock and answers)
    ("applicant", [_applicant_001]),
]
