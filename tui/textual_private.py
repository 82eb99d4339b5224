"""Every use of a private Textual name in the app, each in one small function.

Textual has no public way to do these things. Each function says why; each has a test in
tests/unit/test_textual_private.py that fails if a Textual upgrade removes the name or changes
what we rely on. The rest of `tui/` names no private Textual attribute (a test checks): add
a function here instead, with its test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from textual.app import App
from textual.worker import Worker

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen
    from textual.widget import Widget
    from textual.widgets import DataTable


def remeasure_table(table: DataTable) -> None:
    """Make a DataTable measure itself again after a column's `width` was changed in place.

    DataTable re-measures only after its own calls (add_column, add_row, clear...); there is
    no public "re-measure" and changing `Column.width` does not set its flag. The public way,
    clearing the columns and adding them again, would also add every row again.
    """
    table._require_update_dimensions = True
    table.refresh()


def mark_css_current(screen: Screen, app: App) -> None:
    """Tell a new screen that it is styled with the app's current stylesheet.

    A new screen starts at -1, so that switching to it re-parses every stylesheet (about 60 ms
    on start-up and on first opening each section). It is styled on mount anyway; a theme
    change later still raises the app's count and restyles it. No public API sets it.
    """
    screen._css_update_count = app._css_update_count


def styled_with_current_css(screen: Screen, app: App) -> bool:
    """Whether `screen` was last styled with the app's current stylesheet (theme, variables,
    sources): Textual counts the stylesheet's changes and a screen keeps the count it was
    styled at (`mark_css_current`). No public API reads it."""
    return screen._css_update_count == app._css_update_count


def textual_exception_handling(app: App, error: Exception) -> None:
    """Textual's own handling of an exception that no handler caught: remember it (Pilot
    raises it again at the end of a test), call `_fatal_error`, exit with return code 1.

    For an `App._handle_exception` override: it is the only hook Textual offers for an
    exception escaping a message handler, a timer or a worker that exits on error.
    """
    App._handle_exception(app, error)


def uncaught_error(app: App) -> BaseException | None:
    """The exception `App._fatal_error` is called for.

    `_fatal_error` takes no argument: Textual calls it from `_handle_exception`, sometimes
    inside the `except` block (then `sys.exc_info` has it), sometimes not (then only the app's
    `_exception`, set just before, has it).
    """
    error = sys.exc_info()[1]
    return error if error is not None else app._exception


def end_with_report(app: App, report: RenderableType | None) -> None:
    """What `App._fatal_error` has to do once the report is drawn: ring, close the message
    queue at once, print `report` when the terminal is restored. `App.panic` is the public
    way to print and close; the bell is Textual's habit on a crash."""
    app.bell()
    if report is None:
        app.panic()
    else:
        app.panic(report)


def let_worker_state_changes_bubble() -> None:
    """Make `Worker.StateChanged` bubble from the widget or screen that runs the worker up
    to the app, where one handler reports a worker that failed.

    Textual posts it only to the worker's own node, without bubbling, and has no app-wide
    hook for a worker that raises with `exit_on_error=False` (its result never comes, and
    nothing is said). No Textual widget handles this message, so bubbling changes nothing
    else. Idempotent.
    """
    Worker.StateChanged.bubble = True



def show_control_characters() -> None:
    """Make Textual (and Rich, which draws DataTable cells, Input and TextArea lines) show
    a control character in user text as a visible symbol (␛ for ESC) rather than write it
    to the terminal, where `ESC ] 0 ;` would retitle the window and `ESC [ 2 J` clear it.

    Both strip a few controls (BEL, BS, VT, FF, CR) through a translation table given as
    a default argument, and let ESC and the C1 controls through. There is no public hook:
    the tables are filled in place, one symbol per character, so offsets into the text
    (spans, the cursor) stay right. Idempotent.
    """
    import rich.control
    import textual.content

    from question_bank.text import CONTROL_CHARACTERS, visible_symbol

    tables: list[dict[int, str | None]] = [
        cast("dict[int, str | None]", textual.content._CONTROL_STRIP_TRANSLATE),
        cast("dict[int, str | None]", rich.control._CONTROL_STRIP_TRANSLATE),
    ]
    for table in tables:
        for char in CONTROL_CHARACTERS:
            if char not in "\n\t" and ord(char) not in table:
                table[ord(char)] = visible_symbol(char)


PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


class PasteFilter:
    """Drops control characters from bracketed pastes in the terminal's input, before
    Textual's parser reads it.

    Textual's parser reads an ESC inside a paste as the start of a key sequence: the
    characters after it become key presses (a BEL is ctrl+g, which opened a dialog) and
    leave the pasted text out of order. With the controls gone (the one rule,
    question_bank.text) the paste arrives whole, as one `events.Paste`. Line ends stay
    (the widget that takes the paste normalises them). Input outside a paste is passed
    on untouched and at once (an ESC alone is the escape key).
    """

    def __init__(self) -> None:
        self.in_paste = False
        self.held = ""  # inside a paste: a piece of what may be its end marker
        self.tail = ""  # outside: the last characters passed on, where a start may begin

    def __call__(self, data: str) -> str:
        from question_bank.text import without_controls

        out: list[str] = []
        data, self.held = self.held + data, ""
        index = 0
        while index < len(data):
            if not self.in_paste:
                seen = self.tail + data[index:]
                start = seen.find(PASTE_START)
                if start < 0:
                    out.append(data[index:])
                    self.tail = seen[-(len(PASTE_START) - 1):]
                    break
                after = start + len(PASTE_START) - len(self.tail)  # in data[index:]
                out.append(data[index:index + after])
                index += after
                self.in_paste, self.tail = True, ""
            else:
                end = data.find(PASTE_END, index)
                if end < 0:
                    rest = data[index:]
                    keep = next((n for n in range(len(PASTE_END) - 1, 0, -1)
                                 if rest.endswith(PASTE_END[:n])), 0)
                    self.held = rest[len(rest) - keep:] if keep else ""
                    out.append(without_controls(rest[:len(rest) - keep]))
                    break
                out.append(without_controls(data[index:end]) + PASTE_END)
                index = end + len(PASTE_END)
                self.in_paste = False
        return "".join(out)


def guard_pastes() -> None:
    """Make the Linux driver read the terminal through a `PasteFilter`.

    The driver builds its parser inside `run_input_thread` from the module's
    `XTermParser` name, with no public way to hand it another; the name is rebound to a
    subclass whose `feed` filters first. Idempotent; headless runs (tests) never parse.
    """
    from textual._xterm_parser import XTermParser
    from textual.drivers import linux_driver

    if getattr(linux_driver.XTermParser, "guards_pastes", False):
        return

    class PasteGuardedParser(XTermParser):
        guards_pastes = True

        def __init__(self, debug: bool = False) -> None:
            super().__init__(debug)
            self.paste_filter = PasteFilter()

        def feed(self, data: str):  # type: ignore[no-untyped-def]
            if not data:  # the end of input: the parser must hear it
                return super().feed(data)
            filtered = self.paste_filter(data)
            return super().feed(filtered) if filtered else iter(())

    linux_driver.XTermParser = PasteGuardedParser  # type: ignore[misc]


def parse_default_css(app: App, widget_classes: Iterable[type[Widget]]) -> None:
    """Parse now the DEFAULT_CSS of these widget classes (their bases' too, and the parts a
    Select is made of), as Textual does when the first widget of a class mounts.

    Textual adds a class's DEFAULT_CSS to the app's stylesheet when its first widget is
    registered (`Widget._post_register`), and the stylesheet parses again before styling
    it: 5-12 ms for each new kind, on a section's first open (Mock meets nine). Added here
    with the location Textual gives it (`DOMNode._get_default_css`), a source is the same
    entry Textual would add: mounting the widget later adds nothing and parses nothing.
    The rules of a class no widget has yet match nothing. Call on the event loop.
    """
    from textual.dom import DOMNode
    from textual.widgets import Select, Static
    from textual.widgets._select import SelectCurrent, SelectOverlay

    stylesheet = app.stylesheet
    classes = list(widget_classes)
    if any(issubclass(cls, Select) for cls in classes):
        classes += [SelectCurrent, SelectOverlay, Static]  # its line and arrow are Statics
    for cls in classes:
        as_node = SimpleNamespace(_node_bases=DOMNode._css_bases(cls))
        for read_from, css, tie_breaker, scope in DOMNode._get_default_css(as_node):  # type: ignore[arg-type]
            stylesheet.add_source(css, read_from=read_from, is_default_css=True,
                                  tie_breaker=tie_breaker, scope=scope)
    stylesheet.rules  # noqa: B018  (parses what was added, as the next styling would)


def draw_only_what_changed() -> None:
    """Make a screen's partial update draw each widget only on the lines where something
    changed, and not at all when nothing under it changed.

    Textual's partial update (`Compositor.render_partial_update`) takes the box around
    every region refreshed since the last frame, then renders every widget whose clip meets
    that box, each over its whole visible area, and keeps only the changed lines. A widget's
    clip is its container's: a key in the answer editor's text area drew the screen, the
    containers around the text area, every part below it and the feedback beside it, each
    whole (16 widgets a frame, against 2 in an app holding only a TextArea). Here a widget
    is rendered over the lines of its visible area that meet a refreshed region, at its
    full visible width (Textual cuts lines where widgets start and end, and a strip must
    start at one). What reaches the terminal is the same; full updates (a layout, a
    resize, a new screen) are untouched. There is no public hook: `_get_renders` is
    replaced, and `render_partial_update` hands it the refreshed regions. Idempotent.
    """
    from textual._compositor import ChopsUpdate, Compositor
    from textual.geometry import Region

    if getattr(Compositor, "draws_only_what_changed", False):
        return
    textual_get_renders = Compositor._get_renders

    def render_partial_update(self: Compositor) -> ChopsUpdate | None:
        screen_region = self.size.region
        update_regions = self._dirty_regions.copy()
        self._dirty_regions.clear()
        if not update_regions:
            return None
        crop = Region.from_union(list(update_regions)).intersection(screen_region)
        spans = list(self._regions_to_spans(update_regions))
        is_rendered_line = {y for y, _, _ in spans}.__contains__
        self.changed_regions = [region.intersection(screen_region)  # type: ignore[attr-defined]
                                for region in update_regions]
        try:
            chops = self._render_chops(crop, is_rendered_line)
        finally:
            self.changed_regions = None  # type: ignore[attr-defined]
        chop_ends = [cut_set[1:] for cut_set in self.cuts]
        return ChopsUpdate(chops, spans, chop_ends)

    def get_renders(self: Compositor, crop: Region | None = None):  # type: ignore[no-untyped-def]
        changed = getattr(self, "changed_regions", None)
        if crop is None or not changed:
            yield from textual_get_renders(self, crop)
            return
        intersection = Region.intersection
        for widget, (region, clip) in self.visible_widgets.items():
            visible = intersection(region, clip)
            meets = [part for changed_region in changed
                     if (part := intersection(visible, changed_region))]
            if not meets:
                continue
            top = min(part.y for part in meets)
            bottom = max(part.bottom for part in meets)
            lines = Region(visible.x, top, visible.width, bottom - top)
            yield region, lines, widget.render_lines(
                Region(lines.x - region.x, lines.y - region.y, lines.width, lines.height))

    Compositor.render_partial_update = render_partial_update  # type: ignore[method-assign]
    Compositor._get_renders = get_renders  # type: ignore[method-assign]
    Compositor.draws_only_what_changed = True  # type: ignore[attr-defined]


def hash_rule_sets_in_c() -> None:
    """Hash Textual's rule sets by their identity with Python's own object hash, in C.

    To style a widget (`Stylesheet.apply`), Textual keeps, of all the app's rules (435),
    those that may match it, by looking each one up in a set; `RuleSet.__hash__` is a
    Python method returning `id(self)`, so each styling made 435 Python calls: 31 of the
    220 µs a button's styling took, 8 µs with the C hash. Both hash by identity (a rule set
    is equal only to itself in a set either way), so nothing else changes. Idempotent; the
    rule sets made before it are hashed afresh wherever they are looked up next (Textual
    keeps none in a set or as a key between two stylings). Textual's own hash is kept as
    `RuleSet.textual_hash`, for the test that checks it is still an identity.
    """
    from textual.css.model import RuleSet

    if RuleSet.__hash__ is not object.__hash__:
        RuleSet.textual_hash = RuleSet.__hash__  # type: ignore[attr-defined]
        RuleSet.__hash__ = object.__hash__  # type: ignore[method-assign, assignment]
