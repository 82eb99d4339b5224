"""The answer editor's links to the rest: reading the answer aloud at the user's pace, and
"why this program" feedback that knows the programs in the dossiers."""

from __future__ import annotations

from dossiers import people, programs
from question_bank.answers import create_answer
from tests.fakes import FakeClock
from tui.practice.pace import save_pace
from tui.screens.answer_editor import AnswerEditor
from tui.speech.speaker import NO_ENGINE, SilentSpeaker

from .answer_helpers import area, open_editor, settle, shows_its_count, type_text, until

WHY_US = "why.why-this-program"
# Specific only through names: the program and its faculty member start their sentences
# (where any word is capitalised), so nothing but the dossier can tell they are names.
LOWERCASE = ("Lakeshore is where i want to train. okafor and his group study perfusion, "
             "which is what i did for two years before school.")


def findings(app) -> str:
    return str(app.screen.query_one("#feedback-findings").render())


async def paste(app, pilot, text: str) -> None:
    """Put `text` in the first part as a paste would (typing it key by key is slow)."""
    area(app, "outline").insert(text)
    await pilot.pause()


async def feedback_settled(app, pilot, names=lambda names: True) -> None:
    """Until the editor has read the program names it needs (`names(program_names)`) and
    its feedback has run on the answer as it is now; then its findings are shown."""
    editor = app.screen
    await until(pilot, lambda: names(editor.names.accepted)
                and all(shows_its_count(part) for part in editor.parts.areas.values()),
                what="the feedback on the answer as it is")
    await settle(app, pilot)


async def test_read_my_answer_aloud_at_my_pace_and_stop_it(app_factory, db, speaker):
    save_pace(db, 150)
    clock = FakeClock()
    app = app_factory(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, "behavioral.mistake")
        await type_text(pilot, "I paged [at once]")
        await pilot.press("tab")
        await type_text(pilot, "Triage [/]")
        await pilot.press("ctrl+n")
        assert speaker.calls == [("I paged [at once]\n\nTriage [/]", 150, None)]
        stops = speaker.stopped
        await pilot.press("ctrl+n")  # the same key stops it
        assert speaker.stopped == stops + 1 and len(speaker.calls) == 1
        await pilot.press("ctrl+n")
        assert len(speaker.calls) == 2
        clock.advance(60)  # long finished: the key reads again rather than stops
        await pilot.press("ctrl+n")
        assert len(speaker.calls) == 3
        stops = speaker.stopped
        await pilot.press("escape")  # leaving the editor stops it
        await settle(app, pilot)
        assert speaker.stopped == stops + 1 and not isinstance(app.screen, AnswerEditor)


async def test_quitting_while_reading_stops_the_voice(app_factory, speaker):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, "behavioral.mistake")
        await type_text(pilot, "I paged the senior")
        await pilot.press("ctrl+n")
        stops = speaker.stopped
    assert speaker.stopped > stops


async def test_without_an_engine_it_says_how_to_get_one(app_factory):
    app = app_factory(clock=FakeClock(), speaker=SilentSpeaker(NO_ENGINE))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, "behavioral.mistake")
        await type_text(pilot, "I paged the senior")
        await pilot.press("ctrl+n")
        await pilot.pause()
        told = [str(n.message) for n in app._notifications]
        assert any("apt install espeak-ng" in t for t in told), told
        assert area(app, "situation").text == "I paged the senior"


async def test_why_this_program_feedback_knows_the_programs_and_their_people(app_factory, db):
    p = programs.add_program(db, "Lakeshore University Diagnostic Radiology", city="Chicago")
    people.add_person(db, p.id, "Dr. Samuel Okafor", "faculty", "Perfusion CT")
    programs.add_program(db, "Cascade Regional Imaging Residency", city="Seattle")
    for_cascade = create_answer(db, WHY_US, structure="outline", label="For Cascade",
                                parts={"outline": LOWERCASE}, make_current=False)
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, WHY_US)
        await paste(app, pilot, LOWERCASE)
        await feedback_settled(app, pilot, lambda names: "Lakeshore" in names)
        assert "Lakeshore" in app.screen.names.accepted
        assert "Nothing program-specific" not in findings(app)
        await pilot.press("escape")
        await settle(app, pilot)
        # A version named for another program is held to that program's details alone.
        await open_editor(app, pilot, WHY_US, for_cascade.id)
        await feedback_settled(app, pilot, lambda names: "Seattle" in names)
        assert "Seattle" in app.screen.names.accepted
        assert "Lakeshore" not in app.screen.names.accepted
        assert "Nothing program-specific" in findings(app)


async def test_without_dossiers_the_same_answer_is_generic(app_factory):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, WHY_US)
        await paste(app, pilot, LOWERCASE)
        await feedback_settled(app, pilot)
        assert "Nothing program-specific" in findings(app)
