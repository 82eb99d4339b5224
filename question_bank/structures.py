"""The shapes an answer takes, and how text moves when the user switches between them.

Each structure is a list of parts, each with a one-line prompt saying what belongs there.
Parts are stored by key, so an answer's text is a mapping `{part key: text}`. Switching
structure never drops text: a part with the same key (or a close equivalent) takes the
text over; a part that does not map is *kept* under its own key and shown apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from question_bank.categories import STRUCTURES as STRUCTURE_LABELS


@dataclass(frozen=True, slots=True)
class Part:
    key: str
    label: str
    prompt: str


@dataclass(frozen=True, slots=True)
class Structure:
    id: str
    label: str
    parts: tuple[Part, ...]
    # What it presumes of the applicant (premise ids, see question_bank.profile), and the
    # structure everyone else gets instead.
    presumes: tuple[str, ...] = ()
    otherwise: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.parts)

    def part(self, key: str) -> Part | None:
        return next((p for p in self.parts if p.key == key), None)


def _structure(structure_id: str, *parts: tuple[str, str, str], presumes: tuple[str, ...] = (),
               otherwise: str | None = None) -> Structure:
    label = STRUCTURE_LABELS[structure_id].split(" (")[0]
    return Structure(structure_id, label, tuple(Part(*p) for p in parts), presumes, otherwise)


STRUCTURES: dict[str, Structure] = {
    s.id: s
    for s in (
        _structure(
            "star",
            ("situation", "Situation", "Where and when: just enough context to follow the story."),
            ("task", "Task", "What you were responsible for, or what had to be solved."),
            ("action", "Action", "What you did yourself, step by step: say “I”, not “we”."),
            ("result", "Result",
             "How it ended: an outcome, a number, what changed for the patient."),
            ("learned", "Learned", "What you took from it and how you work differently since."),
        ),
        _structure(
            "narrative",
            ("background", "Background",
             "Where you come from and the path so far, in a few lines."),
            ("why_abroad", "Why abroad",
             "Why you trained outside the US: a choice you own, said plainly."),
            ("why_radiology", "Why radiology",
             "The cases and experiences that drew you to radiology."),
            ("goals", "Goals", "What you want from residency and where you see your career."),
            presumes=("img",), otherwise="personal",
        ),
        _structure(
            "personal",
            ("background", "Background",
             "Where you come from and the path so far, in a few lines."),
            ("why_radiology", "Why radiology",
             "The cases and experiences that drew you to radiology."),
            ("goals", "Goals", "What you want from residency and where you see your career."),
        ),
        _structure(
            "why_radiology",
            ("draw", "The draw",
             "The case or experience that first pulled you towards imaging, told briefly."),
            ("tested", "How you tested it",
             "What you did to be sure: electives, time in the reading room, research, call."),
            ("suits", "What suits you",
             "What in a radiologist's daily work fits how you think and work, with an example."),
            ("goals", "Goals", "What you want from residency, and where you see it leading."),
        ),
        _structure(
            "red_flag",
            ("statement", "State it", "Say what happened in one plain sentence, without excuses."),
            ("context", "Context", "Brief context, if it helps understanding; keep it short."),
            ("changed", "What changed", "The concrete steps you took afterwards."),
            ("result", "Result", "Where you are now: the better score, the skill, the evidence."),
        ),
        _structure(
            "outline",
            ("outline", "Outline", "The points you want to make, in the order you will say them."),
        ),
    )
}

# Parts that mean much the same thing in different structures: when the user switches,
# text moves into an empty equivalent part instead of being set aside.
EQUIVALENT_PARTS: tuple[frozenset[str], ...] = (
    frozenset({"situation", "context", "background"}),
    frozenset({"action", "changed"}),
    frozenset({"why_radiology", "draw"}),
)

_WORD = re.compile(r"\w[\w'’\-]*", re.UNICODE)


def get_structure(structure_id: str) -> Structure:
    """The structure with this id; an unknown id falls back to the plain outline."""
    return STRUCTURES.get(structure_id) or STRUCTURES["outline"]


def count_words(text: str) -> int:
    """Words as a listener hears them: "don't" and "follow-up" count once; emoji do not."""
    return len(_WORD.findall(text))


def words_phrase(n: int) -> str:
    """"1 word", "2 words": how every screen says a count of words."""
    return f"{n} word{'s' if n != 1 else ''}"


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def part_label(key: str) -> str:
    """The label of a part key, whichever structure it belongs to."""
    for structure in STRUCTURES.values():
        part = structure.part(key)
        if part is not None:
            return part.label
    return key.replace("_", " ").capitalize()


def _equivalents(key: str) -> frozenset[str]:
    return next((group for group in EQUIVALENT_PARTS if key in group), frozenset({key}))


def arrange(parts: dict[str, str], structure_id: str) -> dict[str, str]:
    """`parts` laid out for `structure_id`: its parts first, in order, then kept ones.

    Text in a part the structure lacks moves to an *empty* equivalent part; anything
    else is kept under its own key. Empty kept parts are dropped (they hold nothing).
    No text is ever lost: every non-empty input value is in the output.
    """
    structure = get_structure(structure_id)
    result = {key: parts.get(key, "") for key in structure.keys}
    for key, text in parts.items():
        if key in result or not text.strip():
            continue
        target = next((k for k in structure.keys
                       if k in _equivalents(key) and not result[k].strip()), None)
        if target is not None:
            result[target] = text
        else:
            result[key] = text
    return result


def kept_keys(parts: dict[str, str], structure_id: str) -> list[str]:
    """The keys in `parts` that are not parts of `structure_id` (text set aside)."""
    own = set(get_structure(structure_id).keys)
    return [k for k in parts if k not in own]


def structure_words(parts: dict[str, str], structure_id: str) -> int:
    """Words in the structure's own parts: what the user will actually say."""
    return sum(count_words(parts.get(k, "")) for k in get_structure(structure_id).keys)


def full_text(parts: dict[str, str], structure_id: str, *, headings: bool = False) -> str:
    """The answer as one text, in the structure's order (kept parts last).

    With `headings`, each non-empty part is introduced by its label on its own line.
    """
    arranged = arrange(parts, structure_id)
    chunks = []
    for key, text in arranged.items():
        text = text.strip()
        if not text:
            continue
        chunks.append(f"{part_label(key)}\n{text}" if headings else text)
    return "\n\n".join(chunks)


def spoken_seconds(word_count: int, pace_wpm: int) -> float:
    return word_count * 60.0 / max(1, pace_wpm)


def format_duration(seconds: float) -> str:
    """`m:ss`, rounded to the second."""
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


PACE_MIN, PACE_MAX, PACE_DEFAULT = 130, 160, 140


def parse_pace(value: str | int | None) -> int:
    """A speaking pace in words a minute, 130 to 160. Raises ValueError with a sentence."""
    text = str(value if value is not None else "").strip()
    try:
        pace = int(text)
    except ValueError:
        raise ValueError(
            f"pace {text!r} is not a whole number; expected {PACE_MIN} to {PACE_MAX} words a minute"
        ) from None
    if not PACE_MIN <= pace <= PACE_MAX:
        raise ValueError(f"pace {pace} is out of range; expected {PACE_MIN} to {PACE_MAX} words "
                         "a minute")
    return pace
