"""The tables dossiers owns, as numbered migrations per component (see tui.store.database).

A migration runs inside the caller's transaction. Never edit a migration that has shipped:
append the next one. Deleting a program deletes everything that belongs to it (cascades).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database


_TEXT = "text not null default ''"

_DOSSIERS_001 = f"""
create table programs (
    id integer primary key,
    name text not null collate nocase unique,
    eras_name {_TEXT}, nrmp_name {_TEXT}, hospital_name {_TEXT}, other_names {_TEXT},
    city {_TEXT}, state {_TEXT},
    type text not null default '' check (type in ('', 'academic', 'community', 'hybrid')),
    residents_per_year integer,
    fellowships {_TEXT}, strengths {_TEXT},
    facilities {_TEXT}, conferences {_TEXT}, call_structure {_TEXT},
    img_residents {_TEXT},
    visa text not null default 'unknown'
        check (visa in ('unknown', 'j1', 'h1b', 'both', 'none')),
    img_statements {_TEXT},
    notes {_TEXT},
    rank_position integer,
    created_at text not null,
    updated_at text not null
);
create table program_reasons (
    program_id integer not null references programs(id) on delete cascade,
    kind text not null check (kind in ('why', 'fit')),
    position integer not null,
    text text not null,
    primary key (program_id, kind, position)
);
create table program_people (
    id integer primary key,
    program_id integer not null references programs(id) on delete cascade,
    name text not null, role {_TEXT}, note {_TEXT},
    position integer not null default 0
);
create index program_people_program on program_people(program_id);
create table people_met (
    id integer primary key,
    program_id integer not null references programs(id) on delete cascade,
    name text not null, role {_TEXT}, note {_TEXT},
    position integer not null default 0
);
create index people_met_program on people_met(program_id);
create table program_questions (
    id integer primary key,
    program_id integer not null references programs(id) on delete cascade,
    position integer not null default 0,
    question_id text,
    audience text,
    text text not null
);
create index program_questions_program on program_questions(program_id);
create table interviews (
    id integer primary key,
    uid text not null unique,
    program_id integer not null references programs(id) on delete cascade,
    date text not null,
    start_time text not null,
    end_time {_TEXT},
    timezone text not null,
    platform {_TEXT},
    link {_TEXT},
    interview_count integer,
    format_notes {_TEXT},
    social {_TEXT},
    created_at text not null,
    updated_at text not null
);
create index interviews_program on interviews(program_id);
create index interviews_date on interviews(date);
create table checklist_items (
    id integer primary key,
    list text not null,
    text text not null,
    created_at text not null
);
create table checklist_ticks (
    interview_id integer not null references interviews(id) on delete cascade,
    item_key text not null,
    ticked_at text not null,
    primary key (interview_id, item_key)
);
create table impressions (
    program_id integer primary key references programs(id) on delete cascade,
    culture {_TEXT}, teaching {_TEXT}, resident_happiness {_TEXT},
    red_flags {_TEXT}, best_moment {_TEXT},
    thank_you_sent integer not null default 0,
    thank_you_to {_TEXT},
    score integer check (score is null or score between 1 and 10),
    updated_at text not null
);
create table planned_stories (
    program_id integer not null references programs(id) on delete cascade,
    story_id integer not null,
    primary key (program_id, story_id)
);
create index planned_stories_story on planned_stories(story_id);
"""


def _dossiers_001(db: Database) -> None:
    for statement in _DOSSIERS_001.split(";"):
        if statement.strip():
            db.execute(statement)


def _match_fields_001(db: Database) -> None:
    # What the Match of 2026 asks of a dossier: the preference signal sent to the program
    # ('' not recorded, 'none' not signaled), an away rotation there and a letter writer
    # there, whether its positions are categorical or advanced, and two deadlines (ISO
    # dates, '' when unknown): Step 3 passed by, ECFMG certification by.
    for statement in (
        "alter table programs add column signal text not null default '' "
        "check (signal in ('', 'gold', 'silver', 'none'))",
        "alter table programs add column rotated_here integer not null default 0",
        "alter table programs add column letter_writer_here integer not null default 0",
        "alter table programs add column positions text not null default '' "
        "check (positions in ('', 'categorical', 'advanced', 'both'))",
        f"alter table programs add column step3_needed_by {_TEXT}",
        f"alter table programs add column ecfmg_deadline {_TEXT}",
    ):
        db.execute(statement)


COMPONENTS: list[tuple[str, list[Callable[[Database], None]]]] = [
    ("dossiers", [_dossiers_001]),
    ("match_fields", [_match_fields_001]),
]
