"""Home cards for program dossiers: the next interview (both zones, how long until, its open
checklist items), the interview that just ended, and the dossiers not ready yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from dossiers import checklists
from dossiers.impressions import get_impression
from dossiers.interviews import Interview, just_ended, list_interviews, overlaps, upcoming
from dossiers.readiness import Readiness, readiness_all
from dossiers.zones import format_instant, same_clock, until
from tui.practice.user_zone import user_zone
from tui.widgets.home_panel import HomePanel, NextStep, read_once

if TYPE_CHECKING:
    from sqlite_utils import Database

SHOW_ITEMS = 4


def _days(db: Database) -> list[Interview]:
    """Every interview day, read once for the three interview cards."""
    return read_once(db, "interview days", list_interviews)


def _zone(db: Database) -> str:
    return read_once(db, "user zone", user_zone)


def _readiness(db: Database) -> dict[int, Readiness]:
    return read_once(db, "readiness", readiness_all)


@dataclass
class InterviewState:
    zone: str
    now: datetime
    next: Interview | None = None
    clashes: list[Interview] = field(default_factory=list)
    open_items: list[checklists.Item] = field(default_factory=list)
    total_items: int = 0
    readiness: Readiness | None = None
    programs: int = 0


def _when(day: Interview, zone: str) -> str:
    text = format_instant(day.starts_at, day.timezone)
    if not same_clock(day.timezone, zone, day.starts_at):
        text += f" · your time {format_instant(day.starts_at, zone)}"
    return text


class NextInterviewPanel(HomePanel):
    TITLE = "Next interview"

    def compose(self) -> ComposeResult:
        yield Static(id="next-interview")

    def gather(self, db: Database) -> InterviewState:
        now, days = self.ctx.now(), _days(db)
        state = InterviewState(_zone(db), now, programs=db["programs"].count)
        coming = upcoming(db, now, days=days)
        if coming:
            day = state.next = coming[0]
            state.clashes = overlaps(days).get(day.id, [])
            items = checklists.items(db, day)
            state.open_items = [i for i in items if not i.ticked and i.list_id != "after"]
            state.total_items = len(items)
            state.readiness = _readiness(db).get(day.program_id)
        return state

    def show(self, s: InterviewState) -> None:
        out = self.query_one("#next-interview", Static)
        if s.next is None:
            out.update(Content("No interview scheduled. Add interview days in Programs (5)."
                               if s.programs else
                               "No programs yet. Add them in Programs (5), or import your "
                               "spreadsheet there (i)."))
            return
        day = s.next
        lines = [
            Content.from_markup("[b]$name[/b]  [b $text-accent]$until[/]", name=day.program_name,
                                until=until(s.now, day.starts_at)),
            Content(_when(day, s.zone)),
        ]
        if day.platform:
            lines.append(Content(day.platform_label + (f" · {day.link}" if day.link else "")))
        for other in s.clashes:
            lines.append(Content.from_markup("[b $text-error]⚠ overlaps[/] $name ($when)",
                                             name=other.program_name,
                                             when=_when(other, s.zone)))
        if s.readiness and not s.readiness.complete:
            lines.append(Content(f"Dossier {len(s.readiness.done)}/{s.readiness.total} ready"))
        if s.open_items:
            lines.append(Content(f"Checklist: {len(s.open_items)} open before the day"))
            for item in s.open_items[:SHOW_ITEMS]:
                lines.append(Content("  ☐ ") + Content(item.text))
        elif s.total_items:
            lines.append(Content("Checklist: everything ticked before the day ✓"))
        out.update(Content("\n").join(lines))

    def next_steps(self, s: InterviewState) -> list[NextStep]:
        if s.next is None:
            return [NextStep(60, "Add your programs and interview days (5)",
                             "app.section('programs')")]
        name, pid = s.next.program_name, s.next.program_id
        steps = [NextStep(20, f"Re-read the {name} dossier ({until(s.now, s.next.starts_at)})",
                          f"app.open_program({pid})")]
        if s.open_items:
            steps.append(NextStep(25, f"Tick the {name} checklist ({len(s.open_items)} open)",
                                  f"app.open_program({pid}, 'checklist')"))
        return steps


@dataclass
class AfterState:
    ended: list[Interview]


class AfterInterviewPanel(HomePanel):
    """Shown only on the day an interview ended, until impressions are written."""

    TITLE = "After the interview"

    def compose(self) -> ComposeResult:
        yield Static(id="after-interview")

    def gather(self, db: Database) -> AfterState:
        ended = []
        for day in just_ended(db, self.ctx.now(), _zone(db), days=_days(db)):
            impression = get_impression(db, day.program_id)
            if not impression.recorded or \
                    datetime.fromisoformat(impression.updated_at) < day.ends_at:
                ended.append(day)
        return AfterState(ended)

    def show(self, s: AfterState) -> None:
        self.display = bool(s.ended)
        lines = [Content.from_markup("Your [b]$name[/b] interview is over. Write down who you "
                                     "met, your impressions and a score while it is fresh; "
                                     "send the thank-you notes.", name=d.program_name)
                 for d in s.ended]
        self.query_one("#after-interview", Static).update(Content("\n").join(lines))

    def next_steps(self, s: AfterState) -> list[NextStep]:
        return [NextStep(10, f"Write down your {d.program_name} impressions while fresh",
                         f"app.open_program({d.program_id}, 'after')") for d in s.ended]


@dataclass
class NotReadyState:
    rows: list[tuple[Interview, Readiness]]


class NotReadyPanel(HomePanel):
    """Dossiers of programs with an upcoming interview that are not complete."""

    TITLE = "Dossiers to finish"

    def compose(self) -> ComposeResult:
        yield Static(id="not-ready")

    def gather(self, db: Database) -> NotReadyState:
        ready = _readiness(db)
        seen, rows = set(), []
        for day in upcoming(db, self.ctx.now(), days=_days(db)):
            r = ready.get(day.program_id)
            if day.program_id not in seen and r is not None and not r.complete:
                seen.add(day.program_id)
                rows.append((day, r))
        return NotReadyState(rows)

    def show(self, s: NotReadyState) -> None:
        self.display = bool(s.rows)
        lines = [Content.from_markup("[b]$name[/b] $count · missing: $gaps",
                                     name=day.program_name,
                                     count=f"{len(r.done)}/{r.total}",
                                     gaps=", ".join(g.label for g in r.missing))
                 for day, r in s.rows[:6]]
        self.query_one("#not-ready", Static).update(Content("\n").join(lines))

    def next_steps(self, s: NotReadyState) -> list[NextStep]:
        if not s.rows:
            return []
        day, r = s.rows[0]
        return [NextStep(30, f"Finish the {day.program_name} dossier: {r.missing[0].label}",
                         f"app.open_program({day.program_id})")]
