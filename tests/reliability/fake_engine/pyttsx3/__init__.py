"""A stand-in for pyttsx3 that misbehaves as real engines do (FAKE_PYTTSX3 chooses how).

Put this folder first on PYTHONPATH: the app's real speech helper then loads it.
  missing    init() fails as pyttsx3 does when espeak-ng is not installed
  hang       init() works; runAndWait() never returns (a stuck audio device)
  hang-init  init() never returns
FAKE_PYTTSX3_LOG, when set, names a file that gets a line as runAndWait() begins (so a
test can wait until the engine is speaking).
"""

from __future__ import annotations

import os
import time

MODE = os.environ.get("FAKE_PYTTSX3", "missing")


def init(*args, **kwargs):
    if MODE == "missing":
        raise OSError("libespeak-ng.so.1: cannot open shared object file: No such file")
    if MODE == "hang-init":
        time.sleep(3600)  # hangs, as a stuck engine does: the scenario
    return Engine()


class Engine:
    def getProperty(self, name):
        return {"voices": [], "rate": 200}.get(name)

    def setProperty(self, name, value):
        pass

    def say(self, text):
        pass

    def save_to_file(self, text, path):
        pass

    def runAndWait(self):
        log = os.environ.get("FAKE_PYTTSX3_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(f"speaking {os.getpid()}\n")
        if MODE == "hang":
            time.sleep(3600)  # hangs, as a stuck audio device does: the scenario
