"""A part's text area redraws only the rows an edit changed, and the terminal still shows
every word where it is: after each edit, what the terminal was sent matches the screen
drawn whole (tests/drawn_screen.py), in characters, colours and the cursor's cell."""

from __future__ import annotations

import random

import pytest
from rich.containers import Lines
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from tests.drawn_screen import DrawnScreen
from tests.tui.answer_helpers import area, open_editor, settle
from tui.widgets.answer_part import PartArea

STAR_Q = "behavioral.mistake"
WORDS = "the night call chest pain (escalated) I paged my senior [then] learned".split()


class OnePart(App):
    """A part of a fixed height: its rows move without the screen being laid out again
    (which would redraw everything)."""

    CSS = "PartArea { width: 40; height: 9; }"

    def __init__(self, text: str = "First line of the answer.\nSecond line\nThird line\n"
                                   "Fourth") -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield PartArea("situation", self.text, label="Situation")


def spy_on_rows(part: PartArea) -> list[int]:
    """The rows of the text area drawn again from now on (its lines, not its borders)."""
    rows: list[int] = []

    def render_line(y: int, textual=part.render_line):
        rows.append(y)
        return textual(y)

    part.render_line = render_line  # type: ignore[method-assign]
    return rows


async def focused_part(app, pilot, cursor: tuple[int, int]) -> PartArea:
    """The app's part, focused, its cursor at `cursor` and held still (a blink between a
    frame and the comparison is no fault), once the app has drawn it."""
    part = app.query_one(PartArea)
    part.cursor_blink = False
    part.focus()
    part.move_cursor(cursor)
    await pilot.pause()
    return part


async def test_a_key_redraws_the_row_it_typed_on_and_no_other():
    app = OnePart()
    async with app.run_test(size=(60, 12)) as pilot:
        part = await focused_part(app, pilot, (1, 6))  # "Second| line"
        rows = spy_on_rows(part)
        await pilot.press("x")
        await pilot.pause()
        assert part.document[1] == "Secondx line"
        assert set(rows) == {1}  # TextArea itself redraws all of its rows at every edit


async def test_an_edit_that_scrolls_the_area_redraws_all_of_it():
    """The cursor scrolled out of sight, a key brings it back: every row moved, and the
    whole area is drawn again (not only the row typed on)."""
    app = OnePart("\n".join(f"line {n} of the night" for n in range(14)))
    async with app.run_test(size=(60, 12)) as pilot:
        part = await focused_part(app, pilot, (0, 0))
        part.scroll_end(animate=False)
        await pilot.pause()
        assert part.scroll_offset.y > 0
        drawn = DrawnScreen(app)
        await pilot.press("x")
        await pilot.pause()
        assert part.scroll_offset.y == 0 and part.document[0].startswith("xline 0")
        assert drawn.differences() == []


async def test_a_bracket_matched_on_another_line_is_drawn_plain_once_it_is_not():
    """The cursor on "(" shows its ")" three lines down; deleting the "(" changes one line,
    and the ")" is drawn again, plain."""
    app = OnePart("(the night\ncall\nwas long)\nafter")
    async with app.run_test(size=(60, 12)) as pilot:
        part = await focused_part(app, pilot, (0, 0))
        assert part.matching_bracket_location == (2, 8)
        drawn = DrawnScreen(app)
        await pilot.press("delete")
        await pilot.pause()
        assert part.matching_bracket_location is None
        assert drawn.differences() == []


class OneArea(App):
    """A text area alone, sized as a part is."""

    CSS = "TextArea { width: 40; height: 9; border: round; padding: 0 1; }"

    def __init__(self, area: TextArea) -> None:
        super().__init__()
        self.area = area

    def compose(self) -> ComposeResult:
        yield self.area


async def drawn_rows(area: TextArea, selections: list[Selection], monkeypatch) -> list:
    """For each selection in turn: the rows of `area`'s text drawn afresh, as segments, and
    how many times a line was divided into rows to draw that frame and those rows again."""
    divided: list[int] = []
    divide = Text.divide

    def counted(text: Text, offsets) -> Lines:
        divided.append(len(text))
        return divide(text, offsets)

    drawn = []
    async with OneArea(area).run_test(size=(60, 12)) as pilot:
        area.cursor_blink = False
        area.focus()
        await pilot.pause()  # (laid out, and the cursor followed to its place)
        for selection in selections:
            area.selection = selection  # (the cursor's place is worked out: one division)
            area.scroll_to(y=1, animate=False, immediate=True)
            monkeypatch.setattr(Text, "divide", counted)
            divided.clear()
            await pilot.pause()
            area._line_cache.clear()  # (TextArea keeps the rows it drew)
            rows = [list(area.render_line(y)) for y in range(area.content_size.height)]
            drawn.append((rows, len(divided)))
            monkeypatch.undo()
    return drawn


async def test_a_long_paragraph_is_divided_into_rows_once_and_drawn_as_textarea_draws_it(
        monkeypatch):
    """Every row in sight of one wrapped paragraph comes from one division of it (TextArea
    divides the whole paragraph again for each row it draws), and the rows are TextArea's
    own: the words, a selection and the cursor where they are, also after the cursor moved
    within the paragraph."""
    paragraph = " ".join(f"night{n} [call]" for n in range(300))  # some 140 rows
    selections = [Selection((0, 95), (0, 30)),  # over rows 1 to 3, the cursor on row 1
                  Selection((0, 62), (0, 62))]  # the cursor alone, on row 2
    part = await drawn_rows(PartArea("situation", paragraph, label="Situation"), selections,
                            monkeypatch)
    bare = await drawn_rows(TextArea(paragraph, soft_wrap=True, show_line_numbers=False,
                                     highlight_cursor_line=False), selections, monkeypatch)
    assert [rows for rows, _ in part] == [rows for rows, _ in bare]
    assert [divisions for _, divisions in part] == [1, 1]  # the frame's, kept for the rest
    assert all(divisions >= 2 * 7 for _, divisions in bare)  # (one a row, twice)
    rows = part[0][0]
    assert len(rows) == 7 and "night" in "".join(segment.text for segment in rows[0])


async def test_two_lines_cut_alike_are_each_drawn_with_their_own_words(monkeypatch):
    """A division is kept for the line it was cut from: two lines of the same shape (cut at
    the same places, neither holding the cursor) each show their own words."""
    text = "\n".join([" ".join(f"aaaa{n % 10}" for n in range(12)),
                      " ".join(f"bbbb{n % 10}" for n in range(12)), "end"])
    selections = [Selection((2, 1), (2, 1))]
    part = await drawn_rows(PartArea("situation", text, label="Situation"), selections,
                            monkeypatch)
    bare = await drawn_rows(TextArea(text, soft_wrap=True, show_line_numbers=False,
                                     highlight_cursor_line=False), selections, monkeypatch)
    rows = part[0][0]
    assert rows == bare[0][0]
    assert "bbbb" in "".join(segment.text for row in rows for segment in row)


def random_edits(seed: int, count: int) -> list[tuple[str, object]]:
    """A writer's edits, drawn at random: words typed (some long enough to wrap), new lines,
    deletions back and forward, a selection typed over, a paste of several lines, moves
    (to the start, the end, a line up), and brackets (matched at the cursor)."""
    rng = random.Random(seed)
    edits: list[tuple[str, object]] = []
    for _ in range(count):
        kind = rng.choice(["type", "type", "type", "enter", "backspace", "delete", "select",
                           "paste", "move", "bracket"])
        if kind == "type":
            edits.append(("keys", [*" ".join(rng.sample(WORDS, rng.randint(1, 3))), "space"]))
        elif kind == "enter":
            edits.append(("keys", ["enter"]))
        elif kind == "backspace":
            edits.append(("keys", ["backspace"] * rng.randint(1, 6)))
        elif kind == "delete":
            edits.append(("keys", ["left"] * rng.randint(1, 6) + ["delete"] * rng.randint(1, 6)))
        elif kind == "select":
            edits.append(("keys", ["shift+left"] * rng.randint(1, 12) + [*"over "]))
        elif kind == "paste":
            edits.append(("paste", "\n".join(" ".join(rng.sample(WORDS, 4))
                                             for _ in range(rng.randint(1, 3)))))
        elif kind == "move":
            edits.append(("keys", [rng.choice(["home", "end", "up", "ctrl+home", "ctrl+end"])]))
        else:
            edits.append(("keys", ["left"] * 3 + [*"(x)", "left"]))
    return edits


@pytest.mark.slow(reason="hundreds of keys typed one by one: the fast run keeps the single "
                         "edits above, each a case this one draws at random")
@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_after_every_edit_the_terminal_shows_the_part_as_it_is(app_factory, seed):
    """In the editor itself (its parts in a scrolling column, the feedback and the save
    line beside and above, at 70 columns so that lines wrap)."""
    from textual import events

    app = app_factory()
    async with app.run_test(size=(70, 24)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        part = area(app, "situation")
        part.cursor_blink = False  # a blink between a frame and the comparison is no fault
        drawn = DrawnScreen(app)
        for number, (kind, what) in enumerate(random_edits(seed, 24)):
            if kind == "keys":
                await pilot.press(*what)  # type: ignore[misc]
            else:
                part.post_message(events.Paste(str(what)))
            await settle(app, pilot)
            assert drawn.differences() == [], f"after edit {number}: {kind} {what!r}"
        assert len(part.text) > 40 and drawn.updates > 24
