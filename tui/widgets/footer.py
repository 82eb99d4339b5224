"""The footer of every screen: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen) -> tuple:
    """What a footer on `screen` shows: each shown binding's key, label, action, whether it
    is enabled and its tooltip (the command palette's key is one of them)."""
    return tuple((binding.key, binding.description, binding.action, enabled, tooltip)
                 for _node, binding, enabled, tooltip in screen.active_bindings.values()
                 if binding.show or binding.action == "app.command_palette")


class KeysFooter(Footer):
    """Textual's Footer rebuilds all its keys (each a widget, styled with two more) at every
    change of the screen's bindings: each focus change, each widget mounted. A section
    opening at scale rebuilt it a dozen times, most of them to show the same keys: a third
    of the styling Home waited for. This one rebuilds when the keys shown differ."""

    shown: tuple | None = None

    def compose(self) -> ComposeResult:
        # Each of Textual's keys is made compact as it mounts, and then, all but the command
        # palette's, told otherwise by the footer: two more stylings of every key and its
        # two parts at each rebuild (a third of the stylings of Progress's first open).
        # Each key now starts as it will stay.
        for widget in super().compose():
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive):
                value = widget.has_class("-command-palette") or self.compact
                widget.set_reactive(compact, value)
                widget.set_class(value, "-compact", update=False)  # styled as it mounts
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if not (self.is_attached and screen.app.app_focus and screen is self.screen):
            super().bindings_changed(screen)  # (Textual waits for the app to have focus)
            return
        keys = shown_keys(screen)
        if keys == self.shown:
            return
        self.shown = keys
        super().bindings_changed(screen)
