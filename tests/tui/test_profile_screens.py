"""The applicant profile in the app: asked on first start (skippable), edited from Home and
the palette, and followed by the question list's mark and its "fits me" filter."""

from __future__ import annotations

from textual.widgets import DataTable, Select, SelectionList

from question_bank.profile import Profile, load_profile, save_profile
from question_bank.questions import list_question_ids
from tests.tui.pilot_helpers import from_palette, shown, until
from tui.cli.launch import make_app, prepare_database
from tui.screens.dialogs.profile_form import ProfileDialog
from tui.store.database import connect


def steps(app) -> str:
    """Home's "What to do next" list, every step."""
    options = app.screen.query_one("#next-steps")
    return "\n".join(str(options.get_option_at_index(i).prompt)
                     for i in range(options.option_count))


def texts(app) -> list[str]:
    """Each row's marks and text (⊘ marks a question the profile rules out)."""
    table = app.screen.query_one("#question-table", DataTable)
    return [str(table.get_row_at(i)[0]).strip() + " " + str(table.get_row_at(i)[1])
            for i in range(table.row_count)]


async def test_the_first_start_asks_who_you_are_and_a_skip_is_not_asked_again(tmp_path, speaker):
    path = tmp_path / "new.db"
    prepare_database(path)
    app = make_app(path, speaker=speaker, prepare=False)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            # (the dialog is the screen a moment before its buttons are mounted in it)
            await until(pilot, lambda: isinstance(app.screen, ProfileDialog)
                        and app.screen.query_one("#cancel").is_mounted,
                        what="the profile dialog on first start")
            assert "Skip for now" in str(app.screen.query_one("#cancel").label)
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, ProfileDialog),
                        what="the dialog to close")
            await until(pilot, lambda: "Say who you are" in steps(app),
                        what="Home to offer the profile")
            await until(pilot, lambda: "Skipped." in shown(app, "#profile-summary"),
                        what="Home's profile card to say the profile was skipped")
    finally:
        app.ctx.close()
    db = connect(path)
    assert load_profile(db) == Profile()  # the skip is kept: not asked again
    db.close()
    again = make_app(path, speaker=speaker, prepare=False)
    try:
        async with again.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: "Skipped." in shown(again, "#profile-summary"),
                        what="Home's profile card")
            assert not isinstance(again.screen, ProfileDialog)
    finally:
        again.ctx.close()


async def test_a_session_opened_straight_from_the_command_line_is_not_interrupted(
        tmp_path, speaker):
    path = tmp_path / "new.db"
    prepare_database(path)
    app = make_app(path, speaker=speaker, prepare=False, start="questions")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.2)
            assert not isinstance(app.screen, ProfileDialog)
    finally:
        app.ctx.close()


async def test_the_profile_is_set_from_home_and_the_question_list_follows_it(
        app_factory, db):
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Skipped." in shown(app, "#profile-summary"),
                    what="Home's profile card")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProfileDialog), what="the dialog")
        dialog = app.screen
        dialog.query_one("#field-applicant", Select).value = "non-us-img"
        await pilot.press("ctrl+s")  # no visa chosen: the field is named and focused
        await pilot.pause()
        assert "Visa: choose the visa you will need" in shown(app, "#dialog-error")
        assert app.focused is dialog.query_one("#field-visa", Select)
        dialog.query_one("#field-visa", Select).value = "j1"
        tracks = dialog.query_one("#field-tracks", SelectionList)
        tracks.focus()
        await pilot.press("space")  # the first track: diagnostic radiology
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Non-US IMG" in shown(app, "#profile-summary"),
                    what="Home to show the profile")
        assert load_profile(db) == Profile("non-us-img", "j1", frozenset({"dr"}))
        assert "questions you may be asked fit you" in shown(app, "#profile-summary")
        assert "Say who you are" not in steps(app)

        await pilot.press("2")
        await until(pilot, lambda: app.current_mode == "questions", what="Questions")
        await until(pilot, lambda: texts(app), what="the question list")
        marked = [t for t in texts(app) if t.startswith("⊘ ")]
        assert any("As a US citizen" in t for t in marked)  # a non-US IMG is not one
        assert not any("Will you need visa sponsorship" in t for t in marked)
        assert "not drawn for you (f hides them)" in shown(app, "#question-status")
        fitting = len(list_question_ids(db, fitting=load_profile(db)))
        everything = len(list_question_ids(db))
        assert shown(app, "#question-status").startswith(f"{everything} questions")
        await pilot.press("f")
        await until(pilot, lambda: shown(app, "#question-status").startswith(
            f"{fitting} questions"), what="only the questions that fit")
        assert not any(t.startswith("⊘ ") for t in texts(app))
        assert "that fit you (f: all)" in shown(app, "#question-status")


async def test_the_detail_says_whom_a_question_is_for_and_when_its_advice_was_checked(
        app_factory, db):
    save_profile(db, Profile("us-grad", "none"))
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.current_mode == "questions", what="Questions")
        app.screen.select_question("img.visa-needs")
        await until(pilot, lambda: "visa" in shown(app, "#detail-text"), what="the question")
        facts = shown(app, "#detail-facts")
        assert "⊘ Not drawn for you: it presumes you need a visa" in facts
        assert "Checked Nov 2026." in facts
        app.screen.select_question("intro.tell-me-about-yourself")
        await until(pilot, lambda: "yourself" in shown(app, "#detail-text"), what="the opener")
        assert "For you: yes" in shown(app, "#detail-facts")


async def test_the_palette_opens_the_profile(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await from_palette(pilot, "profile", "Profile: who you are")
        await until(pilot, lambda: isinstance(app.screen, ProfileDialog), what="the dialog")
        assert "Cancel" in str(app.screen.query_one("#cancel").label)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ProfileDialog), what="closing")
