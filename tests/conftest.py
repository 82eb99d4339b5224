"""Shared fixtures: a prepared temporary database, the app factory, the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from tests.fakes import FakeSpeaker  # noqa: F401  (tests import it from here too)
from tests.garbage import BetweenTests
from tests.textual_hooks import quicken_pilot_keys, share_parsed_styles

ROOT = Path(__file__).resolve().parent.parent

# The tests keep Python's compiled modules (in __pycache__, which git ignores) even where
# PYTHONDONTWRITEBYTECODE asks for none: without them each of the test processes, and each
# program a test starts, compiled every module it imported from its source again (collecting
# the tests took 2.5-2.9 s a process, against 1.1 s). Set before the test modules are
# read, and passed on to the test processes and the programs they start.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# The property tests draw the same examples on every run, so that a red build names a bug
# rather than a roll of the dice (the examples that once failed are pinned with @example).
# MATCHPREP_HYPOTHESIS=explore draws new ones each run: do that when changing an importer
# or an exporter.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("MATCHPREP_HYPOTHESIS", "repeatable"))

# Hundreds of apps are made in each test process: they share the stylesheets parsed once
# (parsing the same 130 sources again was a tenth to a fifth of starting an app in Pilot).
share_parsed_styles()
# Pilot judges whether the app is idle after each key over 5 ms windows, not 20 ms (40 ms or
# more a key, whatever it did: tests/textual_hooks.py).
quicken_pilot_keys()


def pytest_configure(config) -> None:
    """The fast run (`-m "not slow"`) draws fewer property-test examples (tests/examples.py)."""
    import tests.examples

    markexpr = config.getoption("markexpr", "") or ""
    tests.examples.FAST = "not slow" in " ".join(markexpr.split())


def pytest_xdist_auto_num_workers(config) -> int | None:
    """`-n auto` in the fast run: two workers a core. A Pilot test waits a third of its time
    and more (the app's timers and threads, Pilot's pauses) while another worker can run:
    with three workers on two cores, 1.6 of them were busy (816 tests: 95 s with three, 84-87
    s with four, alternating, at the same CPU). The full run keeps one worker a core: its
    tests in a real terminal wait on real time."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # as xdist reads it
    if "not slow" not in " ".join((config.getoption("markexpr", "") or "").split()):
        return None  # xdist's own: one a core
    cores = len(os.sched_getaffinity(0))
    return 2 * cores


# Garbage is collected between tests, not in the middle of them (tests/garbage.py): a full
# collection went through every module and the garbage of the tests before, inside a test.
_garbage = BetweenTests()


def pytest_collection_finish(session) -> None:
    _garbage.start()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    result = yield
    _garbage.after_test()  # its fixtures torn down, and let go of (item.funcargs)
    return result


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user's data folder and database."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("MATCHPREP_DB", raising=False)
    monkeypatch.delenv("MATCHPREP_DEBUG", raising=False)


@pytest.fixture(scope="session")
def prepared_database(tmp_path_factory) -> Path:
    """The file `db_path` copies: prepared once per test process (migrating and merging the
    bank took about half a second a test)."""
    from question_bank.profile import Profile, save_profile
    from tui.cli.launch import prepare_database
    from tui.store.database import connect

    folder = tmp_path_factory.mktemp("prepared")
    with pytest.MonkeyPatch.context() as env:  # (before the autouse fixture's own folders)
        env.setenv("XDG_DATA_HOME", str(folder / "data"))
        env.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        path = folder / "matchprep.db"
        prepare_database(path)
        db = connect(path)
        try:
            save_profile(db, Profile())
        finally:
            db.close()
    leftovers = sorted(p.name for p in folder.iterdir())
    assert leftovers == ["matchprep.db"], leftovers  # whole in one file: a copy is all of it
    return path


@pytest.fixture
def db_path(tmp_path, prepared_database) -> Path:
    """A database with every migration run and the shipped bank merged, whose applicant
    skipped the profile (so the app does not ask on start; a test of the first start, or of
    a profile, makes its own file or saves one). A copy of one prepared per test process."""
    path = tmp_path / "matchprep.db"
    shutil.copyfile(prepared_database, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def db(db_path):
    from tui.store.database import connect

    database = connect(db_path)
    yield database
    database.close()


@pytest.fixture
def speaker() -> FakeSpeaker:
    return FakeSpeaker()


@pytest.fixture
def app_factory(db_path, speaker) -> Callable:
    """`app_factory(**kwargs)` builds the app on the test database; closed afterwards."""
    from tui.cli.launch import make_app

    made = []

    def factory(**kwargs):
        kwargs.setdefault("speaker", speaker)
        app = make_app(db_path, prepare=False, **kwargs)
        made.append(app)
        return app

    yield factory
    for app in made:
        app.ctx.close()


class CommandLine:
    """`run_cli("questions", "list", db=path)`: the command line's `main` called in the test's
    process, as `python -m tui.cli` would call it (arguments, environment, working folder
    (`cwd=`, else the test's tmp_path),
    stdin, stdout and stderr, the exit code), without starting a Python for each command
    (0.3-0.4 s each). `run_cli(..., real=True)` runs the real program in a process of its
    own: for what only a process shows (its encoding, its signals, what it imports)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, *args: str, db: Path | None = None, input: str | None = None,
                 env: dict | None = None, timeout: float = 60, real: bool = False,
                 cwd: Path | None = None) -> subprocess.CompletedProcess:
        if real:
            return self.in_a_process(args, db, input, env, timeout, cwd)
        return self.in_this_process(args, db, input, env, cwd)

    def in_a_process(self, args, db, input, env, timeout, cwd) -> subprocess.CompletedProcess:
        environment = {**os.environ, **(env or {})}
        environment.setdefault("PYTHONPATH", str(ROOT))
        if db is not None:
            environment["MATCHPREP_DB"] = str(db)
        return subprocess.run(
            [sys.executable, "-m", "tui.cli", *args],
            capture_output=True, text=True, input=input, env=environment, timeout=timeout,
            cwd=cwd or self.folder,
        )

    def in_this_process(self, args, db, input, env, cwd) -> subprocess.CompletedProcess:
        import io
        import signal

        from tui.cli.main import main
        from tui.cli.signals import ENDING

        out, err = io.StringIO(), io.StringIO()
        handlers = {sig: signal.getsignal(sig) for sig in ENDING}
        umask = os.umask(0o077)
        try:
            with pytest.MonkeyPatch.context() as patch:
                for key, value in (env or {}).items():
                    patch.setenv(key, value)
                if db is not None:
                    patch.setenv("MATCHPREP_DB", str(db))
                patch.chdir(cwd or self.folder)
                patch.setattr(sys, "stdin", io.StringIO(input or ""))
                patch.setattr(sys, "stdout", out)
                patch.setattr(sys, "stderr", err)
                try:
                    code = main(list(args))
                except SystemExit as exit:  # argparse: --help, --version, a usage error
                    code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None \
                        else 1
                    if isinstance(exit.code, str):
                        err.write(exit.code + "\n")
        finally:
            os.umask(umask)
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
        return subprocess.CompletedProcess(["matchprep", *args], code, out.getvalue(),
                                           err.getvalue())


# A command whose test runs it in the test's process (`run_cli`) in the fast run and, in the
# full run, in a process of its own too: `@pytest.mark.parametrize("own_process", BOTH_WAYS)`.
# Starting Python for a command costs 0.3-0.4 s of CPU; what only a process shows (the app
# not starting without a terminal, the encoding, a signal) keeps a process in the fast run.
WHY_A_PROCESS_TOO = ("the same command in a process of its own: the fast run runs it in the "
                     "test's process, and keeps one of each kind in a process")
BOTH_WAYS = [pytest.param(False, id="in-process"),
             pytest.param(True, id="own-process",
                          marks=pytest.mark.slow(reason=WHY_A_PROCESS_TOO))]


@pytest.fixture
def run_cli(tmp_path) -> CommandLine:
    """Run the command line: `run_cli("questions", "list", db=path)` (see CommandLine)."""
    return CommandLine(tmp_path)


@pytest.fixture(scope="session")
def fake_mic(tmp_path_factory):
    """A PulseAudio of the tests' own whose default source is a FIFO the test writes speech
    into (tests/fake_mic.py); skipped, naming what to install, where pieces are missing."""
    from tests.fake_mic import FakeMic, missing_pieces

    absent = missing_pieces()
    if absent:
        pytest.skip("not on this machine: " + ", ".join(absent))
    mic = FakeMic(tmp_path_factory.mktemp("mic")).start()
    yield mic
    mic.stop()


@pytest.fixture
def mic_env(fake_mic, monkeypatch):
    """Processes started by this test hear the fake microphone."""
    for key, value in fake_mic.env.items():
        monkeypatch.setenv(key, value)
    return fake_mic
