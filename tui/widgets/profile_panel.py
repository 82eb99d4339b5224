"""Home card: who the applicant is, and how many of the questions they may be asked fit
them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from question_bank.profile import APPLICANTS, EXAMS, EXPLAINS, TRACKS, VISAS, Profile, load_profile
from question_bank.questions import asked_and_fitting
from tui.widgets.home_panel import HomePanel, NextStep

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class ProfileState:
    profile: Profile | None  # None: never given
    asked: int  # visible questions the applicant may be asked (not those to ask a program)
    fitting: int  # of those, the ones that fit the profile


def _names(values: frozenset[str], labels: dict[str, str]) -> str:
    return ", ".join(labels[v] for v in labels if v in values)


class ProfilePanel(HomePanel):
    TITLE = "Who you are"

    def compose(self) -> ComposeResult:
        yield Static(id="profile-summary")

    def gather(self, db: Database) -> ProfileState:
        profile = load_profile(db)
        return ProfileState(profile, *asked_and_fitting(db, profile or Profile()))

    def show(self, state: ProfileState) -> None:
        p = state.profile
        if p is None or p.empty:
            first = Content("Not given yet." if p is None else "Skipped.")
            lines = [first + Content(" Only questions that presume nothing about you are "
                                     "drawn: p says who you are.")]
        else:
            who = [APPLICANTS.get(p.applicant or "", ""), VISAS.get(p.visa or "", "")]
            lines = [Content(" · ".join(w for w in who if w))]
            if p.tracks:
                lines.append(Content(f"Tracks: {_names(p.tracks, TRACKS)}"))
            explain = [_names(p.explain, EXPLAINS), _names(p.failed_exams, EXAMS)]
            if any(explain):
                lines.append(Content("May be asked about: " + "; ".join(e for e in explain if e)))
        lines.append(Content.from_markup(
            "[b]$n[/b] of the $asked questions you may be asked fit you (p changes it)",
            n=str(state.fitting), asked=str(state.asked)))
        self.query_one("#profile-summary", Static).update(Content("\n").join(lines))

    def next_steps(self, state: ProfileState) -> list[NextStep]:
        if state.profile is None or state.profile.empty:
            return [NextStep(30, "Say who you are (p): the drill and mocks then leave out "
                                 "questions that do not apply to you", "app.profile")]
        return []
