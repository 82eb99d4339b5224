"""The answer editor, driven as a user would: type, see counts and feedback, find it saved."""

from __future__ import annotations

import pytest

from dossiers import programs
from question_bank.answers import (
    answers_for_question,
    current_answer,
    get_answer,
    rename_answer,
    save_answer,
)
from question_bank.feedback import rule
from question_bank.profile import Profile, save_profile
from question_bank.revisions import list_revisions
from question_bank.stories import add_story, stories_for_answer
from question_bank.structures import count_words
from tests.fakes import FakeClock
from tests.tui.answer_helpers import (
    area,
    autosave,
    open_editor,
    settle,
    shown,
    shows_its_count,
    tick,
    type_text,
)
from tests.tui.pilot_helpers import from_palette, until
from tui.screens.answer_editor import AnswerEditor
from tui.store.settings import get_setting

STAR_Q = "behavioral.mistake"


def saved_situation(db) -> str:
    """The first part of the question's saved answer, as the database has it now."""
    answer = current_answer(db, STAR_Q)
    return answer.parts.get("situation", "") if answer is not None else ""


@pytest.mark.parametrize("question_id, structure, texts, applicant", [
    ("behavioral.mistake", "star", {"situation": "Um, ED", "task": "Triage", "action": "I paged",
                                    "result": "Fine", "learned": "Ask"}, None),
    ("intro.tell-me-about-yourself", "narrative", {"background": "Ohio", "why_abroad": "Dublin",
                                                   "why_radiology": "CTPA", "goals": "Neuro"},
     "us-img"),
    ("intro.tell-me-about-yourself", "personal", {"background": "Ohio", "why_radiology": "CTPA",
                                                  "goals": "Neuro"}, "us-grad"),
    ("why.why-radiology", "why_radiology", {"draw": "CTPA", "tested": "Electives",
                                            "suits": "Puzzles", "goals": "Neuro"}, None),
    ("red-flag.failed-step", "red_flag", {"statement": "Sorry, I failed", "context": "Alone",
                                          "changed": "A plan", "result": "Passed"}, None),
    ("why.why-this-program", "outline", {"outline": "Great faculty"}, None),
])
async def test_type_into_each_structure_see_counts_feedback_and_saved_text(
        app_factory, db, question_id, structure, texts, applicant):
    if applicant:
        save_profile(db, Profile(applicant=applicant, visa="none"))
    clock = FakeClock()
    app = app_factory(clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot, question_id)
        assert editor.structure == structure
        assert list(editor.parts.areas) == list(texts)
        for i, (key, text) in enumerate(texts.items()):
            if i:
                await pilot.press("tab")
            assert app.focused is area(app, key)
            await type_text(pilot, text)
        if structure == "outline":  # enough words for the "why this program" rule to judge
            area(app, "outline").insert(" and a strong reputation, good teaching and a "
                                        "supportive culture that suits me well.")
        words = sum(count_words(area(app, k).text) for k in texts)
        await until(pilot, lambda: f"{words} words" in shown(app, "#answer-meter"))
        await autosave(app, pilot, clock)
        await settle(app, pilot)
        assert "at 140 wpm" in shown(app, "#answer-meter")
        assert "Saved" in shown(app, "#answer-status")
        # the first save made the answer: the facts line names it (later saves leave it be)
        await until(pilot, lambda: "new answer" not in shown(app, "#answer-facts"),
                    what="the facts line to name the answer the first save made")
        await until(pilot, lambda: all(shows_its_count(area(app, k)) for k in texts),
                    what="each part's count")
        await settle(app, pilot)  # the feedback's findings, from its worker
        expected = {"star": "filler", "narrative": "length.short", "personal": "length.short",
                    "why_radiology": "length.short", "red_flag": "apologetic",
                    "outline": "why-program.generic"}[structure]
        findings = shown(app, "#feedback-findings")
        assert f"▲ {rule(expected).title}\n" in findings  # in words, without the rule's id
        saved = current_answer(db, question_id)  # saved while the editor is still open
        typed = {k: area(app, k).text for k in texts}
        assert saved is not None and {k: saved.parts[k] for k in texts} == typed
        assert all(typed[k].startswith(texts[k]) for k in texts)


async def test_autosave_waits_for_a_pause_then_saves_within_a_second(app_factory, db):
    clock = FakeClock()
    app = app_factory(clock=clock)

    def saved() -> str | None:
        app.ctx.writer.flush()
        answer = current_answer(db, STAR_Q)
        return answer.parts["situation"] if answer else None

    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "first")
        await tick(app, pilot)  # the timer fires, but no time has passed on the clock
        assert saved() is None
        clock.advance(0.3)  # a pause shorter than the wait for one
        await tick(app, pilot)
        assert saved() is None
        clock.advance(0.15)  # the user stopped typing for under half a second
        await tick(app, pilot)
        await until(pilot, lambda: saved() == "first", what="the first autosave")
        for _ in range(2):  # continuous typing, 0.25 s a word: no pause long enough...
            await type_text(pilot, " w")
            clock.advance(0.25)
            await tick(app, pilot)
        assert saved() == "first"
        await type_text(pilot, " w")  # ... yet saved under a second after the first word
        clock.advance(0.25)
        await tick(app, pilot)
        await until(pilot, lambda: saved() == "first w w w", what="an autosave while typing")


async def test_leaving_and_quitting_save_what_is_pending(app_factory, db):
    app = app_factory(clock=FakeClock())  # the clock never moves: only leaving can save
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "on esc")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AnswerEditor)
        app.ctx.writer.flush()
        assert current_answer(db, STAR_Q).parts["situation"] == "on esc"
        await open_editor(app, pilot, STAR_Q)
        assert area(app, "situation").text == "on esc"
        await pilot.press("tab")
        await type_text(pilot, "on quit")
        await pilot.press("ctrl+q")
    app.ctx.writer.close()
    assert current_answer(db, STAR_Q).parts["task"] == "on quit"


async def test_switching_structure_keeps_every_word(app_factory, db):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "Nights")
        await pilot.press("tab")
        await type_text(pilot, "Ward")
        await pilot.press("ctrl+r")
        await pilot.pause()
        # STAR, the personal narrative (no "why abroad": no profile says so), why
        # radiology, red flag
        await pilot.press("down", "down", "down", "enter")
        await settle(app, pilot)
        editor = app.screen
        assert editor.structure == "red_flag"
        assert area(app, "context").text == "Nights"  # an equivalent part
        assert area(app, "task").text == "Ward"  # kept, set aside, shown
        assert "set aside" in str(area(app, "task").border_title)
        await pilot.press("escape")
        await pilot.pause()
    app.ctx.writer.flush()
    saved = current_answer(db, STAR_Q)
    assert saved.structure == "red_flag" and saved.parts["task"] == "Ward"


async def test_a_us_graduate_is_never_asked_why_abroad_and_keeps_what_was_written_there(
        app_factory, db):
    """The personal narrative's "Why abroad" is for applicants who trained abroad: a US
    graduate's editor has no such part and no "Why abroad is empty" finding, and text
    written there before the profile said so is kept, set aside."""
    question = "intro.tell-me-about-yourself"
    empty = save_answer(db, None, question_id=question, structure="narrative",
                        parts={"background": "Ohio, then medical school in Cleveland.",
                               "why_radiology": "A CT at 3 a.m. changed a plan.",
                               "goals": "Neuroradiology."})
    save_profile(db, Profile(applicant="us-grad", visa="none"))
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot, question, empty.id)
        assert editor.structure == "personal"
        assert list(editor.parts.areas) == ["background", "why_radiology", "goals"]
        await until(pilot, lambda: "Feedback appears" not in str(shown(app,
                                                                       "#feedback-findings")),
                    what="the feedback")
        assert "Why abroad" not in str(shown(app, "#feedback-findings"))
        written = save_answer(db, None, question_id=question, structure="narrative",
                              parts={"background": "Ohio.", "why_abroad": "A year in Dublin."})
        await editor.show_answer(get_answer(db, written.id))
        await settle(app, pilot)
        assert area(app, "why_abroad").text == "A year in Dublin."
        assert "set aside" in str(area(app, "why_abroad").border_title)
        await pilot.press("ctrl+r")
        await pilot.pause()
        options = app.screen.query_one("#structure-options")
        offered = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "narrative" not in offered and "personal" in offered
        await pilot.press("escape")
        await type_text(pilot, " Cleveland")
        await pilot.press("escape")
        await pilot.pause()
    app.ctx.writer.flush()
    kept = get_answer(db, written.id)
    assert kept.structure == "personal" and kept.parts["why_abroad"] == "A year in Dublin."


async def test_history_browse_diff_and_restore(app_factory, db):
    first = save_answer(db, None, question_id=STAR_Q, structure="star",
                        parts={"situation": "I called the senior"}, session="old")
    save_answer(db, first.id, question_id=STAR_Q, structure="star",
                parts={"situation": "I paged the senior [at once] 🩻"}, session="newer")
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        options = app.screen.query_one("#history-list")
        assert options.option_count == 2 and options.highlighted == 1
        text = shown(app, "#history-text")
        assert "you added 5 words and cut 3 words in Situation" in text
        assert "[at once] 🩻" in text
        await pilot.press("r")  # asks first
        await until(pilot, lambda: type(app.screen).__name__ == "ConfirmDialog",
                    what="the question before restoring")
        assert "Restore the version of" in shown(app, "#confirm-question")
        assert "restore it to undo" in shown(app, "#confirm-consequence")
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, AnswerEditor)
        assert area(app, "situation").text == "I called the senior"
    revisions = list_revisions(db, first.id)
    assert revisions[0].kind == "restore" and len(revisions) == 3
    assert get_answer(db, first.id).parts["situation"] == "I called the senior"


async def test_no_frame_is_drawn_while_the_parts_are_swapped(app_factory, db, monkeypatch):
    """A restore, a structure switch or a story pulled in lays the parts out again. A frame
    drawn while the old parts were being removed could draw one already taken apart
    (Textual raised KeyError for its text area's styles, and the app ended): from the
    removal of the old parts to the mount of the new ones, nothing is drawn."""
    import asyncio

    from tui.widgets.answer_part import PartArea

    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(app, pilot, STAR_Q)
        frames: list[str] = []
        display = app._display

        def drawn(screen, update) -> None:
            frames.append(type(update).__name__)
            display(screen, update)

        async def removed_slowly(part) -> None:
            part.screen.refresh()  # something to draw meanwhile
            await asyncio.sleep(0.1)  # the removal takes several frames' time

        swap: dict[str, int] = {}
        remove, mount = editor.parts.remove_children, editor.parts.mount_all

        def removing(*args, **kwargs):
            swap["removing"] = len(frames)
            return remove(*args, **kwargs)

        def mounting(*args, **kwargs):
            swap["mounting"] = len(frames)
            return mount(*args, **kwargs)

        monkeypatch.setattr(app, "_display", drawn)
        monkeypatch.setattr(PartArea, "on_unmount", removed_slowly, raising=False)
        monkeypatch.setattr(editor.parts, "remove_children", removing)
        monkeypatch.setattr(editor.parts, "mount_all", mounting)
        await editor.show_parts("red_flag", editor.parts.current())
        await settle(app, pilot)
        assert swap["mounting"] == swap["removing"], frames[swap["removing"]:]
        assert len(frames) > swap["mounting"]  # drawn once the new parts are there
        assert editor.structure == "red_flag"
        assert isinstance(app.focused, PartArea) and app.focused.is_attached

async def test_history_times_are_distinct_and_a_restore_can_be_declined(app_factory, db):
    """Two versions saved 40 s apart used to both read "just now": each reads to the
    second; n at the question keeps the text."""
    from datetime import timedelta

    clock = FakeClock()
    then = clock.now()
    first = save_answer(db, None, question_id=STAR_Q, structure="star",
                        parts={"situation": "I called the senior"}, session="a",
                        now=then - timedelta(seconds=70))
    save_answer(db, first.id, question_id=STAR_Q, structure="star",
                parts={"situation": "I paged the senior"}, session="b",
                now=then - timedelta(seconds=30))
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        options = app.screen.query_one("#history-list")
        times = [str(options.get_option_at_index(i).prompt).split("\n")[0]
                 for i in range(options.option_count)]
        assert len(set(times)) == len(times) == 2
        assert times[0].endswith("30 s ago") and times[1].endswith("1 min 10 s ago")
        await pilot.press("r")
        await until(pilot, lambda: type(app.screen).__name__ == "ConfirmDialog")
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "AnswerHistory")
    assert get_answer(db, first.id).parts["situation"] == "I paged the senior"


async def test_versions_saved_a_minute_apart_read_different_times(app_factory, db):
    from datetime import timedelta

    clock = FakeClock()
    then = clock.now()
    for seconds, text in ((70, "First take"), (30, "Second take")):
        save_answer(db, None, question_id=STAR_Q, structure="star",
                    parts={"situation": text}, now=then - timedelta(seconds=seconds))
    app = app_factory(clock=clock, now=clock.now)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        options = app.screen.query_one("#versions-list")
        edited = sorted(str(options.get_option_at_index(i).prompt).split("edited ")[1]
                        for i in range(options.option_count))
        assert [e.split(" · ")[1] for e in edited] == ["1 min 10 s ago", "30 s ago"]


async def test_link_a_story_and_pull_its_parts_in(app_factory, db):
    story = add_story(db, title="The [missed] PE 🩻", competencies=("stress",),
                      parts={"situation": "Night float", "action": "I called radiology",
                             "result": "Home on day 6"})
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "Mine")
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert "The [missed] PE 🩻" in shown(app, "#picker-story")
        await pilot.press("space")
        await settle(app, pilot)
        answer = current_answer(db, STAR_Q)
        assert [s.id for s in stories_for_answer(db, answer.id)] == [story.id]
        assert "Linked to this answer." in shown(app, "#picker-story")
        await pilot.press("p")
        await settle(app, pilot)
        assert area(app, "situation").text == "Mine\n\nNight float"
        assert area(app, "result").text == "Home on day 6"
        assert "stories: The [missed] PE 🩻" in shown(app, "#answer-facts")
        await pilot.press("escape")
        await pilot.pause()
    app.ctx.writer.flush()
    assert current_answer(db, STAR_Q).parts["action"] == "I called radiology"


async def test_versions_duplicate_open_and_make_current(app_factory, db):
    first = save_answer(db, None, question_id=STAR_Q, structure="star",
                        parts={"situation": "general"})
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        copies = answers_for_question(db, STAR_Q)
        assert len(copies) == 2
        await pilot.press("c", "enter")
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, AnswerEditor) and editor.draft.answer_id != first.id
        await type_text(pilot, " for Mayo")
        await pilot.press("escape")
        await pilot.pause()
    app.ctx.writer.flush()
    current = current_answer(db, STAR_Q)
    assert current.id != first.id and current.parts["situation"] == "general for Mayo"
    assert get_answer(db, first.id).parts["situation"] == "general"


async def test_pace_is_set_in_the_editor_and_kept(app_factory, db):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", "2", "0", "0", "enter")
        await pilot.pause()
        assert "130 to 160" in shown(app, "#dialog-error")
        await pilot.press("backspace", "backspace", "backspace", "1", "5", "0", "enter")
        await pilot.pause()
        assert "at 150 wpm" in shown(app, "#answer-meter")
    app.ctx.writer.flush()
    assert get_setting(db, "pace_wpm") == "150"


async def test_markup_emoji_and_5000_words_are_shown_and_saved_exactly(app_factory, db):
    odd = "[bold]not bold[/bold] [/] [US city] 🩻 "
    long_text = odd + " ".join(f"word{i}" for i in range(5000))
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        area(app, "situation").insert(long_text)
        await type_text(pilot, " [/]end")
        words = f"{count_words(long_text) + 1} words"
        await until(pilot, lambda: words in shown(app, "#answer-meter"),
                    what="the meter to count every word")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("3")  # the Answers list and its preview show it literally
        await settle(app, pilot)
        assert odd.strip() in shown(app, "#answer-preview-text")
    app.ctx.writer.flush()
    assert current_answer(db, STAR_Q).parts["situation"] == long_text + " [/]end"


async def test_enter_on_the_question_list_opens_the_editor_ready_to_type(app_factory, db):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AnswerEditor)
        first = next(iter(app.screen.parts.areas.values()))
        assert app.focused is first
        question = app.screen.question
        await type_text(pilot, "ready")
        await pilot.press("escape")
    app.ctx.writer.flush()
    assert "ready" in current_answer(db, question.id).text


async def test_a_tiny_terminal_still_shows_a_usable_editor(app_factory):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "Um ok")
        await until(pilot, lambda: "filler" in shown(app, "#feedback-findings"),
                    what="the feedback on the filler word")
        parts = app.screen.query_one("#answer-parts")
        feedback = app.screen.query_one("#answer-feedback")
        assert parts.region.height >= 3 and parts.region.width >= 30
        assert feedback.region.y > parts.region.y  # below the editor, not beside it
        assert area(app, "situation").region.height >= 3


async def test_an_answer_changed_elsewhere_is_shown_not_overwritten(app_factory, db):
    first = save_answer(db, None, question_id=STAR_Q, structure="star",
                        parts={"situation": "old"})
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await pilot.press("ctrl+g")  # the editor is covered, as when the user goes elsewhere
        await pilot.pause()
        app.ctx.writer.submit(save_answer, first.id, question_id=STAR_Q, structure="star",
                              parts={"situation": "changed in another editor"}).result()
        await pilot.press("escape")
        await settle(app, pilot)
        assert area(app, "situation").text == "changed in another editor"
        await pilot.press("escape")
        await pilot.pause()
    app.ctx.writer.flush()
    assert get_answer(db, first.id).parts["situation"] == "changed in another editor"


async def test_the_palette_from_the_editor_saves_it_and_opens_another(app_factory, db):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "first")
        await from_palette(pilot, "tell me about yourself", "tell me about yourself")
        await settle(app, pilot)
        assert isinstance(app.screen, AnswerEditor)
        assert app.screen.question.id == "intro.tell-me-about-yourself"
        assert sum(isinstance(s, AnswerEditor) for s in app.screen_stack) == 1
    app.ctx.writer.flush()
    assert current_answer(db, STAR_Q).parts["situation"] == "first"


async def test_tab_to_the_next_part_carries_on_at_its_end(app_factory, db):
    save_answer(db, None, question_id=STAR_Q, structure="star",
                parts={"situation": "Nights.", "task": "Cover the ward."})
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, " A")
        await pilot.press("tab")
        await type_text(pilot, " B")
        assert area(app, "situation").text == "Nights. A"
        assert area(app, "task").text == "Cover the ward. B"


async def test_section_keys_outside_a_text_area_leave_the_editor_saved(app_factory, db):
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "3 words here")  # a digit in a part is text, not a key
        app.screen.query_one("#answer-feedback").focus()
        await pilot.press("3")
        await settle(app, pilot)
        assert app.current_mode == "answers"
        assert not any(isinstance(s, AnswerEditor) for s in app.screen_stack)
    app.ctx.writer.flush()
    assert current_answer(db, STAR_Q).parts["situation"] == "3 words here"


async def test_a_version_for_a_signaled_program_is_held_to_the_reasons_in_its_dossier(
        app_factory, db):
    lakeshore = programs.add_program(db, "Lakeshore University Radiology", city="Chicago",
                                     signal="gold")
    programs.set_reasons(db, lakeshore.id, "why", ["Neuroradiology volume and the 7T MRI"])
    text = ("Lakeshore has a friendly culture, the Chicago lakefront is lovely and the "
            "residents were kind to me all day long.")
    version = save_answer(db, None, question_id="why.why-this-program", structure="outline",
                          parts={"outline": text})
    rename_answer(db, version.id, "For Lakeshore")
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(app, pilot, "why.why-this-program", version.id)
        signal = rule("signal-reasons").title
        await until(pilot, lambda: signal in str(shown(app, "#feedback-findings")),
                    what="the signal rule's finding")
        assert "Neuroradiology volume and the 7T MRI" in str(shown(app, "#feedback-findings"))
        area(app, "outline").insert(" The neuroradiology volume is why I signaled you.")
        await until(pilot, lambda: signal not in str(shown(app, "#feedback-findings")),
                    what="the finding to go once a reason is given")


@pytest.mark.parametrize("size, expected", [
    ((40, 12), "2 words · 0:01 of 2:00"),  # beside "Saved 10:42:03": no room for the rest
    ((100, 30), "2 words · 0:01 at 140 wpm · target 2:00 · too short (1:59 under)"),
])
async def test_the_meter_shows_the_longest_of_its_sentences_that_fits(app_factory, db, size,
                                                                       expected):
    """A narrow editor cut the meter mid-phrase, and the save line beside it read on from
    there ("0:42 at Saved 10:42:03")."""
    clock = FakeClock()
    app = app_factory(clock=clock)
    async with app.run_test(size=size) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "Um ok")
        await autosave(app, pilot, clock)
        await until(pilot, lambda: "Saved" in shown(app, "#answer-status"),
                    what="the save line")
        await until(pilot, lambda: "2 words" in shown(app, "#answer-meter"), what="the meter")
        meter = app.screen.query_one("#answer-meter")
        assert shown(app, "#answer-meter") == expected
        assert len(expected) <= meter.region.width


async def test_typing_goes_on_into_the_part_after_the_terminal_was_too_small(app_factory, db):
    """Too small, every widget is hidden and the text area lost its focus: back to a usable
    size, the words typed next went nowhere."""
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        await type_text(pilot, "first")
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert app.has_class("-too-small")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await type_text(pilot, " after")
        assert area(app, "situation").text.endswith("first after")


async def test_the_cursor_stays_in_sight_when_the_terminal_is_resized(app_factory, db):
    """A long paragraph wraps again at each new width, under a scroll that TextArea leaves
    where it was: at the end of a long paragraph, the cursor went out of sight (words
    348-403 of 1,600 shown) until an arrow key brought it back."""
    save_answer(db, None, question_id=STAR_Q, structure="star",
                parts={"situation": " ".join(f"word{n}" for n in range(600))})
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        part = area(app, "situation")
        part.focus()
        part.move_cursor(part.document.end)
        await pilot.pause()
        for width, height in [(170, 30), (100, 30), (40, 12), (100, 30)]:
            await pilot.resize_terminal(width, height)
            await until(pilot, lambda: part.content_region.y <= part.cursor_screen_offset.y
                        < part.content_region.bottom,
                        what=f"the cursor in sight at {width}x{height}")
            assert part.cursor_location == part.document.end


async def test_the_parts_scroll_to_the_cursor_as_a_part_grows_past_the_view(app_factory, db):
    """The text area scrolls only within itself: as it grew below what the column of parts
    shows, typing went on out of sight. Grown to its greatest height, a new line at its end
    was out of sight within it too, until the next key (TextArea scrolls to the cursor
    before it measures the new line)."""
    app = app_factory(clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await open_editor(app, pilot, STAR_Q)
        column = app.screen.query_one("#answer-parts")
        part = area(app, "situation")
        for line in range(8):
            await type_text(pilot, f"line {line}\n")
            await pilot.pause()
            view, inside = column.content_region, part.content_region
            assert view.y <= part.cursor_screen_offset.y < view.bottom, f"after line {line}"
            assert inside.y <= part.cursor_screen_offset.y < inside.bottom, f"after line {line}"
        assert column.scroll_offset.y > 0
