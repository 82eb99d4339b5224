"""Sample answers and stories for `matchprep demo`: a bank half written, as in week two."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TypedDict

from question_bank.answers import create_answer, duplicate_answer, rename_answer, save_answer
from question_bank.questions import get_question
from question_bank.stories import add_competency, add_story, link_story

if TYPE_CHECKING:
    from sqlite_utils import Database


class _DemoStory(TypedDict):
    title: str
    experience_kind: str
    experience: str
    competencies: tuple[str, ...]
    parts: dict[str, str]


STORIES: list[_DemoStory] = [
    {
        "title": "The missed PE on night float",
        "experience_kind": "rotation",
        "experience": "Internal medicine sub-internship, Chicago",
        "competencies": ("communication", "stress", "teamwork"),
        "parts": {
            "situation": "At 3 a.m. on night float, a post-operative patient became short of "
                         "breath; the first chest radiograph was read as clear.",
            "task": "I was the sub-intern covering 22 patients and had to decide whether to "
                    "wake the senior resident.",
            "action": "I re-examined her, found a heart rate of 118 and new hypoxia, calculated "
                      "a Wells score and called the senior with a one-line summary. I then "
                      "called the radiology resident myself to ask for a CT pulmonary angiogram "
                      "and explained why it could not wait.",
            "result": "The CTPA showed a saddle embolus; she was anticoagulated within 40 "
                      "minutes and went home on day 6.",
            "learned": "I learned to escalate with numbers, not adjectives, and how much a "
                       "direct conversation with radiology changes care.",
        },
    },
    {
        "title": "Disagreeing about a head CT",
        "experience_kind": "rotation",
        "experience": "Emergency medicine elective",
        "competencies": ("conflict", "professionalism"),
        "parts": {
            "situation": "A resident wanted a head CT for every fall in the ED, including a "
                         "25-year-old with no red flags.",
            "task": "As the student on the case, I thought the Canadian CT Head Rule said "
                    "otherwise and wanted to raise it without undermining him.",
            "action": "I asked to talk for two minutes away from the patient, showed him the "
                      "rule on my phone and asked what I was missing.",
            "result": "He agreed to observe instead; the patient was discharged after four "
                      "hours, and the resident later asked me to present the rule at handover.",
            "learned": "Disagreement lands better as a question backed by evidence.",
        },
    },
    {
        "title": "Night call in [US city] 🚑 — the [/] label mix-up",
        "experience_kind": "job",
        "experience": "Research assistant, imaging core lab [part-time]",
        "competencies": ("mistake-feedback", "resilience"),
        "parts": {
            "situation": "I mislabeled two MRI series in a study export [batch 3/] before a "
                         "deadline.",
            "task": "I had to own the mistake before the data went to the statistician.",
            "action": "I told the PI the same day, re-checked all 214 exports and wrote a "
                      "checklist for the lab.",
            "result": "No data were lost; the checklist is still used and caught two more "
                      "errors that year.",
            "learned": "Reporting my own error quickly built more trust than hiding it would.",
        },
    },
]

ANSWERS = [
    ("intro.tell-me-about-yourself", "narrative", {
        "background": "I grew up in Ohio, studied biomedical engineering and worked a year in "
                      "an MRI physics lab before medical school.",
        "why_abroad": "I chose a six-year programme in Dublin for its early clinical exposure; "
                      "it also taught me to work in a system that was not my own.",
        "why_radiology": "On my medicine sub-internship in Chicago, a CT angiogram at 3 a.m. "
                         "changed a patient's whole course, and I spent the next month in the "
                         "reading room.",
        "goals": "I want a program with strong neuroradiology and early call, and later an "
                 "academic job where I can teach.",
    }),
    ("behavioral.disagreed-with-senior", "star", {
        "situation": "Um, basically in the ED we had, like, a young patient after a fall.",
        "task": "We needed to decide on imaging.",
        "action": "We talked about it and we decided together, and we kind of agreed to "
                  "observe. Our team was great.",
        "result": "It went fine.",
        "learned": "",
    }),
    ("red-flag.failed-step", "red_flag", {
        "statement": "Unfortunately I failed Step 1 on my first attempt, and I'm sorry about that.",
        "context": "I was only an IMG student working nights and studying alone.",
        "changed": "I built a schedule of 40 questions a day, joined a study group and "
                   "tracked my weak systems weekly.",
        "result": "I passed on my second attempt and scored 251 on Step 2 CK.",
    }),
    ("why.why-this-program", "outline", {
        "outline": "Your program has a great reputation, strong teaching and diverse pathology, "
                   "and I think the supportive environment would be a good fit for me and my "
                   "goals as a future radiologist.",
    }),
    ("why.why-radiology", "why_radiology", {
        "draw": "I like puzzles and I have always wanted to work with technology.",
        "tested": "Radiology sits at the centre of care: on my sub-internship a CTPA read at "
                  "3 a.m. changed a patient's management within the hour.",
    }),
]


def populate(db: Database) -> None:
    now = datetime.now(UTC)
    if get_question(db, "intro.tell-me-about-yourself") is None:
        return  # a database without the shipped bank: nothing to attach answers to
    add_competency(db, "Resilience")
    stories = [add_story(db, **s, now=now - timedelta(days=3)) for s in STORIES]
    answers = {}
    for i, (question_id, structure, parts) in enumerate(ANSWERS):
        when = now - timedelta(days=len(ANSWERS) - i, minutes=7 * i)
        first = {k: v.split(". ")[0] for k, v in parts.items()}  # an early, shorter draft
        answer = create_answer(db, question_id, structure=structure, parts=first, now=when)
        answers[question_id] = save_answer(db, answer.id, question_id=question_id,
                                           structure=structure, parts=parts,
                                           now=when + timedelta(hours=2), session="demo")
    link_story(db, answers["intro.tell-me-about-yourself"].id, stories[0].id)
    link_story(db, answers["behavioral.disagreed-with-senior"].id, stories[1].id)
    version = duplicate_answer(db, answers["why.why-this-program"].id, now=now)
    rename_answer(db, version.id, "For [Lakeside] 🩻 [/]")
    save_answer(db, version.id, question_id="why.why-this-program", structure="outline",
                parts={"outline": "Dr. Patel's 3T prostate MRI work and the neuro-heavy PGY-2 "
                                  "year fit what I did in the lab; [two] residents told me the "
                                  "Thursday case conference is where they learned most."},
                now=now)
