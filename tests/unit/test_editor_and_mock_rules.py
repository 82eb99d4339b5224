"""Rules the answer editor and the mock setup follow, without the app: what is read aloud
and for how long, when an answer changed elsewhere is shown, which program is offered."""

from __future__ import annotations

from question_bank.answers import save_answer
from tui.practice.answer_draft import AnswerDraft, answer_to_open
from tui.practice.program_choices import ProgramChoices
from tui.practice.read_aloud import ALLOWANCE, engine_rate, reading_seconds, spoken_text

Q = "behavioral.mistake"


def test_only_the_structure_s_parts_are_read_in_order_on_one_line_each():
    parts = {"action": "I paged\n the senior", "situation": "Nights", "task": "",
             "learned": "kept aside? no: a STAR part", "outline": "set aside"}
    assert spoken_text(parts, "star") == ("Nights\n\nI paged the senior\n\n"
                                          "kept aside? no: a STAR part")
    assert spoken_text({"outline": "set aside"}, "star") == ""


def test_the_engine_rate_is_the_pace_within_what_the_engine_takes():
    assert [engine_rate(p) for p in (40, 140, 900)] == [80, 140, 300]
    assert reading_seconds({"situation": "one two three"}, "star", 180) == 1.0 + ALLOWANCE


def test_an_answer_changed_elsewhere_is_offered_only_when_nothing_here_is_unsaved(db):
    answer = save_answer(db, None, question_id=Q, structure="star", parts={"situation": "a"})
    shown = answer.parts  # every part of the structure, as the editor shows them
    draft = AnswerDraft(None, Q, answer, "star", shown)
    assert draft.changed_elsewhere(db, "star", shown) is None  # unchanged
    save_answer(db, answer.id, question_id=Q, structure="star", parts={"situation": "b"})
    assert draft.changed_elsewhere(db, "star", shown).parts["situation"] == "b"
    typed = {**shown, "task": "typed here"}
    assert draft.changed_elsewhere(db, "star", typed) is None  # not saved yet: kept
    assert AnswerDraft(None, Q, None, "star", {}).changed_elsewhere(db, "star", {}) is None


def test_the_editor_opens_the_answer_asked_for_if_it_belongs_to_the_question(db):
    first = save_answer(db, None, question_id=Q, structure="star", parts={"situation": "a"})
    other = save_answer(db, None, question_id="why.why-radiology", structure="outline",
                        parts={"outline": "b"})
    assert answer_to_open(db, Q, first.id).id == first.id
    assert answer_to_open(db, Q, other.id).id == first.id  # the question's current one
    assert answer_to_open(db, "why.why-this-program", None) is None


def test_the_program_offered_is_the_one_asked_for_else_the_next_to_interview():
    choices = ProgramChoices(["Bay [Imaging]", "Lakeshore"], next_name="Lakeshore")
    assert choices.first_choice("Bay [Imaging]") == "Bay [Imaging]"
    assert choices.first_choice("gone") == "Lakeshore"
    assert ProgramChoices([], None).first_choice(None) is None
