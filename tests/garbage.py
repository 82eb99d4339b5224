"""The tests' garbage collection: between tests rather than in the middle of them, set up by
tests/conftest.py for each test process (the app never runs with it; it keeps Python's own).

A Pilot test makes an app of some 50,000 objects, cycles all (widgets and their parents,
message pumps), freed only by a full collection. Python starts one whenever the objects
that lived long grew by a quarter: in a test process that happened in the middle of tests,
going through every module, the test's live app and the garbage of the tests before, and
took a fifth to a quarter of a Pilot test file's CPU (in test_programs_screens.py 4.2 s of
16). Here:

- what is alive once the tests are collected (modules, the collected tests) is set aside
  (`gc.freeze`): no collection goes through it again;
- after a test that made many objects, one full collection frees its garbage, and what is
  still alive then is set aside too; the young generations are collected as usual during a
  test, and a full collection still comes in one that makes far more than any test does;
- every `RECLAIM` tests, what was set aside is collected again, whole, once: an object set
  aside while alive that later became cyclic garbage is freed then.

Garbage collection decides when memory is freed and when finalizers run, never what a test
sees of the app: the app's files, connections and threads are closed by the app itself.
"""

from __future__ import annotations

import gc

RECLAIM = 50  # tests between two collections of everything set aside
MANY = 5  # a test after which the young generations were collected this many times, and more
DURING_A_TEST = (700, 10, 1000)  # Python's thresholds but the last (10)


class BetweenTests:
    def __init__(self) -> None:
        self.tests = 0

    def start(self) -> None:
        """Once the tests are collected: set aside what is alive."""
        gc.collect()
        gc.freeze()
        gc.set_threshold(*DURING_A_TEST)

    def after_test(self) -> None:
        """After a test, its fixtures torn down and let go of (its app closed)."""
        self.tests += 1
        reclaim = self.tests % RECLAIM == 0
        if reclaim:
            gc.unfreeze()
        if reclaim or gc.get_count()[2] >= MANY:
            gc.collect()
            gc.freeze()
