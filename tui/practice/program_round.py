"""The program round: a mock interview drawn from one program's dossier and the bank.

The pool (`program_pool`, listed in `tui.practice.mock_plan.POOLS`) holds what that program's
interviewers would ask: "Why our program?" (the opener), why you fit, what you know of
its fellowships and strengths, why you signaled them (or did not), what you learned on
your rotation there, your intern year (for advanced positions), whose work there interests
you; the bank's "why this program" questions and those its fellowships, strengths and IMG
record make relevant (only those that fit the applicant's profile);
the questions that the stories planned for it answer; and, to close, "What questions do
you have for us?" with the questions the user chose to ask shown beneath it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossiers import asks, people, plans, programs
from dossiers.errors import ProgramNotFound
from question_bank.mock_formats import CLOSER, QUESTION_KIND, Prompt, prompt_from_question
from question_bank.profile import current_profile
from question_bank.questions import Question, get_question, list_questions
from question_bank.stories import questions_for_story
from tui.practice.mock_setup import PlanError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tui.practice.mock_setup import MockSetup

WHY_US = "why.why-this-program"  # the bank question "Why our program?" rates
KNOW_US = "why.what-do-you-know-about-us"
# Bank questions a dossier's Match fields call for: a signal sent or not, a rotation there,
# advanced positions (the intern year is separate).
SIGNALED, NOT_SIGNALED = "why.you-signaled-us", "why.did-not-signal-us"
ROTATED, INTERN_YEAR = "why.rotated-with-us", "why.pgy1-secured"
MATCH_QUESTIONS = (SIGNALED, NOT_SIGNALED, ROTATED, INTERN_YEAR)
PROGRAM_TAG = "program"  # preferred by the program round's format
MAX_FELLOWSHIPS, MAX_STRENGTHS, PER_TOPIC = 4, 3, 4
# Words in a dossier that make some of the bank's questions relevant to the program.
RELEVANT_TAGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\b(?:ir|interventional|esir)\b", ("ir",)),
    (r"\b(?:research|7t|grant|publication|lab)\b", ("research",)),
    (r"\b(?:informatics|pacs|ai|machine learning|artificial intelligence)\b",
     ("informatics", "ai")),
    (r"\b(?:teaching|conference|read-outs?|readouts?)\b", ("teaching",)),
    (r"\b(?:trauma|night float|call|ed volume|emergency)\b", ("call", "stress")),
)
NO_ASKS = ("You have not chosen questions to ask yet: pick 5-7 in the dossier "
           "(Programs, 5: the Ask tab).")


def find_round_program(db: Database, name: str | None) -> programs.Program:
    """The program a round is for, by name, another name or a unique part of one."""
    if not name:
        raise PlanError("Choose the program for the program round.")
    try:
        return programs.find_program(db, name)
    except ProgramNotFound as error:
        raise PlanError(f"Program round: {error}.") from None


def _items(text: str) -> list[str]:
    """The items of a list typed in one field ("Neuro, MSK; IR (integrated)")."""
    plain = re.sub(r"\([^)]*\)", "", text or "")
    return [" ".join(item.split()).rstrip(".") for item in re.split(r"[,;\n]+", plain)
            if item.strip(" .")]


def _asked(text: str, *, bank: Question | None, target: int, tags: tuple[str, ...] = (),
           guidance: str = "", cues: tuple[str, ...] = (), category: str = "why") -> Prompt:
    """A prompt worded by the program's interviewer; its rating goes to `bank`'s card."""
    return Prompt(QUESTION_KIND if bank else None, bank.id if bank else None, text, category,
                  "outline", bank.target_seconds if bank else target,
                  guidance or (bank.guidance if bank else ""), (PROGRAM_TAG, *tags), cues)


def dossier_prompts(db: Database, program: programs.Program) -> list[Prompt]:
    """The questions built from the dossier itself, the opener first and the closer last."""
    why_us, know_us = get_question(db, WHY_US), get_question(db, KNOW_US)
    found = [_asked("Why our program?", bank=why_us, target=90, tags=("opener",))]
    if programs.get_reasons(db, program.id, "fit"):
        found.append(_asked("What makes you a good fit for our program?", bank=None,
                            target=60, guidance="Your “why I fit” reasons, with a case each."))
    for item in _items(program.fellowships)[:MAX_FELLOWSHIPS]:
        what = item if "fellowship" in item.casefold() else f"{item} fellowship"
        found.append(_asked(f"What do you know about our {what}?", bank=know_us, target=60))
    for item in _items(program.strengths)[:MAX_STRENGTHS]:
        found.append(_asked(f"We are known for {item}. What do you know about that, and "
                            "why does it matter to you?", bank=know_us, target=60))
    wanted_by_dossier = (program.signaled, program.signal == "none", program.rotated_here,
                         program.positions == "advanced")
    for wanted, question_id in zip(wanted_by_dossier, MATCH_QUESTIONS, strict=True):
        bank = get_question(db, question_id) if wanted else None
        if bank is not None and not bank.hidden:
            found.append(_asked(bank.text, bank=bank, target=bank.target_seconds))
    if any(p.role in ("faculty", "apd", "chair") and p.note.strip()
           for p in people.list_people(db, program.id)):
        found.append(_asked("Whose work in our department interests you, and why?",
                            bank=None, target=60))
    chosen = tuple(q.text for q in asks.list_asks(db, program.id))
    found.append(_asked("What questions do you have for us?", bank=None, target=120,
                        tags=(CLOSER,), cues=chosen or (NO_ASKS,), category="to-ask",
                        guidance="Ask two or three of the questions you chose."))
    return found


def relevant_tags(program: programs.Program) -> set[str]:
    fields = (program.fellowships, program.strengths, program.facilities, program.conferences,
              program.call_structure)
    text = " ".join(fields).casefold()
    return {tag for pattern, tags in RELEVANT_TAGS if re.search(pattern, text) for tag in tags}


def bank_prompts(db: Database, program: programs.Program, skip: set[str]) -> list[Prompt]:
    """The bank's "why this program" questions, those the program's fellowships, strengths
    and IMG record make relevant, and those its planned stories answer."""
    visible = [q for q in list_questions(db, fitting=current_profile(db))
               if q.category != "to-ask" and q.id not in skip]
    aimed = {q.id for q in visible if "why-program" in q.tags}
    for story_id in plans.planned_stories(db, program.id):
        aimed.update(qid for qid, _, _ in questions_for_story(db, story_id))
    topics = [[q for q in visible if tag in q.tags] for tag in sorted(relevant_tags(program))]
    if program.visa in ("j1", "h1b", "both") or program.img_residents.strip():
        topics.append([q for q in visible if q.category == "img"])  # it takes IMGs
    relevant: set[str] = set()
    for topic in topics:  # a few of each topic, so that one does not crowd out the rest
        relevant.update([q.id for q in topic if q.id not in aimed][:PER_TOPIC])
    found = []
    for q in visible:
        if q.id in aimed or q.id in relevant:
            prompt = prompt_from_question(q)
            tags = tuple(t for t in prompt.tags if t != "opener")  # "Why our program?" opens
            if q.id in aimed:
                tags += (PROGRAM_TAG,)
            found.append(Prompt(prompt.kind, prompt.ref, prompt.text, prompt.category,
                                prompt.structure, prompt.target_seconds, prompt.guidance, tags))
    return found


def program_pool(db: Database, setup: MockSetup) -> list[Prompt]:
    """Every prompt a program round may draw from (see the module's docstring)."""
    program = find_round_program(db, setup.program)
    own = dossier_prompts(db, program)
    # The Match questions come only when the dossier calls for them (above).
    skip = {p.ref for p in own if p.ref} | set(MATCH_QUESTIONS)
    return own + bank_prompts(db, program, skip=skip)
