"""Every dialog stands on the one Dialog base; a form's error names the field and takes the
user to it, marked, whichever form and whichever domain package raised it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.screen import ModalScreen
from textual.widgets import Input, TextArea

import tui
from dossiers import programs
from question_bank.questions import list_questions
from tests.tui.pilot_helpers import shown, until
from tui.screens.dialogs.base import Dialog


def modal_screens() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.endswith(".__main__"):
            continue
        module = importlib.import_module(info.name)
        found += [cls for cls in vars(module).values()
                  if inspect.isclass(cls) and cls.__module__ == module.__name__
                  and issubclass(cls, ModalScreen) and cls is not Dialog]
    return found


def test_every_modal_screen_derives_from_dialog():
    screens = modal_screens()
    names = {cls.__name__ for cls in screens}
    assert {"ConfirmDialog", "HelpScreen", "QuestionForm", "InterviewForm"} <= names
    assert [cls.__name__ for cls in screens if not issubclass(cls, Dialog)] == []


def test_there_is_one_confirm_dialog():
    assert [cls.__name__ for cls in modal_screens() if "Confirm" in cls.__name__] == [
        "ConfirmDialog"]


async def test_a_question_form_error_focuses_and_marks_its_field(app_factory, db):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.screen.id == "screen-questions")
        await pilot.press("a")
        await until(pilot, lambda: type(app.screen).__name__ == "QuestionForm")
        app.screen.query_one("#field-text", TextArea).insert("Why [our] city?")
        app.screen.query_one("#field-target_seconds", Input).value = "3"
        assert isinstance(app.screen.focused, TextArea)  # the cursor is elsewhere
        await pilot.press("ctrl+s")
        target = app.screen.query_one("#field-target_seconds", Input)
        await until(pilot, lambda: app.screen.focused is target)
        assert target.has_class("-invalid")
        assert shown(app, "#dialog-error") == "Target seconds: 3 is out of range; expected 5 " \
                                              "to 1800."
        await pilot.press("ctrl+a", "ctrl+k", *"60", "ctrl+s")
        await until(pilot, lambda: type(app.screen).__name__ != "QuestionForm")
    app.ctx.writer.flush()
    assert [q.target_seconds for q in list_questions(db, search="our city")] == [60]


async def test_an_interview_form_error_focuses_its_field_and_quotes_it_literally(app_factory,
                                                                                  db):
    program = programs.add_program(db, "Lakeshore Radiology")
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.action_open_program(program.id, "interviews")
        await until(pilot, lambda: type(app.screen).__name__ == "DossierScreen")
        await until(pilot, lambda: app.screen.query_one("#interviews-table").has_focus)
        await pilot.press("a")
        await until(pilot, lambda: type(app.screen).__name__ == "InterviewForm")
        await pilot.press(*"2026-01-15", "tab", *"[b]9", "tab", "tab", *"America/Chicago")
        await pilot.press("ctrl+s")
        start = app.screen.query_one("#i-start_time", Input)
        await until(pilot, lambda: "[b]9" in shown(app, "#dialog-error"))
        assert shown(app, "#dialog-error").startswith("Start time: '[b]9' is not a time")
        assert app.screen.focused is start and start.has_class("-invalid")
        await pilot.press("ctrl+a", "ctrl+k", *"9:00", "ctrl+s")
        await until(pilot, lambda: type(app.screen).__name__ == "DossierScreen")


async def test_a_mock_setup_error_focuses_its_field(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await until(pilot, lambda: app.screen.id == "screen-mock")
        think = app.screen.query_one("#mock-think", Input)
        think.value = "999"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.focused is think)
        assert think.has_class("-invalid")
        assert shown(app, "#mock-error").startswith("Think time: 999 is out of range")
        assert app.screen.id == "screen-mock"  # nothing started


async def test_escape_and_a_cancel_button_dismiss_with_the_cancelled_value(app_factory):
    from tui.screens.dialogs.answer_options import StructureDialog
    from tui.screens.dialogs.confirm import ConfirmDialog
    from tui.screens.dialogs.transfer import ExportDialog

    answers = []
    app = app_factory()
    async with app.run_test(size=(40, 12)) as pilot:
        for dialog in (ConfirmDialog("Delete it?", yes="Delete"), StructureDialog("star")):
            app.push_screen(dialog, answers.append)
            await until(pilot, lambda d=dialog: app.screen is d)
            await pilot.press("escape")
            await until(pilot, lambda d=dialog: app.screen is not d)
        export = ExportDialog(app.ctx)
        app.push_screen(export, answers.append)
        await until(pilot, lambda: app.screen is export)
        await pilot.click("#cancel")  # the footer keeps it in view at 40x12
        await until(pilot, lambda: app.screen is not export)
    assert answers == [False, None, None]


async def test_a_dialog_title_holding_user_text_is_shown_as_typed(app_factory, db):
    from textual.content import Content

    program = programs.add_program(db, "Bayside [/] [b]Imaging[/b]")
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.action_open_program(program.id, "")
        await until(pilot, lambda: type(app.screen).__name__ == "DossierScreen")
        await until(pilot, lambda: app.screen.dossier is not None, what="the dossier")
        # Once shown, the dossier focuses its first field: the export key works from there,
        # and the footer shows it.
        await until(pilot, lambda: isinstance(app.focused, Input), what="the first field")
        assert "dossier.markdown" in {binding.id for _node, binding, *_ in
                                      app.screen.active_bindings.values()}
        await pilot.press("ctrl+o")  # export this dossier: its name is in the title
        await until(pilot, lambda: type(app.screen).__name__ == "ExportDialog")
        title = app.screen.query_one("#dialog-body").border_title
        assert Content.from_markup(title).plain == "Export Bayside [/] [b]Imaging[/b]"


async def test_every_field_of_a_form_is_named_by_its_border_title(app_factory, db):
    """A placeholder goes once something is typed, a Select's prompt once a choice is made:
    each field keeps a name of its own, and a Select's is drawn (class `labelled`)."""
    from textual.widgets import Select

    from tui.screens.dialogs.interview_form import InterviewForm
    from tui.screens.dialogs.person_form import PersonForm
    from tui.screens.dialogs.profile_form import ProfileDialog
    from tui.screens.dialogs.question_form import QuestionForm
    from tui.screens.dialogs.story_form import StoryForm
    from tui.screens.dialogs.transfer import ExportDialog, ImportDialog

    program = programs.add_program(db, "Bayside Imaging", state="CA")
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        for dialog in (QuestionForm(app.ctx), InterviewForm(app.ctx, program.id, "UTC"),
                       PersonForm("New person"), StoryForm(app.ctx), ProfileDialog(None),
                       ExportDialog(app.ctx), ImportDialog(app.ctx)):
            app.push_screen(dialog)
            await until(pilot, lambda d=dialog: app.screen is d)
            for field in dialog.query(f"{Input.__name__}, {Select.__name__}"):
                if field.id == "story-new-competency":
                    continue  # a line to add a competency, under its list's label
                assert field.border_title, f"{type(dialog).__name__} #{field.id}"
                if isinstance(field, Select):
                    assert field.has_class("labelled"), f"{type(dialog).__name__} #{field.id}"
            await pilot.press("escape")
            await until(pilot, lambda d=dialog: app.screen is not d)
