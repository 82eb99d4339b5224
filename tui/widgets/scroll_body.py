"""A section's scrolling body (the mock setup form, Home's cards, Progress's charts).

Textual restyles a widget *and everything in it* when it gains or loses the focus, for
rules like `X:focus Y`. A section's body takes the focus as the section opens (it is the
first focusable widget), so that was one more styling of every widget in it: a third of
Mock's stylings on its first open. No rule styles what is inside a body by the body's
focus (`:focus-within` is Textual's other mechanism, left as it is), so a body restyles
itself alone. Do not write a rule `#some-body:focus Descendant` for a ScrollBody.
"""

from __future__ import annotations

from textual.containers import VerticalScroll


class ScrollBody(VerticalScroll):
    def watch_has_focus(self, _has_focus: bool) -> None:
        # Textual's own restyles the whole subtree; `update_nodes` also restyles the
        # body's scrollbars, which do follow its focus.
        if self.is_attached:
            self.app.stylesheet.update_nodes([self], animate=True)
