"""A worker that raises is said once, in words, without what the error quoted."""

from __future__ import annotations

import sqlite3

import tui.screens.programs
import tui.screens.questions
from tests.tui.pilot_helpers import until

SECRET = "my answer about [b]my divorce[/b]"


def notices(app, title: str) -> list[str]:
    return [str(n.message) for n in app._notifications if n.title == title]


async def test_a_failed_read_is_said_once_without_its_message(app_factory, monkeypatch):
    reads = []

    def broken(db, profile, **filters):
        reads.append(filters)
        raise ValueError(f"cannot parse {SECRET}")

    monkeypatch.setattr(tui.screens.questions, "listed_with_marks", broken)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: notices(app, "Internal error"))
        await pilot.press("slash", *"why")  # every key reads the list again, and fails again
        await until(pilot, lambda: reads[-1]["search"] == "why")
        await until(pilot, lambda: all(w.is_finished for w in app.workers))
        told = notices(app, "Internal error")
        assert len(told) == 1
        assert "ValueError" in told[0] and "question-list" in told[0]
        assert "divorce" not in told[0] and "parse" not in told[0]
        assert not notices(app, "Cannot save")


async def test_a_damaged_database_in_a_read_keeps_its_own_report(app_factory, monkeypatch):
    reads = []

    def damaged(db, now):
        reads.append(now)
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(tui.screens.programs, "overview", damaged)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: notices(app, "Cannot save"))
        await pilot.press("3", "5")  # back to Programs: it reads again, and fails again
        await until(pilot, lambda: len(reads) == 2)
        await until(pilot, lambda: all(w.is_finished for w in app.workers))
        assert len(notices(app, "Cannot save")) == 1
        assert "damaged" in notices(app, "Cannot save")[0]
        assert not notices(app, "Internal error")
