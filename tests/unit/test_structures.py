"""Answer structures: their parts, and switching between them without losing a word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from question_bank.categories import STRUCTURES as STRUCTURE_LABELS
from question_bank.structures import (
    STRUCTURES,
    arrange,
    count_words,
    full_text,
    kept_keys,
    parse_pace,
    spoken_seconds,
    structure_words,
)


def test_every_structure_of_the_bank_has_parts_with_prompts():
    assert set(STRUCTURES) == set(STRUCTURE_LABELS)
    assert STRUCTURES["star"].keys == ("situation", "task", "action", "result", "learned")
    assert STRUCTURES["narrative"].keys == ("background", "why_abroad", "why_radiology", "goals")
    assert STRUCTURES["red_flag"].keys == ("statement", "context", "changed", "result")
    assert STRUCTURES["outline"].keys == ("outline",)
    for structure in STRUCTURES.values():
        for part in structure.parts:
            assert part.prompt and "\n" not in part.prompt


def test_switching_moves_text_to_equivalent_parts_and_keeps_the_rest():
    star = {"situation": "On night float.", "task": "Cover 22 patients.", "action": "I called.",
            "result": "She went home.", "learned": "Escalate early."}
    red = arrange(star, "red_flag")
    assert list(red)[:4] == ["statement", "context", "changed", "result"]
    assert red["context"] == "On night float." and red["changed"] == "I called."
    assert red["result"] == "She went home." and red["statement"] == ""
    assert kept_keys(red, "red_flag") == ["task", "learned"]
    back = arrange(red, "star")
    assert {k: back[k] for k in star} == star


def test_switching_never_overwrites_an_equivalent_part_that_has_text():
    parts = {"situation": "A", "context": "B"}
    arranged = arrange(parts, "red_flag")
    assert arranged["context"] == "B" and arranged["situation"] == "A"


@given(st.dictionaries(st.sampled_from(["situation", "task", "action", "result", "learned",
                                        "background", "why_abroad", "statement", "context",
                                        "changed", "outline", "goals"]),
                       st.text(min_size=0, max_size=20)),
       st.lists(st.sampled_from(list(STRUCTURES)), min_size=1, max_size=5))
def test_no_sequence_of_switches_drops_text(parts, switches):
    current = dict(parts)
    for structure in switches:
        current = arrange(current, structure)
    kept_texts = sorted(t for t in current.values() if t.strip())
    assert kept_texts == sorted(t for t in parts.values() if t.strip())


def test_words_spoken_length_and_full_text():
    assert count_words("I didn't — order a follow-up CT 🩻") == 6
    assert spoken_seconds(140, 140) == 60
    parts = {"situation": "One two.", "task": "", "outline": "set aside words"}
    assert structure_words(parts, "star") == 2
    assert full_text(parts, "star") == "One two.\n\nset aside words"
    with_headings = full_text(parts, "star", headings=True)
    assert with_headings == "Situation\nOne two.\n\nOutline\nset aside words"


@pytest.mark.parametrize("value", ["129", "161", "fast", "", None])
def test_pace_outside_the_range_is_refused_with_a_sentence(value):
    with pytest.raises(ValueError, match="130 to 160"):
        parse_pace(value)


def test_pace_inside_the_range():
    assert parse_pace(" 150 ") == 150


def test_one_minutes_seconds_formatter():
    from question_bank.structures import format_duration

    assert [format_duration(s) for s in (0, 5, 59.4, 59.6, 60, 605, 3600)] == [
        "0:00", "0:05", "0:59", "1:00", "1:00", "10:05", "60:00"]


def test_the_countdown_rounds_up_what_is_left_and_down_what_is_over():
    from tui.widgets.countdown import clock_text

    assert [clock_text(s) for s in (65, 64.2, 0.3, 0, -0.4, -12.7, -600)] == [
        "1:05", "1:05", "0:01", "0:00", "+0:00", "+0:12", "+10:00"]
