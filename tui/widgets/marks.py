"""Checkboxes, radio buttons and selection lists whose state reads without colour.

Textual draws every box with the same "X" (every radio button with the same "●") and shows
on and off only by colour: unreadable with NO_COLOR, on a monochrome terminal or for a
colour-blind user. These draw a different glyph for each state. The app uses them, never
Textual's own (a test checks)."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual import widgets
from textual.strip import Strip

Value = TypeVar("Value")  # an option's value: `SelectionList[str](...)` works as Textual's
CHECK_ON, CHECK_OFF = "✓", " "
RADIO_ON, RADIO_OFF = "●", "○"


class Checkbox(widgets.Checkbox):
    """A checkbox: ▐✓▌ when on, ▐ ▌ when off."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802  (Textual's name)
        return CHECK_ON if self.value else CHECK_OFF


class RadioButton(widgets.RadioButton):
    """A radio button: ▐●▌ when chosen, ▐○▌ when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802
        return RADIO_ON if self.value else RADIO_OFF


class SelectionList(widgets.SelectionList[Value]):
    """A selection list whose boxes show ✓ for a selected option, a blank for the others."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        # The list draws its boxes with the toggle buttons' glyphs (Textual's, not ours).
        if len(segments) < 3 or segments[0].text != widgets.Checkbox.BUTTON_LEFT \
                or segments[1].text != widgets.Checkbox.BUTTON_INNER:
            return strip  # not a line with a box (a prompt's second line, say)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except Exception:  # no option there: leave the line as drawn
            return strip
        inner = segments[1]
        glyph = CHECK_ON if option.value in self.selected else CHECK_OFF
        segments[1] = Segment(glyph, inner.style, inner.control)
        return Strip(segments, strip.cell_length)
