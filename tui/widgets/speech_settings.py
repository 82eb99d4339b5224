"""Whether mock questions are read aloud, in which voice, at which rate: shown from the
speaker's state (waited for in a worker while the engine starts), kept in settings as the
user changes them, and tried with the Test button. A setting that cannot be used is
posted as `SpeechSettings.Checked(error)`; the screen shows it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from tui.context import AppContext
from tui.practice.mock_setup import SetupError
from tui.practice.preferences import SpeechPrefs, parse_rate, save_speech_prefs, speech_prefs
from tui.widgets.marks import Checkbox

SAMPLE = "Tell me about yourself."


def voice_options(voices) -> list[tuple[Text, str]]:
    """English voices first, then the rest, each by name."""
    def key(v):
        english = any(lang.lower().startswith("en") for lang in v.languages) or "en" in v.id
        return (not english, v.name.lower())
    return [(Text(f"{v.name} ({', '.join(v.languages) or v.id})"), v.id)
            for v in sorted(voices, key=key)]


class SpeechSettings(Vertical):
    @dataclass
    class Checked(Message):
        """The user changed a setting: what is wrong with it (None when nothing is)."""

        error: SetupError | None

    def __init__(self, ctx: AppContext, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.prefs = speech_prefs(ctx.db)  # as kept in settings

    def compose(self) -> ComposeResult:
        yield Checkbox("Read the questions aloud", self.prefs.enabled, id="speech-enabled",
                       compact=True)
        with Horizontal(classes="setup-row"):
            yield Label("Voice", classes="setup-label")
            yield Select([], prompt="default voice", id="speech-voice", compact=True)
        with Horizontal(classes="setup-row"):
            yield Label("Rate (words/min)", classes="setup-label")
            yield Input(str(self.prefs.rate), id="speech-rate", type="integer",
                        compact=True, tooltip="Speaking rate, words per minute (80-300)")
            yield Button("Test", id="speech-test", compact=True,
                         tooltip="Hear a question in this voice (v)")
        yield Static(id="speech-status")

    def on_mount(self) -> None:
        self.show_voices()
        self.show_speech_state()
        if self.prefs.enabled and self.ctx.speaker is not None:
            self.wait_for_speech()

    def read(self) -> SpeechPrefs:
        """The settings as shown; raises SetupError naming a field that is not acceptable."""
        voice = self.query_one("#speech-voice", Select).value
        return SpeechPrefs(
            enabled=self.query_one("#speech-enabled", Checkbox).value,
            rate=parse_rate(self.query_one("#speech-rate", Input).value),
            voice=None if voice == Select.NULL else str(voice),
        )

    def keep(self, prefs: SpeechPrefs) -> None:
        """Save `prefs` (a session starts with them)."""
        self.prefs = prefs
        self.ctx.writer.submit(save_speech_prefs, prefs)

    # What the speaker can do ----------------------------------------------------------

    def show_voices(self) -> None:
        voices = tuple(getattr(self.ctx.speaker, "voices", ()) or ())
        select = self.query_one("#speech-voice", Select)
        with select.prevent(Select.Changed):
            select.set_options(voice_options(voices))
            if self.prefs.voice in {v.id for v in voices}:
                select.value = self.prefs.voice

    def show_speech_state(self) -> None:
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
    def wait_for_speech(self) -> None:
        self.ctx.speaker.wait_ready(15)
        self.app.call_from_thread(self.speech_settled)

    def speech_settled(self) -> None:
        self.show_voices()
        self.show_speech_state()

    # The user's changes ---------------------------------------------------------------

    @on(Checkbox.Changed, "#speech-enabled")
    def speech_toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.keep(SpeechPrefs(event.value, self.prefs.rate, self.prefs.voice))
        if event.value:
            self.wait_for_speech()
        else:
            self.ctx.speaker.stop()
        self.show_speech_state()

    @on(Select.Changed, "#speech-voice")
    @on(Input.Blurred, "#speech-rate")
    def setting_changed(self, event: Select.Changed | Input.Blurred) -> None:
        event.stop()
        self.remember()

    def remember(self) -> bool:
        """Keep the settings as shown, if they can be used (else say what is wrong)."""
        try:
            prefs = self.read()
        except SetupError as error:
            self.post_message(self.Checked(error))
            return False
        self.post_message(self.Checked(None))
        if prefs != self.prefs:
            self.keep(prefs)
        return True

    def test_voice(self) -> None:
        """Say a question in the voice and rate shown."""
        if not self.remember():
            return
        speaker = self.ctx.speaker
        if speaker is None or not speaker.available:
            problem = getattr(speaker, "problem", None) or "Speech is not available."
            self.notify(problem, severity="warning", timeout=8, markup=False)
            return
        speaker.say(SAMPLE, rate=self.prefs.rate, voice=self.prefs.voice)

    @on(Button.Pressed, "#speech-test")
    def test_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.test_voice()
