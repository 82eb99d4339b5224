"""`AppContext.read_apart`: a read on a connection of its own, in a thread of its own, whose
result (or error) the worker that started it takes when it needs it."""

from __future__ import annotations

import threading

import pytest

from question_bank.questions import count_questions
from tui.cli.launch import make_context


def test_a_read_apart_runs_in_another_thread_on_its_own_connection(db_path):
    ctx = make_context(db_path)
    try:
        seen = {}

        def read(db):
            seen["thread"], seen["db"] = threading.current_thread(), db
            return count_questions(db)

        with ctx.reader() as mine:
            assert ctx.read_apart(read).result(timeout=10) == count_questions(mine)
        assert seen["thread"] is not threading.current_thread()
        assert seen["db"] is not mine and seen["db"] is not ctx.db
    finally:
        ctx.close()


def test_what_a_read_apart_raises_is_raised_to_whoever_takes_its_result(db_path):
    ctx = make_context(db_path)
    try:
        future = ctx.read_apart(lambda db: db.execute("select * from no_such_table"))
        with pytest.raises(Exception, match="no_such_table"):
            future.result(timeout=10)
    finally:
        ctx.close()


def test_the_threads_reading_apart_end_with_the_context(db_path):
    """Kept between reads (a read starts at once), they are let go when the app closes."""
    ctx = make_context(db_path)
    ctx.read_apart(count_questions).result(timeout=10)
    readers = [t for t in threading.enumerate() if t.name.startswith("read-apart")]
    assert readers  # kept for the next read
    ctx.close()
    for thread in readers:
        thread.join(timeout=10)
    assert not any(thread.is_alive() for thread in readers)
