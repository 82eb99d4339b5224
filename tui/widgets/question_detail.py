"""The detail pane of a question: its text, facts, tags and guidance, shown literally."""

from __future__ import annotations

from datetime import date

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from question_bank.categories import AUDIENCES, STRUCTURES, category_label
from question_bank.profile import Profile, unmet
from question_bank.questions import Question
from question_bank.structures import format_duration

GUIDANCE_LABELS = ("Probing:", "Shape:", "Pitfall:")


def guidance_content(guidance: str) -> Content:
    lines = []
    for line in guidance.splitlines():
        label = next((g for g in GUIDANCE_LABELS if line.startswith(g)), None)
        if label:
            lines.append(Content.from_markup("[b $text-accent]$label[/]$rest", label=label,
                                             rest=line[len(label):]))
        else:
            lines.append(Content(line))
    return Content("\n").join(lines)


def date_note_content(question: Question, today: date) -> Content | None:
    """"Checked Nov 2026." for guidance that depends on a rule or a cycle; in bold once its
    review date has passed (it may be out of date); None for guidance that does not date."""
    note = question.date_note(today)
    if note is None:
        return None
    return Content.from_markup("[b]$note[/b]", note=note) if question.is_stale(today) \
        else Content(note)


def question_guidance(question: Question, today: date) -> Content:
    """A question's guidance, followed by when it was checked (if it dates)."""
    body = guidance_content(question.guidance) if question.guidance \
        else Content("This question has no guidance yet.")
    note = date_note_content(question, today)
    return body if note is None else Content("\n").join([body, note])


def origin_text(q: Question) -> str:
    if q.origin == "shipped":
        return "shipped, edited by you" if q.edited else "shipped"
    return "imported from a pack" if q.origin == "pack" else "your own"


class QuestionDetail(VerticalScroll, can_focus=True):
    """Shows one question. `show(None)` shows a hint instead."""

    ALLOW_MAXIMIZE = True  # containers refuse by default; here it is the narrow-screen reader

    DEFAULT_CSS = """
    QuestionDetail { padding: 0 1; }
    QuestionDetail #detail-text { text-style: bold; margin-bottom: 1; }
    QuestionDetail #detail-facts { color: $text-muted; }
    QuestionDetail #detail-guidance { margin-top: 1; }
    """

    def compose(self):
        yield Static(id="detail-text")
        yield Static(id="detail-facts")
        yield Static(id="detail-guidance")

    def show(self, question: Question | None, profile: Profile | None = None,
             today: date | None = None) -> None:
        """Show `question`; with the applicant's `profile`, whether it is drawn for them;
        with `today`, when guidance that depends on a rule was checked (and if it is late)."""
        text, facts, guidance = (self.query_one(f"#detail-{n}", Static)
                                 for n in ("text", "facts", "guidance"))
        if question is None:
            text.update("No question selected.")
            facts.update("")
            guidance.update("")
            return
        text.update(Content(question.text))
        fact_lines = [
            Content.from_markup(
                "$category · $structure · target [b]$target[/b]",
                category=category_label(question.category),
                structure=STRUCTURES.get(question.structure, question.structure).split(" (")[0],
                target=format_duration(question.target_seconds),
            ),
            Content(f"Source: {origin_text(question)}"
                    + ("  ·  hidden" if question.hidden else "")),
        ]
        if question.audience:
            audience = AUDIENCES.get(question.audience, question.audience)
            fact_lines.append(Content(f"Ask: {audience}"))
        if question.tags:
            fact_lines.append(Content("Tags: " + ", ".join(question.tags)))
        if profile is not None:
            missing = unmet(question, profile)
            fact_lines.append(
                Content("For you: yes, drawn in the drill and mocks") if not missing
                else Content(f"⊘ Not drawn for you: it presumes {' and '.join(missing)}, "
                             "which your profile does not say (p on Home)"))
        dated = date_note_content(question, today) if today is not None else None
        if dated is not None:
            fact_lines.append(dated)
        facts.update(Content("\n").join(fact_lines))
        guidance.update(guidance_content(question.guidance) if question.guidance
                        else Content("No guidance yet. Press e to write your own."))
        self.scroll_home(animate=False)
