"""Text on a few lines that shows where it is cut: given fewer lines than it wraps to (a
max-height), its last line shown ends with "…". Textual drops the lines that do not fit
and leaves the last one shown as if the text ended there."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions


class CutText(Content):
    """`Static(CutText(text))`: wrapped as any Content, measured at its whole height (the
    widget's max-height decides how much of it is shown), cut with "…" when drawn shorter."""

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        if height and width > 1:
            lines = self.wrap(width, align=options.rules.get("text_align", "left"),
                              overflow=options.rules.get("text_overflow", "fold"))
            if len(lines) > height:
                last = lines[height - 1].rstrip().truncate(width - 1) + "…"
                shown = Content("\n").join([*lines[:height - 1], last])
                return shown.render_strips(width, height, style, options)
        return super().render_strips(width, height, style, options)
