"""The transcriber on known speech (espeak-ng, cut by sox): the same audio always gives the
same words, and the words are words (no dictionary variant marks such as "that(2)")."""

from __future__ import annotations

import pytest

from tests.system import needs

pytestmark = needs("espeak-ng", "sox")

SENTENCES = ["I stayed with the patient all night", "um", "and we caught the bleed early"]


def test_known_speech_is_made_the_same_every_time():
    from tests.fake_mic import answer_script

    first = answer_script(SENTENCES, [0.7, 0.7], lead=1.0, tail=0.5).samples
    again = answer_script(SENTENCES, [0.7, 0.7], lead=1.0, tail=0.5).samples
    assert first.tobytes() == again.tobytes()  # sox dithered by default: it differed


def test_the_transcript_has_words_not_dictionary_variants():
    pytest.importorskip("pocketsphinx")
    from tests.fake_mic import answer_script
    from tui.audio.transcribe import PocketSphinx
    from tui.audio.vad import voiced_stretches

    samples = answer_script(SENTENCES, [0.7, 0.7], lead=1.0, tail=0.5).samples
    words = [w.text for w in PocketSphinx().transcribe(samples, voiced_stretches(samples, 16000))]
    assert "um" in words
    assert words and not [w for w in words if "(" in w or ")" in w], words
