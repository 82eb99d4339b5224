"""Transcription behind one small interface, so a better engine can be added later.

An engine turns 16 kHz mono int16 samples into words with times and confidences. The one
engine now is pocketsphinx (its wheel ships a US English model: it works offline with
nothing to download). It is rough: the review marks the words it is unsure of, and the
README says how rough on the test recordings.
"""

from __future__ import annotations

from typing import Any, Protocol

from question_bank.spoken import SpokenWord

RATE = 16_000
# What the engine writes that is not a word: silence, the utterance's ends, noises.
NOT_WORDS = ("<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]", "++")


class Engine(Protocol):
    name: str

    def transcribe(self, samples: Any) -> list[SpokenWord]: ...


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

    def transcribe(self, samples: Any) -> list[SpokenWord]:
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
            words.append(SpokenWord(seg.word, seg.start_frame * self._frame,
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
