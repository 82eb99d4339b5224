"""Faster playback that keeps the voice's pitch: WSOLA (overlap-add of 40 ms windows, each
placed where it best continues the last one)."""

from __future__ import annotations

from typing import Any

WINDOW_SECONDS = 0.04
SEEK_SECONDS = 0.01


def stretch(samples: Any, rate: int, speed: float) -> Any:
    """`samples` (1-D float) played `speed` times faster, same pitch."""
    import numpy as np

    x = np.asarray(samples, dtype=np.float32)
    if abs(speed - 1.0) < 1e-3 or len(x) < rate * WINDOW_SECONDS * 4:
        return x
    n = int(rate * WINDOW_SECONDS)
    hop = n // 2
    seek = int(rate * SEEK_SECONDS)
    window = np.hanning(n).astype(np.float32)
    out_len = int(len(x) / speed) + n
    out = np.zeros(out_len, dtype=np.float32)
    norm = np.zeros(out_len, dtype=np.float32)
    previous_tail = None
    k = 0
    while True:
        target = int(k * hop * speed)
        if target + n + seek >= len(x):
            break
        start = target
        if previous_tail is not None:
            low, high = max(0, target - seek), min(len(x) - n, target + seek)
            candidates = np.lib.stride_tricks.sliding_window_view(x[low:high + hop], hop)
            scores = candidates @ previous_tail
            start = low + int(np.argmax(scores))
        frame = x[start:start + n]
        at = k * hop
        out[at:at + n] += frame * window
        norm[at:at + n] += window
        previous_tail = x[start + hop:start + hop + hop]
        if len(previous_tail) < hop:
            break
        k += 1
    used = k * hop + hop
    norm[norm < 1e-3] = 1.0
    return (out / norm)[:used]
