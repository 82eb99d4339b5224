"""Helpers for driving the answer editor as a user does."""

from __future__ import annotations

from question_bank.structures import count_words
from tests.fakes import FakeClock
from tests.tui.pilot_helpers import shown, until  # noqa: F401  (shown: for the tests that use it)
from tui.messages import OpenAnswer
from tui.screens.answer_editor import AnswerEditor
from tui.widgets.answer_part import PartArea
from tui.widgets.answer_saver import AnswerSaver


def keys(text: str) -> list[str]:
    """The keys that type `text` (spaces and newlines by name)."""
    return [{" ": "space", "\n": "enter"}.get(c, c) for c in text]


async def type_text(pilot, text: str) -> None:
    await pilot.press(*keys(text))


def area(app, key: str) -> PartArea:
    return app.screen.query_one(f"#part-{key}", PartArea)


def shows_its_count(part: PartArea) -> bool:
    """The part's border shows its own word count (set each time the feedback runs)."""
    n = count_words(part.text)
    return str(part.border_subtitle) == f"{n} word{'s' if n != 1 else ''}"


async def settle(app, pilot) -> None:
    """Let workers finish and the screen catch up."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def tick(app, pilot) -> None:
    """The save line's timer fires once: on the fake clock, a save is due or not."""
    app.screen.query_one(AnswerSaver).tick()
    await pilot.pause()


async def autosave(app, pilot, clock: FakeClock) -> None:
    """Let a second pass on the fake clock and the timer fire: the editor hands the text to
    the writer; drain the writer; the next tick reports the save."""
    saver = app.screen.query_one(AnswerSaver)
    clock.advance(1.0)
    await tick(app, pilot)
    await until(pilot, lambda: not saver.dirty, what="the editor to hand the text to the writer")
    app.ctx.writer.flush()
    await tick(app, pilot)
    await until(pilot, lambda: str(shown(app, "#answer-status")).startswith("Saved"),
                what="the editor to say the answer is saved")


async def open_editor(app, pilot, question_id: str, answer_id: int | None = None):
    """Open the editor as the palette or a list would (the app's OpenAnswer)."""
    app.post_message(OpenAnswer(question_id, answer_id))
    await pilot.pause()
    await settle(app, pilot)
    assert isinstance(app.screen, AnswerEditor)
    return app.screen
