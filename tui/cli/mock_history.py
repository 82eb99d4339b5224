"""`matchprep mock history [--json]`: past mock interviews, with per answer what was said
and how (speaking time, target, pace, fillers, pauses, transcript) where it was recorded."""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from tui.cli.common import open_db, write_output

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """User text for a terminal: control characters (escape sequences, bidi overrides) are
    shown as U+FFFD, never obeyed."""
    return _CONTROL.sub("\ufffd", text)


def history(db: Any, limit: int) -> list[dict[str, Any]]:
    from question_bank.mock import get_session, list_sessions
    from question_bank.recordings import session_recordings

    sessions = []
    for summary in list_sessions(db, limit=limit):
        session = get_session(db, summary.id)
        if session is None:
            continue
        recordings = session_recordings(db, session.id)
        answers = []
        for item in session.items:
            recording = recordings.get(item.id)
            entry: dict[str, Any] = {
                "position": item.position + 1, "question": item.text, "outcome": item.outcome,
                "think_seconds": item.think_seconds,
                "spoke_seconds": item.speak_seconds if item.outcome == "answered" else None,
                "target_seconds": item.target_seconds, "limit_seconds": item.limit_seconds,
                "rating": item.rating, "note": item.note, "recording": None}
            if recording is not None:
                review = recording.review
                entry["recording"] = {
                    "status": recording.status, "seconds": recording.seconds,
                    "audio_kept": recording.has_audio, "engine": recording.engine,
                    **(review.figures() if review is not None else {}),
                    "transcript": review.transcript if review and review.transcribed else None,
                    "fillers_said": [f.text for f in review.fillers] if review else [],
                    "hedges": recording.figures.get("hedges", []),
                    "apologetic": recording.figures.get("apologetic", []),
                    "problem": recording.problem}
            answers.append(entry)
        sessions.append({
            "id": session.id, "format": session.format, "label": session.label,
            "program": session.program, "started_at": session.started_at.isoformat(),
            "ended_at": session.ended_at.isoformat() if session.ended_at else None,
            "status": session.status, "answers": answers})
    return sessions


def _seconds(value: float | None) -> str:
    from question_bank.structures import format_duration

    return "–" if value is None else format_duration(value)


def as_text(sessions: list[dict[str, Any]]) -> str:
    if not sessions:
        return "No mock interviews yet: start one with `matchprep mock`."
    lines = []
    for s in sessions:
        answered = sum(a["outcome"] == "answered" for a in s["answers"])
        program = f": {s['program']}" if s["program"] else ""
        lines.append(f"{s['label']}{program} · {s['started_at'][:16].replace('T', ' ')} · "
                     f"{answered} of {len(s['answers'])} answered")
        for a in s["answers"]:
            if a["outcome"] != "answered":
                continue
            lines.append(f"  {a['position']}. {a['question']}")
            figures = [f"spoke {_seconds(a['spoke_seconds'])} of {_seconds(a['target_seconds'])}"]
            r = a["recording"]
            if r is not None and r["status"] == "analysed":
                if r.get("wpm") is not None:
                    figures.append(f"{r['wpm']:.0f} wpm")
                if r.get("fillers") is not None:
                    figures.append(f"{r['fillers']} filler{'s' if r['fillers'] != 1 else ''}")
                figures.append(f"{r['pauses']} pause{'s' if r['pauses'] != 1 else ''}, "
                               f"{r['long_pauses']} over 3 s")
            elif r is not None:
                figures.append("recorded, not analysed yet" if r["status"] == "recorded"
                               else "recording could not be analysed")
            lines.append("     " + " · ".join(figures))
            if r is not None and r.get("transcript"):
                said = r["transcript"]
                lines.append(f"     “{said[:160]}{'…' if len(said) > 160 else ''}”")
        lines.append("")
    return visible("\n".join(lines).rstrip())


def history_subcommand(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        sessions = history(db, args.limit)
    finally:
        db.close()
    if args.json:
        write_output(json.dumps(sessions, ensure_ascii=False, indent=1), None)
    else:
        write_output(as_text(sessions), None)
    return 0
