"""The private Textual names the app relies on (all in tui/textual_private.py) still exist and
still do what we rely on; and nothing else in tui/ names one.

A failure here after a Textual upgrade says which function of tui.textual_private to look at
(or, for a test marked "no public way", that Textual now does it and the function can go).
"""

from __future__ import annotations

import ast
import contextlib
import functools
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable
from textual.worker import Worker, WorkerFailed, WorkerState

import tui
from tui import textual_private
from tui.textual_private import (
    end_with_report,
    let_worker_state_changes_bubble,
    mark_css_current,
    parse_default_css,
    remeasure_table,
    textual_exception_handling,
    uncaught_error,
)

TUI = Path(tui.__file__).parent


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


# remeasure_table ---------------------------------------------------------------------------

class TableApp(App):
    def compose(self) -> ComposeResult:
        yield DataTable()


async def test_a_table_is_measured_again_only_when_told():
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(DataTable)
        assert isinstance(table._require_update_dimensions, bool)
        table.add_column("A", key="a", width=10)
        table.add_row("x")
        await pilot.pause()
        assert table.virtual_size.width == 12  # the width and a cell of padding each side
        table.columns["a"].width = 30  # type: ignore[index]
        table.refresh()
        await pilot.pause()
        assert table.virtual_size.width == 12  # no public way: Textual did not re-measure
        remeasure_table(table)
        await pilot.pause()
        assert table.virtual_size.width == 32


# mark_css_current --------------------------------------------------------------------------

class ModesApp(App):
    def __init__(self, mark: bool) -> None:
        super().__init__()
        self.mark = mark
        self.restyled = 0
        self.add_mode("other", self.make_other)

    def make_other(self) -> Screen:
        screen = Screen()
        if self.mark:
            mark_css_current(screen, self)
        return screen

    def refresh_css(self, animate: bool = True) -> None:
        self.restyled += 1
        super().refresh_css(animate)


@pytest.mark.parametrize("mark", [True, False])
async def test_a_screen_marked_current_is_not_restyled_when_first_shown(mark):
    app = ModesApp(mark)
    async with app.run_test() as pilot:
        assert isinstance(app._css_update_count, int)
        assert isinstance(Screen()._css_update_count, int)
        before = app.restyled
        await app.switch_mode("other")
        await pilot.pause()
        assert (app.restyled == before) is mark


# parse_default_css -------------------------------------------------------------------------

class SelectApp(App):
    def compose(self) -> ComposeResult:
        yield Button("first")


async def test_default_css_parsed_ahead_is_what_mounting_would_add():
    """After parse_default_css, mounting a Select (and its parts) adds no source to the
    stylesheet and parses nothing more; the widget is styled by its DEFAULT_CSS."""
    from textual.widgets import Select

    app = SelectApp()
    async with app.run_test() as pilot:
        before = set(app.stylesheet.source)
        parse_default_css(app, [Select])
        added = set(app.stylesheet.source) - before
        assert {name for _, name in added} >= {"Select.DEFAULT_CSS", "SelectCurrent.DEFAULT_CSS"}
        assert not app.stylesheet._require_parse
        parses = []
        original = app.stylesheet.parse
        app.stylesheet.parse = lambda: (parses.append(1), original())[1]  # type: ignore[method-assign]
        select = Select([("a", "a")], allow_blank=False)
        await app.screen.mount(select)
        await pilot.pause()
        assert set(app.stylesheet.source) == before | added and parses == []
        overlay = select.query_one("SelectOverlay")  # Select's DEFAULT_CSS hides it, at most
        assert not overlay.display and overlay.styles.max_height.value == 12  # 12 lines high


# textual_exception_handling, uncaught_error, end_with_report -------------------------------

class Boom(Exception):
    pass


class CrashApp(App):
    """Delegates both hooks as MatchprepApp does, and notes what Textual hands them."""

    def __init__(self) -> None:
        super().__init__()
        self.handled: list[Exception] = []
        self.reported: list[BaseException | None] = []

    def compose(self) -> ComposeResult:
        yield Button("crash", id="crash")

    def on_button_pressed(self) -> None:
        raise Boom("the user's words")

    def _handle_exception(self, error: Exception) -> None:
        self.handled.append(error)
        textual_exception_handling(self, error)

    def _fatal_error(self) -> None:
        error = uncaught_error(self)
        self.reported.append(error)
        end_with_report(self, Text("report"))


def test_the_two_hooks_keep_their_signatures():
    assert parameters(App._handle_exception) == ["self", "error"]
    assert parameters(App._fatal_error) == ["self"]
    assert parameters(App.panic) == ["self", "renderables"]


async def test_an_uncaught_exception_goes_through_both_hooks_and_ends_the_app():
    app = CrashApp()
    with pytest.raises(Boom):  # Pilot raises again what Textual's handling remembered
        async with app.run_test() as pilot:
            await pilot.click("#crash")
            await pilot.pause()
    assert [type(e) for e in app.handled] == [Boom]
    assert app.reported == app.handled  # uncaught_error found it
    assert app._exception is app.handled[0]
    assert app.return_code == 1


# let_worker_state_changes_bubble -----------------------------------------------------------

class Reader(Widget):
    @work(thread=True, exit_on_error=False)
    def read(self) -> None:
        raise Boom("never shown")


class WorkerApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.states: list[WorkerState] = []

    def compose(self) -> ComposeResult:
        yield Reader()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.states.append(event.state)


async def test_a_failed_worker_of_a_widget_is_heard_by_the_app():
    assert issubclass(Worker.StateChanged, Message)
    assert isinstance(Worker.StateChanged.bubble, bool)
    let_worker_state_changes_bubble()
    app = WorkerApp()
    async with app.run_test() as pilot:
        worker = app.query_one(Reader).read()
        with pytest.raises(WorkerFailed):
            await worker.wait()
        await pilot.pause()
        assert worker.state == WorkerState.ERROR and isinstance(worker.error, Boom)
        assert WorkerState.ERROR in app.states


# Nothing else in tui/ names a private Textual attribute --------------------------------------

# Textual's private methods MatchprepApp overrides (each delegates to tui.textual_private).
OVERRIDDEN = {"_handle_exception", "_fatal_error"}


@functools.cache
def class_sources(path: str) -> dict[str, str]:
    """The source of every class in the file at `path`, by qualified name (what
    `inspect.getsource(klass)` gives, the file parsed once rather than once a class)."""
    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    found: dict[str, str] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                name = prefix + child.name
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                found.setdefault(name, "".join(lines[first - 1:child.end_lineno]))
                visit(child, name + ".")
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, f"{prefix}{child.name}.<locals>.")
            else:
                visit(child, prefix)

    visit(ast.parse(text), "")
    return found


@functools.cache
def textual_private_names(base: type) -> set[str]:
    """The private names a Textual class has: its attributes, and those its code (and that of
    its Textual bases) sets on `self`."""
    names = {n for n in dir(base) if n.startswith("_") and not n.startswith("__")}
    for klass in base.__mro__:
        if klass.__module__.startswith("textual."):
            source = class_sources(inspect.getsourcefile(klass))[klass.__qualname__]
            names |= set(re.findall(r"\bself\.(_[a-z]\w*)\s*[:=]", source))
    return names


def test_a_class_source_is_what_inspect_gives():
    from textual.app import App
    from textual.widgets import DataTable, Input

    for klass in (App, DataTable, Input, DataTable.RowHighlighted):
        source = class_sources(inspect.getsourcefile(klass))[klass.__qualname__]
        assert source == inspect.getsource(klass)


@functools.cache
def every_textual_private_name() -> set[str]:
    import textual

    names: set[str] = set()
    for path in Path(textual.__file__).parent.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\bdef (_[a-z]\w*)", source))
        names |= set(re.findall(r"\bself\.(_[a-z]\w*)\s*[:=]", source))
        names |= set(re.findall(r"^\s+(_[a-z]\w*)\s*[:=]", source, re.MULTILINE))
    return names


def our_modules():
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.endswith(".__main__") or info.name == textual_private.__name__:
            continue
        yield importlib.import_module(info.name)


def textual_base(cls: type) -> type | None:
    return next((b for b in cls.__mro__[1:] if b.__module__.startswith("textual.")), None)


def private_uses(module, textual_classes: list[type]) -> list[str]:
    """Where `module` names a private Textual attribute: `self._x` in one of our Textual
    classes (or a mixin of one) where `_x` is its Textual base's, a method of theirs we
    override (but the hooks in OVERRIDDEN), or `thing._x` anywhere, where `_x` is any private
    name of Textual's."""
    everywhere = every_textual_private_name()
    path = Path(module.__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = f"{path.relative_to(TUI.parent)}"
    uses = []
    for node in ast.walk(tree):
        cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
        for user in [c for c in textual_classes if cls is not None and cls in c.__mro__]:
            theirs = textual_private_names(textual_base(user))
            for sub in ast.walk(node):
                if (isinstance(sub, ast.Attribute) and sub.attr in theirs
                        and isinstance(sub.value, ast.Name) and sub.value.id == "self"):
                    uses.append(f"{where}:{sub.lineno} self.{sub.attr}")
                if (isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef))
                        and sub.name in theirs and sub.name not in OVERRIDDEN
                        and sub.name.startswith("_") and not sub.name.startswith("__")):
                    uses.append(f"{where}:{sub.lineno} def {sub.name}")
        if (isinstance(node, ast.Attribute) and node.attr in everywhere
                and not (isinstance(node.value, ast.Name) and node.value.id == "self")):
            uses.append(f"{where}:{node.lineno} {ast.unparse(node)}")
    return sorted(set(uses))


def our_textual_classes() -> list[type]:
    found = []
    for module in our_modules():
        for value in vars(module).values():
            if (inspect.isclass(value) and value.__module__ == module.__name__
                    and textual_base(value) is not None):
                found.append(value)
    return found


def test_no_module_but_textual_private_names_a_private_textual_attribute():
    classes = our_textual_classes()
    assert len(classes) > 20
    assert [use for module in our_modules() for use in private_uses(module, classes)] == []


def test_the_check_finds_the_uses_textual_private_holds():
    found = " ".join(private_uses(textual_private, our_textual_classes()))
    for name in ("_require_update_dimensions", "_css_update_count", "App._handle_exception",
                 "_exception"):
        assert name in found


def test_control_characters_in_user_text_are_drawn_as_symbols():
    from textual.content import Content

    from tui.textual_private import show_control_characters

    show_control_characters()
    assert Content("a\x1b[2Jb\x9b").plain == "a␛[2Jb\ufffd"
    assert Text("a\x1b]0;x\x07b").plain == "a␛]0;xb"  # BEL: stripped, as Textual does
    assert Content("one\ntwo\tthree").plain == "one\ntwo\tthree"


def test_a_bracketed_paste_reaches_the_app_whole_without_control_characters():
    """The driver's parser, guarded: the paste is one Paste event, not keys (a BEL would be
    ctrl+g), its words in order, however the reads cut it; keys around it are keys."""
    from textual import events
    from textual.drivers import linux_driver

    from tui.textual_private import guard_pastes

    guard_pastes()
    parser = linux_driver.XTermParser()
    stream = "x\x1b[200~Hello \x1b]0;pwned\x07 world \x1b[2J end\x1b[201~y"
    tokens = [t for piece in (stream[:9], stream[9:30], stream[30:]) for t in parser.feed(piece)]
    assert [type(t).__name__ for t in tokens] == ["Key", "Paste", "Key"]
    assert tokens[1].text == "Hello ]0;pwned world [2J end"
    assert [t.key for t in tokens if isinstance(t, events.Key)] == ["x", "y"]


# draw_only_what_changed --------------------------------------------------------------------

class Dial(Widget):
    """A line whose sixth cell shows `turn`: a change of a few cells, in the middle of a
    widget, that the widget redraws by itself (`refresh(region)`)."""

    DEFAULT_CSS = "Dial { height: 1; }"
    turn = 0

    def render(self) -> str:
        return "-" * 5 + str(self.turn % 10) + "-" * 20

    def turn_once(self) -> None:
        from textual.geometry import Region

        self.turn += 1
        self.refresh(Region(4, 0, 3, 1))


class PanesApp(App):
    """A text area between two lines in a scrolling column, a status and a text beside:
    widgets that share a container's clip, as the answer editor's do."""

    CSS = """
    #column { width: 30; } #side { width: 1fr; }
    TextArea { height: 7; } #status { height: 1; }
    """

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal, Vertical, VerticalScroll
        from textual.widgets import Static, TextArea

        with Horizontal():
            with VerticalScroll(id="column"):
                yield Static("above the text", id="above")
                yield TextArea("one two three four five six seven eight nine ten " * 2,
                               soft_wrap=True, id="area")
                yield Static("below the text", id="below")
            with Vertical(id="side"):
                yield Static("status", id="status")
                yield Dial()
                yield Static("beside the text\n" * 8, id="beside")


def spy_on_drawing(*widgets: Widget) -> dict[str, int]:
    """How many times each widget (by id) is drawn from now on."""
    drawn = {str(widget.id): 0 for widget in widgets}
    for widget in widgets:
        def render_lines(crop, widget=widget, textual=widget.render_lines):
            drawn[str(widget.id)] += 1
            return textual(crop)
        widget.render_lines = render_lines  # type: ignore[method-assign]
    return drawn


@contextlib.asynccontextmanager
async def panes_typed_into():
    """PanesApp drawing only what changed, its text area focused: (app, pilot, area)."""
    from textual.widgets import TextArea

    from tui.textual_private import draw_only_what_changed

    draw_only_what_changed()
    app = PanesApp()
    async with app.run_test(size=(70, 14)) as pilot:
        area = app.query_one("#area", TextArea)
        area.cursor_blink = False  # a blink between a frame and the comparison is no fault
        area.focus()
        await pilot.pause()
        yield app, pilot, area


async def test_a_frame_draws_only_the_widgets_under_what_changed():
    """Textual drew every widget whose container meets the box around the changes: the
    line below the text area, and the text beside it when the status changed too."""
    from textual.widgets import Static

    async with panes_typed_into() as (app, pilot, area):
        drawn = spy_on_drawing(area, app.query_one("#below"), app.query_one("#beside"),
                               app.query_one("#status"))
        await pilot.press("x")
        app.query_one("#status", Static).update("saved")
        await pilot.press("y")
        await pilot.pause()
        assert drawn["area"] >= 2 and drawn["status"] >= 1
        assert drawn["below"] == drawn["beside"] == 0


async def test_the_terminal_shows_after_frames_of_changes_what_the_whole_screen_shows():
    """Frames of changes here and there (typing, a status beside, a few cells of a line
    redrawn, a scroll): the terminal fed only those frames shows the screen drawn whole."""
    from textual.widgets import Static

    from tests.drawn_screen import DrawnScreen

    async with panes_typed_into() as (app, pilot, area):
        drawn = DrawnScreen(app)
        steps = [
            lambda: pilot.press(*"hello "),
            lambda: pilot.press("enter", *"new line", "backspace", "backspace"),
            lambda: app.query_one("#status", Static).update("Saved 10:42:03"),
            app.query_one(Dial).turn_once,
            lambda: (app.query_one(Dial).turn_once(), pilot.press("z"))[1],
            lambda: pilot.press("ctrl+home", *"start "),
            lambda: pilot.press("ctrl+end", *"words " * 5),  # wraps, outgrows the area
            lambda: area.scroll_end(animate=False),
            lambda: app.query_one("#column").scroll_end(animate=False),
        ]
        for step in steps:
            result = step()
            if inspect.isawaitable(result):
                await result
            await pilot.pause()
            assert drawn.differences() == []
        assert drawn.updates >= len(steps)
        assert area.scroll_offset.y > 0  # the text outgrew its area


def test_drawing_only_what_changed_is_installed_once():
    from textual._compositor import Compositor

    from tui.textual_private import draw_only_what_changed

    draw_only_what_changed()
    installed = Compositor._get_renders, Compositor.render_partial_update
    draw_only_what_changed()
    assert (Compositor._get_renders, Compositor.render_partial_update) == installed


# hash_rule_sets_in_c -----------------------------------------------------------------------

def test_rule_sets_are_hashed_by_identity_in_c_as_textual_hashes_them_in_python():
    from textual.css.model import RuleSet
    from textual.css.stylesheet import Stylesheet

    from tui.app import MatchprepApp
    from tui.textual_private import hash_rule_sets_in_c

    assert MatchprepApp.__init__.__code__.co_names.count("hash_rule_sets_in_c") == 1
    hash_rule_sets_in_c()
    hash_rule_sets_in_c()
    assert RuleSet.__hash__ is object.__hash__
    stylesheet = Stylesheet()
    stylesheet.add_source("Button { color: red; } Button { color: red; }")
    first, second = stylesheet.rules
    assert first == second and first is not second  # equal, two rule sets
    # What Textual's own hash is (an identity): if an upgrade hashes rule sets by what they
    # hold, two equal ones would be one in a set, and this swap would change that.
    assert RuleSet.textual_hash(first) == id(first)
    assert len({first, second, first}) == 2
