"""A long paragraph in a part of the answer editor, against a bare Textual TextArea holding
the same text: prints figures, asserts nothing.

    python benchmarks/long_paragraph.py [--words 300 3000] [--rounds 5]

One paragraph (no line break) of that many words, in a text area 80 columns wide and as
tall as a part grows (14 rows of text), in an app of its own under Pilot:
- drawing every row in sight afresh (as a resize, a scroll or the focus coming back does);
- a key typed at the paragraph's end, and an arrow key moving the cursor within it, each
  from the key to its frame (CPU time of the process; Pilot's own waiting included, the
  same for both).
TextArea divides the whole wrapped line into its rows to draw each one of them; a part
divides it once for all the rows of a frame (`tui.widgets.answer_part.DividedOnce`).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from tui.widgets.answer_part import PartArea

DRAWS = 20
KEYS = 20


class OneArea(App):
    CSS = "TextArea { width: 80; height: 16; }"

    def __init__(self, area: TextArea) -> None:
        super().__init__()
        self.area = area

    def compose(self) -> ComposeResult:
        yield self.area


def paragraph(words: int) -> str:
    return " ".join(f"word{i}" for i in range(words))


async def measure(area: TextArea) -> tuple[float, float, float]:
    """CPU ms: every row drawn afresh, a key typed, an arrow key."""
    async with OneArea(area).run_test(size=(100, 30)) as pilot:
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()
        region = area.size.region
        started = time.process_time()
        for _ in range(DRAWS):
            area._line_cache.clear()  # what TextArea kept of the rows it drew
            area._styles_cache.clear()
            area.render_lines(region)
        draw = (time.process_time() - started) / DRAWS
        started = time.process_time()
        for _ in range(KEYS):
            await pilot.press("x")
        key = (time.process_time() - started) / KEYS
        started = time.process_time()
        for _ in range(KEYS):
            await pilot.press("left")
        arrow = (time.process_time() - started) / KEYS
    return draw * 1000, key * 1000, arrow * 1000


def make(kind: str, text: str) -> TextArea:
    if kind == "part":
        return PartArea("situation", text, label="Situation")
    return TextArea(text, soft_wrap=True, show_line_numbers=False,
                    highlight_cursor_line=False)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="*", default=[300, 3000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"one paragraph, 80 columns, {DRAWS} whole draws and {KEYS} keys of each kind a "
          f"round, {args.rounds} rounds (medians, CPU ms)")
    for words in args.words:
        text = paragraph(words)
        figures: dict[str, list[tuple[float, float, float]]] = {"part": [], "bare": []}
        for _ in range(args.rounds):
            for kind in figures:  # alternating
                figures[kind].append(await measure(make(kind, text)))
        for kind, label in (("part", "editor's part"), ("bare", "bare TextArea")):
            draw, key, arrow = (statistics.median(f[i] for f in figures[kind])
                                for i in range(3))
            print(f"  {words:>5} words, {label:<14} every row drawn {draw:6.1f}   "
                  f"a key {key:6.1f}   an arrow {arrow:6.1f}")


if __name__ == "__main__":
    asyncio.run(main())
