"""What a notice says on a narrow screen: all of it when it fits a third of the height, else
its first sentences, else its first sentence cut short; never more than a third."""

from __future__ import annotations

import pytest
from textual.geometry import Size

from tui.speech.speaker import NO_ENGINE
from tui.widgets.toast_fit import TOAST_FRAME, fit_notice, toast_rows

SMALL = Size(40, 12)
WIDTH = 40 - TOAST_FRAME
SKIPPED = ("Only questions that presume nothing about you will be drawn. Press p on Home to "
           "say who you are.")


def test_a_notice_that_fits_a_third_of_the_screen_is_said_whole():
    assert toast_rows("Profile skipped", SKIPPED, WIDTH) == 4  # 12 // 3
    assert fit_notice(SKIPPED, title="Profile skipped", markup=False, size=SMALL) is None
    assert fit_notice("Saved.", title="", markup=True, size=SMALL) is None


def test_a_longer_one_keeps_the_sentences_that_fit_from_the_first():
    said = fit_notice(NO_ENGINE, title="Speech", markup=False, size=SMALL)
    assert said == "Speech is not available, so questions are shown but not read aloud."
    assert fit_notice(SKIPPED, title="Profile skipped", markup=False, size=Size(40, 9)) == (
        "Only questions that presume nothing about you will be drawn.")


def test_a_first_sentence_too_long_is_cut_at_a_space_and_a_path_where_the_room_ends():
    long = "Removed: " + "who calls the referring doctor at night and how " * 5 + "then."
    said = fit_notice(long, title="", markup=False, size=SMALL)
    assert said is not None and said.endswith("…") and long.startswith(said[:-1])
    assert long[len(said) - 1] == " "  # at a word's end
    assert toast_rows("", said, WIDTH) == 4
    path = "Wrote /home/someone/" + "a-very-long-folder-name/" * 10 + "dossier.md"
    cut = fit_notice(path, title="", markup=False, size=SMALL)
    assert cut is not None and path.startswith(cut[:-1]) and len(cut) > len("Wrote /home/")


def test_sentences_end_at_a_capital_not_at_an_abbreviation():
    text = "Copied as a new version, e.g. for a program. " + "Press r to name it. " * 6
    said = fit_notice(text, title="Versions", markup=False, size=SMALL)
    assert said is not None and said.startswith("Copied as a new version, e.g. for a program.")
    assert said.endswith("Press r to name it.") and len(said) < len(text.strip())
    first = "Copied as a new version, e.g. for a program, " * 4 + "done."  # one sentence
    cut = fit_notice(first, title="Versions", markup=False, size=SMALL)
    assert cut is not None and cut.endswith("…")  # "e.g." ended no sentence
    assert toast_rows("Versions", cut, WIDTH) == 4
    saving = ("Nothing you typed is lost: matchprep keeps it and saves it as soon as it can. "
              "/home/someone/.local/share/matchprep/matchprep.db cannot be written: the disk "
              "seems full (database or disk is full).")
    assert fit_notice(saving, title="Cannot save", markup=False, size=SMALL) == (
        "Nothing you typed is lost: matchprep keeps it and saves it as soon as it can.")


def test_markup_is_read_as_the_toast_reads_it_and_a_cut_comes_back_plain():
    text = "[b]Bold[/b] words. " + "More words that go on and on. " * 8
    said = fit_notice(text, title="", markup=True, size=SMALL)
    assert said is not None and said.startswith("Bold words.") and "[b]" not in said


@pytest.mark.parametrize("size", [Size(40, 12), Size(50, 15), Size(89, 24), Size(60, 30)])
def test_no_notice_takes_more_than_a_third_of_a_narrow_screen(size):
    width = min(60, size.width) - TOAST_FRAME
    for text in (SKIPPED, NO_ENGINE, "x" * 500, "word " * 200, "One. " * 100):
        said = fit_notice(text, title="A title", markup=False, size=size) or text
        assert toast_rows("A title", said, width) <= size.height // 3
