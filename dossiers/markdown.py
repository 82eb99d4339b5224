"""A dossier as Markdown, meant to be printed: one or two pages per program.

User text is made literal (question_bank.text.markdown_literal): it prints as typed
(brackets, stars, a leading "#") and starts no block of its own, so each section holds
what it says.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from dossiers import asks, impressions, interviews, people, plans, programs
from dossiers.interviews import Interview, overlaps
from dossiers.readiness import program_readiness, summary
from dossiers.zones import format_instant, same_clock
from question_bank.text import markdown_literal

if TYPE_CHECKING:
    from sqlite_utils import Database

AUDIENCE_LABELS = {"pd-faculty": "PD or faculty", "residents": "residents",
                   "img-support": "IMG support"}


def md(text: str) -> str:
    """User text made literal in Markdown, on one line."""
    return markdown_literal(" ".join((text or "").split()))


def _block(text: str) -> str:
    """Multi-line user text, each line kept (two spaces end a line in Markdown)."""
    return "  \n".join(markdown_literal(line) for line in (text or "").strip().splitlines())


def _when(day: interviews.Interview, user_zone: str) -> str:
    text = interviews.span(day, day.timezone, note=False)
    if not same_clock(day.timezone, user_zone, day.starts_at):
        text += f" (your time: {interviews.span(day, user_zone, note=False)})"
    return f"{text}, {interviews.assumed_note()}" if day.end_assumed else text


def dossier_markdown(db: Database, program_id: int, *, user_zone: str, now: datetime,
                     clashes: dict[int, list[Interview]] | None = None,
                     stories: Mapping[int, str] | None = None) -> str:
    """One program's dossier, every section, as Markdown.

    `stories` maps story ids to titles (the story bank belongs to the caller's other
    package): the stories planned for the program are listed by title.
    """
    p = programs.get_program(db, program_id)
    if p is None:
        raise ValueError(f"no program has the id {program_id}")
    out: list[str] = [f"# {md(p.name)}", ""]
    if p.aliases:
        out += ["*Also:* " + "; ".join(md(a) for a in p.aliases), ""]
    facts = [md(p.place) if p.place else "", programs.TYPES.get(p.type, ""),
             f"{p.residents_per_year} residents a year" if p.residents_per_year is not None else ""]
    ready = program_readiness(db, p)
    out += [" · ".join(f for f in facts if f) or "*Place and type not recorded.*", "",
            f"**Readiness:** {md(summary(ready))}", ""]
    days = interviews.list_interviews(db, program_id)
    if clashes is None:
        clashes = overlaps(interviews.list_interviews(db))
    out.append("## Interview days")
    for day in days:
        line = f"- **{_when(day, user_zone)}**"
        if day.platform:
            line += f" · {md(day.platform_label)}"
        if day.link:
            line += f" · {md(day.link)}"
        out.append(line)
        details = []
        if day.interview_count is not None:
            details.append(f"{day.interview_count} interviews")
        if day.format_notes.strip():
            details.append(md(" ".join(day.format_notes.split())))
        if day.social.strip():
            details.append("social: " + md(" ".join(day.social.split())))
        if details:
            out.append("  " + "; ".join(details))
        for other in clashes.get(day.id, []):
            out.append(f"  **Overlaps** {md(other.program_name)} "
                       f"({format_instant(other.starts_at, user_zone)})")
    if not days:
        out.append("*No interview day scheduled.*")
    out.append("")
    sections = [
        ("Basics", [("Fellowships", p.fellowships), ("Strengths", p.strengths)]),
        ("Facilities and teaching", [("Facilities", p.facilities),
                                     ("Conferences", p.conferences), ("Call", p.call_structure)]),
        ("The Match", [("Signal", programs.SIGNALS.get(p.signal, "")),
                       ("Away rotation", _rotation(p)),
                       ("Positions", programs.POSITIONS.get(p.positions, "")),
                       ("Step 3 needed by", p.step3_needed_by),
                       ("ECFMG certification by", p.ecfmg_deadline)]),
        ("IMG-friendliness", [("Visa", programs.VISAS[p.visa]),
                              ("IMG residents", p.img_residents),
                              ("Statements", p.img_statements)]),
    ]
    for title, pairs in sections:
        filled = [(k, v) for k, v in pairs if v and v.strip()]
        if filled:
            out.append(f"## {title}")
            out += [f"**{k}:** {_block(v)}  " for k, v in filled]
            out.append("")
    known = people.list_people(db, program_id)
    if known:
        out.append("## People")
        out += [f"- **{md(x.name)}** ({md(x.role_label)})" + (f": {md(' '.join(x.note.split()))}"
                                                               if x.note else "") for x in known]
        out.append("")
    for kind, title in (("why", "Why this program"), ("fit", "Why I fit")):
        reasons = programs.get_reasons(db, program_id, kind)
        if reasons:
            out += [f"## {title}", *[f"{n}. {md(r)}" for n, r in enumerate(reasons, 1)], ""]
    questions = asks.list_asks(db, program_id)
    if questions:
        out.append("## Questions to ask")
        for n, q in enumerate(questions, 1):
            who = f" *({AUDIENCE_LABELS[q.audience]})*" if q.audience in AUDIENCE_LABELS else ""
            out.append(f"{n}. {md(q.text)}{who}")
        out.append("")
    titles = stories or {}
    planned = [titles[s] for s in plans.planned_stories(db, program_id) if s in titles]
    if planned:
        out += ["## Stories I plan to tell", *[f"- {md(title)}" for title in planned], ""]
    if p.notes.strip():
        out += ["## Notes", _block(p.notes), ""]
    out += _after(db, program_id)
    return "\n".join(out).rstrip() + "\n"


def _rotation(p: programs.Program) -> str:
    if p.rotated_here and p.letter_writer_here:
        return "I rotated here; a letter writer is here"
    if p.rotated_here:
        return "I rotated here"
    return "a letter writer is here" if p.letter_writer_here else ""


def _after(db: Database, program_id: int) -> list[str]:
    impression = impressions.get_impression(db, program_id)
    met = people.list_people(db, program_id, "met")
    if not impression.recorded and not met:
        return []
    out = ["## After the interview"]
    if impression.score is not None:
        out.append(f"**Score:** {impression.score}/10  ")
    for label, value in (("Culture", impression.culture), ("Teaching", impression.teaching),
                         ("Resident happiness", impression.resident_happiness),
                         ("Red flags", impression.red_flags),
                         ("Best moment", impression.best_moment)):
        if value.strip():
            out.append(f"**{label}:** {_block(value)}  ")
    thanks = "sent" if impression.thank_you_sent else "not sent"
    if impression.thank_you_to.strip():
        thanks += f" (to {md(impression.thank_you_to.strip())})"
    out.append(f"**Thank-you notes:** {thanks}  ")
    if met:
        out.append("**Met:** " + "; ".join(
            f"{md(x.name)} ({md(x.role_label)})" + (f": {md(x.note)}" if x.note else "")
            for x in met))
    out.append("")
    return out


def dossiers_markdown(db: Database, program_ids: list[int] | None = None, *, user_zone: str,
                      now: datetime, stories: Mapping[int, str] | None = None) -> str:
    """Several dossiers, one after another, a rule between them."""
    ids = [p.id for p in programs.list_programs(db)
           if program_ids is None or p.id in program_ids]
    if not ids:
        return "# Program dossiers\n\n*No programs yet.*\n"
    clashes = overlaps(interviews.list_interviews(db))
    return "\n---\n\n".join(dossier_markdown(db, pid, user_zone=user_zone, now=now,
                                             clashes=clashes, stories=stories) for pid in ids)
