"""The matchprep app: sections as modes, global keys, the command palette, the theme."""

from __future__ import annotations

import asyncio
import gc
import sqlite3
from collections.abc import Callable, Iterable
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from tui.context import AppContext
from tui.messages import (
    OpenAnswer,
    OpenProgram,
    OpenQuestion,
    SaveTrouble,
    SpeechTrouble,
    StartMock,
)
from tui.palette.navigation import QuestionCommands, SectionCommands
from tui.palette.practice import PracticeCommands
from tui.palette.programs import ProgramCommands
from tui.screens.base import SectionScreen
from tui.sections import SECTIONS
from tui.store.settings import set_setting
from tui.store.writer import FileSwapped
from tui.textual_private import (
    draw_only_what_changed,
    end_with_report,
    guard_pastes,
    hash_rule_sets_in_c,
    let_worker_state_changes_bubble,
    mark_css_current,
    parse_default_css,
    show_control_characters,
    textual_exception_handling,
    uncaught_error,
)
from tui.widgets.demo_badge import DemoBadge
from tui.widgets.section_bar import SectionBar
from tui.widgets.toast_fit import fit_notice
from tui.widgets.too_small import TooSmallLine, too_small

if TYPE_CHECKING:
    from question_bank.profile import Profile


STYLES = sorted((Path(__file__).parent / "styles").glob("*.tcss"))
# What Home's first frame is styled with; the other parts' styles (their own screens' ids,
# classes and types: none is on Home) are read just after it (`read_later_styles`).
HOME_STYLES = {"app.tcss", "home.tcss"}


# The screens a user goes to from Home, with the domain modules behind them: imported in the
# background once Home is on screen, not when each is first opened (Mock's took 50 ms).
WARM_MODULES = [*(s.screen.partition(":")[0] for s in SECTIONS),
                "tui.screens.answer_editor", "tui.screens.drill"]
WARM_UP_DELAY = 0.2  # seconds after the first frame: Home's cards first


def _section_bindings() -> list[Binding]:
    return [
        Binding(s.key, f"app.section('{s.id}')", s.label, show=False, id=f"section.{s.id}",
                tooltip=f"Go to {s.label}")
        for s in SECTIONS
    ]


class MatchprepApp(App[None]):
    """Practise for residency interviews: one app, one local database."""

    TITLE = "matchprep"
    # Every part of the app keeps its styles in its own file under tui/styles/.
    CSS_PATH = [str(p) for p in STYLES]
    COMMANDS = App.COMMANDS | {SectionCommands, QuestionCommands, ProgramCommands,
                               PracticeCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-normal"), (160, "-wide")]
    BINDINGS = [
        *_section_bindings(),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Every key, by screen"),
        Binding("ctrl+t", "change_theme", "Theme", show=False, id="app.theme",
                tooltip="Choose a colour theme (kept across runs)"),
    ]

    def __init__(self, ctx: AppContext, *, start: str = "home") -> None:
        # Start in the wanted section directly: switching modes from on_mount would hold
        # back the first frame (switch_mode delays updates by 50 ms to mask a transition).
        self.DEFAULT_MODE = start  # type: ignore[misc]  # Textual reads it through self in __init__
        super().__init__()
        self.ctx = ctx
        self.later_styles: list[Path] = []
        if start == "home":  # parsing every part's styles held its first frame back 15 ms
            self.css_path = [p for p in STYLES if p.name in HOME_STYLES]
            self.later_styles = [p for p in STYLES if p.name not in HOME_STYLES]
        let_worker_state_changes_bubble()  # a failed worker is reported here, see worker_failed
        show_control_characters()  # ESC in user text shows as ␛, never reaches the terminal
        guard_pastes()  # a paste arrives whole, as text, without control characters
        draw_only_what_changed()  # a key's frame draws the text area, not the whole screen
        hash_rule_sets_in_c()  # a seventh of the time of styling each widget
        self.event_loop: asyncio.AbstractEventLoop | None = None
        self.ending_signal: int | None = None
        self.maximized_before: dict[Screen, Widget] = {}  # minimised while too small
        self.focused_before: dict[Screen, Widget] = {}  # focused before it was too small
        self.worker_failures_told: set[tuple[str, str]] = set()
        for s in SECTIONS:
            self.add_mode(s.id, partial(self._make_section, s.id))

    def update_styles(self, node, animate: bool = True) -> None:
        """Textual restyles a widget (and everything in it) whenever its classes change,
        also before it is mounted: an Input sets its own in `__init__`, so each was styled
        twice or three times as a screen composed it (with its four component classes: 55
        of Mock's 390 stylings on its first open). A widget is styled as it mounts anyway.
        A section restyled whole notes the app's state it is styled for (see
        `SectionScreen.skip_needless_restyles`)."""
        if node is self or node.is_attached:
            if isinstance(node, SectionScreen):  # all of it: for the app as it is now
                node.styled_for_app = node.app_state()
            super().update_styles(node, animate)

    def read_later_styles(self) -> None:
        """Add the styles Home's first frame went without (before any other screen shows:
        on the first frame, or when a key came even sooner)."""
        if self.later_styles:
            self.stylesheet.read_all(self.later_styles)
            self.later_styles = []

    def _make_section(self, section_id: str) -> Screen:
        if section_id != "home":  # Home's first frame goes without them (HOME_STYLES)
            self.read_later_styles()
        for s in SECTIONS:
            if s.id == section_id:
                screen = s.screen_class()(self.ctx)
                # A new mode's screen would otherwise make Textual re-parse every stylesheet
                # (twice on the first switch: ~60 ms each, on start-up and on first opening
                # each section). It is styled on mount with the current theme anyway; a later
                # theme change still raises the app's count and refreshes it.
                mark_css_current(screen, self)
                # The width class (-narrow, -normal...) Textual would give it at its first
                # resize, given now: its widgets are styled once as they mount, not styled
                # and then all restyled when the class comes.
                width = width_class(self.HORIZONTAL_BREAKPOINTS, self.size.width)
                if width is not None:
                    screen.set_class(True, width, update=False)
                return screen
        raise KeyError(section_id)

    first_frame_shown = False
    """True once the first screen has been drawn (see `on_ready`)."""

    def on_ready(self) -> None:
        # The first frame is out. A screen may hold back work that would have delayed it
        # (the home screen's cards) until now: it has an `after_first_frame` method.
        self.first_frame_shown = True
        if not gc.isenabled():  # the command line held collection back (launch.hold_collection)
            gc.freeze()  # what start-up made stays: later collections skip it
            gc.enable()
            self.freeze_warm_modules = True
        self.read_later_styles()
        follow_up = getattr(self.screen, "after_first_frame", None)
        if follow_up is not None:
            self.call_after_refresh(follow_up)
        # The first start: ask who the applicant is (skippable), unless the app was opened
        # straight into a session.
        from question_bank.profile import profile_asked

        if self.DEFAULT_MODE == "home" and not self.ctx.peek(profile_asked, True):
            self.call_after_refresh(self.ask_profile, True)
        self.set_timer(WARM_UP_DELAY, self.warm_up)

    freeze_warm_modules = False
    """Whether the modules loaded by `warm_up` are set aside too, as start-up's were."""

    def warm_up(self) -> None:
        self.run_worker(partial(import_screens, freeze=self.freeze_warm_modules,
                                parse_styles=partial(self.call_from_thread, parse_default_css,
                                                     self)),
                        thread=True, group="warm-up", exit_on_error=False)

    def on_mount(self) -> None:
        self.event_loop = asyncio.get_running_loop()
        if self.ending_signal is not None:  # it came while the app was starting
            self.exit()
        saved = self.ctx.peek_setting("theme")
        if saved and saved in self.available_themes and saved != self.theme:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, self._fit_new_screen)
        if self.ctx.options.get("demo"):  # `matchprep demo`: say so on every screen
            self.add_class("-demo")  # the screens' top lines leave the badge its corner
            self.screen_change_signal.subscribe(self, self._badge_demo)
            self._badge_demo(self.screen)
        self.ctx.speaker.set_listener(lambda n: self.post_message(SpeechTrouble(n.kind, n.message)))
        self.ctx.writer.set_listener(self._writer_trouble)
        self.ctx.on_read_trouble = lambda error: self._writer_trouble("damaged", error)

    def on_resize(self, event: events.Resize) -> None:
        """Runs before Textual hands the new size to the screen: below the size matchprep
        can use, every screen is reduced to one line first (tui.widgets.too_small)."""
        small = too_small(event.size)
        if small != self.has_class("-too-small"):
            if small:  # hidden, a widget loses its focus: keys typed after would go nowhere
                self.focused_before = {screen: screen.focused for screen in self.screen_stack
                                       if screen.focused is not None}
            self.set_class(small, "-too-small", update=False)
            for screen in self.screen_stack:  # each, also those beneath a dialog: at once
                self.update_styles(screen)
            if not small:
                for screen, widget in self.maximized_before.items():
                    if screen.is_attached and widget.is_attached:
                        screen.maximize(widget)
                self.maximized_before.clear()
                for screen, widget in self.focused_before.items():
                    if screen.is_attached and widget.is_attached:
                        screen.set_focus(widget, scroll_visible=False)
                self.focused_before.clear()
        if small and self.screen_stack:
            self._fit_new_screen(self.screen, event.size)
        for screen in self.screen_stack:
            for badge in screen.query_children(DemoBadge):
                badge.place(event.size.width)

    def _badge_demo(self, screen: Screen) -> None:
        badges = screen.query_children(DemoBadge)
        badge = badges.first() if badges else DemoBadge()
        if not badges:
            screen.mount(badge)
        badge.place(self.size.width)
        for bar in screen.query_children(SectionBar):
            bar.fit()  # (its names fitted before the badge came)

    def _fit_new_screen(self, screen: Screen, size: Size | None = None) -> None:
        """A screen shown while the terminal is too small: styled so, with its one line."""
        if not self.has_class("-too-small"):
            return
        for shown in self.screen_stack:
            self.update_styles(shown)
        if screen.maximized is not None:  # it would be shown alone, whatever the styles say
            self.maximized_before[screen] = screen.maximized
            screen.minimize()
        lines = screen.query_children(TooSmallLine)
        line = lines.first() if lines else TooSmallLine()
        if not lines:
            screen.mount(line)
        line.show(size or self.size)

    def quit_for_signal(self, signum: int) -> None:
        """SIGTERM or SIGHUP (tui.cli.signals): quit as ctrl+q does, once. Called by a
        signal handler on the main thread, between any two steps of the event loop: it
        only hands the loop a call to make."""
        if self.ending_signal is not None:
            return
        self.ending_signal = signum
        loop = self.event_loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self.exit)

    def _writer_trouble(self, kind: str, error: BaseException | None) -> None:
        """From the writer's (or a reader's) thread: say what happened in words."""
        from tui.store.database import explain

        if kind == "damaged" and not self.ctx.db_path.exists():
            # Not damaged: deleted (or moved away). The writer copies what it has open to a
            # recovery file and says so; have it look now rather than at the next save.
            self.ctx.writer.check_file()
            return
        if kind == "recovered" or error is None:  # the one kind told without an error
            text = "Saving works again: everything that was waiting has been saved."
        elif kind == "swapped" and isinstance(error, FileSwapped):
            self.post_message(SaveTrouble(kind, str(error), moved_to=error.recovery))
            return
        else:
            text = str(explain(self.ctx.db_path, error))
            if kind == "trouble":  # what matters first: a small terminal shows the first
                text = ("Nothing you typed is lost: matchprep keeps it and saves it as soon as "
                        "it can. " + text.split(" Nothing was changed")[0])
        self.post_message(SaveTrouble(kind, text))

    def _remember_theme(self, theme) -> None:
        self.ctx.writer.submit(set_setting, "theme", theme.name)

    def action_section(self, section_id: str) -> None:
        if section_id != self.current_mode:
            self.switch_mode(section_id)

    @on(SectionBar.Selected)
    def _section_clicked(self, event: SectionBar.Selected) -> None:
        self.action_section(event.section_id)

    @on(OpenQuestion)
    async def _open_question(self, event: OpenQuestion) -> None:
        """Show a question wherever the request came from (palette, home, a link)."""
        if self.current_mode != "questions":
            await self.switch_mode("questions")
        while len(self.screen_stack) > 1:  # close dialogs stacked on the questions screen
            self.pop_screen()
        screen = self.screen
        if hasattr(screen, "open_question"):
            screen.open_question(event.question_id)

    @on(OpenProgram)
    async def _open_program(self, event: OpenProgram) -> None:
        await self.action_open_program(event.program_id)

    async def action_open_program(self, program_id: int, pane: str = "") -> None:
        """Open a program's dossier (on a pane: "interviews", "after", "checklist"...)."""
        if self.current_mode != "programs":
            await self.switch_mode("programs")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if hasattr(self.screen, "open_program"):
            self.screen.open_program(program_id, pane)

    @on(OpenAnswer)
    async def _open_answer(self, event: OpenAnswer) -> None:
        """Open the answer editor on a question (palette, question list, home, a link)."""
        self.read_later_styles()
        from tui.screens.answer_editor import open_answer_editor

        await open_answer_editor(self, event.question_id, event.answer_id)

    def action_open_answer(self, question_id: str, answer_id: int | None = None) -> None:
        self.post_message(OpenAnswer(question_id, answer_id))

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Textual's notice; on a narrow screen, where the toast is compact
        (tui/styles/app.tcss), one longer than a third of the screen's height says what
        fits of it, from its first sentence (tui.widgets.toast_fit). Thread-safe, as
        Textual's."""
        if width_class(self.HORIZONTAL_BREAKPOINTS, self.size.width) == "-narrow":
            fitted = fit_notice(message, title=title, markup=markup, size=self.size)
            if fitted is not None:
                message, markup = fitted, False
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @on(Notify)
    def redraw_after_notice(self, event: Notify) -> None:
        """Draw the screen again just after a notice's time. Textual 8.2 removes the toast but
        may leave it on the terminal: on a screen scrolled since it was laid out (Mock at 40
        columns), the map of widgets is rebuilt without the toast before the removal's
        layout compares it with the new one, so nothing is marked to be drawn again, and the
        toast stayed until a key was pressed."""
        self.set_timer(event.notification.timeout + 0.2, lambda: self.screen.refresh())

    _told_damaged = False

    @on(SaveTrouble)
    def _save_trouble(self, event: SaveTrouble) -> None:
        if event.kind == "damaged":
            if self._told_damaged:  # every list that fails to load would say it again
                return
            self._told_damaged = True
        if event.kind == "swapped" and event.moved_to is not None:
            self.ctx.follow(event.moved_to)  # read what is written: the recovery file
            self.notify(event.text, title="The database file is gone", severity="error",
                        timeout=60, markup=False)
        elif event.kind == "recovered":
            self.clear_notifications()  # the "Cannot save" notice is out of date now
            self.notify(event.text, title="Saved", timeout=6, markup=False)
        else:
            self.notify(event.text, title="Cannot save", severity="error",
                        timeout=30 if event.kind == "trouble" else 60, markup=False)

    @on(SpeechTrouble)
    def _speech_trouble(self, event: SpeechTrouble) -> None:
        shown_there = getattr(self.screen, "show_speech_trouble", None)  # a running mock
        if shown_there is not None and shown_there(event.text):
            return
        self.notify(event.text, title="Speech", severity="warning",
                    timeout=12 if event.kind == "unavailable" else 8, markup=False)

    def action_drill(self, program_id: int | None = None) -> None:
        """Drill what is due; with a program, rehearse its cards before its interview."""
        self.read_later_styles()
        from tui.screens.drill import DrillScreen

        if not isinstance(self.screen, DrillScreen):
            self.push_screen(DrillScreen(self.ctx, program_id=program_id))

    async def action_start_mock(self, format_id: str = "") -> None:
        await self.start_mock_round(format_id)

    @on(StartMock)
    async def _mock_asked_for(self, event: StartMock) -> None:
        await self.start_mock_round(event.format_id, event.program)

    async def start_mock_round(self, format_id: str = "", program: str | None = None) -> None:
        """Start a mock interview (a program round for `program`) from the palette or home."""
        if self.current_mode != "mock":
            await self.switch_mode("mock")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if hasattr(self.screen, "start_session"):
            self.screen.start_session(format_id or None, program=program)

    def action_profile(self) -> None:
        self.ask_profile()

    def ask_profile(self, first_start: bool = False) -> None:
        """Who the applicant is (tui.screens.dialogs.profile_form); on first start, a skip
        is recorded so the question is not asked again."""
        self.read_later_styles()
        from question_bank.profile import load_profile
        from tui.screens.dialogs.profile_form import ProfileDialog

        if isinstance(self.screen, ProfileDialog):
            return
        self.push_screen(ProfileDialog(load_profile(self.ctx.db), first_start=first_start),
                         partial(self._profile_chosen, first_start))

    async def _profile_chosen(self, first_start: bool, profile: Profile | None) -> None:
        from question_bank.profile import Profile, save_profile

        if profile is None and not first_start:
            return
        await asyncio.wrap_future(self.ctx.writer.submit(save_profile, profile or Profile()))
        if profile is None or profile.empty:
            self.notify("Only questions that presume nothing about you will be drawn. Press p "
                        "on Home to say who you are.", title="Profile skipped", markup=False)
        else:
            self.notify("The drill and mock interviews now draw the questions that fit you.",
                        title="Profile saved", markup=False)
        changed = getattr(self.screen, "profile_changed", None)
        if changed is not None:
            changed()

    def action_help(self) -> None:
        self.read_later_styles()
        from tui.screens.dialogs.help import HelpScreen, typing_in

        if not isinstance(self.screen, HelpScreen):
            here = self.screen
            # The screen's own keys (a focused widget may hold the same key, enter say, and
            # hide it from active_bindings), then those active there (its widgets').
            own = [b for b in Binding.make_bindings(getattr(here, "BINDINGS", []))
                   if here.check_action(b.action.split("(")[0], ()) is not False]
            active = own + [b.binding for b in here.active_bindings.values()]
            self.push_screen(HelpScreen(type(here), active, typing=typing_in(self.focused)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """matchprep's own commands, not Textual's (Screenshot, Maximize, Keys mean nothing
        to an applicant); the theme switch is kept."""
        yield SystemCommand("Theme", "Choose a colour theme (kept across runs)",
                            self.action_change_theme)
        yield SystemCommand("Help", "The keys of this screen, then every key",
                            self.action_help)
        yield SystemCommand("Quit", "Quit matchprep (everything typed is saved first)",
                            self.action_quit)

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """A worker (a read, an import, an export...) that raised: its result never comes,
        so a list may stay empty. Say so once per kind of failure, without the exception's
        text (it may quote the user's words). A damaged database has its own report."""
        error = event.worker.error
        if event.state != WorkerState.ERROR or error is None:
            return
        damage = file_trouble_in(error)
        if damage is not None:
            self._writer_trouble("damaged", damage)  # said once, however many reads fail
            return
        kind = (event.worker.group, type(error).__name__)
        if kind in self.worker_failures_told:
            return
        self.worker_failures_told.add(kind)
        self.notify(  # what matters first: a small terminal shows the first sentence
            "Something went wrong in the background; nothing you saved is lost. What it was "
            f"loading may be missing or out of date ({kind[1]} in “{kind[0]}”); if it "
            "happens again, run matchprep doctor.",
            title="Internal error", severity="error", timeout=20, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an exception that no handler caught (tui.textual_private).
        A damaged database found while running ends the app with a sentence and the way
        out, as the command line does, rather than with a traceback."""
        from tui.store.database import explain

        cause = file_trouble_in(error, damage_only=True)
        if cause is None:
            textual_exception_handling(self, error)
        else:
            self.exit(return_code=1, message=Text(f"matchprep: {explain(self.ctx.db_path, cause)}"))

    def _fatal_error(self) -> None:
        """Textual's report of a crash, called by `_handle_exception`: ours shows no
        variables or messages (they may hold the user's words)."""
        error = uncaught_error(self)
        end_with_report(self, None if error is None else withheld_traceback(error))


def import_screens(freeze: bool = False,
                   parse_styles: Callable[[list[type[Widget]]], object] | None = None) -> None:
    """Import the modules of WARM_MODULES (in a worker thread); hand `parse_styles` the
    widget classes they list in `WARM_WIDGETS` (the app parses their DEFAULT_CSS on the
    event loop, as the first widget of each would when its screen first opens: 10 ms of
    Mock's); with `freeze`, set what they made aside from garbage collection, as start-up's
    objects are (they last as long)."""
    widgets: list[type[Widget]] = []
    for name in WARM_MODULES:
        module = import_module(name)
        # and what a screen imports only as it opens (`WARM_ALSO`: Home's cards)
        for also in getattr(module, "WARM_ALSO", ()):
            import_module(also)
        widgets += getattr(module, "WARM_WIDGETS", ())
    if parse_styles is not None and widgets:
        parse_styles(widgets)
    if freeze:
        gc.freeze()


def width_class(breakpoints: list[tuple[int, str]], width: int) -> str | None:
    """The class Textual gives a screen `width` cells wide (as `Screen` reads
    HORIZONTAL_BREAKPOINTS: the widest breakpoint the width reaches)."""
    for breakpoint, name in sorted(breakpoints, reverse=True):
        if width >= breakpoint:
            return name
    return None


def file_trouble_in(error: BaseException, *, damage_only: bool = False) -> BaseException | None:
    """The SQLite error about the database file (with `damage_only`, a damaged file) that
    `error` is, or was raised from; None if there is none."""
    from tui.store.database import is_file_trouble
    from tui.store.writer import is_damage

    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, sqlite3.DatabaseError) and (
                is_damage(cause) if damage_only else is_file_trouble(cause)):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def withheld_traceback(error: BaseException) -> RenderableType:
    """The traceback of `error` without its message, notes or local variables."""
    from rich.traceback import Traceback

    trace = Traceback.extract(type(error), error, error.__traceback__, show_locals=False)
    for stack in trace.stacks:
        stack.exc_value = "(message withheld: it may quote your text)"
        stack.notes = []
    return Traceback(trace, width=None)
