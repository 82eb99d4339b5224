"""The editable fields of a dossier, tab by tab, and how their values are saved.

Each field is a widget whose id says where its value goes: `p-<field>` a program field,
`i-<field>` an impression field, `r-why-<n>` / `r-fit-<n>` a reason. Labels sit in the
widget's border, which keeps the form compact on a small terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from dossiers import impressions, programs
from dossiers.errors import DossierError
from dossiers.readiness import Readiness, readiness

if TYPE_CHECKING:
    from sqlite_utils import Database

# (widget id, label, kind); kinds: line, number, area, select:<choices>, check
# A list inside the list is a row of fields side by side.
FIELDS: dict[str, list] = {
    "basics": [
        ("p-name", "Program name", "line"),
        [("p-eras_name", "ERAS listing", "line"), ("p-nrmp_name", "NRMP name", "line")],
        ("p-hospital_name", "Hospital", "line"),
        ("p-other_names", "Other names (one a line)", "area"),
        [("p-city", "City", "line"), ("p-state", "State", "line")],
        [("p-type", "Type", "select:type"),
         ("p-residents_per_year", "Residents per year", "number")],
        ("p-fellowships", "Fellowships", "line"),
        ("p-strengths", "Strengths", "area"),
        [("p-signal", "Signal sent", "select:signal"),
         ("p-positions", "Positions", "select:positions")],
        [("p-rotated_here", "I rotated here", "check"),
         ("p-letter_writer_here", "A letter writer is here", "check")],
    ],
    "teaching": [
        ("p-facilities", "Facilities: scanners, suites", "area"),
        ("p-conferences", "Conferences and teaching", "area"),
        ("p-call_structure", "Call structure", "area"),
    ],
    "img": [
        ("p-visa", "Visa sponsorship", "select:visa"),
        [("p-step3_needed_by", "Step 3 passed by (date)", "line"),
         ("p-ecfmg_deadline", "ECFMG certified by (date)", "line")],
        ("p-img_residents", "Current or past IMG residents", "area"),
        ("p-img_statements", "What the program says about IMGs", "area"),
    ],
    "why": [
        *[(f"r-why-{n}", f"Why this program: reason {n + 1}", "line") for n in range(3)],
        *[(f"r-fit-{n}", f"Why I fit: reason {n + 1}", "line") for n in range(2)],
    ],
    "after": [
        [("i-score", "Score (1-10)", "number"),
         ("i-thank_you_sent", "Thank-you notes sent", "check")],
        ("i-thank_you_to", "Thank-you notes to", "line"),
        ("i-culture", "Culture", "area"),
        ("i-teaching", "Teaching", "area"),
        ("i-resident_happiness", "Resident happiness", "area"),
        ("i-red_flags", "Red flags", "area"),
        ("i-best_moment", "The best moment", "area"),
    ],
    "notes": [("p-notes", "Notes", "area")],
}
CHOICES = {"type": programs.TYPES, "visa": programs.VISAS, "signal": programs.SIGNALS,
           "positions": programs.POSITIONS}


def build(widget_id: str, label: str, kind: str) -> Widget:
    if kind == "area":
        widget: Widget = TextArea(id=widget_id, soft_wrap=True, show_line_numbers=False,
                                  tab_behavior="focus", classes="field field-area")
    elif kind.startswith("select:"):
        choices = CHOICES[kind.split(":", 1)[1]]
        widget = Select([(text, key) for key, text in choices.items()],
                        prompt=f"{label}: not set",
                        id=widget_id, classes="field labelled")
    elif kind == "check":
        widget = Checkbox(label, id=widget_id, classes="field")
    else:
        widget = Input(id=widget_id, classes="field",
                       type="integer" if kind == "number" else "text")
    if kind != "check":
        widget.border_title = label
    return widget


def fields_of(tab: str) -> Iterator[Widget]:
    for spec in FIELDS.get(tab, []):
        if isinstance(spec, list):
            yield Horizontal(*(build(*s) for s in spec), classes="field-row")
        else:
            yield build(*spec)


def read(widget: Widget) -> object:
    """A field widget's current value, as saved."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return "" if widget.value == Select.NULL else widget.value
    if isinstance(widget, (Checkbox, Input)):
        return widget.value
    raise TypeError(f"{widget!r} is not a dossier field")


def write(widget: Widget, value: object) -> None:
    if isinstance(widget, TextArea):
        widget.text = str(value or "")
    elif isinstance(widget, Select):
        widget.value = value if value not in ("", None) else Select.NULL
    elif isinstance(widget, Checkbox):
        widget.value = bool(value)
    elif isinstance(widget, Input):
        widget.value = "" if value is None else str(value)
    else:
        raise TypeError(f"{widget!r} is not a dossier field")


def save_fields(db: Database, program_id: int, changes: dict[str, object],
                reasons: dict[str, list[str]],
                ) -> tuple[list[tuple[str, DossierError]], Readiness | None]:
    """Save what changed (a writer job). A bad field is reported and the rest still saved;
    the readiness is None when the program is gone (deleted in another copy of the app)."""
    errors: list[tuple[str, DossierError]] = []
    program_values, impression_values = {}, {}
    for widget_id, value in changes.items():
        kind, field = widget_id[:2], widget_id[2:]
        try:
            if kind == "p-":
                programs.clean_field(field, value)
                program_values[field] = value
            elif kind == "i-":
                if field == "score":
                    impressions.parse_score(value)
                impression_values[field] = value
        except DossierError as error:
            errors.append((widget_id, error))
    with db.atomic():
        name = program_values.pop("name", None)
        if name is not None:
            try:
                programs.update_program(db, program_id, name=name)
            except DossierError as error:
                errors.append(("p-name", error))
        if program_values:
            programs.update_program(db, program_id, **program_values)
        if impression_values:
            impressions.save_impression(db, program_id, **impression_values)
        for kind, texts in reasons.items():
            programs.set_reasons(db, program_id, kind, texts)
    return errors, readiness(db, program_id)
