"""Playing a recorded answer back: play/pause, back and forward 5 s, the position on a bar,
1x or 1.25x (same pitch). The sound is made by the recorder's helper process; this widget
keeps the position and draws it. The screen calls `toggle`, `skip`, `toggle_speed` (its keys
say so) and `load` when another answer is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from question_bank.structures import format_duration
from tui.audio.recorder import AudioEvent

SPEEDS = (1.0, 1.25)
STEP = 5.0
KEYS = "space play/pause · [ ] 5 s · x speed"


def bar(position: float, total: float, cells: int) -> str:
    if cells < 3:
        return ""
    at = 0 if total <= 0 else round(min(1.0, max(0.0, position / total)) * (cells - 1))
    return "━" * at + "●" + "─" * (cells - 1 - at)


class Player(Static):
    DEFAULT_CSS = """
    Player { height: auto; width: 1fr; }
    """

    @dataclass
    class Heard(Message):
        event: AudioEvent

    def __init__(self, recorder, *, listen: bool = True, **kwargs) -> None:
        """`listen`: become the recorder's listener (else the owner hands events to `hear`)."""
        super().__init__(**kwargs)
        self.recorder = recorder
        self.listen = listen
        self.path: Path | None = None
        self.seconds = 0.0
        self.position = 0.0
        self.speed = SPEEDS[0]
        self.playing = False
        self.play_id = 0
        self.why_not = ""

    def on_mount(self) -> None:
        if self.recorder is not None and self.listen:
            self.recorder.set_listener(self.hear)
        self.draw()

    def on_unmount(self) -> None:
        self.stop()
        if self.recorder is not None and self.listen:
            self.recorder.set_listener(None)

    def hear(self, event: AudioEvent) -> None:
        """The recorder's news (from any thread)."""
        self.post_message(self.Heard(event))

    def on_resize(self) -> None:
        self.draw()

    # The screen's calls ---------------------------------------------------------------------

    def load(self, path: Path | None, seconds: float, why_not: str = "") -> None:
        """Another recording (or none: `why_not` says why there is nothing to play)."""
        if path != self.path:
            self.stop()
            self.position = 0.0
        self.path, self.seconds, self.why_not = path, seconds, why_not
        self.draw()

    @property
    def can_play(self) -> bool:
        return (self.path is not None and self.recorder is not None
                and getattr(self.recorder, "available", False))

    def toggle(self) -> None:
        if self.playing:
            self.stop()
        elif self.can_play:
            if self.position >= self.seconds - 0.1:
                self.position = 0.0
            self._start()
        self.draw()

    def skip(self, delta: float) -> None:
        self.position = max(0.0, min(self.seconds, self.position + delta))
        if self.playing:
            self._start()
        self.draw()

    def toggle_speed(self) -> None:
        self.speed = SPEEDS[(SPEEDS.index(self.speed) + 1) % len(SPEEDS)]
        if self.playing:
            self._start()
        self.draw()

    def stop(self) -> None:
        if self.playing and self.recorder is not None:
            self.recorder.halt()
        self.playing = False

    def _start(self) -> None:
        self.play_id = self.recorder.play(self.path, self.position, self.speed)
        self.playing = True

    # Drawing and the recorder's news -----------------------------------------------------------

    def draw(self) -> None:
        if self.path is None:
            self.update(Content(self.why_not) if self.why_not else "")
            return
        if not self.can_play:
            problem = getattr(self.recorder, "problem", None) or "no sound device"
            self.update(Content(f"Cannot play it back here: {problem}"))
            return
        icon = "❚❚" if self.playing else "▶"
        speed = "1.25x" if self.speed > 1 else "1x"
        left = f"{icon} {format_duration(self.position)} "
        right = f" {format_duration(self.seconds)}  {speed}"
        keys = f"   {KEYS}" if self.size.width >= 70 else ""
        cells = max(0, self.size.width - len(left) - len(right) - len(keys) - 1)
        self.update(Content.from_markup("[b]$left[/b]$bar$right[dim]$keys[/dim]", left=left,
                                        bar=bar(self.position, self.seconds, min(cells, 60)),
                                        right=right, keys=keys))

    @on(Heard)
    def _heard(self, message: Heard) -> None:
        event = message.event
        if event.id != self.play_id:
            return
        if event.kind == "playing":
            self.position = min(self.seconds, event.seconds)
        elif event.kind in ("ended", "halted", "failed"):
            if event.kind == "ended":
                self.position = self.seconds
            self.playing = False
            if event.kind == "failed":
                self.notify(f"Cannot play it: {event.message}", severity="warning",
                            markup=False)
        self.draw()
