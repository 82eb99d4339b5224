"""The review's recorded answer: the player and what the recording shows, for the answer
selected. Holds the session's recordings (`SpokenAnswers`, read by the screen's worker) and
starts the analysis of any recording stored but never analysed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from question_bank.mock import MockItem, MockSession
from question_bank.recordings import Recording
from tui.practice.recorded_answers import Take
from tui.practice.spoken_answers import SpokenAnswers
from tui.widgets.player import Player
from tui.widgets.spoken_review import SpokenReviewPanel


class RecordedAnswer(Vertical):
    DEFAULT_CSS = """
    RecordedAnswer { height: auto; }
    """

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.spoken = SpokenAnswers()
        self.player = Player(ctx.recorder, id="review-player")

    def compose(self) -> ComposeResult:
        yield self.player
        yield SpokenReviewPanel(id="review-spoken")

    def recording(self, item: MockItem | None) -> Recording | None:
        return self.spoken.recordings.get(item.id) if item is not None else None

    def playable(self, item: MockItem | None) -> bool:
        recording = self.recording(item)
        return recording is not None and recording.has_audio

    def set_session(self, session: MockSession, spoken: SpokenAnswers) -> None:
        """The session's recordings, freshly read; those stored but never analysed (the app
        closed meanwhile) are analysed now."""
        self.spoken = spoken
        for item in session.items:
            recording = self.recording(item)
            path = self.spoken.path(self.ctx.db_path, recording) if recording else None
            if recording is not None and recording.status == "recorded" and path is not None:
                ref = item.ref if item.kind == "question" else None
                self.ctx.recorded.resume(Take("mock", session.id, item.position,
                                              question_id=ref),
                                         recording.id, path, recording.seconds)

    def show(self, item: MockItem) -> None:
        recording = self.recording(item)
        if recording is None or not recording.has_audio:
            self.player.load(None, 0.0)  # the panel says why, if there was audio
        else:
            self.player.load(self.spoken.path(self.ctx.db_path, recording), recording.seconds)
        self.query_one(SpokenReviewPanel).show(
            recording, target=min(item.target_seconds, item.limit_seconds),
            cap=item.limit_seconds, pace=self.spoken.pace,
            written=self.spoken.written.get(item.ref or ""),
            waiting=item.position in self.spoken.waiting,
            recorded=bool(self.spoken.recordings) or bool(self.spoken.waiting))
