"""Snapshot tests: the app on a demo database filled as of one fixed moment, its clocks
fake and the wall clock frozen there, cursors that do not blink, the mock's questions
drawn the same way each run: the pictures change only when what the app shows changes."""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from tests.fakes import FakeClock, FakeSpeaker

# A Monday morning in the interview season; the demo's interviews fall around it.
NOW = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
SIZES = pytest.mark.parametrize("size", [(100, 30), (40, 12)], ids=["100x30", "40x12"])
# The fast run (-m "not slow") takes every screen at 100x30 and one of each kind at 40x12 (a
# section, a screen over it, a running mock, a form: SIZES); the full run every one at both.
WHY_SLOW = ("every screen at 40x12: the fast run takes each at 100x30, and at 40x12 one of "
            "each kind (a section, a screen over it, a running mock, a form)")
SIZES_40x12_IN_THE_FULL_RUN = pytest.mark.parametrize(
    "size", [(100, 30), pytest.param((40, 12), marks=pytest.mark.slow(reason=WHY_SLOW))],
    ids=["100x30", "40x12"])


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo database (every filler of `matchprep demo`), made once, as of NOW."""
    from tui.cli.open import fill_demo

    path = tmp_path_factory.mktemp("snapshot-demo") / "demo.db"
    with _utc(), time_machine.travel(NOW, tick=False), _seeded():
        fill_demo(path)  # the drill's scheduler (fsrs) fuzzes intervals with `random`
    return path


@pytest.fixture(autouse=True)
def _frozen(monkeypatch) -> Iterator[None]:
    """The wall clock stands at NOW (in UTC), cursors do not blink, and a mock session
    draws its questions (and the drill its intervals) with seeded generators."""
    from textual.widgets import Input, TextArea

    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.cursor_blink, "_default", False)
    monkeypatch.setattr(random, "Random", _SeededRandom)  # the mock's `random.Random()`
    with _utc(), time_machine.travel(NOW, tick=False), _seeded():
        yield


class _SeededRandom(random.Random):
    """A generator made without a seed gets the same one every time."""

    def __init__(self, seed: object = None) -> None:
        super().__init__(7 if seed is None else seed)


class _seeded:
    """The `random` module seeded for the block, its state put back after."""

    def __enter__(self) -> None:
        self.state = random.getstate()
        random.seed(2026)

    def __exit__(self, *exc: object) -> None:
        random.setstate(self.state)


class _utc:
    """TZ=UTC for the block: the demo's and the app's local times do not depend on the
    machine's zone."""

    def __enter__(self) -> None:
        self.before = os.environ.get("TZ")
        os.environ["TZ"] = "UTC"
        time.tzset()

    def __exit__(self, *exc: object) -> None:
        if self.before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = self.before
        time.tzset()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def demo_app(demo_template, tmp_path, clock) -> Iterator[Callable]:
    """`demo_app(**kwargs)`: the app on a fresh copy of the demo database."""
    from tui.cli.launch import make_app
    from tui.store.database import connect
    from tui.store.settings import set_setting

    path = tmp_path / "matchprep.db"
    shutil.copyfile(demo_template, path)
    db = connect(path)
    set_setting(db, "timezone", "UTC")
    db.close()
    made = []

    def build(**kwargs):
        app = make_app(path, prepare=False, speaker=FakeSpeaker(), clock=clock,
                       now=clock.now, **kwargs)
        made.append(app)
        return app

    yield build
    for app in made:
        app.ctx.close()
