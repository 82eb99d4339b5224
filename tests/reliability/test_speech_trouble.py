"""Point 9: a speech engine that is missing, or hangs (at start, or while speaking). The app
stays responsive (the questions show, keys work, the clocks run), tells the user, and a
hung engine is killed rather than waited on.

The real app and its real speech helper run here; only pyttsx3 is replaced, by
fake_engine/pyttsx3 (first on PYTHONPATH), which fails or hangs as real engines do.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from question_bank.mock_formats import Prompt
from tests.conftest import ROOT
from tests.fakes import FakeClock
from tests.reliability.screens import until
from tests.reliability.terminal import Terminal, app_env, matchprep
from tests.system import needs
from tests.waiting import wait_until
from tui.speech.client import HelperSpeaker

FAKE_ENGINE = Path(__file__).resolve().parent / "fake_engine"
FAKE_HELPER = Path(__file__).resolve().parent.parent / "fake_speech_helper.py"


def engine_env(mode: str, **extra: str) -> dict:
    return app_env(FAKE_PYTTSX3=mode, PYTHONPATH=f"{FAKE_ENGINE}{os.pathsep}{ROOT}", **extra)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in Path(
        f"/proc/{pid}/status").read_text().lower()


def helpers(terminal: Terminal) -> list[int]:
    return [pid for pid in terminal.pids() if pid != terminal.process.pid
            and b"tui.speech.child" in Path(f"/proc/{pid}/cmdline").read_bytes()]


@pytest.mark.slow
def test_no_speech_engine_shows_the_questions_and_says_how_to_get_one(db_path):
    args = matchprep("mock", "--format", "stress", "--questions", "3", db=db_path)
    with Terminal(args, env=engine_env("missing")) as terminal:
        terminal.wait_for("question 1 of 3")
        terminal.wait_for("espeak-ng")  # the notice names what to install
        terminal.press("n")
        terminal.wait_for("question 2 of 3")
        assert terminal.quit() == 0
    doctor = Terminal(matchprep("doctor", db=db_path), env=engine_env("missing"))
    doctor.process.wait(60)
    # Not just "speech": the data folder's path (this test's name) holds that word too.
    screen = doctor.wait_for("not available")
    doctor.close_pty()
    assert "not available" in screen and "espeak-ng" in screen and "Traceback" not in screen


@pytest.mark.slow
def test_an_engine_that_hangs_while_speaking_is_killed_and_the_app_goes_on(db_path, tmp_path):
    args = matchprep("mock", "--format", "stress", "--questions", "3", db=db_path)
    speaking = tmp_path / "speaking"
    with Terminal(args, env=engine_env("hang", FAKE_PYTTSX3_LOG=str(speaking))) as terminal:
        terminal.wait_for("question 1 of 3")
        wait_until(speaking.exists, what="the engine to start reading the first question")
        stuck = helpers(terminal)
        assert stuck, "the speech helper never started"
        terminal.press("n")  # answered while the engine is stuck reading it: no waiting
        terminal.wait_for("question 2 of 3", timeout=3)
        assert not any(alive(pid) for pid in stuck)  # the stuck one was killed at once
        clock = terminal.display()
        terminal.wait_for(lambda screen: screen != clock, timeout=3)  # the clocks run on
        terminal.wait_for("stopped answering", timeout=40)  # told, and it restarts
        assert len(helpers(terminal)) <= 1
        assert terminal.quit(timeout=15) == 0
    for pid in stuck:
        assert not alive(pid)


async def test_an_engine_that_never_starts_leaves_the_app_responsive(app_factory, tmp_path):
    from tui.practice.mock_plan import Plan
    from tui.practice.mock_setup import MockSetup
    from tui.practice.preferences import SpeechPrefs
    from tui.screens.mock_run import MockRunScreen

    speaker = HelperSpeaker([sys.executable, str(FAKE_HELPER), "hang-start",
                             str(tmp_path / "log")], start_timeout=0.5, max_failures=2)
    clock = FakeClock()
    app = app_factory(speaker=speaker, clock=clock)
    prompts = [Prompt(None, None, f"Question {n} [of] three?", "intro", "outline", 60)
               for n in (1, 2, 3)]
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(MockRunScreen(app.ctx, Plan(MockSetup(format="stress"), prompts,
                                                          180), SpeechPrefs()))
        await until(pilot, lambda: getattr(app.screen, "session_id", None) is not None)
        clock.advance(5)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.run.index == 1)
        assert "Question 2 [of] three?" in str(app.screen.query_one("#run-question").render())
        # A running mock says it in its speech line, under the clock (a toast elsewhere).
        await until(pilot, lambda: any("did not start" in n for n in app.screen.speech_notices)
                    or any("did not start" in str(n.message) for n in app._notifications),
                    tries=300)
        clock.advance(5)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.run.index == 2)
    started = [json.loads(line)["pid"] for line in (tmp_path / "log").read_text().splitlines()]
    assert len(started) >= 2
    wait_until(lambda: not any(alive(pid) for pid in started), timeout=5,
               what="every helper that never started to be killed")


@pytest.mark.slow
@needs("espeak-ng", "aplay")
def test_the_real_engine_is_found_by_doctor(db_path):
    with Terminal(matchprep("doctor", db=db_path)) as terminal:
        terminal.process.wait(60)
        screen = terminal.wait_for("through pyttsx3")  # the last line: all of it is out
    assert "Traceback" not in screen
