"""One part of an answer (Situation, Task…): its prompt, and a text area with a word count."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self

from rich.containers import Lines
from rich.text import Text
from textual import events, on
from textual.content import Content
from textual.geometry import Offset, Region
from textual.widget import Widget
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Edit, EditResult

from question_bank.structures import count_words, words_phrase
from question_bank.text import clean
from tui.widgets.when_quiet import BetweenKeys


class PartArea(TextArea):
    """The text area of one part; `part_key` says which."""

    DEFAULT_CSS = """
    PartArea {
        height: auto;
        min-height: 3;
        max-height: 16;
        border: round $border-blurred;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
    }
    PartArea:focus {
        border: round $primary;
        border-title-color: $text-primary;
        border-title-style: bold;
    }
    """

    def __init__(self, part_key: str, text: str, *, label: str,
                 frames: BetweenKeys | None = None) -> None:
        super().__init__(text, id=f"part-{part_key}", soft_wrap=True, show_line_numbers=False,
                         tab_behavior="focus", highlight_cursor_line=False)
        self.part_key = part_key
        self.frames = frames  # what the screen redraws while typing waits for a key
        self.border_title = label
        self.show_count(count_words(text))
        self.visited = False
        self.divided: dict[tuple, Lines] = {}  # DividedOnce's rows, by what they were cut from

    # Set while an edit runs: whether it asked to redraw the whole area (else None).
    redraw_asked: bool | None = None

    def edit(self, edit: Edit) -> EditResult:
        """Make the edit, and redraw only the rows it changed when nothing else moved.

        TextArea redraws all of itself at every edit (its selection changes); a key's frame
        then drew every row of the part, its borders, and the rows of every container
        under it. When the edit left the wrapped height, the scroll and the gutter as they
        were, the rows above and below it are as they were: only the rows of the lines it
        touched (and of the cursor and the matched bracket, before and after) are redrawn.
        (When the height or the scroll moved, Textual redraws the whole area anyway, by its
        layout and its scrolling, which pass through `refresh` untouched; the whole-area
        redraw here is a guard, for the gutter too.)"""
        before = self.rows_to_keep()
        kept = self.touched_lines()
        self.redraw_asked = False
        try:
            result = super().edit(edit)
        finally:
            asked, self.redraw_asked = self.redraw_asked, None
        if self.wrapped_document.height != before[0]:
            # TextArea scrolled to the cursor before it measured the new height: a line
            # added at the end of a full area was out of sight until the next key.
            self.call_after_refresh(self.follow_cursor)
        if asked:
            if self.rows_to_keep() == before:
                first, last = self.visual_rows(min(edit.top[0], *kept, *self.touched_lines()),
                                               max(result.end_location[0], *kept,
                                                   *self.touched_lines()))
                self.refresh_lines(first, last - first + 1)
            else:
                super().refresh()
        if self.frames is not None:  # what waits to be redrawn goes in this key's frame
            self.frames.key()
        return result

    def refresh(self, *regions, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        if self.redraw_asked is not None and not (regions or layout or recompose):
            self.redraw_asked = True  # the edit redraws what it changed, once it is made
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def rows_to_keep(self) -> tuple[int, Offset, int]:
        """What, unchanged by an edit, keeps the rows outside it where they were."""
        return self.wrapped_document.height, self.scroll_offset, self.gutter_width

    def touched_lines(self) -> tuple[int, ...]:
        """The document lines of the cursor, the selection's other end and the bracket
        matched at the cursor (drawn differently from the rest)."""
        bracket = self.matching_bracket_location
        return (self.selection.start[0], self.selection.end[0],
                *((bracket[0],) if bracket is not None else ()))

    def visual_rows(self, first_line: int, last_line: int) -> tuple[int, int]:
        """The first and last rows (after wrapping) of document lines `first_line` to
        `last_line`."""
        wrapped = self.wrapped_document
        last_line = min(last_line, self.document.line_count - 1)
        first = wrapped.location_to_offset((first_line, 0)).y
        last = (wrapped.location_to_offset((last_line, 0)).y
                + len(wrapped.get_offsets(last_line)))
        return first, last

    @on(TextArea.SelectionChanged)
    def selection_moved(self, event: TextArea.SelectionChanged) -> None:
        event.stop()  # nothing above listens: not sent up five more widgets at each key
        column = self.parent
        if isinstance(column, Widget) and column.max_scroll_y:  # the parts do not all fit
            self.call_after_refresh(self.cursor_in_view)

    def on_resize(self) -> None:
        # Wrapped again at a new width, the text moved under a scroll that stayed where it
        # was: the cursor went out of sight (the end of a long paragraph, after the terminal
        # was resized). Grown by a line: where the cursor went, in the column of parts.
        if self.has_focus:
            self.call_after_refresh(self.follow_cursor)  # (once its new size is laid out)

    def follow_cursor(self) -> None:
        """Scroll to the cursor, within the area and in the column of parts."""
        self.scroll_cursor_visible()
        self.cursor_in_view()

    def cursor_in_view(self) -> None:
        """Scroll the column of parts to the cursor's row when it is out of the column's
        view: a part grows as it is typed into, past the bottom of what is shown, and the
        text area scrolls only within itself."""
        column = self.parent
        if not (isinstance(column, Widget) and self.has_focus and column.max_scroll_y):
            return
        # The cursor's row in the column's scrolled content (what scroll_to_region takes).
        row = self.cursor_screen_offset.y - column.content_region.y + column.scroll_offset.y
        column.scroll_to_region(Region(0, row, 1, 1), animate=False, immediate=True)

    def on_focus(self) -> None:
        # Coming to a part for the first time (tab from the one above), carry on writing at
        # its end; later visits keep the cursor where the user left it.
        if not self.visited:
            self.visited = True
            self.move_cursor(self.document.end)

    def on_paste(self, event: events.Paste) -> None:
        """A paste is text, taken whole: line ends made "\n", control characters dropped
        (question_bank.text), put where the cursor is (TextArea's own paste, which runs
        after this one, is prevented)."""
        event.prevent_default()
        text, _ = clean(event.text)
        if text and not self.read_only:
            result = self.replace(text, *self.selection)
            self.move_cursor(result.end_location)

    def get_line(self, line_index: int) -> Text:
        """The line as TextArea's own, but divided into its wrapped rows once for all its
        rows in sight (see `DividedOnce`)."""
        return DividedOnce(self.document.get_line(line_index), self.divided)

    def show_count(self, words: int) -> None:
        subtitle = words_phrase(words)
        if self.border_subtitle != subtitle:  # a new border repaints the whole area
            self.border_subtitle = subtitle


class PartPrompt(Static):
    """The line above a part's text area saying what goes in it; a kept part's (set aside
    from another structure) is marked. It is the text area's sibling, not in a container
    with it: a container around each text area was drawn again with every key."""

    DEFAULT_CSS = """
    PartPrompt { color: $text-muted; padding: 0 1; height: auto; }
    PartPrompt.-kept { color: $text-warning; }
    """

    def __init__(self, prompt: str, *, kept: bool = False) -> None:
        super().__init__(Content(prompt), classes="part-prompt -kept" if kept else "part-prompt")


class DividedOnce(Text):
    """A line of a text area whose division into wrapped rows is kept for the next row drawn.

    TextArea draws each row in sight of a wrapped line by dividing the whole line into all
    its rows and keeping one: the 14 rows of a part showing a paragraph of 3,000 words (some
    350 rows at 60 columns) were 14 divisions of the whole paragraph, at each scroll, resize
    or cursor move, and a key's redrawn rows one each. Here a division is kept, keyed by
    everything it is made from (the text, its styles, where it is cut), and the area's other
    rows of that line reuse it. TextArea changes nothing in the rows it is given (their
    `end`, which it sets to "", is already "").
    """

    __slots__ = ("kept",)
    KEEP = 4  # divisions kept: the lines of one frame's rows, drawn top to bottom

    def __init__(self, line: str, kept: dict[tuple, Lines]) -> None:
        super().__init__(line, end="", no_wrap=True)
        self.kept = kept

    def divide(self, offsets: Iterable[int]) -> Lines:
        cuts = tuple(offsets)
        key = (self.plain, tuple(self.spans), self.style, self.tab_size, cuts)
        rows = self.kept.get(key)
        if rows is None:
            rows = super().divide(cuts)
            for row in rows:
                row.end = ""
            if len(self.kept) >= self.KEEP:
                del self.kept[next(iter(self.kept))]
            self.kept[key] = rows
        return rows
