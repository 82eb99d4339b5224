"""How accurate is what the review says about a spoken answer? Prints figures, asserts nothing.

    .venv/bin/python benchmarks/transcription.py

The fixture set: interview-like answers said by espeak-ng in several English voices, with
pauses of known length and "um"s set off by pauses, encoded to Ogg Opus and back as a
recording is (no microphone needed). For each voice: the transcript's word error rate,
words a minute against the true rate, pause boundaries against where they were put, "um"
precision and recall, and how long the analysis took against the audio's length.

espeak-ng is a synthetic voice, far from a person's: these figures say how the pipeline
behaves, not how well pocketsphinx hears a person (about 32% WER on clean read speech,
by its published benchmarks).
"""

from __future__ import annotations

import io
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402

from question_bank.spoken import delivery, normalise  # noqa: E402
from tests.fake_mic import RATE, answer_script  # noqa: E402
from tui.audio.analyse import Heard  # noqa: E402
from tui.audio.transcribe import PocketSphinx  # noqa: E402
from tui.audio.vad import voiced_stretches  # noqa: E402

ANSWERS = [
    ["I was the night resident on the stroke unit", "um",
     "a patient came in with sudden weakness and slurred speech",
     "I called the stroke team and read the scan with the attending"],
    ["I chose radiology because I like solving problems with images",
     "during my internship I spent every free hour in the reading room", "um",
     "the residents taught me to look at every film the same careful way"],
    ["my biggest weakness is that I take on too much at once", "um",
     "last year I learned to ask for help early",
     "now I plan my week and say no when I need to"],
]
PAUSES = [0.7, 0.8, 1.2]
VOICES = {"en-us": "US English", "en-us+f3": "US English (female)",
          "en-gb": "British English", "en-gb-scotland": "Scottish English",
          "en-029": "Caribbean English", "en-gb-x-gbcwmd": "West Midlands English"}


def wer(reference: list[str], hypothesis: list[str]) -> tuple[int, int]:
    """(edits, reference words): substitutions, insertions and deletions."""
    d = np.zeros((len(reference) + 1, len(hypothesis) + 1), dtype=int)
    d[:, 0] = range(len(reference) + 1)
    d[0, :] = range(len(hypothesis) + 1)
    for i in range(1, len(reference) + 1):
        for j in range(1, len(hypothesis) + 1):
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1,
                          d[i - 1, j - 1] + (reference[i - 1] != hypothesis[j - 1]))
    return int(d[-1, -1]), len(reference)


def through_opus(samples: np.ndarray) -> np.ndarray:
    buffer = io.BytesIO()
    sf.write(buffer, samples, RATE, format="OGG", subtype="OPUS")
    buffer.seek(0)
    return sf.read(buffer, dtype="int16")[0]


def main() -> None:
    engine = PocketSphinx()
    print(f"{'voice':<24} {'WER':>5} {'wpm err':>8} {'pause err':>10} {'um P/R':>8} {'RTF':>5}")
    totals = {"edits": 0, "words": 0}
    by_group: dict[str, list[float]] = {"US": [], "other": []}
    for voice, label in VOICES.items():
        edits = words = 0
        wpm_errors, pause_errors = [], []
        found_um = true_um = hit_um = 0
        audio_seconds = spent = 0.0
        for sentences in ANSWERS:
            script = answer_script(sentences, PAUSES, lead=1.0, tail=0.5, voice=voice)
            samples = through_opus(script.samples)
            started = time.perf_counter()
            voiced = voiced_stretches(samples, RATE)
            heard = Heard(len(samples) / RATE, voiced, engine.transcribe(samples, voiced),
                          engine.name)
            spent += time.perf_counter() - started
            audio_seconds += len(samples) / RATE
            review = heard.review(140)
            reference = [w for s in sentences for w in re.findall(r"[a-z']+", s.lower())]
            hypothesis = [normalise(w.text) for w in review.words]
            e, n = wer(reference, hypothesis)
            edits, words = edits + e, words + n
            speaking = script.pieces[-1][2] - script.pieces[0][1]
            true_wpm = len(reference) * 60 / speaking
            if review.wpm:
                wpm_errors.append(abs(review.wpm - true_wpm) / true_wpm)
            pauses = delivery(voiced, heard.seconds).pauses
            for start, end in script.gaps():
                if pauses:
                    near = min(pauses, key=lambda p, s=start: abs(p.start - s))
                    pause_errors += [abs(near.start - start), abs(near.end - end)]
            um_at = [piece[1] for piece in script.pieces if piece[0] == "um"]
            fillers = [review.words[f.index].start for f in review.fillers]
            true_um += len(um_at)
            found_um += len(fillers)
            hit_um += sum(any(abs(f - u) < 0.3 for f in fillers) for u in um_at)
        rate = edits / words
        totals["edits"] += edits
        totals["words"] += words
        by_group["US" if voice.startswith("en-us") else "other"].append(rate)
        precision = hit_um / found_um if found_um else float("nan")
        print(f"{label:<24} {rate:5.0%} {np.mean(wpm_errors):8.0%} "
              f"{np.mean(pause_errors) * 1000:8.0f}ms {precision:4.1f}/{hit_um / true_um:3.1f} "
              f"{spent / audio_seconds:5.2f}")
    print(f"{'all voices':<24} {totals['edits'] / totals['words']:5.0%}")
    us, other = np.mean(by_group["US"]), np.mean(by_group["other"])
    print(f"non-US voices' WER / US voices' WER: {other / us:.2f}")


if __name__ == "__main__":
    main()
