"""A card on the home screen: what one part of the app says about where the user stands.

A panel reads in a worker thread (`gather`, given a private connection), then shows what
it read on the event loop (`show`), and may offer next steps for the "What next" list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakKeyDictionary

from textual.containers import Vertical

from tui.context import AppContext

if TYPE_CHECKING:
    from sqlite_utils import Database


T = TypeVar("T")
_rounds: WeakKeyDictionary[Any, dict[str, Any]] = WeakKeyDictionary()


@contextmanager
def one_round(db: Database) -> Iterator[None]:
    """The cards read through `db` in one go: what several read (`read_once`) is read once."""
    _rounds[db] = {}
    try:
        yield
    finally:
        _rounds.pop(db, None)


def read_once(db: Database, key: str, read: Callable[[Database], T]) -> T:
    """`read(db)`, read once in a round of reads (`one_round`) for every card that asks;
    outside a round, read each time."""
    memo = _rounds.get(db)
    if memo is None:
        return read(db)
    if key not in memo:
        memo[key] = read(db)
    return memo[key]  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class NextStep:
    priority: int  # lower comes first
    text: str
    action: str  # an action string, e.g. "app.section('questions')"


class HomePanel(Vertical):
    DEFAULT_CSS = """
    HomePanel {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-primary;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    """
    TITLE = ""
    # Whether the card's read is mostly SQLite's work (counting thousands of rows): the
    # home screen then reads it on a connection of its own, alongside the other cards'.
    READ_APART = False

    def __init__(self, ctx: AppContext, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ctx = ctx
        self.border_title = self.TITLE

    def prepare(self) -> None:
        """Start what `gather` will wait on (a writer job, say), before any panel reads:
        it then runs while the other panels read (on the event loop, just before the
        reads start; no widgets here)."""

    def gather(self, db: Database) -> Any:
        """Read what the panel needs (runs in a worker thread; no widgets here)."""
        raise NotImplementedError

    def show(self, state: Any) -> None:
        """Display `state` (runs on the event loop)."""
        raise NotImplementedError

    def next_steps(self, state: Any) -> list[NextStep]:
        return []
