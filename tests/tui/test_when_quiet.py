"""What the answer editor defers while a key is typed (its length meter, its feedback):
done once typing pauses, or at least every so often while it goes on, and once per pause;
and what it redraws while typing goes on (the meter, the save line): in the frame of the
next key or once typing pauses, never in a frame of its own between two keys."""

from __future__ import annotations

import time

from textual.app import App
from textual.widgets import Static

from tests.fakes import FakeClock
from tests.tui.answer_helpers import area, open_editor, shown, type_text
from tests.tui.pilot_helpers import until
from tui.widgets.when_quiet import BetweenKeys, WhenQuiet

STAR_Q = "behavioral.mistake"


class Touched(App[None]):
    def compose(self):
        yield Static("")

    def on_mount(self) -> None:
        self.calls: list[float] = []
        self.follows = WhenQuiet(self, lambda: self.calls.append(time.monotonic()), 0.1,
                                 at_most=0.5)


async def test_a_burst_of_changes_is_acted_on_once_after_it():
    app = Touched()
    async with app.run_test() as pilot:
        for _ in range(10):
            app.follows.touch()
        assert app.calls == []  # not at each change
        await until(pilot, lambda: app.calls, what="the action after the pause")
        await pilot.pause(0.3)
        assert len(app.calls) == 1


async def test_changes_that_keep_coming_are_acted_on_at_least_every_so_often():
    app = Touched()
    async with app.run_test() as pilot:
        touches: list[float] = []
        start = time.monotonic()
        while not app.calls and time.monotonic() - start < 5:
            app.follows.touch()  # meant never to be quiet for 0.1 s
            touches.append(time.monotonic())
            await pilot.pause(0.02)
        assert app.calls, "never acted on while changes kept coming"
        acted = app.calls[0]
        # Acted on 0.5 s after the first change, or earlier only after a real pause of
        # 0.1 s (a busy machine can starve this loop that long); a timer may fire up to a
        # millisecond early, which WhenQuiet takes as due.
        last = max(t for t in touches if t <= acted)
        early = 0.002
        assert acted - start >= 0.5 - early or acted - last >= 0.1 - early, \
            (acted - start, acted - last)


async def test_the_meter_ends_up_counting_what_was_typed_and_what_changed_by_itself(
        app_factory):
    """Where the meter ends up, not when it is drawn (a meter drawn at every key passes
    this too): that a key does not redraw it is held by the test below."""
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "one two three four")
        await until(pilot, lambda: "4 words" in shown(app, "#answer-meter"),
                    what="the meter to count the words typed")
        area(app, "situation").insert(" five")  # a change that comes by itself
        await until(pilot, lambda: "5 words" in shown(app, "#answer-meter"),
                    what="the meter to follow a change")


async def test_a_key_typed_does_not_redraw_the_meter_a_pause_does(app_factory, monkeypatch):
    """Counting the words and drawing the meter at each key made the editor's keys up to 3×
    slower to show than a bare text area's: a burst of keys redraws it once or twice."""
    from tui.screens.answer_editor import AnswerEditor

    drawn: list[float] = []
    refresh_meter = AnswerEditor.refresh_meter

    def counted(self) -> None:
        drawn.append(time.monotonic())
        refresh_meter(self)

    monkeypatch.setattr(AnswerEditor, "refresh_meter", counted)
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        drawn.clear()
        start = time.monotonic()
        await type_text(pilot, "twenty keys typed in")
        typing = time.monotonic() - start
        await until(pilot, lambda: "4 words" in shown(app, "#answer-meter"),
                    what="the meter to count the words typed")
    # once a second at most while typing goes on (however slow a loaded machine makes it),
    # then once after: never at each of the 20 keys
    assert 1 <= len(drawn) <= 2 + typing / 1.0 < 20


class Drawn(App[None]):
    def compose(self):
        yield Static("")

    def on_mount(self) -> None:
        self.drawn: list[str] = []
        self.frames = BetweenKeys(self, 0.2)


async def test_a_redraw_waits_for_the_next_key_while_typing_goes_on():
    app = Drawn()
    async with app.run_test() as pilot:
        app.frames.draw("meter", lambda: app.drawn.append("idle"))
        assert app.drawn == ["idle"]  # nobody typing: drawn at once
        app.frames.key()
        app.frames.draw("meter", lambda: app.drawn.append("first"))
        app.frames.draw("meter", lambda: app.drawn.append("second"))  # replaces the first
        assert app.drawn == ["idle"]  # a key just came: not a frame of its own
        app.frames.key()  # the next key draws it, in that key's frame
        assert app.drawn == ["idle", "second"]
        app.frames.draw("save line", lambda: app.drawn.append("saved"))
        await until(pilot, lambda: "saved" in app.drawn, what="the redraw once typing paused")
        assert app.drawn == ["idle", "second", "saved"]


async def test_the_save_line_changes_with_a_key_not_between_two(app_factory):
    """A line redrawn by itself just before a key held that key back two frames (33 ms):
    the steady typist's slowest keys."""
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot, STAR_Q)
        area(app, "situation").insert("a")  # a key (as typing does, through the edit)
        editor.saver.show_state("Saved 12:00:00", ok=True)
        assert "12:00:00" not in shown(app, "#answer-status")
        area(app, "situation").insert("b")  # the next key
        assert "12:00:00" in shown(app, "#answer-status")
