"""Every screen of the app, reached as a user reaches it, on a database holding tricky text.

`OPENERS[name](app, pilot, ids)` opens one screen and returns the pieces of user text it
must show literally. Used by the text test (point 5) and the terminal-size test (point 6).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tests.tui.pilot_helpers import until
from tui.cli.launch import prepare_database
from tui.store.database import connect

NOW = datetime(2026, 1, 10, 15, 0, tzinfo=UTC)
# Markup that must not be read as markup, a backslash, emoji, right-to-left scripts and a
# combining accent (e + U+0301).
QUESTION = "Why [US city]? [bold red]no[/] \\ \U0001fa7b שלום مرحبا cafe\u0301"
GUIDANCE = ("Probing: [i]honesty[/i] [/] and a \\n that is not a newline "
            "\U0001f9d1\u200d\u2695\ufe0f")
ANSWER = {"outline": "I chose [link=x]this[/link] city \\ for [family] 🏙 عائلتي"}
STORY = "Night float [b]save[/b] \\ 🌙 לילה"
STORY_PART = "A [red]missed[/] bleed, caught at 3 a.m. \\o/ naïve"
PROGRAM = "Lakeshore [Main] Radiology \\ 🌊"
CITY = "São [Paulo] ع"
NOTE = "Too [long] \U0001f648 \\ مرة"


@dataclass
class Ids:
    question: str
    answer: int
    story: int
    program: int
    interview: int
    session: int


def populate(path) -> Ids:
    """A prepared database at `path` with tricky text in every kind of user content."""
    from dossiers import asks, interviews, people, programs
    from question_bank import drill, mock
    from question_bank.answers import save_answer
    from question_bank.mock_formats import Prompt
    from question_bank.profile import Profile, save_profile
    from question_bank.questions import add_question
    from question_bank.recordings import add_recording, save_review
    from question_bank.spoken import SpokenReview, SpokenWord, delivery
    from question_bank.stories import add_story, link_story
    from tui.store.settings import set_setting

    prepare_database(path)
    db = connect(path)
    try:
        save_profile(db, Profile("us-img", "none", frozenset({"dr", "research"}),
                                 frozenset({"gap"}), frozenset({"step1"})))
        q = add_question(db, text=QUESTION, category="why", guidance=GUIDANCE, tags=("city",))
        answer = save_answer(db, None, question_id=q.id, structure="outline", parts=ANSWER)
        save_answer(db, answer.id, question_id=q.id, structure="outline",
                    parts={"outline": ANSWER["outline"] + " [more]"})
        story = add_story(db, title=STORY, experience_kind="other",
                          parts={"situation": STORY_PART, "action": "I [called] the fellow"},
                          competencies=("teamwork",), question_ids=(q.id,))
        link_story(db, answer.id, story.id)
        p = programs.add_program(db, PROGRAM, city=CITY, notes=NOTE, strengths="[bold]IR[/]",
                                 signal="gold", rotated_here=True)
        programs.set_reasons(db, p.id, "why", ["Near my [family] \U0001f3e1"])
        asks.add_ask(db, p.id, "How is call [structured]? \\")
        people.add_person(db, p.id, "Dr. [Ñúñez] \\", "pd")
        day = interviews.add_interview(db, p.id, date=(NOW + timedelta(days=3)).date().isoformat(),
                                       start_time="09:00", timezone="America/Chicago",
                                       platform="zoom", format_notes="[PD] then residents")
        session = mock.create_session(
            db, format="faculty", prompts=[Prompt("question", q.id, QUESTION, "why", "outline",
                                                  60)], started_at=NOW - timedelta(days=1))
        mock.record_item(db, session, 0, think_seconds=2.0, speak_seconds=40.0,
                         outcome="answered", at=NOW - timedelta(days=1))
        mock.finish_session(db, session, ended_at=NOW - timedelta(days=1))
        item = mock.get_session(db, session).items[0]
        mock.set_item_note(db, item.id, NOTE)
        # What was heard in that answer, and in a rehearsal take of the written answer: the
        # written answer's tricky text shows in what of it was heard.
        spoken = SpokenReview(delivery([(0.8, 2.6), (3.2, 5.0)], 6.0), tuple(
            SpokenWord(w, 0.8 + i * 0.4, 1.1 + i * 0.4, 0.3 if i % 3 else 0.9)
            for i, w in enumerate("so um i chose this city for family".split())),
            transcribed=True)
        for kind, where in (("mock", {"session_id": session, "position": 0}),
                            ("take", {"answer_id": answer.id, "question_id": q.id})):
            rid = add_recording(db, kind=kind, path=f"{kind}.ogg", seconds=6.0,
                                recorded_at=NOW - timedelta(days=1), **where)
            save_review(db, rid, spoken, engine="pocketsphinx")
        set_setting(db, "record_answers", "1")
        drill.ensure_card(db, drill.QUESTION, q.id, now=NOW - timedelta(days=2),
                          due=NOW - timedelta(hours=1))
        return Ids(q.id, answer.id, story.id, p.id, day.id, session)
    finally:
        db.close()


def visible_text(app) -> str:
    """What the active screen shows, line by line, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def flat(text: str) -> str:
    """Screen text with line breaks and box edges out, so wrapped text reads whole."""
    return "".join(text.split("\n"))


async def section(app, pilot, key: str, screen_id: str) -> None:
    await pilot.press(key)
    await until(pilot, lambda: app.screen.id == screen_id or app.current_mode == screen_id)
    await settled(pilot)


async def settled(pilot) -> None:
    """Until no worker runs (the screen's lists and panes have loaded)."""
    await until(pilot, lambda: not any(w.is_running for w in pilot.app.workers),
                what="the screen's reads")
    await pilot.pause()  # what the workers posted is handled


def _is(name: str) -> Callable[[object], bool]:
    return lambda app: type(app.screen).__name__ == name


async def submit_path(app, pilot, key: str, dialog: str, path) -> None:
    """On Programs, open the import (i) or export (x) dialog, give it `path`, press enter."""
    await section(app, pilot, "5", "programs")
    await pilot.press(key)
    await until(pilot, lambda: _is(dialog)(app))
    field = "#import-path" if dialog == "ImportDialog" else "#export-path"
    app.screen.query_one(field).value = str(path)
    await pilot.press("enter")


Opener = Callable[[object, object, Ids], Awaitable[list[str]]]
OPENERS: dict[str, Opener] = {}


def opener(name: str):
    def register(function: Opener) -> Opener:
        OPENERS[name] = function
        return function
    return register


@opener("home")
async def _home(app, pilot, ids):
    await until(pilot, lambda: app.first_frame_shown)
    return [PROGRAM, QUESTION]


@opener("questions")
async def _questions(app, pilot, ids):
    await section(app, pilot, "2", "questions")
    app.screen.open_question(ids.question)
    await until(pilot, lambda: GUIDANCE.split(" and")[0] in flat(visible_text(app)))
    return [QUESTION, GUIDANCE.split(" and")[0]]


@opener("answers")
async def _answers(app, pilot, ids):
    await section(app, pilot, "3", "answers")
    await pilot.press("p")  # the preview of the selected answer
    return [QUESTION, ANSWER["outline"]]


@opener("stories")
async def _stories(app, pilot, ids):
    await section(app, pilot, "4", "stories")
    return [STORY, STORY_PART]


@opener("programs")
async def _programs(app, pilot, ids):
    await section(app, pilot, "5", "programs")
    return [PROGRAM]


@opener("mock")
async def _mock(app, pilot, ids):
    await section(app, pilot, "6", "mock")
    return []


@opener("progress")
async def _progress(app, pilot, ids):
    await section(app, pilot, "7", "progress")
    return []


@opener("help")
async def _help(app, pilot, ids):
    await pilot.press("question_mark")
    await until(pilot, lambda: _is("HelpScreen")(app))
    return []


async def _editor(app, pilot, ids) -> None:
    app.action_open_answer(ids.question)
    await until(pilot, lambda: _is("AnswerEditor")(app))
    await settled(pilot)


@opener("answer editor")
async def _answer_editor(app, pilot, ids):
    await _editor(app, pilot, ids)
    return [QUESTION, ANSWER["outline"]]


@opener("answer history")
async def _answer_history(app, pilot, ids):
    await _editor(app, pilot, ids)
    await pilot.press("ctrl+o")
    await until(pilot, lambda: _is("AnswerHistory")(app))
    return ["[more]"]


@opener("rehearse aloud")
async def _rehearse_aloud(app, pilot, ids):
    await _editor(app, pilot, ids)
    await pilot.press("ctrl+f")
    await until(pilot, lambda: _is("RehearseAloudDialog")(app))
    await settled(pilot)
    return ["Written answer"]


@opener("answer versions")
async def _answer_versions(app, pilot, ids):
    await _editor(app, pilot, ids)
    await pilot.press("ctrl+b")
    await until(pilot, lambda: _is("AnswerVersions")(app))
    return []


@opener("story picker")
async def _story_picker(app, pilot, ids):
    await _editor(app, pilot, ids)
    await pilot.press("ctrl+l")
    await until(pilot, lambda: _is("StoryPicker")(app))
    return [STORY]


@opener("story form")
async def _story_form(app, pilot, ids):
    await section(app, pilot, "4", "stories")
    await pilot.press("e")
    await until(pilot, lambda: _is("StoryForm")(app))
    return [STORY, STORY_PART]


@opener("coverage")
async def _coverage(app, pilot, ids):
    await section(app, pilot, "4", "stories")
    await pilot.press("c")
    await pilot.pause()
    return [STORY[:13]]  # a column per story: the title is cut, its brackets shown


@opener("question picker")
async def _question_picker(app, pilot, ids):
    await section(app, pilot, "4", "stories")
    await pilot.press("q")
    await until(pilot, lambda: _is("QuestionPicker")(app))
    return []


@opener("profile")
async def _profile(app, pilot, ids):
    await until(pilot, lambda: app.first_frame_shown)
    await pilot.press("p")
    await until(pilot, lambda: _is("ProfileDialog")(app))
    return []


@opener("question form")
async def _question_form(app, pilot, ids):
    await section(app, pilot, "2", "questions")
    app.screen.select_question(ids.question)
    await pilot.pause()
    await pilot.press("e")
    await until(pilot, lambda: _is("QuestionForm")(app))
    return [QUESTION]


async def _dossier(app, pilot, ids, pane: str = "") -> None:
    await app.action_open_program(ids.program, pane)
    await until(pilot, lambda: _is("DossierScreen")(app))
    await settled(pilot)


@opener("dossier")
async def _dossier_screen(app, pilot, ids):
    await _dossier(app, pilot, ids)
    return [PROGRAM, CITY]


@opener("checklist")
async def _checklist(app, pilot, ids):
    await _dossier(app, pilot, ids)
    await pilot.press("ctrl+l")
    await until(pilot, lambda: _is("ChecklistScreen")(app))
    return [PROGRAM]


@opener("ask picker")
async def _ask_picker(app, pilot, ids):
    await _dossier(app, pilot, ids, "asks")  # picking from the bank is on the asks tab
    await pilot.press("ctrl+b")
    await until(pilot, lambda: _is("AskPicker")(app))
    return []


@opener("rank list")
async def _rank(app, pilot, ids):
    await section(app, pilot, "5", "programs")
    await pilot.press("r")
    await until(pilot, lambda: _is("RankScreen")(app))
    return [PROGRAM]


@opener("interview form")
async def _interview_form(app, pilot, ids):
    from dossiers.interviews import get_interview
    from tui.screens.dialogs.interview_form import InterviewForm

    await section(app, pilot, "5", "programs")
    day = get_interview(app.ctx.db, ids.interview)
    await app.push_screen(InterviewForm(app.ctx, ids.program, "Europe/Berlin", day))
    await until(pilot, lambda: _is("InterviewForm")(app))
    return ["[PD] then residents"]


@opener("import dialog")
async def _import(app, pilot, ids):
    await section(app, pilot, "5", "programs")
    await pilot.press("i")
    await until(pilot, lambda: _is("ImportDialog")(app))
    return []


@opener("export dialog")
async def _export(app, pilot, ids):
    await section(app, pilot, "5", "programs")
    await pilot.press("x")
    await until(pilot, lambda: _is("ExportDialog")(app))
    return []


@opener("zone picker")
async def _zone(app, pilot, ids):
    await section(app, pilot, "5", "programs")
    await pilot.press("z")
    await until(pilot, lambda: _is("ZonePicker")(app))
    return []


async def _run(app, pilot, ids) -> None:
    from question_bank.mock_formats import Prompt
    from tui.practice.mock_plan import Plan
    from tui.practice.mock_setup import MockSetup
    from tui.practice.preferences import SpeechPrefs
    from tui.screens.mock_run import MockRunScreen

    plan = Plan(MockSetup(format="faculty", think_seconds=10),
                [Prompt("question", ids.question, QUESTION, "behavioral", "star", 60),
                 Prompt(None, None, "Second [question]?", "intro", "outline", 60)], 120)
    await app.push_screen(MockRunScreen(app.ctx, plan, SpeechPrefs()))
    await until(pilot, lambda: _is("MockRunScreen")(app) and app.screen.session_id is not None)


@opener("mock run")
async def _mock_run(app, pilot, ids):
    await _run(app, pilot, ids)
    return [QUESTION]


@opener("mock review")
async def _mock_review(app, pilot, ids):
    from tui.screens.mock_review import MockReviewScreen

    await app.push_screen(MockReviewScreen(app.ctx, ids.session))
    await until(pilot, lambda: _is("MockReviewScreen")(app))
    return [NOTE]


@opener("drill")
async def _drill(app, pilot, ids):
    await app.run_action("drill")
    await until(pilot, lambda: _is("DrillScreen")(app))
    await pilot.press("ctrl+s")
    await until(pilot, lambda: app.screen.view == "drill-card")
    # Program cards come first (the program's interview is near), then the due question:
    # either way the card shows tricky text.
    front = app.screen.queue[app.screen.position].front
    return [QUESTION] if QUESTION in front else [PROGRAM]
