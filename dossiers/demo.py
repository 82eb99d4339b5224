"""Sample programs for `matchprep demo`: four dossiers in four zones, one interview past
(with impressions), one tomorrow, one that overlaps it, one a fortnight away."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from dossiers import asks, checklists, impressions, interviews, people, programs
from dossiers.rank import set_rank_order

if TYPE_CHECKING:
    from sqlite_utils import Database


def _day(zone: str, offset: int) -> date:
    """A day counted from the user's today (one "today" for every zone, so that the two
    interviews tomorrow really overlap)."""
    return datetime.now().date() + timedelta(days=offset)


def populate(db: Database) -> None:
    with db.atomic():
        _lakeshore(db)
        _desert(db)
        _hudson(db)
        _cascade(db)


def _lakeshore(db: Database) -> None:
    p = programs.add_program(
        db, "Lakeshore University Diagnostic Radiology",
        eras_name="Lakeshore Univ Med Ctr - Diagnostic Radiology", nrmp_name="Lakeshore UMC-IL",
        hospital_name="Lakeshore University Medical Center", city="Chicago", state="IL",
        type="academic", residents_per_year=9,
        fellowships="Neuro, MSK, body, breast, IR (independent and integrated)",
        strengths="Level I trauma; high-volume neuro; 7T research MRI",
        facilities="Two 3T MRIs, PET/MR, a 7T research scanner, dedicated IR suites",
        conferences="Noon conference daily; resident-run case conference on Fridays",
        call_structure="Night float from PGY-2, no 24-hour calls",
        img_residents="Two current residents trained abroad (PGY-3 and PGY-4)",
        visa="j1", img_statements="Website: applicants from all schools are reviewed alike",
        notes="Coordinator answers within a day. Ask about the AI fellowship track.",
        signal="gold", rotated_here=True, letter_writer_here=True, positions="advanced",
        ecfmg_deadline=_day("America/Chicago", 75).isoformat(),
    )
    programs.set_reasons(db, p.id, "why", [
        "Neuroradiology volume and the 7T research program",
        "Residents present at RSNA every year",
        "Night float rather than 24-hour calls",
    ])
    programs.set_reasons(db, p.id, "fit", ["My stroke imaging research fits the neuro group"])
    people.add_person(db, p.id, "Dr. Elena Marquez", "pd",
                      "Neuroradiologist; likes concise answers")
    people.add_person(db, p.id, "Dr. Samuel Okafor", "faculty",
                      "Stroke imaging research: same perfusion-CT question as my paper")
    for text, audience in [
        ("How has the program changed over the last few years?", "pd-faculty"),
        ("What do residents who thrive here have in common?", "pd-faculty"),
        ("How is feedback given on a first night-float rotation?", "residents"),
        ("How are critical results calls taught and supervised?", "residents"),
        ("How have residents who trained abroad been supported here?", "img-support"),
    ]:
        asks.add_ask(db, p.id, text, audience=audience)
    day = interviews.add_interview(db, p.id, date=_day("America/Chicago", -5),
                                   start_time="08:30", end_time="13:00",
                                   timezone="America/Chicago", platform="thalamus",
                                   link="https://thalamus.example/lakeshore",
                                   interview_count=4,
                                   format_notes="PD, two faculty, chief resident",
                                   social="Virtual resident social the evening before, 18:00")
    for item in checklists.items(db, day):
        checklists.tick(db, day.id, item.key)
    impressions.save_impression(
        db, p.id, culture="Residents finished each other's sentences; clearly friendly.",
        teaching="Read-out with attendings every afternoon; protected noon conference.",
        resident_happiness="High: they stay on as fellows.",
        red_flags="Parking is far from the reading rooms.",
        best_moment="Dr. Okafor pulled up my perfusion-CT poster himself.",
        thank_you_sent=True, thank_you_to="Dr. Marquez, Dr. Okafor", score=8)
    people.add_person(db, p.id, "Dr. Samuel Okafor", "faculty", "Talked stroke imaging for 10 min",
                      kind="met")
    people.add_person(db, p.id, "Dr. Priya Raman", "chief", "Suggested the AI elective", kind="met")


def _desert(db: Database) -> None:
    p = programs.add_program(
        db, "Desert Valley Medical Center Radiology", hospital_name="Desert Valley Medical Center",
        city="Phoenix", state="AZ", type="community", residents_per_year=4,
        strengths="Huge ED volume; early independent call", visa="both", signal="silver",
        positions="categorical", step3_needed_by=_day("America/Phoenix", 150).isoformat(),
        img_residents="Most of the current class trained abroad",
        facilities="3T MRI, new CT in the ED", conferences="Weekly board review",
    )
    programs.set_reasons(db, p.id, "why", [
        "Their [PET/MR] plans and the [/] informal read-outs 🩻 with attendings",
        "Close to my family in Tucson",
    ])
    people.add_person(db, p.id, "Dr. Hannah Lee", "pd", "")
    asks.add_ask(db, p.id, "What does a typical day on night float look like for a PGY-2?",
                 audience="residents")
    interviews.add_interview(db, p.id, date=_day("America/Phoenix", 1), start_time="08:00",
                             end_time="12:00", timezone="America/Phoenix", platform="zoom",
                             link="https://zoom.example/j/5551234", interview_count=3,
                             format_notes="PD, one faculty, resident room")


def _hudson(db: Database) -> None:
    p = programs.add_program(
        db, "Hudson Bay Medical College Radiology", eras_name="Hudson Bay Med Coll-NY",
        city="New York", state="NY", type="hybrid", residents_per_year=6,
        strengths="Breast imaging; a strong informatics group", signal="none",
    )
    programs.set_reasons(db, p.id, "why", ["The informatics group builds its own PACS tools"])
    interviews.add_interview(db, p.id, date=_day("America/New_York", 1), start_time="11:00",
                             timezone="America/New_York", platform="teams",
                             format_notes="Panel interview, then residents")


def _cascade(db: Database) -> None:
    p = programs.add_program(
        db, "Cascade Regional Imaging Residency", city="Seattle", state="WA", type="academic",
        residents_per_year=7, visa="none",
    )
    interviews.add_interview(db, p.id, date=_day("America/Los_Angeles", 12), start_time="09:00",
                             end_time="14:00", timezone="America/Los_Angeles", platform="in-person",
                             social="Dinner with residents the night before")
    ids = [row["id"] for row in db.query("select id from programs order by id")]
    set_rank_order(db, ids)
