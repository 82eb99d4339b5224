"""Run the real `matchprep` command line with a fault planted at an exact moment.

    python -m tests.reliability.sabotage ARGS...      (the same ARGS as `matchprep`)

MATCHPREP_TEST_KILL_AT="TABLE:N"  SIGKILL this process as the Nth row goes into TABLE
                                  (through sqlite-utils' tables, or a statement of the
                                  dossier's row writers): a `kill -9` in the middle of an
                                  import's transaction.
MATCHPREP_TEST_KILL_ON="MODULE:NAME"  SIGKILL this process when MODULE.NAME is called
                                  (say `os:replace`, half-way through writing a file).
MATCHPREP_TEST_RAISE_ON="MODULE:NAME" make MODULE.NAME raise a bug whose message quotes its
                                  arguments (the user's text): a crash that must not show it.

Timing a kill from outside would hit the interesting moment only by luck; this hits it
every time, in the real program, with the real signal.
"""

from __future__ import annotations

import os
import signal
import sys
from importlib import import_module


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def plant() -> None:
    kill_at = os.environ.get("MATCHPREP_TEST_KILL_AT")
    if kill_at:
        table, _, count = kill_at.partition(":")
        limit = int(count)
        from sqlite_utils.db import Database, Table

        seen = {"rows": 0}
        original_insert, original_insert_all = Table.insert, Table.insert_all

        def counted(self, rows: int) -> None:
            if self.name == table:
                seen["rows"] += rows
                if seen["rows"] >= limit:
                    _die()

        def insert(self, record, *args, **kwargs):
            counted(self, 1)
            return original_insert(self, record, *args, **kwargs)

        def insert_all(self, records, *args, **kwargs):
            records = list(records)
            counted(self, len(records))
            return original_insert_all(self, records, *args, **kwargs)

        Table.insert, Table.insert_all = insert, insert_all
        original_execute = Database.execute
        statement = f"insert into [{table}] "  # as dossiers.rows writes a row

        def execute(self, sql, *args, **kwargs):
            if sql.startswith(statement):
                seen["rows"] += 1
                if seen["rows"] >= limit:
                    _die()
            return original_execute(self, sql, *args, **kwargs)

        Database.execute = execute
    kill_on = os.environ.get("MATCHPREP_TEST_KILL_ON")
    if kill_on:
        module_name, _, name = kill_on.partition(":")
        module = import_module(module_name)

        def killer(*args, **kwargs):
            _die()

        setattr(module, name, killer)
    raise_on = os.environ.get("MATCHPREP_TEST_RAISE_ON")
    if raise_on:
        module_name, _, name = raise_on.partition(":")
        module = import_module(module_name)

        def broken(*args, **kwargs):
            raise ValueError(f"planted bug, given {args!r} {kwargs!r}")

        setattr(module, name, broken)


if __name__ == "__main__":
    plant()
    from tui.cli.main import main

    sys.exit(main(sys.argv[1:]))
