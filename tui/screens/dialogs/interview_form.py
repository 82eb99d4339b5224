"""Add or edit an interview day: date, times in the program's zone, platform, link, format.

As the user types, the dialog shows the start in the program's zone and in theirs.
"""

from __future__ import annotations

import asyncio
from datetime import date, time, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Select, Static

from dossiers.errors import DossierError
from dossiers.interviews import (
    PLATFORMS,
    Interview,
    add_interview,
    as_values,
    span,
    update_interview,
    validate,
)
from dossiers.zones import all_zone_names, same_clock, zone_for_state
from tui.context import AppContext
from tui.screens.dialogs.base import Dialog

FIELDS = ("date", "start_time", "end_time", "timezone", "link", "interview_count",
          "format_notes", "social")
PLACEHOLDERS = {
    "start_time": "09:00, 9 AM", "end_time": "if known",
    "timezone": "America/Chicago, or CT", "link": "https://… (or the address)",
    "interview_count": "e.g. 4", "format_notes": "who you meet, resident room…",
    "social": "resident social or other event, if any",
}
LABELS = {
    "date": "Date", "start_time": "Starts", "end_time": "Ends", "timezone": "Program's time zone",
    "link": "Link", "interview_count": "Number of interviews", "format_notes": "Format",
    "social": "Social event",
}


class InterviewForm(Dialog[int | None]):
    """Add or edit an interview day"""

    HELP_TITLE = "Interview day dialog"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="interview_form.save", priority=True),
    ]
    SUB_TITLE = "ctrl+s save · escape cancel"

    def __init__(self, ctx: AppContext, program_id: int, user_zone: str,
                 interview: Interview | None = None, *, default_zone: str = "",
                 state: str = "") -> None:
        super().__init__()
        self.ctx, self.program_id, self.user_zone = ctx, program_id, user_zone
        self.interview = interview
        self.title = "Edit interview day" if interview else "New interview day"
        # A program's first day: its state suggests the zone (said, so it is checked).
        self.suggested_by = state.strip() if not interview and not default_zone \
            and zone_for_state(state) else ""
        if self.suggested_by:
            default_zone = zone_for_state(state) or ""
        values = as_values(interview) if interview else {"timezone": default_zone}
        # The example date is one to come (an example in the past read as a mistake).
        coming = (ctx.now() + timedelta(days=30)).date()
        self.placeholders = {**PLACEHOLDERS, "date": f"{coming.isoformat()}, "
                             f"{coming.month}/{coming.day}/{coming.year}"}
        self.values = {k: "" if v is None else str(v) for k, v in values.items()}
        if interview:
            self.values["start_time"] = interview.start_time.strftime("%H:%M")
            self.values["end_time"] = interview.end_time.strftime("%H:%M") \
                if interview.end_time else ""

    def compose_body(self) -> ComposeResult:
        v = self.values
        with Horizontal(classes="form-row"):
            for name in ("date", "start_time", "end_time"):
                yield self._input(name)
        yield self._input("timezone", suggester=SuggestFromList(all_zone_names(),
                                                                case_sensitive=False))
        yield Static("", id="interview-when")
        platform = Select([(label, key) for key, label in PLATFORMS.items()],
                          prompt="Not set", value=v.get("platform") or Select.NULL,
                          id="i-platform", classes="field labelled")
        platform.border_title = "Platform"
        yield platform
        for name in ("link", "interview_count", "format_notes", "social"):
            yield self._input(name)

    def compose_buttons(self) -> ComposeResult:
        yield Button("Save", variant="primary", id="save")
        yield Button("Cancel", id="cancel")

    def _input(self, name: str, **kwargs) -> Input:
        field = Input(self.values.get(name, ""), placeholder=self.placeholders[name],
                      id=f"i-{name}", classes="field", **kwargs)
        field.border_title = LABELS[name]
        return field

    def on_mount(self) -> None:
        self.query_one("#i-date", Input).focus()
        self._preview()

    def _fields(self) -> dict[str, object]:
        values: dict[str, object] = {name: self.query_one(f"#i-{name}", Input).value
                                     for name in FIELDS}
        platform = self.query_one("#i-platform", Select).value
        values["platform"] = "" if platform == Select.NULL else platform
        return values

    @on(Input.Changed)
    @on(Select.Changed)
    def _preview(self) -> None:
        when = self.query_one("#interview-when", Static)
        try:
            row = validate(self._fields())
        except DossierError:
            when.update(Content(f"Time zone suggested from the state ({self.suggested_by}). "
                                if self.suggested_by else "")
                        + Content("Start: fill in date, time and zone to see it in your zone "
                                  "too."))
            return
        probe = Interview(0, "", self.program_id, "", date.fromisoformat(row["date"]),
                          time.fromisoformat(row["start_time"]),
                          time.fromisoformat(row["end_time"]) if row["end_time"] else None,
                          row["timezone"])
        text = span(probe, row["timezone"])
        if not same_clock(row["timezone"], self.user_zone, probe.starts_at):
            text += f" · your time {span(probe, self.user_zone, note=False)}"
        if self.suggested_by and row["timezone"] == zone_for_state(self.suggested_by):
            text += f" · time zone suggested from the state ({self.suggested_by})"
        when.update(Content(text))

    @on(Button.Pressed, "#save")
    async def action_save(self) -> None:
        fields = self._fields()
        if self.interview is None:
            future = self.ctx.writer.submit(add_interview, self.program_id, **fields)
        else:
            future = self.ctx.writer.submit(update_interview, self.interview.id, **fields)
        try:
            saved = await asyncio.wrap_future(future)
        except DossierError as error:
            found = self.query(f"#i-{error.field}")
            self.show_field_error(error, found.first() if found else None)
            return
        self.dismiss(saved.id)
