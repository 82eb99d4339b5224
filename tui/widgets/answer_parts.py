"""The parts of an answer being written: a text area per part of its structure (and the
parts set aside from another structure), each with its word count.

It owns the structure shown, the text areas and the counts. A part's count is brought up
to date when it is next asked for, not at every key (counting 3,000 words took 0.5 ms); the
text areas' `Changed` messages go on up to the screen."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import TextArea

from question_bank.structures import arrange, count_words, get_structure, kept_keys, part_label
from tui.widgets.answer_part import PartArea, PartPrompt
from tui.widgets.when_quiet import BetweenKeys

KEPT_PROMPT = "Kept from another structure: move what you need above, then clear this."


class AnswerParts(VerticalScroll):
    def __init__(self, structure: str, parts: dict[str, str], *,
                 frames: BetweenKeys | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.frames = frames  # handed to each part's text area
        self.structure = structure
        self.first_parts = parts
        self.areas: dict[str, PartArea] = {}  # kept: they hold their text after unmounting
        self.counts: dict[str, int] = {}
        self.stale: set[str] = set()  # parts changed since they were last counted
        self.layout_lock = asyncio.Lock()

    def compose(self) -> ComposeResult:
        yield from self.part_widgets(self.first_parts)

    def part_widgets(self, parts: dict[str, str]) -> list[PartPrompt | PartArea]:
        """Each part's prompt and text area, in turn (siblings: no container around a pair,
        which every key would draw again)."""
        structure = get_structure(self.structure)
        pairs = [(PartPrompt(p.prompt),
                  PartArea(p.key, parts.get(p.key, ""), label=p.label, frames=self.frames))
                 for p in structure.parts]
        pairs += [(PartPrompt(KEPT_PROMPT, kept=True),
                   PartArea(k, parts[k], label=f"{part_label(k)} (set aside)",
                            frames=self.frames))
                  for k in kept_keys(parts, self.structure)]
        return [widget for pair in pairs for widget in pair]

    def on_mount(self) -> None:
        self.take_areas()

    def take_areas(self) -> None:
        self.areas = {a.part_key: a for a in self.query(PartArea)}
        # A lone part (a plain outline) takes the height there is (answers.tcss); parts
        # side by side grow with their text, up to a share each.
        self.set_class(len(self.areas) == 1, "-lone")
        self.counts = {key: count_words(area.text) for key, area in self.areas.items()}
        self.stale.clear()

    def count(self) -> dict[str, int]:
        """Words in each part (the parts changed since the last time counted again)."""
        for key in self.stale:
            if key in self.areas:
                self.counts[key] = count_words(self.areas[key].text)
        self.stale.clear()
        return self.counts

    def current(self) -> dict[str, str]:
        """The text of every part, read from the text areas (also after they unmount)."""
        return {key: area.text for key, area in self.areas.items()}

    def words(self) -> int:
        """Words in the structure's parts (counts kept per part, updated as each changes)."""
        keys = get_structure(self.structure).keys
        return sum(n for k, n in self.count().items() if k in keys)

    @on(TextArea.Changed)
    def part_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if isinstance(area, PartArea):  # its border shows the count later (show_counts)
            self.stale.add(area.part_key)

    def show_counts(self) -> None:
        counts = self.count()
        for key, area in self.areas.items():
            area.show_count(counts.get(key, 0))

    async def lay_out(self, structure: str, parts: dict[str, str],
                      then: Callable[[], object] | None = None) -> None:
        """Show `parts` in `structure` (text with no place in it is set aside below), then
        call `then` (what the screen does with the new parts: counts, focus).

        One layout at a time, each with what follows it: a restore and a return to the
        screen may both ask for one, and two at once mounted the same part twice. No
        frame is drawn from the removal of the old parts until the new ones are mounted:
        one drawn meanwhile could draw a text area already taken apart (Textual raised
        KeyError for its styles, and the app ended)."""
        async with self.layout_lock:
            self.structure = structure
            with self.app.batch_update():
                await self.remove_children()
                await self.mount_all(self.part_widgets(arrange(parts, structure)))
            self.take_areas()
            if then is not None:
                then()

    def focus_first(self) -> None:
        next(iter(self.areas.values())).focus()  # at the end of its text, ready to type

    def rewrap(self) -> None:
        """Text areas that size to their text wrap again at a new width, then re-measure."""
        for area in self.areas.values():
            area.refresh(layout=True)
