"""A read that comes back before the widgets it fills are mounted is held for them."""

from __future__ import annotations

from tui.screens.held import HeldUntilMounted


def test_results_before_the_mount_are_held_and_handed_over_in_order_once_at_the_mount():
    shown: list[tuple] = []
    reads = HeldUntilMounted(lambda *args, **kwargs: shown.append((args, kwargs)))
    reads.deliver(["first"], zone="UTC")
    reads.deliver(["second"], zone="UTC")
    assert shown == [] and not reads.ready
    reads.mounted()
    assert shown == [((["first"],), {"zone": "UTC"}), ((["second"],), {"zone": "UTC"})]
    assert reads.held == []
    reads.deliver(["after"], zone="UTC")  # mounted: at once
    assert shown[-1] == ((["after"],), {"zone": "UTC"}) and len(shown) == 3


def test_an_older_read_finishing_last_before_the_mount_does_not_hide_the_newer():
    """Each screen numbers its reads and shows only the newest; held, the newer must still
    reach it when the older one came back after it."""
    newest = 2
    shown: list[int] = []

    def show(read: int) -> None:
        if read == newest:  # as a screen drops an older read
            shown.append(read)

    reads = HeldUntilMounted(show)
    reads.deliver(2)
    reads.deliver(1)  # the older read, finishing last
    reads.mounted()
    assert shown == [2]


def test_a_mount_with_nothing_held_shows_nothing():
    shown: list[tuple] = []
    reads = HeldUntilMounted(lambda *args: shown.append(args))
    reads.mounted()
    assert shown == [] and reads.ready
