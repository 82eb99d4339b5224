"""Who you are: the applicant profile, asked on first start (skippable) and edited any time.

It dismisses with the profile to keep, or `CANCELLED` (None). On first start the caller
records a skip for None, so the question is not asked again (Home keeps offering it).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Label, Select, SelectionList, Static

from question_bank.profile import (
    APPLICANTS,
    EXAMS,
    EXPLAINS,
    TRACKS,
    VISAS,
    Profile,
    ProfileError,
)
from tui.screens.dialogs.base import Dialog

WHY = ("Who you are decides which questions the drill and mock interviews draw: no visa "
       "questions if you need no visa, no \"why did you fail Step 1?\" if you passed it. The "
       "question list still shows every question.")
SKIPPED = ("Skip, and only questions that presume nothing about you are drawn. Change it any "
           "time: p on Home, or ctrl+p → Profile.")
NO_VISA_BY_DEFAULT = ("us-grad", "us-img")  # a US citizen or resident needs none


class ProfileDialog(Dialog[Profile | None]):
    """Your profile"""

    HELP_TITLE = "Profile dialog"
    TITLE = "Who you are"
    BINDINGS = [Binding("ctrl+s", "save", "Save", id="profile_form.save", priority=True)]
    SUB_TITLE = "ctrl+s save · escape skip"

    def __init__(self, profile: Profile | None, *, first_start: bool = False) -> None:
        super().__init__()
        self.profile = profile or Profile()
        self.first_start = first_start
        if not first_start:
            self.sub_title = "ctrl+s save · escape cancel"

    def compose_body(self) -> ComposeResult:
        p = self.profile
        yield Static(Content(WHY), classes="dialog-hint profile-why")
        applicant = Select([(label, key) for key, label in APPLICANTS.items()],
                           id="field-applicant", prompt="Not set", classes="labelled",
                           value=p.applicant or Select.NULL)
        visa = Select([(label, key) for key, label in VISAS.items()], id="field-visa",
                      prompt="Not set", classes="labelled", value=p.visa or Select.NULL)
        # Named by their border titles: a prompt is gone once a choice is made.
        applicant.border_title, visa.border_title = "Who you are", "The visa you will need"
        yield applicant
        yield visa
        for field, label, choices, chosen in (
                ("tracks", "What you apply to or lean towards", TRACKS, p.tracks),
                ("explain", "What you may be asked to explain", EXPLAINS, p.explain),
                ("failed-exams", "An exam you failed or repeated", EXAMS, p.failed_exams)):
            yield Label(label)
            yield SelectionList[str](*((text, key, key in chosen) for key, text in
                                       choices.items()), id=f"field-{field}",
                                     classes="profile-choices")
        if self.first_start:
            yield Static(Content(SKIPPED), classes="dialog-hint")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Save", variant="primary", id="save")
        yield Button("Skip for now" if self.first_start else "Cancel", id="cancel")

    def on_mount(self) -> None:
        for choices in self.query(SelectionList):
            choices.highlighted = 0  # space ticks the first option at once
        self.query_one("#field-applicant", Select).focus(scroll_visible=False)
        # The explanation at the top stays in view (the first layout scrolls it away).
        self.call_after_refresh(self.query_one("#dialog-content").scroll_home, animate=False)

    @on(Select.Changed, "#field-applicant")
    def applicant_chosen(self, event: Select.Changed) -> None:
        visa = self.query_one("#field-visa", Select)
        if visa.value == Select.NULL and event.value in NO_VISA_BY_DEFAULT:
            visa.value = "none"

    def chosen(self) -> Profile:
        def one(field: str) -> str | None:
            value = self.query_one(f"#field-{field}", Select).value
            return None if value == Select.NULL else str(value)

        def some(field: str) -> frozenset[str]:
            return frozenset(self.query_one(f"#field-{field}", SelectionList).selected)

        return Profile(applicant=one("applicant"), visa=one("visa"), tracks=some("tracks"),
                       explain=some("explain"), failed_exams=some("failed-exams"))

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        profile = self.chosen()
        if profile.applicant is None and not profile.empty:
            self.show_field_error(ProfileError("applicant", "say who you are first; the rest "
                                               "depends on it"),
                                  self.query_one("#field-applicant", Select))
            return
        if profile.applicant is not None and profile.visa is None:
            self.show_field_error(ProfileError("visa", "choose the visa you will need "
                                               "(No visa needed, or not decided yet)"),
                                  self.query_one("#field-visa", Select))
            return
        self.dismiss(profile)
