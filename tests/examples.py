"""How many examples a property test draws: every one in the full run, a quarter (at least
ten) in the fast run (`-m "not slow"`, which tests/conftest.py recognises). The examples are
drawn the same way on every run, so the fast run's are the first of the full run's, and the
examples pinned with @example run in both."""

from __future__ import annotations

FAST = False  # set by tests/conftest.py when slow tests are left out


def examples(full: int) -> int:
    return max(10, full // 4) if FAST else full
