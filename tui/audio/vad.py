"""Voice-activity detection on the samples: energy in 20 ms frames against the noise floor.

Good enough to time pauses (the review's figures need no transcript): a frame is voiced
when its energy is 10 dB above the recording's quiet frames (and above -55 dBFS), short
clicks are dropped, and stretches closer than `question_bank.spoken.PAUSE_MIN` are joined
by `question_bank.spoken.delivery`.
"""

from __future__ import annotations

from typing import Any

FRAME_SECONDS = 0.02
ABOVE_FLOOR_DB = 10.0
MIN_LEVEL_DB = -55.0  # quieter than this is never voice (dBFS)
BELOW_PEAK_DB = 30.0  # speech throughout: the threshold stays this far below the loud frames
MIN_VOICE_SECONDS = 0.06


def level_db(samples: Any) -> float:
    """The RMS level of int16 or float samples, in dBFS (-100 for digital silence)."""
    import numpy as np

    x = np.asarray(samples, dtype=np.float64)
    if x.size == 0:
        return -100.0
    if np.issubdtype(np.asarray(samples).dtype, np.integer):
        x = x / 32768.0
    power = float(np.mean(x * x))
    return max(-100.0, 10.0 * float(np.log10(power + 1e-10)))


def frame_levels(samples: Any, rate: int) -> Any:
    """dBFS of each 20 ms frame (a numpy array)."""
    import numpy as np

    x = np.asarray(samples)
    if x.ndim > 1:
        x = x.mean(axis=1)
    x = x.astype(np.float64)
    if np.issubdtype(np.asarray(samples).dtype, np.integer):
        x = x / 32768.0
    n = max(1, int(rate * FRAME_SECONDS))
    count = len(x) // n
    if count == 0:
        return np.zeros(0)
    frames = x[: count * n].reshape(count, n)
    return 10.0 * np.log10(np.mean(frames * frames, axis=1) + 1e-10)


def threshold_db(levels: Any) -> float:
    import numpy as np

    if len(levels) == 0:
        return MIN_LEVEL_DB
    floor = float(np.percentile(levels, 10))
    loud = float(np.percentile(levels, 95))
    return max(MIN_LEVEL_DB, min(floor + ABOVE_FLOOR_DB, loud - BELOW_PEAK_DB))


def voiced_stretches(samples: Any, rate: int) -> list[tuple[float, float]]:
    """Where there was voice: (start, end) in seconds, in order."""
    import numpy as np

    levels = frame_levels(samples, rate)
    if len(levels) == 0:
        return []
    voiced = levels > threshold_db(levels)
    stretches: list[tuple[float, float]] = []
    edges = np.flatnonzero(np.diff(np.concatenate(([0], voiced.astype(np.int8), [0]))))
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        a, b = start * FRAME_SECONDS, end * FRAME_SECONDS
        if b - a >= MIN_VOICE_SECONDS:
            stretches.append((round(a, 3), round(b, 3)))
    return stretches
