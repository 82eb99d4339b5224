"""Home: where the user stands and what to do next."""

from __future__ import annotations

from concurrent.futures import Future
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.base import SectionScreen
from tui.screens.held import HeldUntilMounted
from tui.widgets.fitted_option_list import FittedOptionList
from tui.widgets.home_panel import HomePanel, NextStep, one_round
from tui.widgets.scroll_body import ScrollBody

if TYPE_CHECKING:
    from sqlite_utils import Database

# The home screen's cards, in order ("module:Class"); each issue adds its own.
PANELS: list[str] = [
    "tui.widgets.interview_panel:AfterInterviewPanel",
    "tui.widgets.interview_panel:NextInterviewPanel",
    "tui.widgets.rehearse_panel:RehearsePanel",
    "tui.widgets.interview_panel:NotReadyPanel",
    "tui.widgets.profile_panel:ProfilePanel",
    "tui.widgets.bank_panel:BankPanel",
    "tui.widgets.answers_panel:AnswersPanel",
    "tui.widgets.drill_panel:DrillPanel",
]


# Imported by the app's warm-up when it starts on another section (Home imports them after
# its first frame): 10-20 ms on the event loop as Home first opened.
# tzlocal: the interview cards' first read of the computer's zone imported it (5-8 ms).
WARM_ALSO = [*dict.fromkeys(path.partition(":")[0] for path in PANELS), "tzlocal"]


def _read(panels: list[HomePanel], db: Database) -> dict[HomePanel, object]:
    """What each card read, through one connection (in a worker thread)."""
    with one_round(db):
        return {panel: panel.gather(db) for panel in panels}


def _panel_class(path: str) -> type[HomePanel]:
    module, _, name = path.partition(":")
    return getattr(import_module(module), name)


class HomeScreen(SectionScreen):
    """Home"""

    SECTION = "home"
    HELP_TITLE = "Home"
    # The list has the focus from the start (the first focusable widget took it, then
    # gave it to the list: two more stylings and a footer made twice on the first open).
    AUTO_FOCUS = "#next-steps"
    BINDINGS = [
        Binding("r", "reload", "Refresh", id="home.refresh", tooltip="Read everything again"),
        Binding("p", "app.profile", "Profile", id="home.profile",
                tooltip="Who you are: decides which questions the drill and mocks draw"),
    ]

    _steps: list[NextStep]
    _newest_read = 0  # reads started; only the newest one is shown

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.reads = HeldUntilMounted(self._show)  # a read may come before the cards

    def compose_body(self) -> ComposeResult:
        self._steps = []
        # Opened after the app's first frame (from another section), the cards start
        # reading now, while this screen is composed, laid out and drawn (the read took
        # longer than the mount at scale); the cards themselves mount after its first frame.
        if getattr(self.app, "first_frame_shown", True):
            self._start_reading()
        with ScrollBody(id="home-body"):
            yield Static("Welcome to matchprep. Here is where you stand.", id="home-greeting")
            next_list = FittedOptionList(id="next-steps")
            next_list.border_title = "What to do next"
            yield next_list

    def on_mount(self) -> None:
        # The cards (and the domain modules behind them) come just after the app's first
        # frame, so the shell is on screen and answering keys as soon as possible.
        if getattr(self.app, "first_frame_shown", True):
            self.call_after_refresh(self.after_first_frame)

    _made: list[HomePanel] | None = None  # the cards, made (and reading) but not mounted

    def _start_reading(self) -> None:
        if self._made is None:
            self._made = [_panel_class(path)(self.ctx) for path in PANELS]
            self._read_cards(self._made)

    async def after_first_frame(self) -> None:
        if self.reads.ready:
            return
        # Read while the cards mount (each takes about as long at scale).
        self._start_reading()
        assert self._made is not None
        await self.query_one("#home-body", ScrollBody).mount_all(self._made)
        self.reads.mounted()

    def on_screen_resume(self) -> None:
        self.query_one("#next-steps", OptionList).focus()
        if self.reads.ready:
            self.action_reload()

    def profile_changed(self) -> None:
        """The applicant's profile was saved (the app says so): read the cards again."""
        if self.reads.ready:
            self.action_reload()

    def action_reload(self) -> None:
        if not self.reads.ready:
            return  # the cards are mounting, their first read under way (r read only some)
        self._read_cards(list(self.query(HomePanel)))

    def _read_cards(self, panels: list[HomePanel]) -> None:
        """Start the cards' reads at once, in threads of their own (a worker's thread starts
        only when the event loop next turns: 20 ms later as the screen mounts); a worker
        waits for them and shows what they read."""
        self._newest_read += 1
        for panel in panels:
            panel.prepare()
        # Those that prepared something read last, while it runs.
        panels = sorted(panels, key=lambda panel: type(panel).prepare is not HomePanel.prepare)
        # The cards whose reads are mostly SQLite's read on a connection of their own:
        # SQLite lets go of the interpreter while it works, so those reads run alongside
        # the others (and the screen being drawn) on the second core.
        futures = [self.ctx.read_apart(partial(_read, [p for p in panels
                                                      if p.READ_APART is apart]))
                   for apart in (False, True)]
        self._gather(self._newest_read, panels, futures)

    @work(thread=True, exclusive=True, group="home", exit_on_error=False)
    def _gather(self, read: int, panels: list[HomePanel],
                futures: list[Future[dict[HomePanel, object]]]) -> None:
        found: dict[HomePanel, object] = {}
        for cards in futures:
            found.update(cards.result())
        self.app.call_from_thread(self.reads.deliver, [(p, found[p]) for p in panels], read)

    def _show(self, states: list, read: int) -> None:
        if read != self._newest_read:
            return  # an older read, finishing after a newer one started
        if not self.is_attached:
            return  # the app is ending
        steps: list[NextStep] = []
        for panel, state in states:
            if not panel.is_mounted:
                continue  # its mount was cut short (the app ending as the cards mounted)
            panel.show(state)
            steps.extend(panel.next_steps(state))
        steps.sort(key=lambda s: s.priority)
        option_list = self.query_one("#next-steps", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(
            [Option(Content(f"→ {s.text}"), id=f"step-{i}") for i, s in enumerate(steps[:6])]
        )
        self._steps = steps[:6]
        if self._steps:
            option_list.highlighted = min(highlighted or 0, len(self._steps) - 1)

    @on(OptionList.OptionSelected, "#next-steps")
    async def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        step = self._steps[event.option_index]
        await self.run_action(step.action)
