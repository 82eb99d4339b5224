"""The mock interview clocks: think and answer kept apart, pauses, skip, end, no drift."""

from __future__ import annotations

import pytest

from question_bank.mock_formats import Prompt
from tests.fakes import FakeClock
from tui.practice.mock_clock import (
    ANSWER,
    ANSWER_STARTED,
    DONE,
    SESSION_TIME_UP,
    THINK,
    TIME_UP,
    MockRun,
    RunItem,
)


def make_run(clock, n=3, *, think=5, limit=60, session=None, stop=False) -> MockRun:
    items = [RunItem(Prompt("question", f"q{i}", f"Question {i}?", "intro", "outline", limit),
                     limit) for i in range(n)]
    return MockRun(items, think_seconds=think, session_seconds=session or n * (limit + think),
                   stop_at_session_end=stop, clock=clock)


def test_think_time_then_the_answer_clock_starting_exactly_when_it_ran_out():
    clock = FakeClock()
    run = make_run(clock)
    assert run.start() == []
    clock.advance(3)
    assert run.tick() == [] and run.phase == THINK and run.think_remaining == pytest.approx(2)
    clock.advance(4.5)  # a late tick: the answer began 2.5 s ago, not now
    assert run.tick() == [ANSWER_STARTED]
    assert run.phase == ANSWER and run.answer_elapsed == pytest.approx(2.5)
    assert run.current.think == 5
    clock.advance(60)
    assert run.tick() == [TIME_UP]
    assert run.answer_remaining == pytest.approx(-2.5)
    clock.advance(1)
    assert run.tick() == []  # the signal is given once
    run.advance()
    first = run.items[0]
    assert (first.outcome, first.think, first.speak) == ("answered", 5, pytest.approx(63.5))
    assert run.index == 1 and run.phase == THINK


def test_pause_and_resume_keep_both_clocks_right():
    clock = FakeClock()
    run = make_run(clock, think=0)
    assert run.start() == [ANSWER_STARTED]
    clock.advance(10)
    run.pause()
    clock.advance(300)  # a long interruption
    assert run.answer_elapsed == pytest.approx(10) and run.session_elapsed == pytest.approx(10)
    assert run.tick() == []
    run.resume()
    clock.advance(5)
    assert run.answer_elapsed == pytest.approx(15)
    assert run.session_elapsed == pytest.approx(15)
    run.toggle_pause()
    clock.advance(7)
    run.advance()  # finishing while paused ends the pause
    assert run.items[0].speak == pytest.approx(15) and not run.paused
    clock.advance(20)
    assert run.answer_elapsed == pytest.approx(20)
    assert run.session_elapsed == pytest.approx(35)


def test_enter_while_thinking_starts_the_answer_early():
    clock = FakeClock()
    run = make_run(clock, think=10)
    run.start()
    clock.advance(2)
    assert run.advance() == [ANSWER_STARTED]
    clock.advance(30)
    run.advance()
    assert (run.items[0].think, run.items[0].speak) == (pytest.approx(2), pytest.approx(30))


def test_skip_and_end():
    clock = FakeClock()
    run = make_run(clock, n=4)
    run.start()
    clock.advance(3)
    run.skip()
    assert (run.items[0].outcome, run.items[0].think, run.items[0].speak) == ("skipped", 3, 0)
    clock.advance(8)
    run.skip()  # skipped while answering: the time spoken is kept
    assert run.items[1].outcome == "skipped" and run.items[1].speak == pytest.approx(3)
    clock.advance(20)
    run.end()
    assert run.phase == DONE and run.finished
    assert [i.outcome for i in run.items] == ["skipped", "skipped", "answered", "unreached"]
    assert run.items[2].speak == pytest.approx(15)
    assert run.skip() == [] and run.advance() == []


def test_no_drift_over_a_twenty_minute_session():
    clock = FakeClock()
    run = make_run(clock, n=10, think=0, limit=120, session=1200)
    run.start()
    for _ in range(12_000):  # ten ticks a second, each a little late
        clock.advance(0.1 + 1e-9)
        events = run.tick()
        if SESSION_TIME_UP in events:
            break
    assert run.session_elapsed == pytest.approx(1200, abs=0.11)
    assert run.session_remaining <= 0


def test_by_time_the_session_ends_after_the_answer_in_hand():
    clock = FakeClock()
    run = make_run(clock, n=5, think=0, limit=60, session=90, stop=True)
    run.start()
    clock.advance(50)
    run.advance()
    clock.advance(45)
    assert SESSION_TIME_UP in run.tick() and not run.finished
    run.advance()
    assert run.finished
    assert [i.outcome for i in run.items] == ["answered", "answered", "unreached", "unreached",
                                             "unreached"]


def test_a_run_needs_questions():
    with pytest.raises(ValueError):
        MockRun([], think_seconds=0, session_seconds=10, stop_at_session_end=False,
                clock=FakeClock())


def test_ending_on_a_question_barely_seen_does_not_count_it():
    clock = FakeClock()
    run = make_run(clock, n=2, think=0)
    run.start()
    clock.advance(0.4)
    run.end()
    assert [i.outcome for i in run.items] == ["unreached", "unreached"]
