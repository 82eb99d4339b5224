"""One FieldError for the whole domain: every store's error is one, said the same way."""

from __future__ import annotations

import pytest

from dossiers.errors import DossierError, ProgramNotFound
from dossiers.interviews import validate
from question_bank.answers import AnswerError
from question_bank.errors import FieldError
from question_bank.questions import QuestionError
from question_bank.stories import StoryError
from tui.practice.mock_setup import SetupError, parse_setup
from tui.widgets.field_errors import sentence


@pytest.mark.parametrize("error_type", [QuestionError, StoryError, AnswerError, DossierError,
                                        SetupError])
def test_every_store_raises_the_one_field_error(error_type):
    error = error_type("target_seconds", "is empty")
    assert isinstance(error, FieldError) and isinstance(error, ValueError)
    assert (error.field, error.message) == ("target_seconds", "is empty")


def test_the_command_line_wording_is_kept():
    assert str(QuestionError("target_seconds", "is empty")) == "target_seconds: is empty"
    assert str(DossierError("start_time", "is empty")) == "start time: is empty"
    assert str(ProgramNotFound("no program is called X")) == "no program is called X"


def test_a_sentence_names_the_field_and_ends_in_a_stop():
    assert sentence(DossierError("start_time", "is empty")) == "Start time: is empty."
    assert sentence(StoryError("title", "is empty (“The missed PE”)")) == \
        "Title: is empty (“The missed PE”)."
    assert sentence(AnswerError("label", "is empty."), label="Name") == "Name: is empty."


def test_the_domain_and_the_setup_name_fields_their_forms_can_find():
    with pytest.raises(DossierError) as caught:
        validate({"date": "2026-01-15", "start_time": "nine", "timezone": "America/Chicago"})
    assert caught.value.field == "start_time"
    with pytest.raises(SetupError) as caught:
        parse_setup(format="faculty", mode="questions", length="8", think="x", limit="",
                    star_budgets=True)
    assert sentence(caught.value).startswith("Think time: 'x' is not a whole number")
