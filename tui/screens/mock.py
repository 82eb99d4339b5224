"""Mock interviews: set one up (format, length, think time, limits, speech) and the history.

The screen composes the parts that own their state: the program picker (`ProgramChoice`),
the speech settings (`SpeechSettings`) and the past sessions (`MockHistory`); it decides
what their messages mean, keeps the setup and starts the session."""

from __future__ import annotations

import random
from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, RadioSet, Select, Static

from question_bank.mock_formats import FORMATS, PROGRAM
from tui.practice.mock_plan import Plan, build_plan
from tui.practice.mock_setup import MockSetup, PlanError, SetupError, parse_setup, setup_for
from tui.practice.preferences import SpeechPrefs, mock_setup, save_mock_setup
from tui.practice.recorded_answers import consent_text
from tui.screens.base import SectionScreen
from tui.widgets.field_errors import clear_field_errors, show_field_error
from tui.widgets.marks import Checkbox, RadioButton
from tui.widgets.mock_history import MockHistory
from tui.widgets.program_choice import ProgramChoice
from tui.widgets.recording_settings import RecordingSettings
from tui.widgets.scroll_body import ScrollBody
from tui.widgets.speech_settings import SpeechSettings
from tui.widgets.table_fit import FitTable

# Imported by the app's warm-up: the recording settings read their default from it as the
# form is made, on the event loop.
WARM_ALSO = ["question_bank.recordings"]
# The kinds of widget the form is made of: the app's warm-up parses their DEFAULT_CSS ahead
# (each kind's first widget had it parsed as the screen first opened: about 10 ms).
WARM_WIDGETS = [Horizontal, ScrollBody, RadioSet, RadioButton, Static, ProgramChoice, Label,
                Input, Select, Checkbox, RecordingSettings, SpeechSettings, Button, MockHistory,
                FitTable]

# The widget of each field a SetupError names.
SETUP_FIELDS = {"format": "#mock-format", "program": "#mock-program", "length": "#mock-length",
                "think_time": "#mock-think", "limit": "#mock-limit", "rate": "#speech-rate"}


class MockScreen(SectionScreen):
    """Mock interviews"""

    SECTION = "mock"
    HELP_TITLE = "Mock interviews"
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="mock.start", priority=True,
                tooltip="Start a mock interview with this setup"),
        Binding("v", "test_voice", "Test voice", id="mock.test_voice",
                tooltip="Hear a question in the chosen voice and rate"),
        Binding("h", "history", "History", id="mock.history", show=False,
                tooltip="Go to the past sessions (enter opens one)"),
        Binding("escape", "leave_field", "Leave field", id="mock.leave_field", show=False,
                tooltip="Leave the field you are typing in (h then goes to the history)"),
    ]

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.setup = mock_setup(ctx.db)
        self._starting = False
        self._away = False  # a session or a review was opened from here

    def compose_body(self) -> ComposeResult:
        setup = self.setup
        with Horizontal(id="mock-main"):
            with ScrollBody(id="mock-setup") as form:
                form.border_title = "New mock interview"
                with RadioSet(id="mock-format", compact=True):
                    for fmt in FORMATS.values():
                        button = RadioButton(fmt.label, value=fmt.id == setup.format,
                                             id=f"format-{fmt.id}", compact=True)
                        if fmt.needs_program:  # offered once programs are known to exist
                            button.display, button.disabled = False, True
                        yield button
                yield Static(id="format-summary")
                yield ProgramChoice(self.ctx, classes="setup-row", id="mock-program-row")
                with Horizontal(classes="setup-row"):
                    yield Label("Length", classes="setup-label")
                    yield Input(str(setup.length), id="mock-length", type="integer", compact=True,
                                tooltip="How many questions, or how many minutes")
                    yield Select([("questions", "questions"), ("minutes", "minutes")],
                                 allow_blank=False, value=setup.mode, id="mock-mode",
                                 compact=True)
                with Horizontal(classes="setup-row"):
                    yield Label("Think time (s)", classes="setup-label")
                    yield Input(str(setup.think_seconds), id="mock-think", type="integer",
                                compact=True,
                                tooltip="Seconds to think before the answer clock starts")
                with Horizontal(classes="setup-row"):
                    yield Label("Limit per answer (s)", classes="setup-label")
                    yield Input("" if setup.limit_seconds is None else str(setup.limit_seconds),
                                id="mock-limit", type="integer", compact=True,
                                placeholder="each question's target",
                                tooltip="Leave empty to use each question's own target")
                yield Checkbox("STAR budgets on behavioral questions", setup.star_budgets,
                               id="mock-star", compact=True)
                yield RecordingSettings(self.ctx, id="recording-settings")
                yield SpeechSettings(self.ctx, id="speech-settings")
                yield Static(id="mock-error")
                yield Button("Start interview (ctrl+s)", variant="primary", id="mock-start",
                             compact=True)
            yield MockHistory(self.ctx, id="mock-history-pane")

    def on_mount(self) -> None:
        self._show_summary()
        self.show_program_row()
        request = self.ctx.options.pop("mock", None)
        if request is not None:
            self.start_session(request.get("format"), questions=request.get("questions"),
                               program=request.get("program"))

    def on_screen_resume(self) -> None:
        self.query_one(MockHistory).reload()  # the first visit too; then after each session
        if self._away:
            # Back from a session or a review: the past sessions, where it now is, hold the
            # focus (not a field of the form that may be scrolled out of sight and would
            # take h and enter as typing).
            self._away = False
            self.query_one(MockHistory).focus_list()

    @on(MockHistory.Chosen)
    def open_session(self, event: MockHistory.Chosen) -> None:
        from tui.screens.mock_review import MockReviewScreen

        self._away = True
        self.app.push_screen(MockReviewScreen(self.ctx, event.session_id))

    def action_history(self) -> None:
        self.query_one(MockHistory).focus_list()

    def action_leave_field(self) -> None:
        """Escape in a field of the form: the form keeps the focus, the keys are the
        screen's again (h, v, ctrl+s)."""
        if isinstance(self.focused, Input | Select):
            self.query_one("#mock-setup").focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "leave_field":  # escape stays free for whatever else wants it
            return isinstance(self.focused, Input | Select)
        return True

    # The program round's program ----------------------------------------------------------

    @on(ProgramChoice.Loaded)
    def programs_loaded(self, event: ProgramChoice.Loaded) -> None:
        names = event.choices.names
        button = self.query_one(f"#format-{PROGRAM.id}", RadioButton)
        button.display = bool(names)
        button.disabled = not names
        wanted = event.choices.first_choice(self.setup.program)
        if wanted in names:
            self.query_one(ProgramChoice).pick(wanted)
        if self.setup.format == PROGRAM.id and not names:
            self.choose_format("faculty")
        self.show_program_row()

    @on(ProgramChoice.Changed)
    def program_changed(self, event: ProgramChoice.Changed) -> None:
        self.setup = replace(self.setup, program=event.program)

    def show_program_row(self) -> None:
        self.query_one(ProgramChoice).show(self.setup.format == PROGRAM.id)

    def chosen_program(self) -> str | None:
        return self.query_one(ProgramChoice).chosen

    # Setup ------------------------------------------------------------------------------

    def _show_summary(self) -> None:
        fmt = FORMATS[self.setup.format]
        self.query_one("#format-summary", Static).update(Content(fmt.summary))

    @on(RadioSet.Changed, "#mock-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        format_id = (event.pressed.id or "").removeprefix("format-")
        if format_id not in FORMATS or format_id == self.setup.format:
            return
        self.choose_format(format_id)

    def choose_format(self, format_id: str) -> None:
        program = self.chosen_program() if format_id == PROGRAM.id else self.setup.program
        self.setup = replace(setup_for(format_id, self.setup), program=program)
        self._fill_fields()
        self.show_program_row()

    def _fill_fields(self) -> None:
        setup = self.setup
        with self.prevent(Select.Changed, RadioSet.Changed):
            self.query_one("#mock-mode", Select).value = setup.mode
            self.query_one(f"#format-{setup.format}", RadioButton).value = True
        self.query_one("#mock-length", Input).value = str(setup.length)
        self.query_one("#mock-think", Input).value = str(setup.think_seconds)
        self.query_one("#mock-limit", Input).value = ("" if setup.limit_seconds is None
                                                      else str(setup.limit_seconds))
        self._show_summary()

    @on(Select.Changed, "#mock-mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        mode = str(event.value)
        if mode != self.setup.mode:
            self.setup = replace(self.setup, mode=mode)
            self.query_one("#mock-length", Input).value = str(self.setup.length)

    def _read_setup(self) -> MockSetup:
        return parse_setup(
            format=self.setup.format, mode=str(self.query_one("#mock-mode", Select).value),
            length=self.query_one("#mock-length", Input).value,
            think=self.query_one("#mock-think", Input).value,
            limit=self.query_one("#mock-limit", Input).value,
            star_budgets=self.query_one("#mock-star", Checkbox).value,
            program=self.chosen_program() if self.setup.format == PROGRAM.id
            else self.setup.program,
        )

    def _error(self, text: str) -> None:
        self.query_one("#mock-error", Static).update(Content(text))

    def _setup_error(self, error: SetupError, *, focus: bool = True) -> None:
        selector = SETUP_FIELDS.get(error.field)
        show_field_error(self.query_one("#mock-error", Static), error,
                         self.query_one(selector) if selector else None, focus=focus)

    @on(SpeechSettings.Checked)
    def speech_checked(self, event: SpeechSettings.Checked) -> None:
        if event.error is None:
            clear_field_errors(self.query_one("#mock-error", Static))
        else:  # said and marked; the cursor stays where the user went
            self._setup_error(event.error, focus=False)

    @on(RecordingSettings.ConsentNeeded)
    def ask_to_record(self, event: RecordingSettings.ConsentNeeded) -> None:
        """The first time recording is turned on: say where the files go, and ask."""
        from tui.screens.dialogs.confirm import ConfirmDialog

        self.app.push_screen(ConfirmDialog(
            "Record your spoken answers?", consent_text(self.ctx.db_path), yes="Record",
            no="Not now", title="Recording"), lambda yes: event.settings.consented(bool(yes)))

    def action_test_voice(self) -> None:
        self.query_one(SpeechSettings).test_voice()

    # Starting ---------------------------------------------------------------------------

    @on(Button.Pressed, "#mock-start")
    def _start_pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        speech_settings = self.query_one(SpeechSettings)
        try:
            setup = self._read_setup()
            speech = speech_settings.read()
        except SetupError as error:
            self._setup_error(error)
            return
        clear_field_errors(self.query_one("#mock-error", Static))
        self.setup = setup
        self.ctx.writer.submit(save_mock_setup, setup)
        speech_settings.keep(speech)
        self._launch(setup)

    def start_session(self, format_id: str | None = None, *, questions: int | None = None,
                      program: str | None = None) -> None:
        """Start a session at once (from the command line or the palette): the format's
        defaults, the user's other choices; a program round for `program`."""
        setup = self.setup
        if format_id and format_id in FORMATS and format_id != setup.format:
            setup = setup_for(format_id, setup)
        if questions:
            setup = replace(setup, mode="questions", questions=questions)
        if program:
            setup = replace(setup, program=program)
            self.query_one(ProgramChoice).pick(program)
        self.setup = setup
        self._fill_fields()
        self.show_program_row()
        self._launch(setup)

    def _launch(self, setup: MockSetup) -> None:
        if self._starting:
            return
        self._starting = True
        self._plan(setup)

    @work(thread=True, exclusive=True, group="mock-plan", exit_on_error=False)
    def _plan(self, setup: MockSetup) -> None:
        try:
            with self.ctx.reader() as db:
                plan = build_plan(db, setup, rng=random.Random())
        except PlanError as error:
            self.app.call_from_thread(self._plan_failed, str(error))
            return
        self.app.call_from_thread(self._run, plan)

    def _plan_failed(self, text: str) -> None:
        self._starting = False
        self._error(text)

    def _run(self, plan: Plan) -> None:
        from tui.screens.mock_run import MockRunScreen

        self._starting = False
        speech = self.query_one(SpeechSettings).prefs
        if getattr(self.ctx.speaker, "status", "off") == "off":
            speech = SpeechPrefs(False, speech.rate, speech.voice)
        record = self.query_one(RecordingSettings).record
        self._away = True
        self.app.push_screen(MockRunScreen(self.ctx, plan, speech, record=record))
