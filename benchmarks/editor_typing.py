"""Typing in the answer editor: time per keystroke, against a bare Textual text area.

    python benchmarks/editor_typing.py [--keys N]

Each row gives the median and 95th percentile of the wall time per key pressed through
Textual's Pilot (which waits for the app to be idle after each key, so it includes Pilot's
own pauses: the bare TextArea row is that floor), and the CPU time spent per key by the
whole process (event loop, autosave writer and feedback threads, all running).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App  # noqa: E402
from textual.widgets import TextArea  # noqa: E402

from question_bank.profile import Profile, save_profile  # noqa: E402
from tui.cli.launch import make_app, prepare_database  # noqa: E402
from tui.messages import OpenAnswer  # noqa: E402
from tui.store.database import connect  # noqa: E402

KEYS = "the quick brown fox "


class Bare(App):
    def compose(self):
        yield TextArea()


async def per_key(app, keys: int, prepare=None) -> tuple[float, float, float]:
    """Median and 95th percentile of the time each key takes to be handled and the app to be
    idle again (Pilot waits for that), and the CPU time a key costs the whole process."""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if prepare is not None:
            await prepare(app, pilot)
        presses = [("space" if c == " " else c) for c in (KEYS * (keys // len(KEYS) + 1))[:keys]]
        samples = []
        cpu = time.process_time()
        for key in presses:
            start = time.perf_counter()
            await pilot.press(key)
            samples.append((time.perf_counter() - start) * 1000)
        cpu_per_key = (time.process_time() - cpu) / keys * 1000
        samples.sort()
        return (statistics.median(samples), samples[max(0, int(len(samples) * .95) - 1)],
                cpu_per_key)


def editor_with(text: str):
    async def prepare(app, pilot):
        app.post_message(OpenAnswer("behavioral.mistake"))
        await pilot.pause(0.5)
        if text:
            area = app.screen.query_one("#part-situation")
            area.insert(text)
            await pilot.pause(0.5)
    return prepare


async def main(keys: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="matchprep-typing-"))
    words = [f"word{i}" for i in range(5000)]
    paragraphs = "\n\n".join(" ".join(words[i:i + 100]) for i in range(0, 5000, 100))
    rows = [("bare Textual TextArea", Bare(), None)]
    for label, text in (("editor, empty answer", ""),
                        ("editor, 5,000 words in 50 paragraphs", paragraphs),
                        ("editor, 5,000 words in one paragraph", " ".join(words))):
        db = folder / f"{len(rows)}.db"
        prepare_database(db)
        conn = connect(db)
        save_profile(conn, Profile())  # a returning user: the profile is not asked on start
        conn.close()
        rows.append((label, make_app(db, prepare=False), editor_with(text)))
    for label, app, prepare in rows:
        median, p95, cpu = await per_key(app, keys, prepare)
        if hasattr(app, "ctx"):
            app.ctx.close()
        print(f"{label:<40} median {median:6.1f} ms  p95 {p95:6.1f} ms a key  "
              f"(CPU {cpu:5.1f} ms a key)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=200)
    asyncio.run(main(parser.parse_args().keys))
