"""The tests' garbage collection between tests (tests/garbage.py) still frees what a test
left in cycles, and sets aside only what is alive."""

from __future__ import annotations

import gc
import weakref

from tests.garbage import MANY, RECLAIM, BetweenTests


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only a collection frees it


def old_cycle() -> weakref.ref:
    """A cycle that lived through collections of the young generations, then was dropped."""
    node = Node()
    gone = weakref.ref(node)
    gc.collect(1)  # into the oldest generation, where only a full collection goes
    del node
    gc.collect(1)
    assert gone() is not None
    return gone


def test_after_a_test_that_made_many_objects_its_cycles_are_freed():
    gone = old_cycle()
    while gc.get_count()[2] < MANY:
        gc.collect(1)
    BetweenTests().after_test()
    assert gone() is None
    assert gc.get_count()[2] == 0


def test_what_is_alive_after_a_test_is_set_aside_and_freed_at_the_next_reclaim():
    between = BetweenTests()
    node = Node()
    gone = weakref.ref(node)
    while gc.get_count()[2] < MANY:
        gc.collect(1)
    before = gc.get_freeze_count()
    between.after_test()
    assert gc.get_freeze_count() > before  # alive: set aside
    del node
    gc.collect()
    assert gone() is not None  # set aside: no collection goes through it
    between.tests = RECLAIM - 1
    between.after_test()  # the reclaim: everything collected again, once
    assert gone() is None
