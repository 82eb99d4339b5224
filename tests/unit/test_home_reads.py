"""Home's cards read through one connection a round: what several cards read is read once
in that round, and again in the next (never kept from one round to the next)."""

from __future__ import annotations

from tui.widgets.home_panel import one_round, read_once


class Connection:
    """Stands for a reader connection (only its identity matters)."""


def test_a_read_shared_by_cards_is_made_once_a_round_and_again_in_the_next():
    made: list[int] = []

    def read(db) -> int:
        made.append(1)
        return len(made)

    db = Connection()
    with one_round(db):
        assert read_once(db, "days", read) == read_once(db, "days", read) == 1
    with one_round(db):
        assert read_once(db, "days", read) == 2
    assert read_once(db, "days", read) == 3  # outside a round: read every time
    assert read_once(db, "days", read) == 4


def test_rounds_on_two_connections_keep_apart():
    db, other = Connection(), Connection()
    with one_round(db), one_round(other):
        assert read_once(db, "zone", lambda _: "Europe/Berlin") == "Europe/Berlin"
        assert read_once(other, "zone", lambda _: "UTC") == "UTC"
