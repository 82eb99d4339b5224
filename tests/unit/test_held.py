"""A read that comes back before the widgets it fills are mounted is held for them."""

from __future__ import annotations

from tui.screens.held import HeldUntilMounted


def test_a_result_before_the_mount_is_held_and_handed_over_once_at_the_mount():
    shown: list[tuple] = []
    reads = HeldUntilMounted(lambda *args, **kwargs: shown.append((args, kwargs)))
    reads.deliver(["old"], zone="UTC")
    reads.deliver(["new"], zone="UTC")  # a newer read replaces the one held
    assert shown == [] and not reads.ready
    reads.mounted()
    assert shown == [((["new"],), {"zone": "UTC"})]
    assert reads.held is None
    reads.deliver(["after"], zone="UTC")  # mounted: at once
    assert shown[-1] == ((["after"],), {"zone": "UTC"}) and len(shown) == 2


def test_a_mount_with_nothing_held_shows_nothing():
    shown: list[tuple] = []
    reads = HeldUntilMounted(lambda *args: shown.append(args))
    reads.mounted()
    assert shown == [] and reads.ready
