"""Sample recorded answers for `matchprep demo`: what was heard in the demo's mock interviews.

The demo has no audio (a recording is a person's own voice): each answered question of the
sample sessions gets a transcript and figures, its audio marked as deleted, so the review,
history and Progress show what recording gives. Pace settles and fillers thin out over the
weeks, as the sample applicant practises.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from question_bank.drill import parse_stamp
from question_bank.mock import get_session
from question_bank.recordings import add_recording, save_review
from question_bank.spoken import SpokenReview, SpokenWord, delivery

if TYPE_CHECKING:
    from sqlite_utils import Database

SAID = ("so in my second year I was on a night shift in the emergency department when a "
        "patient came in with sudden weakness I looked at the scan with the resident and we "
        "called the stroke team the patient got treatment within the hour and I learned to "
        "speak up early when something does not look right").split()


def populate(db: Database, *, seed: int = 11) -> None:
    rng = random.Random(seed)
    sessions = [r[0] for r in db.execute("select id from mock_sessions order by started_at")]
    with db.atomic():
        for n, session_id in enumerate(sessions):
            session = get_session(db, session_id)
            if session is None:
                continue
            progress = n / max(1, len(sessions) - 1)
            for item in session.items:
                if item.outcome != "answered" or not item.speak_seconds:
                    continue
                _answer(db, rng, session_id, item.position, item.speak_seconds, progress,
                        item.id)


def _answer(db: Database, rng: random.Random, session_id: int, position: int, seconds: float,
            progress: float, item_id: int) -> None:
    row = db.execute("select answered_at from mock_items where id = ?", [item_id]).fetchone()
    at = parse_stamp(row[0]) if row else None
    if at is None:
        return
    wpm = rng.uniform(175, 190) - 25 * progress  # fast at first, then near your pace
    filler_share = 0.07 - 0.05 * progress
    words: list[SpokenWord] = []
    voiced: list[tuple[float, float]] = []
    t = rng.uniform(1.0, 3.0)  # time to the first word
    step = 60.0 / wpm
    start = t
    while t < seconds - 1:
        if rng.random() < filler_share:
            text, confidence = rng.choice(("um", "uh")), 0.8
        else:
            text, confidence = SAID[len(words) % len(SAID)], rng.uniform(0.3, 1.0)
        words.append(SpokenWord(text, t, t + step * 0.8, confidence))
        t += step
        if rng.random() < 0.06:  # a pause to think
            voiced.append((start, t - step * 0.2))
            t += rng.uniform(0.4, 2.0) + (3.5 if rng.random() < 0.15 * (1 - progress) else 0)
            start = t
    voiced.append((start, t))
    review = SpokenReview(delivery(voiced, seconds), tuple(words), transcribed=True)
    recording = add_recording(db, kind="mock", path="", seconds=seconds, recorded_at=at,
                              session_id=session_id, position=position)
    save_review(db, recording, review, engine="demo")
    db.execute("update recordings set path = null, audio_deleted_at = recorded_at where id = ?",
               [recording])
