"""Point 2: two copies of the app, and `matchprep` commands, on one database, all writing.
No "database is locked" reaches the user, and no write is lost.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import threading

import pytest

from tests.reliability.terminal import Terminal, app_env, matchprep
from tests.reliability.test_kill9 import saved_texts
from tests.tui.pilot_helpers import until
from tests.waiting import wait_until
from tui.store.database import connect

FIRST = "Copy one writes [this] while copy two writes too \U0001fa7b "
SECOND = "Copy two: my second answer, typed at the same time \\ [/] "


@pytest.mark.slow
def test_two_apps_and_the_command_line_write_at_once_and_lose_nothing(db_path, tmp_path):
    pack = tmp_path / "pack.csv"
    pack.write_text("text,category\n" + "".join(f"Shared question {i}?,why\n" for i in range(300)))
    sheet = tmp_path / "programs.csv"
    sheet.write_text("Program,City\n" + "".join(f"Program {i},Omaha\n" for i in range(40)))
    with Terminal(matchprep(db=db_path)) as one, Terminal(matchprep(db=db_path)) as two:
        for terminal, downs in ((one, 0), (two, 1)):
            terminal.wait_for("What to do next")
            terminal.open_questions()
            terminal.press(*["down"] * downs, "enter")
            terminal.wait_for("wpm")
        typists = [threading.Thread(target=t.type, args=(text * 3,), kwargs={"per_key": 0.01})
                   for t, text in ((one, FIRST), (two, SECOND))]
        for typist in typists:
            typist.start()
        commands = [subprocess.run(matchprep(*args, db=db_path), capture_output=True,
                                   check=False, text=True, env=app_env(), timeout=120)
                    for args in (("questions", "import", str(pack)),
                                 ("programs", "import", str(sheet)),
                                 ("backup", "-o", str(tmp_path / "during.db")))]
        for typist in typists:
            typist.join()
        wait_until(lambda: sorted(saved_texts(db_path)) == sorted([FIRST * 3, SECOND * 3]),
                   what="both copies to save everything typed")
        screens = [one.display(), two.display()]
        assert one.quit() == 0 and two.quit() == 0
    for result in commands:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr + result.stdout
    for screen in screens:
        assert "locked" not in screen and "Not saved" not in screen and "Cannot save" not in screen
    assert sorted(saved_texts(db_path)) == sorted([FIRST * 3, SECOND * 3])
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("select count(*) from questions where text like 'Shared question %'"
                            ).fetchone() == (300,)
        assert conn.execute("select count(*) from programs").fetchone() == (40,)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


async def test_a_long_hold_by_another_program_delays_the_save_and_loses_nothing(
        app_factory, db_path, db, monkeypatch):
    """Another program holds the write lock longer than the busy timeout: the editor's
    saves wait (the user is told the file is busy, never "database is locked"), then land."""
    import tui.store.database
    from tests.tui.answer_helpers import type_text
    from tui.screens.answer_editor import AnswerEditor

    monkeypatch.setattr(tui.store.database, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr("tui.store.writer.RETRY_WAITS", (0.05,))
    app = app_factory()

    def notified(words: str) -> bool:
        return any(words in str(n.message) for n in app._notifications)

    async with app.run_test(size=(100, 30)) as pilot:
        app.action_open_answer("why.why-radiology")
        await until(pilot, lambda: isinstance(app.screen, AnswerEditor), what="the editor")
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another copy mid-transaction, for a long time
        try:
            await type_text(pilot, "Typed while another copy holds the lock [ok]")
            # The save tries for a few seconds (the busy timeout, then retry_locked's eight
            # tries) before the writer calls the file busy: longer than `until`'s default.
            await until(pilot, lambda: app.ctx.writer.in_trouble and notified("busy"),
                        tries=500, what="the editor to say the file is busy")
            told = [str(n.message) for n in app._notifications]
            assert any("busy" in m for m in told) and not any("locked" in m for m in told)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        await asyncio.to_thread(app.ctx.writer.flush)
        await until(pilot, lambda: notified("Saving works again"), what="saving to work again")
    assert saved_texts(db_path) == ["Typed while another copy holds the lock [ok]"]


# Two copies on one answer: both texts are kept ------------------------------------------------

async def test_a_save_over_a_text_another_copy_changed_keeps_both(app_factory, db_path, db):
    """The other copy is played by a second connection saving, as another process would."""
    from question_bank.answers import answers_for_question, save_answer
    from tests.fakes import FakeClock
    from tests.tui.answer_helpers import autosave, open_editor, type_text

    first = save_answer(db, None, question_id="why.why-radiology", structure="outline",
                        parts={"outline": "Start."})
    clock = FakeClock()
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, "why.why-radiology")
        other = connect(db_path)  # meanwhile, another window saves its own text
        try:
            save_answer(other, first.id, question_id="why.why-radiology", structure="outline",
                        parts={"outline": "Start. The other window's words."})
        finally:
            other.close()
        await type_text(pilot, " Mine")
        await autosave(app, pilot, clock)
        told = [str(n.message) for n in app._notifications]
        assert any("both texts are kept" in m for m in told), told
        await type_text(pilot, " and more")  # this editor goes on with its own version
        await autosave(app, pilot, clock)
    texts = {a.label: a.parts["outline"] for a in answers_for_question(db, "why.why-radiology")}
    assert texts == {first.label: "Start. The other window's words.",
                     f"{first.label} (second copy)": "Start. Mine and more"}
    assert sum("both texts are kept" in str(n.message) for n in app._notifications) == 1


@pytest.mark.slow
def test_two_copies_of_the_app_typing_into_one_answer_keep_both_texts(db_path):
    from question_bank.answers import save_answer

    db = connect(db_path)
    try:
        first = save_answer(db, None, question_id="intro.tell-me-about-yourself",
                            structure="outline", parts={"outline": "Start. "})
    finally:
        db.close()
    one_text, two_text = "Start. First window [one] ", "Start. Second window \\ two "
    with Terminal(matchprep(db=db_path)) as one, Terminal(matchprep(db=db_path)) as two:
        for terminal in (one, two):
            terminal.wait_for("What to do next")
            terminal.open_questions()
            terminal.press("enter")
            terminal.wait_for("wpm")
        one.type(one_text.removeprefix("Start. "))
        wait_until(lambda: saved_texts(db_path) == [one_text], what="the first window's save")
        two.type(two_text.removeprefix("Start. "))
        wait_until(lambda: sorted(saved_texts(db_path)) == sorted([one_text, two_text]),
                   what="both texts to be kept")
        screen = two.wait_for("both texts are kept")
        assert one.quit() == 0 and two.quit() == 0
    assert sorted(saved_texts(db_path)) == sorted([one_text, two_text])
    assert "Cannot save" not in screen
    db = connect(db_path)
    try:  # the first window's text where it was; the second's beside it, a new version
        assert db.execute("select label, parts from answers where id = ?", [first.id]
                          ).fetchone()[1] == json.dumps({"outline": one_text})
    finally:
        db.close()
