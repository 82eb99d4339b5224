"""No screen or widget of ours silently replaces a Textual method or attribute.

Textual's classes have many private names (`_render`, `_compose`, `_bindings`...): a helper
of ours with the same name would replace theirs without a word (see ARCHITECTURE.md). Public
names are checked too, apart from the hooks Textual means to be overridden.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

import tui

HOOKS = {
    "compose", "render", "get_system_commands", "get_default_screen", "dismiss",
    "DEFAULT_CSS", "COMPONENT_CLASSES", "BINDINGS", "CSS_PATH", "COMMANDS", "TITLE", "SUB_TITLE",
    "HORIZONTAL_BREAKPOINTS", "VERTICAL_BREAKPOINTS", "ALLOW_MAXIMIZE", "AUTO_FOCUS",
    "_fatal_error",
    "_handle_exception", "check_action",
    "get_content_height", "get_content_width",
}
# Public Textual methods we extend on purpose (each calls the original).
DELIBERATE_OVERRIDES = {
    "tui.widgets.table_fit.FitTable.clear",  # also forgets the rows' cells it keeps
    # a glyph for each state (Textual draws one glyph and tells on from off by colour)
    "tui.widgets.marks.Checkbox.BUTTON_INNER",
    "tui.widgets.marks.RadioButton.BUTTON_INNER",
    "tui.widgets.marks.SelectionList.render_line",
    "tui.widgets.footer.KeysFooter.bindings_changed",  # skips a rebuild showing the same keys
    "tui.app.MatchprepApp.update_styles",  # skips widgets not mounted yet
    # on a narrow screen, a notice says what of it fits a third of the height (toast_fit)
    "tui.app.MatchprepApp.notify",
    # restyles the body alone when its focus changes (Textual's restyles all inside it)
    "tui.widgets.scroll_body.ScrollBody.watch_has_focus",
    # redraws only the rows the edit changed, and lets what waits to be redrawn go in the
    # frame of the key that made the edit
    "tui.widgets.answer_part.PartArea.edit",
    # while an edit runs, holds back the whole-area redraw TextArea asks for (edit redraws
    # the rows it changed once it is made); any other refresh goes through
    "tui.widgets.answer_part.PartArea.refresh",
    # TextArea's line as TextArea makes it (a rich Text of the document's line, end="",
    # no_wrap), which keeps its division into rows for the next row drawn
    "tui.widgets.answer_part.PartArea.get_line",
}


def _textual_set_names() -> set[str]:
    """Names Textual itself sets on every subclass (bindings, css types, reactives...)."""

    class Probe(Widget):
        pass

    return set(vars(Probe))


def _every_class() -> list[type]:
    """Every class defined at the top of a module of `tui`."""
    classes = []
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.endswith(".__main__"):  # running it would start the command line
            continue
        module = importlib.import_module(info.name)
        classes += [cls for cls in vars(module).values()
                    if inspect.isclass(cls) and cls.__module__ == module.__name__]
    return classes


def _our_classes() -> list[type]:
    """Our widgets, screens and the app."""
    return [cls for cls in _every_class() if issubclass(cls, DOMNode)]


def test_our_classes_do_not_shadow_textual_names():
    automatic = _textual_set_names()
    clashes = []
    for cls in _our_classes():
        textual_base = next(b for b in cls.__mro__[1:] if b.__module__.startswith("textual"))
        ours = set()
        for klass in cls.__mro__:
            if klass is textual_base:
                break
            ours |= set(vars(klass))
        for name in sorted(ours - automatic - HOOKS):
            if name.startswith(("__", "on_", "action_", "watch_", "validate_", "compute_")):
                continue
            owner = next(k for k in cls.__mro__ if name in vars(k))
            if f"{owner.__module__}.{owner.__name__}.{name}" in DELIBERATE_OVERRIDES:
                continue
            if hasattr(textual_base, name):
                clashes.append(f"{cls.__module__}.{cls.__name__}.{name}")
    assert clashes == []
    assert len(_our_classes()) > 20


def test_every_on_handler_is_one_textual_finds():
    """Textual reads `@on` handlers only from the classes it built: in a plain mixin they
    are never called, without a word. So no class of ours but a widget, a screen or the
    app defines one."""
    unseen = {f"{cls.__module__}.{cls.__name__}.{name}"
              for cls in _every_class() if not issubclass(cls, DOMNode)
              for name, value in vars(cls).items() if hasattr(value, "_textual_on")}
    assert unseen == set()


def test_screens_are_made_of_widgets_not_mixins():
    """A screen that grows is split into widgets that own their state, never into mixins:
    every class of ours in a screen's ancestry is itself a screen."""
    screens = [cls for cls in _our_classes() if issubclass(cls, Screen)]
    mixed_in = {f"{screen.__name__}: {klass.__module__}.{klass.__name__}"
                for screen in screens for klass in screen.__mro__
                if klass.__module__.startswith("tui.") and not issubclass(klass, Screen)}
    assert mixed_in == set()
    assert len(screens) > 10
