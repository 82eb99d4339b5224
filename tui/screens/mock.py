"""Mock interviews: set one up (format, length, think time, limits, speech) and the history."""

from __future__ import annotations

import random
from dataclasses import replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from question_bank.mock_formats import FORMATS, PROGRAM
from tui.practice.mock_plan import Plan, build_plan
from tui.practice.mock_setup import MockSetup, PlanError, SetupError, parse_setup, setup_for
from tui.practice.preferences import (
    SpeechPrefs,
    mock_setup,
    parse_rate,
    save_mock_setup,
    save_speech_prefs,
    speech_prefs,
)
from tui.screens.base import SectionScreen
from tui.screens.mock_history import MockHistory
from tui.screens.mock_program_choice import ProgramChoice
from tui.widgets.field_errors import clear_field_errors, show_field_error

SAMPLE = "Tell me about yourself."
# The widget of each field a SetupError names.
SETUP_FIELDS = {"format": "#mock-format", "program": "#mock-program", "length": "#mock-length",
                "think_time": "#mock-think", "limit": "#mock-limit", "rate": "#speech-rate"}


def voice_options(voices) -> list[tuple[Text, str]]:
    """English voices first, then the rest, each by name."""
    def key(v):
        english = any(lang.lower().startswith("en") for lang in v.languages) or "en" in v.id
        return (not english, v.name.lower())
    return [(Text(f"{v.name} ({', '.join(v.languages) or v.id})"), v.id)
            for v in sorted(voices, key=key)]


class MockScreen(MockHistory, ProgramChoice, SectionScreen):
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
    ]

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.setup = mock_setup(ctx.db)
        self.speech = speech_prefs(ctx.db)
        self._starting = False

    def compose_body(self) -> ComposeResult:
        setup = self.setup
        with Horizontal(id="mock-main"):
            with VerticalScroll(id="mock-setup") as form:
                form.border_title = "New mock interview"
                with RadioSet(id="mock-format", compact=True):
                    for fmt in FORMATS.values():
                        button = RadioButton(fmt.label, value=fmt.id == setup.format,
                                             id=f"format-{fmt.id}", compact=True)
                        if fmt.needs_program:  # offered once programs are known to exist
                            button.display, button.disabled = False, True
                        yield button
                yield Static(id="format-summary")
                yield from self.compose_program_choice()
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
                yield Checkbox("Read the questions aloud", self.speech.enabled,
                               id="speech-enabled", compact=True)
                with Horizontal(classes="setup-row"):
                    yield Label("Voice", classes="setup-label")
                    yield Select([], prompt="default voice", id="speech-voice", compact=True)
                with Horizontal(classes="setup-row"):
                    yield Label("Rate (words/min)", classes="setup-label")
                    yield Input(str(self.speech.rate), id="speech-rate", type="integer",
                                compact=True, tooltip="Speaking rate, words per minute (80-300)")
                    yield Button("Test", id="speech-test", compact=True,
                                 tooltip="Hear a question in this voice (v)")
                yield Static(id="speech-status")
                yield Static(id="mock-error")
                yield Button("Start interview (ctrl+s)", variant="primary", id="mock-start",
                             compact=True)
            yield from self.compose_history()

    def on_mount(self) -> None:
        self._show_summary()
        self._show_voices()
        self._show_speech_status()
        if self.speech.enabled and self.ctx.speaker is not None:
            self._wait_for_speech()
        self.mount_history()
        self.show_program_row()
        self.load_programs()
        request = self.ctx.options.pop("mock", None)
        if request is not None:
            self.start_session(request.get("format"), questions=request.get("questions"),
                               program=request.get("program"))

    def on_screen_resume(self) -> None:
        self.reload_history()

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

    def _read_speech(self) -> SpeechPrefs:
        voice = self.query_one("#speech-voice", Select).value
        return SpeechPrefs(
            enabled=self.query_one("#speech-enabled", Checkbox).value,
            rate=parse_rate(self.query_one("#speech-rate", Input).value),
            voice=None if voice == Select.NULL else str(voice),
        )

    def _error(self, text: str) -> None:
        self.query_one("#mock-error", Static).update(Content(text))

    def _setup_error(self, error: SetupError, *, focus: bool = True) -> None:
        selector = SETUP_FIELDS.get(error.field)
        show_field_error(self.query_one("#mock-error", Static), error,
                         self.query_one(selector) if selector else None, focus=focus)

    # Speech -----------------------------------------------------------------------------

    def _show_voices(self) -> None:
        speaker = self.ctx.speaker
        voices = tuple(getattr(speaker, "voices", ()) or ())
        select = self.query_one("#speech-voice", Select)
        with select.prevent(Select.Changed):
            select.set_options(voice_options(voices))
            ids = {v.id for v in voices}
            if self.speech.voice in ids:
                select.value = self.speech.voice

    def _show_speech_status(self) -> None:
        speaker = self.ctx.speaker
        status = getattr(speaker, "status", "off") if speaker is not None else "off"
        problem = getattr(speaker, "problem", None) if speaker is not None else None
        if status == "off":
            text = problem or "Speech is off."
        elif not self.query_one("#speech-enabled", Checkbox).value:
            text = "Questions will be shown, not read aloud."
        elif status == "ready":
            driver = getattr(speaker, "driver", None)
            count = len(getattr(speaker, "voices", ()) or ())
            text = "Speech is ready" + (f" ({driver}, {count} voices)." if driver else ".")
        elif status == "unavailable":
            text = problem or "Speech is not available."
        else:
            text = "Starting the speech engine…"
        self.query_one("#speech-status", Static).update(Content(text))
        available = status not in ("off", "unavailable")
        for name in ("#speech-voice", "#speech-rate", "#speech-test"):
            self.query_one(name).disabled = not available

    @work(thread=True, exclusive=True, group="mock-speech", exit_on_error=False)
    def _wait_for_speech(self) -> None:
        self.ctx.speaker.wait_ready(15)
        self.app.call_from_thread(self._speech_settled)

    def _speech_settled(self) -> None:
        self._show_voices()
        self._show_speech_status()

    @on(Checkbox.Changed, "#speech-enabled")
    def _speech_toggled(self, event: Checkbox.Changed) -> None:
        self.speech = SpeechPrefs(event.value, self.speech.rate, self.speech.voice)
        self.ctx.writer.submit(save_speech_prefs, self.speech)
        if event.value:
            self._wait_for_speech()
        else:
            self.ctx.speaker.stop()
        self._show_speech_status()

    @on(Select.Changed, "#speech-voice")
    def _voice_changed(self) -> None:
        self._remember_speech()

    @on(Input.Blurred, "#speech-rate")
    def _rate_left(self) -> None:
        self._remember_speech()

    def _remember_speech(self) -> bool:
        try:
            speech = self._read_speech()
        except SetupError as error:  # said and marked; the cursor stays where the user went
            self._setup_error(error, focus=False)
            return False
        clear_field_errors(self.query_one("#mock-error", Static))
        if speech != self.speech:
            self.speech = speech
            self.ctx.writer.submit(save_speech_prefs, speech)
        return True

    def action_test_voice(self) -> None:
        if not self._remember_speech():
            return
        speaker = self.ctx.speaker
        if speaker is None or not speaker.available:
            problem = getattr(speaker, "problem", None) or "Speech is not available."
            self.notify(Content(problem), severity="warning", timeout=8)
            return
        speaker.say(SAMPLE, rate=self.speech.rate, voice=self.speech.voice)

    # Starting ---------------------------------------------------------------------------

    @on(Button.Pressed, "#speech-test")
    def _test_pressed(self) -> None:
        self.action_test_voice()

    @on(Button.Pressed, "#mock-start")
    def _start_pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        try:
            setup = self._read_setup()
            speech = self._read_speech()
        except SetupError as error:
            self._setup_error(error)
            return
        clear_field_errors(self.query_one("#mock-error", Static))
        self.setup, self.speech = setup, speech
        self.ctx.writer.submit(save_mock_setup, setup)
        self.ctx.writer.submit(save_speech_prefs, speech)
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
            self.choose_program(program)
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
        speech = self.speech
        if getattr(self.ctx.speaker, "status", "off") == "off":
            speech = SpeechPrefs(False, speech.rate, speech.voice)
        self.app.push_screen(MockRunScreen(self.ctx, plan, speech))
