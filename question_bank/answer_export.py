"""Exports of the answers and the story bank: a Markdown binder and a documented JSON.

Both return text; the caller writes the file. The JSON (format "matchprep-answers",
version 1) holds:

- `format`, `version`, `exported_at` (ISO 8601, UTC);
- `structures`: {id: {label, parts: [{key, label, prompt}]}};
- `competencies`: [{id, label, builtin}];
- `questions`: [{id, text, category, category_label, target_seconds, structure}] for every
  question that has an answer or a story;
- `answers`: [{id, question_id, label, current, structure, words, created_at, updated_at,
  parts: [{key, label, text, kept}], story_ids}], `kept` marking text set aside by a
  change of structure;
- `stories`: [{id, title, experience_kind, experience, parts: {situation, task, action,
  result, learned}, competencies, question_ids, answer_ids, created_at, updated_at}];
- `links`: {answer_stories: [[answer_id, story_id]], story_questions: [[story_id,
  question_id]]}.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from question_bank.answers import Answer
from question_bank.categories import categories, category_label
from question_bank.stories import (
    EXPERIENCE_KINDS,
    STORY_PARTS,
    Story,
    competencies,
    competency_labels,
    get_story,
)
from question_bank.structures import (
    PACE_DEFAULT,
    STRUCTURES,
    format_duration,
    get_structure,
    kept_keys,
    part_label,
    spoken_seconds,
)
from question_bank.text import markdown_literal

if TYPE_CHECKING:
    from sqlite_utils import Database

EXPORT_FORMAT = "matchprep-answers"
EXPORT_VERSION = 1


def _answers(db: Database) -> list[Answer]:
    return [Answer.from_row(r) for r in db.query("select * from answers order by id")]


def _stories(db: Database) -> list[Story]:
    ids = [r[0] for r in db.execute("select id from stories order by title collate nocase, id")]
    return [story for story_id in ids if (story := get_story(db, story_id)) is not None]


def _answer_links(db: Database) -> list[tuple[int, int]]:
    return [tuple(r) for r in db.execute(
        "select answer_id, story_id from answer_stories order by answer_id, rowid")]


def export_data(db: Database, *, now: datetime | None = None) -> dict[str, Any]:
    """Everything the user wrote about answers and stories, as plain data (see above)."""
    answers = _answers(db)
    stories = _stories(db)
    links = _answer_links(db)
    story_questions = [tuple(r) for r in db.execute(
        "select story_id, question_id from story_questions order by story_id, rowid")]
    question_ids = {a.question_id for a in answers} | {q for _, q in story_questions}
    questions = [
        dict(r) | {"category_label": category_label(r["category"])}
        for r in db.query("select id, text, category, target_seconds, structure from questions "
                          "order by rowid")
        if r["id"] in question_ids
    ]
    by_answer: dict[int, list[int]] = {}
    by_story: dict[int, list[int]] = {}
    for answer_id, story_id in links:
        by_answer.setdefault(answer_id, []).append(story_id)
        by_story.setdefault(story_id, []).append(answer_id)

    def parts(answer: Answer) -> list[dict[str, Any]]:
        kept = set(kept_keys(answer.parts, answer.structure))
        return [{"key": k, "label": part_label(k), "text": t, "kept": k in kept}
                for k, t in answer.parts.items()]

    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "structures": {
            s.id: {"label": s.label,
                   "parts": [{"key": p.key, "label": p.label, "prompt": p.prompt}
                             for p in s.parts]}
            for s in STRUCTURES.values()
        },
        "competencies": [{"id": c.id, "label": c.label, "builtin": c.builtin}
                         for c in competencies(db)],
        "questions": questions,
        "answers": [
            {"id": a.id, "question_id": a.question_id, "label": a.label, "current": a.is_current,
             "structure": a.structure, "words": a.words, "created_at": a.created_at,
             "updated_at": a.updated_at, "parts": parts(a), "story_ids": by_answer.get(a.id, [])}
            for a in answers
        ],
        "stories": [
            {"id": s.id, "title": s.title, "experience_kind": s.experience_kind,
             "experience": s.experience, "parts": s.parts, "competencies": list(s.competencies),
             "question_ids": list(s.question_ids), "answer_ids": by_story.get(s.id, []),
             "created_at": s.created_at, "updated_at": s.updated_at}
            for s in stories
        ],
        "links": {"answer_stories": [list(x) for x in links],
                  "story_questions": [list(x) for x in story_questions]},
    }


def export_json(db: Database, *, now: datetime | None = None) -> str:
    return json.dumps(export_data(db, now=now), ensure_ascii=False, indent=2) + "\n"


def _paragraphs(text: str) -> list[str]:
    """User text as Markdown lines that start no block of their own (no heading, fence,
    list, quote, rule, table or HTML): each answer stays inside its part."""
    return markdown_literal(text.strip()).split("\n")


def _line(text: str) -> str:
    """User text on one line (a heading, a label), made literal."""
    return markdown_literal(" ".join(text.split()))


def export_markdown(db: Database, *, pace_wpm: int = PACE_DEFAULT,
                    now: datetime | None = None) -> str:
    """The answer binder: current answers by category, each part under its heading, the
    stories each uses; then the stories themselves. Meant to be read printed."""
    data = export_data(db, now=now)
    questions = {q["id"]: q for q in data["questions"]}
    titles = {s["id"]: s["title"] for s in data["stories"]}
    labels = competency_labels(db)
    current = [a for a in data["answers"] if a["current"] and any(p["text"].strip()
                                                                  for p in a["parts"])]
    others: dict[str, list[dict[str, Any]]] = {}
    for a in data["answers"]:
        if not a["current"]:
            others.setdefault(a["question_id"], []).append(a)
    local = (now or datetime.now(UTC)).astimezone()
    stamp = f"{local.day} {local:%B %Y}"
    out = ["# Answer binder", "",
           f"Exported {stamp}: {len(current)} answer{'s' if len(current) != 1 else ''}, "
           f"{len(data['stories'])} stor{'ies' if len(data['stories']) != 1 else 'y'}. "
           f"Spoken lengths at {pace_wpm} words a minute.", ""]
    if not current:
        out += ["No answers written yet.", ""]
    for cat in categories():
        in_cat = [a for a in current if questions[a["question_id"]]["category"] == cat.id]
        if not in_cat:
            continue
        out += [f"## {cat.label}", ""]
        for a in sorted(in_cat, key=lambda a: questions[a["question_id"]]["text"].casefold()):
            q = questions[a["question_id"]]
            spoken = format_duration(spoken_seconds(a["words"], pace_wpm))
            out += [f"### {_line(q['text'])}", "",
                    f"*{get_structure(a['structure']).label} · {a['words']} words, about "
                    f"{spoken} spoken · target {format_duration(q['target_seconds'])} · "
                    f"{_line(a['label'])}*", ""]
            for part in a["parts"]:
                if not part["text"].strip():
                    continue
                heading = f"{part['label']} (set aside)" if part["kept"] else part["label"]
                out += [f"**{heading}**", "", *_paragraphs(part["text"]), ""]
            if a["story_ids"]:
                out += ["Stories: " + ", ".join(_line(titles[s]) for s in a["story_ids"]), ""]
            if others.get(a["question_id"]):
                out += ["Other versions: " + ", ".join(
                    f"{_line(o['label'])} ({o['words']} words)"
                    for o in others[a["question_id"]]), ""]
    if data["stories"]:
        out += ["## Stories", ""]
        for s in data["stories"]:
            out += [f"### {_line(s['title'])}", ""]
            facts = [EXPERIENCE_KINDS.get(s["experience_kind"], s["experience_kind"])
                     + (f": {_line(s['experience'])}" if s["experience"] else "")]
            if s["competencies"]:
                facts.append("shows " + ", ".join(_line(labels.get(c, c))
                                                  for c in s["competencies"]))
            out += [f"*{' · '.join(facts)}*", ""]
            for p in STORY_PARTS:
                if s["parts"].get(p.key, "").strip():
                    out += [f"**{p.label}**", "", *_paragraphs(s["parts"][p.key]), ""]
            used = [questions[q]["text"] for q in s["question_ids"] if q in questions]
            if used:
                # One a line: joined, "yourself.; Tell me" read as one broken sentence.
                out += ["Answers:", "", *(f"- {_line(q)}" for q in used), ""]
    return "\n".join(out).rstrip() + "\n"
