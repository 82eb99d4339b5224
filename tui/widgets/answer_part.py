"""One part of an answer (Situation, Task…): its prompt and a text area, with a word count."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Edit, EditResult

from question_bank.structures import count_words
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

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        if self.frames is not None:  # what waits to be redrawn goes in this key's frame
            self.frames.key()
        return result

    @on(TextArea.SelectionChanged)
    def selection_moved(self, event: TextArea.SelectionChanged) -> None:
        event.stop()  # nothing above listens: not sent up five more widgets at each key

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

    def show_count(self, words: int) -> None:
        subtitle = f"{words} word{'s' if words != 1 else ''}"
        if self.border_subtitle != subtitle:  # a new border repaints the whole area
            self.border_subtitle = subtitle


class PartEditor(Vertical):
    """A prompt line above a part's text area. Kept parts (set aside) are marked."""

    DEFAULT_CSS = """
    PartEditor { height: auto; }
    PartEditor > .part-prompt { color: $text-muted; padding: 0 1; height: auto; }
    PartEditor.-kept > .part-prompt { color: $text-warning; }
    """

    def __init__(self, part_key: str, text: str, *, label: str, prompt: str,
                 kept: bool = False, frames: BetweenKeys | None = None) -> None:
        super().__init__(id=f"editor-{part_key}", classes="-kept" if kept else "")
        self.part_key = part_key
        self.text = text
        self.label = label
        self.prompt = prompt
        self.frames = frames

    def compose(self) -> ComposeResult:
        yield Static(Content(self.prompt), classes="part-prompt")
        yield PartArea(self.part_key, self.text, label=self.label, frames=self.frames)

    @property
    def area(self) -> PartArea:
        return self.query_one(PartArea)
