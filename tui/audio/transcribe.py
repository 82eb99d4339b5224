"""Transcription behind one small interface, so a better engine can be added later.

An engine turns 16 kHz mono int16 samples into words with times and confidences. The one
engine now is pocketsphinx (its wheel ships a US English model: it works offline with
nothing to download). It is rough: the review marks the words it is unsure of, and the
README says how rough on the test recordings.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from question_bank.spoken import SpokenWord

RATE = 16_000
# What the engine writes that is not a word: silence, the utterance's ends, noises.
NOT_WORDS = ("<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]", "++")


# Filled pauses: a stretch of voice this long (seconds), set off by pauses, whose sounds (the
# phone model's names) are a vowel or two and a closing M ("um", "erm") or HH M ("hmm").
VARIANT = re.compile(r"\(\d+\)$")  # the dictionary's second pronunciation: "that(2)"
FILLER_SECONDS = (0.15, 1.2)
FILLER_SOUNDS = re.compile(r"^(?:(?:AH|AA|EH|ER|OW|AO|UH) ){1,3}M(?: M)*$|^(?:HH )?M(?: M)*$")
FILLER_CONFIDENCE = 0.8


class Engine(Protocol):
    name: str

    def transcribe(self, samples: Any,
                   voiced: list[tuple[float, float]] | None = None) -> list[SpokenWord]: ...


class EngineMissing(Exception):
    """No transcription engine can run here (a sentence saying what to install)."""


class PocketSphinx:
    """pocketsphinx 5 with its bundled US English model."""

    name = "pocketsphinx"

    def __init__(self) -> None:
        try:
            from pocketsphinx import Decoder
        except ImportError as error:
            raise EngineMissing("pocketsphinx is not installed, so answers are not "
                                "transcribed (pip install pocketsphinx).") from error
        self._decoder = Decoder(samprate=RATE, loglevel="FATAL")
        self._frame = 1.0 / float(self._decoder.config["frate"])
        self._phones: Any = None

    def transcribe(self, samples: Any,
                   voiced: list[tuple[float, float]] | None = None) -> list[SpokenWord]:
        """The words heard; where `voiced` (stretches of voice) is given, a stretch set off by
        pauses that sounds like "um" replaces the words the decoder made of it."""
        words = self._words(samples)
        if voiced:
            for start, end, filler in self.filled_pauses(samples, voiced):
                words = [w for w in words if w.end <= start or w.start >= end]
                words.append(SpokenWord(filler, start, end, FILLER_CONFIDENCE))
            words.sort(key=lambda w: w.start)
        return words

    def filled_pauses(self, samples: Any, voiced: list[tuple[float, float]]
                      ) -> list[tuple[float, float, str]]:
        """Stretches of voice set off by pauses whose sounds are those of "um" or "hmm"
        (the bundled phone model's AH M, M, ER M, HH M). The word decoder rarely writes
        "um"; this pass finds the clear ones and nothing else (a false filler is worse than
        a missed one)."""
        import numpy as np

        found = []
        for start, end in voiced:
            if not FILLER_SECONDS[0] <= end - start <= FILLER_SECONDS[1]:
                continue
            a, b = max(0, int((start - 0.1) * RATE)), int((end + 0.1) * RATE)
            phones = tuple(p for p in self._phone_string(np.asarray(samples)[a:b])
                           if p not in ("SIL", "+SPN+", "+NSN+", "+BREATH+", "+COUGH+"))
            if FILLER_SOUNDS.match(" ".join(phones)):
                found.append((start, end, "hmm" if phones[0] in ("HH", "M") else "um"))
        return found

    def _phone_string(self, samples: Any) -> list[str]:
        import os

        import numpy as np
        import pocketsphinx
        from pocketsphinx import Decoder

        if self._phones is None:
            model = os.path.join(os.path.dirname(pocketsphinx.__file__), "model", "en-us")
            self._phones = Decoder(allphone=os.path.join(model, "en-us-phone.lm.bin"), lw=2.0,
                                   beam=1e-20, pbeam=1e-20, samprate=RATE, loglevel="FATAL")
        decoder = self._phones
        decoder.start_utt()
        decoder.process_raw(np.asarray(samples, dtype=np.int16).tobytes(), full_utt=True)
        decoder.end_utt()
        return [seg.word for seg in decoder.seg()]

    def _words(self, samples: Any) -> list[SpokenWord]:
        import numpy as np

        data = np.asarray(samples, dtype=np.int16).tobytes()
        decoder = self._decoder
        decoder.start_utt()
        decoder.process_raw(data, full_utt=True)
        decoder.end_utt()
        words: list[SpokenWord] = []
        for seg in decoder.seg():
            if seg.word in NOT_WORDS or seg.word.startswith("[") or seg.word.startswith("+"):
                continue
            confidence = float(seg.prob)
            if confidence > 1.0:  # a log probability, in versions that report one
                confidence = float(decoder.logmath.exp(seg.prob))
            words.append(SpokenWord(VARIANT.sub("", seg.word), seg.start_frame * self._frame,
                                    (seg.end_frame + 1) * self._frame,
                                    max(0.0, min(1.0, confidence))))
        return words


ENGINES = {"pocketsphinx": PocketSphinx}


def default_engine() -> Engine:
    """The first engine that can run here; EngineMissing says what to install."""
    problems = []
    for factory in ENGINES.values():
        try:
            engine: Engine = factory()
            return engine
        except EngineMissing as error:
            problems.append(str(error))
    raise EngineMissing(" ".join(problems) or "No transcription engine is installed.")
