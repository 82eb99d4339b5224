"""Points 5 and 6: every screen that shows user text shows it literally ([brackets], [/],
[bold red], a backslash, emoji, right-to-left scripts, combining accents); every screen
renders from 40x12 to 250x70 and survives being resized, down to 1x1 (below 40x12 it says
in one line that the terminal is too small) and back; text typed is saved exactly, also
in a 20,000-word answer; a mock session keeps its time while the terminal is resized.
"""

from __future__ import annotations

import re
import shutil

import pytest

from question_bank.answers import get_answer, save_answer
from question_bank.questions import list_questions
from tests.fakes import FakeClock
from tests.reliability import screens
from tests.reliability.screens import NOW, OPENERS, flat, until, visible_text
from tests.reliability.terminal import Terminal, matchprep
from tests.tui.answer_helpers import keys
from tui.cli.launch import make_app
from tui.store.database import connect

SIZES = [(250, 70), (80, 24), (40, 12), (100, 30)]
# Below 40x12, down to one cell; too narrow but tall, too short but wide.
TINY = [(10, 3), (1, 1), (39, 60), (250, 11), (2, 30), (100, 1), (25, 5)]

# Every screen is walked through every size in the full run. The fast run (-m "not slow")
# walks one screen of each kind (a section, a screen pushed over it, a form, a dialog) through
# them all; for every other screen it keeps test_every_screen_shows_user_text_literally_
# cramped_and_tiny (opened at 40x12, its text literal at 200x60, down to 1x1 and back). Each
# walk restyles the whole screen at every size (4-10 s a screen on two cores).
ONE_OF_EACH_KIND = {"questions", "answer editor", "question form", "export dialog"}
WHY_SLOW = ("every size for every screen: the fast run walks one screen of each kind, and "
            "opens each screen cramped, wide and at 1x1")


def every_screen_at_every_size() -> list:
    return [name if name in ONE_OF_EACH_KIND
            else pytest.param(name, marks=pytest.mark.slow(reason=WHY_SLOW))
            for name in OPENERS]


@pytest.fixture(scope="module")
def tricky_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("tricky") / "matchprep.db"
    ids = screens.populate(path)
    return path, ids


@pytest.fixture
def tricky(tricky_template, tmp_path, speaker):
    """`(make_app(), ids)` on a fresh copy of the tricky database."""
    template, ids = tricky_template
    path = tmp_path / "matchprep.db"
    shutil.copyfile(template, path)
    made = []

    def build(**kwargs):
        clock = kwargs.pop("clock", None) or FakeClock(NOW)
        app = make_app(path, prepare=False, speaker=speaker, now=clock.now, clock=clock,
                       **kwargs)
        made.append(app)
        return app

    yield build, ids, path
    for app in made:
        app.ctx.close()


@pytest.mark.parametrize("name", list(OPENERS))
async def test_every_screen_shows_user_text_literally(tricky, name):
    """Each screen opened wide enough for every piece of its text on one line (the tests
    below also open it cramped and walk it through every size)."""
    build, ids, _ = tricky
    app = build()
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        needles = await OPENERS[name](app, pilot, ids)
        await until(pilot, lambda: all(n in flat(visible_text(app)) for n in needles),
                    what=f"{name} to show its text literally")


@pytest.mark.parametrize("name", every_screen_at_every_size())
async def test_every_screen_shows_user_text_literally_at_every_size(tricky, name):
    build, ids, _ = tricky
    app = build()
    async with app.run_test(size=(40, 12)) as pilot:  # opened cramped
        await pilot.pause()
        needles = await OPENERS[name](app, pilot, ids)
        screen = app.screen
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: all(n in flat(visible_text(app)) for n in needles))
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert app.screen is screen, f"{name} left its screen at {width}x{height}"
            assert visible_text(app).strip(), f"{name} is blank at {width}x{height}"
            assert app.size == (width, height)


@pytest.mark.parametrize("name", every_screen_at_every_size())
async def test_every_screen_survives_any_size_down_to_1x1_and_comes_back(tricky, name):
    build, ids, _ = tricky
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        needles = await OPENERS[name](app, pilot, ids)
        screen = app.screen
        for width, height in TINY:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert app.screen is screen, f"{name} left its screen at {width}x{height}"
            lines = visible_text(app).split("\n")
            assert width < 20 or lines[0].startswith("Terminal too small"), lines
            assert all(not line.strip() for line in lines[1:]), lines
        await pilot.resize_terminal(200, 60)  # wide enough for every needle on one line
        await until(pilot, lambda: all(n in flat(visible_text(app)) for n in needles),
                    what=f"{name} to show its text again")
        assert app.screen is screen
        assert "too small" not in visible_text(app)


@pytest.mark.slow
def test_the_real_program_starts_in_a_tiny_terminal_and_comes_back(db_path):
    with Terminal(matchprep(db=db_path), size=(10, 3)) as terminal:
        terminal.wait_for("Terminal")
        terminal.resize(1, 1)
        terminal.resize(60, 5)
        terminal.wait_for("Terminal too small (60×5)")
        terminal.resize(100, 30)
        terminal.wait_for("What to do next")
        assert terminal.quit() == 0


async def test_text_typed_in_a_form_is_saved_and_listed_exactly(tricky):
    """Typed key by key into the question form. (Pilot cannot send emoji or a lone combining
    accent; the real terminal tests type those into the editor: test_kill9.)"""
    build, _, path = tricky
    typed = "Mine: [b]x[/b] [/] [bold red]y \\ שלום مرحبا?"
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        await screens.section(app, pilot, "2", "questions")
        await pilot.press("a")
        await until(pilot, lambda: type(app.screen).__name__ == "QuestionForm")
        await pilot.press(*keys(typed))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: type(app.screen).__name__ != "QuestionForm")
        app.ctx.writer.flush()
        await until(pilot, lambda: typed in flat(visible_text(app)))  # shown as typed
    db = connect(path)
    try:
        assert any(q.text == typed for q in list_questions(db, search="mine"))
    finally:
        db.close()


@pytest.mark.slow(reason="the same at four times the size: the fast run keeps 5,000 words "
                         "(test_markup_emoji_and_5000_words_are_shown_and_saved_exactly); "
                         "this one, the heaviest test of the fast run, also diffs two "
                         "20,000-word versions in the history")
async def test_a_20000_word_answer_shows_edits_and_saves_exactly(tricky):
    build, ids, path = tricky
    words = " ".join(f"w{i}" if i % 1000 else "[/]🩻\\[b]" for i in range(20_000))
    db = connect(path)
    try:
        long = save_answer(db, ids.answer, question_id=ids.question, structure="outline",
                           parts={"outline": words})
    finally:
        db.close()
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open_answer(ids.question)
        await until(pilot, lambda: type(app.screen).__name__ == "AnswerEditor")
        shown = flat(visible_text(app))
        assert "w19998 w19999" in shown  # the cursor waits at its end
        assert int(re.search(r"([0-9,]+) words", shown).group(1).replace(",", "")) >= 19_980
        await pilot.press("ctrl+end", *keys(" end [/]"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.ctx.writer.unwritten == 0)
        await pilot.press("ctrl+o")  # the history diffs two 20,000-word versions
        await until(pilot, lambda: type(app.screen).__name__ == "AnswerHistory")
        await pilot.press("escape")
        await pilot.press("escape")
        await screens.section(app, pilot, "3", "answers")
        await pilot.press("p")
        await pilot.pause()
    db = connect(path)
    try:
        assert get_answer(db, long.id).parts["outline"] == words + " end [/]"
    finally:
        db.close()


async def test_resizing_during_a_mock_session_keeps_the_clocks(tricky):
    build, ids, _ = tricky
    clock = FakeClock(NOW)
    app = build(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await OPENERS["mock run"](app, pilot, ids)
        run = app.screen.run
        for width, height in [(40, 12), (250, 70), (41, 13), (100, 30)]:
            clock.advance(2)
            await pilot.resize_terminal(width, height)
            await until(pilot, lambda size=(width, height): app.size == size)
            assert app.screen.query_one("#run-question").region.height >= 1
        assert run.index == 0 and run.think_remaining == pytest.approx(2, abs=0.01)
        await pilot.press("enter")  # done thinking: answering
        for width, height in [(40, 12), (250, 70), (100, 30)]:
            clock.advance(7)
            await pilot.resize_terminal(width, height)
            await until(pilot, lambda size=(width, height): app.size == size)
        assert run.answer_elapsed == pytest.approx(21, abs=0.01)
        await pilot.press("n")
        await until(pilot, lambda: run.index == 1)
        assert "Second [question]?" in flat(visible_text(app))
