"""Who the applicant is, and which questions fit them.

The profile says who the applicant is (a US graduate, a US citizen who trained abroad, a
non-US IMG), the visa they will need, the tracks they apply to or lean towards, and what
they may be asked to explain (a failed exam, a gap...). It is asked once, may be skipped,
and is kept in one row of its own table.

Each question names what it *presumes* of the person asked: a tuple of premise ids from
`PREMISES` ("img", "visa", "failed-step1", "ir-track"...). A question fits a profile
when every premise it names holds (`fits`). A skipped profile says nothing, so no premise
holds for it: it fits exactly the questions that presume nothing. A question that presumes
nothing fits everyone.

Structures follow the profile too: a structure may presume something of the applicant
("Why abroad" belongs only to someone who trained abroad) and name the structure to use
otherwise (`structure_for`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from question_bank.errors import FieldError
from question_bank.structures import STRUCTURES, get_structure

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

APPLICANTS: dict[str, str] = {
    "us-grad": "US graduate (MD or DO)",
    "us-img": "US citizen or resident who trained abroad",
    "non-us-img": "Non-US IMG",
}
VISAS: dict[str, str] = {
    "none": "No visa needed",
    "j1": "J-1",
    "h1b": "H-1B",
    "undecided": "A visa, J-1 or H-1B not decided yet",
}
TRACKS: dict[str, str] = {
    "dr": "Diagnostic radiology",
    "ir-integrated": "Integrated IR",
    "ir-independent": "Independent IR or ESIR interest",
    "informatics": "Informatics interest",
    "research": "Research interest",
}
EXPLAINS: dict[str, str] = {
    "low-score": "A score below a program's usual range",
    "gap": "A gap in training or in the CV",
    "years-since-graduation": "Several years since graduation",
    "no-us-clinical": "No US clinical experience",
    "no-us-radiology": "No radiology rotation in the US",
    "no-radiology-letters": "No letter from a radiologist",
    "little-research": "Less research than most applicants",
    "leave-of-absence": "A leave of absence",
    "specialty-change": "A change of specialty",
    "reapplicant": "Applied before without matching",
    "remediation": "A repeated or remediated course",
    "research-year": "A research year",
}
EXAMS: dict[str, str] = {
    "step1": "USMLE Step 1",
    "step2ck": "USMLE Step 2 CK",
    "step3": "USMLE Step 3",
    "comlex": "COMLEX-USA",
}
NEED_A_VISA = ("j1", "h1b", "undecided")
IR_TRACKS = frozenset({"ir-integrated", "ir-independent"})


@dataclass(frozen=True, slots=True)
class Profile:
    """What the applicant said about themselves; empty values: not said (or skipped)."""

    applicant: str | None = None
    visa: str | None = None
    tracks: frozenset[str] = field(default_factory=frozenset)
    explain: frozenset[str] = field(default_factory=frozenset)
    failed_exams: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not (self.applicant or self.visa or self.tracks or self.explain
                    or self.failed_exams)

    @property
    def trained_abroad(self) -> bool:
        return self.applicant in ("us-img", "non-us-img")

    def holds(self, premise: str) -> bool:
        """Whether `premise` is true of this applicant (an unknown premise never is)."""
        found = PREMISES.get(premise)
        return found is not None and found.test(self)


@dataclass(frozen=True, slots=True)
class Premise:
    id: str
    label: str  # what the question presumes, in words ("you need a visa")
    test: Callable[[Profile], bool]


def _explains(kind: str) -> Callable[[Profile], bool]:
    return lambda p: kind in p.explain


def _failed(exam: str) -> Callable[[Profile], bool]:
    return lambda p: exam in p.failed_exams


PREMISES: dict[str, Premise] = {
    p.id: p
    for p in (
        Premise("img", "you trained abroad", lambda p: p.trained_abroad),
        Premise("us-img", "you are a US citizen or resident who trained abroad",
                lambda p: p.applicant == "us-img"),
        Premise("non-us-img", "you are not a US citizen or resident and trained abroad",
                lambda p: p.applicant == "non-us-img"),
        Premise("us-grad", "you graduated from a US school", lambda p: p.applicant == "us-grad"),
        Premise("visa", "you need a visa", lambda p: p.visa in NEED_A_VISA),
        Premise("j1", "you may train on a J-1 visa", lambda p: p.visa in ("j1", "undecided")),
        Premise("h1b", "you may train on an H-1B visa", lambda p: p.visa in ("h1b", "undecided")),
        Premise("exam-failure", "you failed or repeated an exam", lambda p: bool(p.failed_exams)),
        Premise("failed-step1", "you failed Step 1 once", _failed("step1")),
        Premise("failed-step2ck", "you failed Step 2 CK once", _failed("step2ck")),
        Premise("failed-step3", "you failed Step 3 once", _failed("step3")),
        Premise("failed-comlex", "you failed a COMLEX level once", _failed("comlex")),
        Premise("low-score", "a score of yours is below a program's usual range",
                _explains("low-score")),
        Premise("gap", "there is a gap in your training or CV", _explains("gap")),
        Premise("years-since-graduation", "you graduated several years ago",
                _explains("years-since-graduation")),
        Premise("no-us-clinical", "you have no US clinical experience",
                _explains("no-us-clinical")),
        Premise("no-us-radiology", "you have not done a radiology rotation in the US",
                _explains("no-us-radiology")),
        Premise("no-radiology-letters", "none of your letters is from a radiologist",
                _explains("no-radiology-letters")),
        Premise("little-research", "you have less research than most applicants",
                _explains("little-research")),
        Premise("leave-of-absence", "you took a leave of absence",
                _explains("leave-of-absence")),
        Premise("specialty-change", "you are changing specialty", _explains("specialty-change")),
        Premise("reapplicant", "you applied before and did not match", _explains("reapplicant")),
        Premise("remediation", "you repeated or remediated a course", _explains("remediation")),
        Premise("research-year", "you took a research year", _explains("research-year")),
        Premise("ir-track", "you apply to integrated IR", lambda p: "ir-integrated" in p.tracks),
        Premise("ir-interest", "you apply to IR or lean towards it (ESIR, independent IR)",
                lambda p: bool(IR_TRACKS & p.tracks)),
        Premise("informatics", "you are interested in informatics",
                lambda p: "informatics" in p.tracks),
        Premise("research", "you are interested in research", lambda p: "research" in p.tracks),
    )
}


class ProfileError(FieldError):
    """A profile value that is not one of those allowed, naming them."""


class Presuming(Protocol):
    @property
    def presumes(self) -> tuple[str, ...]: ...


def fits(question: Presuming, profile: Profile | None) -> bool:
    """Whether every premise of the question holds for the applicant (no profile: none
    holds, so only a question that presumes nothing fits)."""
    profile = profile or Profile()
    return all(profile.holds(p) for p in question.presumes)


def fits_stored(presumes: str | None, profile: Profile | None) -> bool:
    """`fits` for a question's stored `presumes` column (a JSON list; null: nothing)."""
    profile = profile or Profile()
    return all(isinstance(p, str) and profile.holds(p) for p in json.loads(presumes or "[]"))


def stored_fits_test(profile: Profile | None) -> Callable[[str | None], bool]:
    """`fits_stored` for one profile, each distinct premise list worked out once: a listing
    asks it of every question (10,000 at scale), the bank holds a few dozen lists."""
    return functools.cache(functools.partial(fits_stored, profile=profile))


def unmet(question: Presuming, profile: Profile | None) -> list[str]:
    """What the question presumes that the profile does not say, in words."""
    profile = profile or Profile()
    return [PREMISES[p].label if p in PREMISES else p
            for p in question.presumes if not profile.holds(p)]


def parse_premises(value: str | Iterable[object] | None) -> tuple[str, ...]:
    """Premise ids from a list or from text separated by commas; each checked, in order."""
    if value is None:
        return ()
    items = value.replace(";", ",").split(",") if isinstance(value, str) else list(value)
    found: dict[str, None] = {}
    for item in items:
        if not isinstance(item, str):
            raise ProfileError("presumes", f"expected premise names, found {item!r}")
        premise = item.strip().lower()
        if not premise:
            continue
        if premise not in PREMISES:
            raise ProfileError("presumes", f"{item.strip()!r} is not a premise; expected some "
                               f"of {', '.join(PREMISES)}")
        found.setdefault(premise, None)
    return tuple(found)


# Structures that presume something of the applicant ----------------------------------

def structure_for(structure_id: str, profile: Profile | None) -> str:
    """The structure to use for this applicant: one whose premises do not hold gives way to
    the structure it names for everyone else, and back again when they hold."""
    structure = get_structure(structure_id)
    if structure.presumes and not all((profile or Profile()).holds(p)
                                      for p in structure.presumes):
        return structure.otherwise or structure.id
    for other in STRUCTURES.values():
        if other.otherwise == structure.id and other.presumes and all(
                (profile or Profile()).holds(p) for p in other.presumes):
            return other.id
    return structure.id


def structures_for(profile: Profile | None) -> list[str]:
    """The structures offered to this applicant (those whose premises hold)."""
    return [s.id for s in STRUCTURES.values() if structure_for(s.id, profile) == s.id]


# Reading and changing a profile -------------------------------------------------------

KEYS: dict[str, str] = {
    "applicant": "who you are: " + ", ".join(APPLICANTS),
    "visa": "the visa you will need: " + ", ".join(VISAS),
    "tracks": "what you apply to or lean towards: " + ", ".join(TRACKS),
    "explain": "what you may be asked to explain: " + ", ".join(EXPLAINS),
    "failed-exams": "an exam you failed or repeated: " + ", ".join(EXAMS),
}
_CLEAR = ("", "-", "none-of-these", "nothing", "unset", "clear")


def _one_of(key: str, value: str, allowed: dict[str, str]) -> str | None:
    wanted = value.strip().lower()
    if wanted in _CLEAR:
        return None
    if wanted not in allowed:
        raise ProfileError(key, f"{value.strip()!r} is not one of {', '.join(allowed)}")
    return wanted


def _some_of(key: str, value: str, allowed: dict[str, str]) -> frozenset[str]:
    found = set()
    for item in value.replace(";", ",").split(","):
        wanted = item.strip().lower()
        if not wanted or wanted in _CLEAR or (wanted == "none" and "none" not in allowed):
            continue
        if wanted not in allowed:
            raise ProfileError(key, f"{item.strip()!r} is not one of {', '.join(allowed)} "
                               "(give several separated by commas, or none)")
        found.add(wanted)
    return frozenset(found)


def with_value(profile: Profile, key: str, value: str) -> Profile:
    """`profile` with one key set from text ("visa", "j1"; "tracks", "dr,ir-integrated").
    Raises ProfileError with a sentence naming the allowed keys or values."""
    name = key.strip().lower().replace("_", "-")
    if name == "applicant":
        return replace(profile, applicant=_one_of(name, value, APPLICANTS))
    if name == "visa":
        return replace(profile, visa=_one_of(name, value, VISAS))
    if name == "tracks":
        return replace(profile, tracks=_some_of(name, value, TRACKS))
    if name == "explain":
        return replace(profile, explain=_some_of(name, value, EXPLAINS))
    if name == "failed-exams":
        return replace(profile, failed_exams=_some_of(name, value, EXAMS))
    raise ProfileError("key", f"{key.strip()!r} is not part of the profile; expected one of "
                       + ", ".join(KEYS))


def checked(profile: Profile) -> Profile:
    """Raise ProfileError if any value is not an allowed one (a profile made in code)."""
    for key, value, allowed in (("applicant", profile.applicant, APPLICANTS),
                                ("visa", profile.visa, VISAS)):
        if value is not None and value not in allowed:
            raise ProfileError(key, f"{value!r} is not one of {', '.join(allowed)}")
    for key, values, allowed in (("tracks", profile.tracks, TRACKS),
                                 ("explain", profile.explain, EXPLAINS),
                                 ("failed-exams", profile.failed_exams, EXAMS)):
        wrong = sorted(v for v in values if v not in allowed)
        if wrong:
            raise ProfileError(key, f"{wrong[0]!r} is not one of {', '.join(allowed)}")
    return profile


def describe(profile: Profile | None) -> list[tuple[str, str]]:
    """The profile in words, a (what, value) pair a line, for the app and the command line."""
    if profile is None:
        return [("Profile", "not given yet")]
    if profile.empty:
        return [("Profile", "skipped: only questions that presume nothing about you are drawn")]

    def names(values: frozenset[str], labels: dict[str, str]) -> str:
        return ", ".join(labels[v] for v in labels if v in values) or "none"

    return [
        ("Applicant", APPLICANTS.get(profile.applicant or "", "not said")),
        ("Visa", VISAS.get(profile.visa or "", "not said")),
        ("Tracks", names(profile.tracks, TRACKS)),
        ("May be asked to explain", names(profile.explain, EXPLAINS)),
        ("Failed or repeated exams", names(profile.failed_exams, EXAMS)),
    ]


def _frozen(text: str | None) -> frozenset[str]:
    try:
        values = json.loads(text or "[]")
    except ValueError:
        return frozenset()
    return frozenset(v for v in values if isinstance(v, str)) if isinstance(values, list) \
        else frozenset()


def load_profile(db: Database) -> Profile | None:
    """The applicant's profile; None when it was never asked (skipping saves an empty one)."""
    row = db.execute("select applicant, visa, tracks, explain, failed_exams "
                     "from applicant_profile where id = 1").fetchone()
    if row is None:
        return None
    applicant, visa, tracks, explain, failed = row
    return Profile(
        applicant=applicant if applicant in APPLICANTS else None,
        visa=visa if visa in VISAS else None,
        tracks=_frozen(tracks) & TRACKS.keys(),
        explain=_frozen(explain) & EXPLAINS.keys(),
        failed_exams=_frozen(failed) & EXAMS.keys(),
    )


def save_profile(db: Database, profile: Profile, *, now: datetime | None = None) -> Profile:
    """Keep `profile` (checked) as the applicant's; an empty one records a skip."""
    checked(profile)
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    db.execute(
        "insert into applicant_profile (id, applicant, visa, tracks, explain, failed_exams, "
        "saved_at) values (1, ?, ?, ?, ?, ?, ?) on conflict (id) do update set "
        "applicant = excluded.applicant, visa = excluded.visa, tracks = excluded.tracks, "
        "explain = excluded.explain, failed_exams = excluded.failed_exams, "
        "saved_at = excluded.saved_at",
        [profile.applicant, profile.visa, json.dumps(sorted(profile.tracks)),
         json.dumps(sorted(profile.explain)), json.dumps(sorted(profile.failed_exams)), stamp])
    return profile


def current_profile(db: Database) -> Profile:
    """The profile practice draws by: the applicant's, or an empty one if never given."""
    return load_profile(db) or Profile()


def profile_asked(db: Database | sqlite3.Connection) -> bool:
    """Whether the applicant has been asked for a profile (answered or skipped); works on a
    plain sqlite3 connection too (the app asks at start-up)."""
    return db.execute("select 1 from applicant_profile where id = 1").fetchone() is not None
