"""Typing in the answer editor as a person feels it: key to screen, in a real terminal.

    python benchmarks/editor_typing.py [--rounds 3]

The answer editor (the real app, its autosave, word counts and feedback running) and a bare
Textual app holding one TextArea with the same text (in a box the size of the editor's
part) run in turn, alternately, in a pseudo-terminal of 120×40. Each key is written to the
terminal and timed until the screen (kept by a terminal emulator, pyte) shows that character
in the cell where it goes: what a person waits for. Two typists: a steady one (a key every
120 ms, "the quick brown fox jumps over the lazy dog") and a burst (40 keys 25 ms apart);
the letters are timed (a space shows nothing new). Two answers (--words): a short one (40
words) and one of 3,000 words (in paragraphs of 100), typed at its end on a line of its own.
Each round starts a fresh process per row, and its typing at a moment drawn at random within
two of Textual's frame slots (where typing begins among the slots sets which keys wait for
one). `--against CHECKOUT` also types into the editor
of another checkout (a version before a change), in turn with the others.

Prints, per row, the median and the 95th percentile, the CPU time the program used per key
while typed into (its threads' time on a CPU over the typing, divided by the keys: steadier
than the times on a shared machine), and the editor's p95 against the bare
TextArea's (budget, ARCHITECTURE.md: within 1.2× at every size). Asserts nothing.
TYPING_PROFILE=PREFIX profiles each program while it is typed into (cProfile, to PREFIX.PID).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import random
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

# The checkout typed into (the one this file is in, or --against's in its programs).
ROOT = Path(os.environ.get("TYPING_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))

SIZE = (120, 40)
QUESTION = "behavioral.mistake"
SENTENCE = "the quick brown fox jumps over the lazy dog"
START_JITTER = random.Random(1)  # the same draws in every run
TYPISTS = {"steady": (SENTENCE, 0.120), "burst": ((SENTENCE * 2)[:40], 0.025)}


def answer_text(words: int) -> str:
    """`words` words, in paragraphs of 100."""
    vocabulary = ("patient night call handover senior resident chest pain anticoagulation "
                  "dose checked pharmacist escalated reviewed learned checklist").split()
    all_words = [vocabulary[i % len(vocabulary)] for i in range(words)]
    return "\n\n".join(" ".join(all_words[i:i + 100]) for i in range(0, words, 100))


# The programs typed into (run in the pseudo-terminal as `--child`) --------------------------

async def _ready_when_typable(area, ready_fd: int) -> None:
    """Put the cursor on a fresh line at the end of the text, then tell the parent where
    on screen the next character will go."""
    area.focus()
    if area.document.end[1] != 0:  # the last line holds text: start a line of its own
        area.insert("\n", area.document.end)
    area.move_cursor(area.document.end)
    await asyncio.sleep(0.5)  # drawn, and the editor's autosave of that line done
    area.scroll_cursor_visible()  # (also brings its screen offset up to date)
    await asyncio.sleep(0.1)
    offset = area.cursor_screen_offset
    os.write(ready_fd, f"{offset.x} {offset.y}\n".encode())
    if os.environ.get("TYPING_PROFILE"):  # a profile of the typing, for finding what is slow
        await _profile(Path(f"{os.environ['TYPING_PROFILE']}.{os.getpid()}"))


async def _profile(path: Path) -> None:
    """Profile this process (cProfile) from now on, written to `path` every half second
    (the process is killed once the keys showed)."""
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    while True:
        await asyncio.sleep(0.5)
        profiler.dump_stats(path)  # (stops the profiler)
        profiler.enable()


async def _bare(text: str, ready_fd: int) -> None:
    from textual.app import App
    from textual.widgets import TextArea

    class Bare(App):
        # The box of the editor's part at 120×40 (tui/widgets/answer_part.py): as many
        # lines to draw as there.
        CSS = "TextArea { width: 73; height: auto; max-height: 16; border: round $primary; }"

        def compose(self):
            yield TextArea(text, soft_wrap=True)

        async def on_ready(self) -> None:
            self.run_worker(_ready_when_typable(self.query_one(TextArea), ready_fd))

    await Bare().run_async()


async def _editor(db: Path, ready_fd: int) -> None:
    from textual.css.query import NoMatches

    from tui.cli import launch

    if hasattr(launch, "hold_collection"):  # (an older checkout, --against, may not have it)
        launch.hold_collection()  # as `matchprep` does, until the first frame
    make_app = launch.make_app
    from tui.messages import OpenAnswer
    from tui.speech.speaker import SilentSpeaker

    app = make_app(db, prepare=False, speaker=SilentSpeaker())

    async def drive() -> None:
        while not getattr(app, "first_frame_shown", False):
            await asyncio.sleep(0.01)
        app.post_message(OpenAnswer(QUESTION))
        while True:
            await asyncio.sleep(0.01)
            try:
                area = app.screen.query_one("#part-situation")
            except NoMatches:
                continue
            break
        await _ready_when_typable(area, ready_fd)

    task = asyncio.create_task(drive())
    try:
        await app.run_async()
    finally:
        task.cancel()
        app.ctx.close()


# The typist -----------------------------------------------------------------------------

class Typist:
    """A program in a pseudo-terminal, its screen kept by pyte; keys written, then timed
    until their character is in its cell."""

    def __init__(self, argv: list[str], env: dict) -> None:
        import pyte

        self.master, slave = pty.openpty()
        cols, rows = SIZE
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        ready_read, ready_write = os.pipe()
        self.process = subprocess.Popen(
            [*argv, "--ready-fd", str(ready_write)], stdin=slave, stdout=slave, stderr=slave,
            env=env, pass_fds=(ready_write,), start_new_session=True)
        os.close(slave)
        os.close(ready_write)
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.changed = threading.Condition()
        self.last_output = time.perf_counter()
        self.expected: list[tuple[int, int, str]] = []  # (x, y, character) of each key
        self.seen: list[float | None] = []
        self.checked = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.start = self._wait_ready(ready_read)

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            now = time.perf_counter()
            with self.changed:
                try:
                    self.stream.feed(chunk)
                except TypeError:  # pyte 0.8 fails on some sequences it does not draw
                    pass
                self.last_output = now
                self._check(now)
                self.changed.notify_all()

    def _check(self, now: float) -> None:
        while self.checked < len(self.expected):
            x, y, character = self.expected[self.checked]
            if character != " " and self.screen.buffer[y][x].data != character:
                return
            self.seen.append(None if character == " " else now)
            self.checked += 1

    def _wait_ready(self, ready_read: int) -> tuple[int, int]:
        ready, _, _ = select.select([ready_read], [], [], 60)
        line = os.read(ready_read, 100).decode() if ready else ""
        os.close(ready_read)
        if not line.strip():
            raise RuntimeError("the program did not get ready to type")
        x, y = (int(v) for v in line.split())
        # Settled (nothing drawn for 0.3 s), so the first key comes between two blinks of
        # the cursor (every 0.5 s). Waiting for 0.5 s of quiet started the typing just as
        # the cursor blinked: each round's first key waited for the blink's frame, in both
        # programs (the first keys were 3 of a run's 5 slowest).
        self.quiet(0.3)
        # Then a moment drawn at random within two frame slots. Textual draws a frame on a
        # timer that, once it has drawn, waits for the slot after next (16.7-33 ms later):
        # a key coming before that slot waits for it. With keys 25 ms apart the same keys
        # wait, by the same amount, all round, set by where in the slots the typing began;
        # beginning a fixed 0.3 s after the last frame (the cursor's blink) set that the
        # same way in every round of a program, and differently in another program.
        time.sleep(START_JITTER.uniform(0, 2 / 60))
        return x, y

    def quiet(self, for_seconds: float, timeout: float = 10.0) -> None:
        """Until nothing was drawn for `for_seconds`."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            with self.changed:
                idle = time.perf_counter() - self.last_output
            if idle >= for_seconds:
                return
            time.sleep(for_seconds - idle)

    def type(self, text: str, gap: float) -> list[float]:
        """Write `text` a key every `gap` seconds; milliseconds until each letter showed."""
        x, y = self.start
        cpu_before = self.cpu()
        written: list[float] = []
        begin = time.perf_counter()
        for i, character in enumerate(text):
            time.sleep(max(0.0, begin + i * gap - time.perf_counter()))
            with self.changed:
                self.expected.append((x + i, y, character))
                written.append(time.perf_counter())
                os.write(self.master, character.encode())
        with self.changed:
            if not self.changed.wait_for(lambda: self.checked == len(text), timeout=10):
                screen = "\n".join(self.screen.display)
                raise RuntimeError(f"only {self.checked} of {len(text)} keys showed where "
                                   f"expected, from {x},{y} (did the text area move or "
                                   f"wrap?):\n{screen}")
        self.cpu_per_key = (self.cpu() - cpu_before) / len(text) * 1000
        return [(seen - at) * 1000 for seen, at in zip(self.seen, written, strict=True)
                if seen is not None]

    def cpu(self) -> float:
        """Seconds the program's threads have run on a CPU (/proc/PID/task/*/schedstat)."""
        total = 0
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[0])
            except (OSError, ValueError, IndexError):  # a thread that just ended
                pass
        return total / 1e9

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        os.close(self.master)


def prepare(folder: Path, words: int) -> tuple[Path, Path]:
    """A database whose answer to QUESTION holds `words` words, and the same text in a file."""
    from question_bank.answers import save_answer
    from question_bank.profile import Profile, save_profile
    from tui.cli.launch import prepare_database
    from tui.store.database import connect

    text = answer_text(words)
    db_path = folder / f"{words}.db"
    prepare_database(db_path)
    db = connect(db_path)
    save_profile(db, Profile())  # a returning user: the profile is not asked on start
    save_answer(db, None, question_id=QUESTION, structure="star", parts={"situation": text})
    db.close()
    text_path = folder / f"{words}.txt"
    text_path.write_text(text)
    return db_path, text_path


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(len(ordered) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--words", type=int, nargs="*", default=[40, 3000],
                        help="answer sizes, in words")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="also type into the editor of this checkout, in turn with the others")
    parser.add_argument("--child", choices=("bare", "editor"), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--text", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ready-fd", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        asyncio.run(_bare(args.text.read_text(), args.ready_fd))
        return
    if args.child == "editor":
        asyncio.run(_editor(args.db, args.ready_fd))
        return

    folder = Path(tempfile.mkdtemp(prefix="matchprep-typing-"))
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT),
           "XDG_DATA_HOME": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    sizes = {f"{n:,} words": n for n in args.words}
    against = f"editor, {args.against.name}" if args.against else ""
    apps = ["bare TextArea", "editor", *([against] if against else [])]
    samples: dict[tuple[str, str, str], list[float]] = {}
    cpu: dict[tuple[str, str, str], list[float]] = {}  # CPU ms a key, per round
    programs: dict[tuple[str, str], list[str]] = {}
    for label, words in sizes.items():
        db, text = prepare(folder, words)
        base = [sys.executable, str(Path(__file__).resolve())]
        programs[(label, "bare TextArea")] = [*base, "--child", "bare", "--text", str(text)]
        programs[(label, "editor")] = [*base, "--child", "editor", "--db", str(db)]
        if args.against:
            programs[(label, against)] = [*base, "--child", "editor", "--db", str(db)]
    envs = {against: {**env, "PYTHONPATH": str(args.against), "TYPING_ROOT": str(args.against)}
            } if args.against else {}
    for _ in range(args.rounds):
        for typist, (keys, gap) in TYPISTS.items():
            for (label, app), argv in programs.items():  # bare, editor, bare, editor...
                typing = Typist(argv, envs.get(app, env))
                try:
                    samples.setdefault((label, typist, app), []).extend(typing.type(keys, gap))
                    cpu.setdefault((label, typist, app), []).append(typing.cpu_per_key)
                finally:
                    typing.close()
    print(f"key written to the terminal → its character on screen, {args.rounds} rounds, "
          f"{SIZE[0]}×{SIZE[1]}")
    for label in sizes:
        for typist, (keys, gap) in TYPISTS.items():
            got = {app: samples[(label, typist, app)] for app in apps}
            bare = got["bare TextArea"]
            print(f"{label}, {typist} ({len(keys)} keys {gap * 1000:.0f} ms apart):")
            for app in apps:
                print(f"  {app:<14} median {statistics.median(got[app]):6.1f} ms  "
                      f"p95 {p95(got[app]):6.1f} ms  ({len(got[app])} keys)  CPU a key "
                      f"{statistics.median(cpu[(label, typist, app)]):5.2f} ms")
            for app in apps[1:]:
                print(f"  {app} / bare  p95 {p95(got[app]) / p95(bare):.2f}×  "
                      f"median {statistics.median(got[app]) / statistics.median(bare):.2f}×  "
                      "(budget: p95 within 1.2×)")


if __name__ == "__main__":
    main()
