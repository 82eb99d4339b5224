"""The clocks of a running mock interview: a pure state machine on a monotonic clock.

Every figure is computed from clock readings (when a phase began, how long it was
paused), never by adding up ticks, so a 20-minute session does not drift however often
the screen refreshes. Per question there are two phases, kept apart: thinking (the think
time, or until the user starts answering) and answering (against the question's limit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from question_bank.mock_formats import Prompt

THINK, ANSWER, DONE = "think", "answer", "done"
# Events `tick` and the actions report, for the screen to act on.
ANSWER_STARTED, TIME_UP, SESSION_TIME_UP = "answer-started", "time-up", "session-time-up"


@dataclass
class RunItem:
    prompt: Prompt
    limit: int
    think: float = 0.0
    speak: float = 0.0
    outcome: str = "pending"  # answered | skipped | unreached


class MockRun:
    def __init__(
        self, items: list[RunItem], *, think_seconds: int, session_seconds: int,
        stop_at_session_end: bool, clock: Callable[[], float],
    ) -> None:
        if not items:
            raise ValueError("a mock run needs at least one question")
        self.items = items
        self.think_seconds = max(0, int(think_seconds))
        self.session_seconds = max(1, int(session_seconds))
        self.stop_at_session_end = stop_at_session_end
        self._clock = clock
        self.index = 0
        self.phase = THINK
        self._session_start = 0.0
        self._session_paused = 0.0
        self._phase_start = 0.0
        self._phase_paused = 0.0
        self._paused_at: float | None = None
        self._time_up_told = False
        self._session_up_told = False
        self.started = False

    # Reading the clocks ---------------------------------------------------------------

    def _now(self) -> float:
        return self._paused_at if self._paused_at is not None else self._clock()

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def current(self) -> RunItem | None:
        return self.items[self.index] if self.phase != DONE else None

    @property
    def _in_hand(self) -> RunItem:
        """The question being asked (what `current` is until the run is done)."""
        return self.items[self.index]

    @property
    def phase_elapsed(self) -> float:
        return max(0.0, self._now() - self._phase_start - self._phase_paused)

    @property
    def think_remaining(self) -> float:
        return max(0.0, self.think_seconds - self.phase_elapsed) if self.phase == THINK else 0.0

    @property
    def answer_elapsed(self) -> float:
        return self.phase_elapsed if self.phase == ANSWER else 0.0

    @property
    def answer_remaining(self) -> float:
        """Seconds left for this answer (negative once over the limit)."""
        item = self.current
        if item is None:
            return 0.0
        return item.limit - self.answer_elapsed

    @property
    def session_elapsed(self) -> float:
        if not self.started:
            return 0.0
        return max(0.0, self._now() - self._session_start - self._session_paused)

    @property
    def session_remaining(self) -> float:
        return self.session_seconds - self.session_elapsed

    @property
    def finished(self) -> bool:
        return self.phase == DONE

    # Moving on --------------------------------------------------------------------------

    def start(self) -> list[str]:
        now = self._clock()
        self.started = True
        self._session_start = now
        self._begin(THINK if self.think_seconds else ANSWER, now)
        return [] if self.think_seconds else [ANSWER_STARTED]

    def _begin(self, phase: str, at: float) -> None:
        self.phase = phase
        self._phase_start = at
        self._phase_paused = 0.0
        if phase == THINK:
            self._time_up_told = False

    def tick(self) -> list[str]:
        """Advance what time alone advances; report what happened since the last tick."""
        events: list[str] = []
        if not self.started or self.finished or self.paused:
            return events
        if self.phase == THINK and self.phase_elapsed >= self.think_seconds:
            # The answer clock starts exactly when the think time ran out.
            self._in_hand.think = float(self.think_seconds)
            self._begin(ANSWER, self._phase_start + self._phase_paused + self.think_seconds)
            events.append(ANSWER_STARTED)
        if self.phase == ANSWER and not self._time_up_told and self.answer_remaining <= 0:
            self._time_up_told = True
            events.append(TIME_UP)
        if not self._session_up_told and self.session_remaining <= 0:
            self._session_up_told = True
            events.append(SESSION_TIME_UP)
        return events

    def begin_answer(self) -> list[str]:
        """Stop thinking and start the answer clock now."""
        self.tick()
        if self.phase != THINK:
            return []
        self._in_hand.think = self.phase_elapsed
        self._unpause()
        self._begin(ANSWER, self._clock())
        return [ANSWER_STARTED]

    def advance(self) -> list[str]:
        """Enter/n: while thinking, start answering; while answering, finish and go on."""
        self.tick()
        if self.phase == THINK:
            return self.begin_answer()
        if self.phase == ANSWER:
            return self._finish("answered")
        return []

    def skip(self) -> list[str]:
        """Leave this question unanswered and go on."""
        self.tick()
        if self.finished:
            return []
        return self._finish("skipped")

    def end(self) -> None:
        """End the session now: the question in hand counts as it stands."""
        self.tick()
        if self.finished:
            return
        item = self._in_hand
        if self.phase == ANSWER:
            item.speak = self.answer_elapsed
        else:
            item.think = self.phase_elapsed
        # Under a second on it: it was never really asked.
        if item.speak >= 1:
            item.outcome = "answered"
        else:
            item.outcome = "skipped" if item.think >= 1 else "unreached"
        self._close()

    def _finish(self, outcome: str) -> list[str]:
        item = self._in_hand
        if self.phase == THINK:
            item.think = self.phase_elapsed
            item.speak = 0.0
        else:
            item.speak = self.answer_elapsed
        item.outcome = outcome
        self._unpause()
        if self.index + 1 >= len(self.items) or (
                self.stop_at_session_end and self.session_remaining <= 0):
            self._close()
            return []
        self.index += 1
        at = self._clock()
        self._begin(THINK if self.think_seconds else ANSWER, at)
        return [] if self.think_seconds else [ANSWER_STARTED]

    def _unpause(self) -> None:
        """Leaving a phase while paused: the pause ends with it."""
        if self._paused_at is not None:
            self._session_paused += self._clock() - self._paused_at
            self._paused_at = None

    def _close(self) -> None:
        self._unpause()
        for item in self.items[self.index + 1:]:
            item.outcome = "unreached"
        self.phase = DONE

    # Pausing -------------------------------------------------------------------------------

    def pause(self) -> None:
        if not self.paused and self.started and not self.finished:
            self.tick()
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self._paused_at is not None:
            gap = self._clock() - self._paused_at
            self._phase_paused += gap
            self._session_paused += gap
            self._paused_at = None

    def toggle_pause(self) -> bool:
        """Pause or resume; True when now paused."""
        if self.paused:
            self.resume()
        else:
            self.pause()
        return self.paused
