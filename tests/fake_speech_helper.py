"""A stand-in for `tui.speech.child` that misbehaves on purpose.

Usage: fake_speech_helper.py MODE LOG
  MODE  record       ready; logs each text it is given, then reports it done
        hang         ready; logs each text, then never answers again
        hang-start   never says it is ready
        unavailable  reports that there is no engine, and exits
  LOG   a file: one JSON line per event here ({"pid": ...} first, then {"said": text})
"""

from __future__ import annotations

import json
import os
import sys
import time


def main() -> int:
    mode, log = sys.argv[1], sys.argv[2]

    def note(**entry) -> None:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")

    def send(**event) -> None:
        sys.stdout.write(json.dumps(event) + "\n")
        sys.stdout.flush()

    note(pid=os.getpid())
    if mode == "hang-start":
        time.sleep(3600)  # hangs, as a stuck engine does: the scenario
    if mode == "unavailable":
        send(event="unavailable", problem="No engine here. On Debian or Ubuntu: sudo apt install "
                                          "espeak-ng alsa-utils.")
        return 0
    send(event="ready", driver="fake",
         voices=[{"id": "fake/en", "name": "Fake", "languages": ["en"]}],
         playback=True, problem=None)
    for line in sys.stdin:
        message = json.loads(line)
        note(said=message.get("text"))
        send(event="started", id=message["id"])
        if mode == "hang":
            time.sleep(3600)  # hangs, as a stuck engine does: the scenario
        send(event="done", id=message["id"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
