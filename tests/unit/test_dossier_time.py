"""Interview days across time zones and daylight-saving changes; overlaps; checklists."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from dossiers import checklists, programs
from dossiers.errors import DossierError
from dossiers.interviews import (
    add_interview,
    just_ended,
    list_interviews,
    next_interview,
    overlaps,
    update_interview,
)
from dossiers.zones import find_zone, format_instant, same_clock, system_zone_name, until


@pytest.fixture
def program(db):
    return programs.add_program(db, "Zone Test Radiology")


def test_instants_follow_daylight_saving(db, program):
    before = add_interview(db, program.id, date="03/06/2026", start_time="9:00 AM",
                           timezone="America/New_York")
    after = add_interview(db, program.id, date="2026-03-09", start_time="09:00", timezone="ET")
    assert before.starts_at.astimezone(UTC).hour == 14  # EST, UTC-5
    assert after.starts_at.astimezone(UTC).hour == 13  # EDT, UTC-4
    # Europe changes three weeks later: for those weeks the gap is 5 hours, not 6.
    berlin = ZoneInfo("Europe/Berlin")
    assert after.starts_at.astimezone(berlin).hour == 14
    assert before.starts_at.astimezone(berlin).hour == 15
    assert format_instant(after.starts_at, "America/New_York") == "Mon 09 Mar 2026 09:00 EDT"


def test_a_time_skipped_by_the_clocks_is_refused(db, program):
    with pytest.raises(DossierError) as error:
        add_interview(db, program.id, date="2026-03-08", start_time="02:30",
                      timezone="America/Chicago")
    assert error.value.field == "start_time" and "does not exist" in error.value.message
    with pytest.raises(DossierError, match="not after the start"):
        add_interview(db, program.id, date="2026-03-10", start_time="10:00", end_time="9:00",
                      timezone="CT")
    with pytest.raises(DossierError, match="not a time zone") as error:
        add_interview(db, program.id, date="2026-03-10", start_time="10:00", timezone="Mars/Base")
    assert error.value.field == "timezone"


def test_overlaps_are_found_across_zones(db, program):
    other = programs.add_program(db, "Other Radiology")
    phoenix = add_interview(db, program.id, date="2026-11-26", start_time="08:00",
                            end_time="12:00", timezone="America/Phoenix")
    new_york = add_interview(db, other.id, date="2026-11-26", start_time="11:00",
                             timezone="America/New_York")  # 16:00 UTC, inside 15:00-19:00
    apart = add_interview(db, other.id, date="2026-11-27", start_time="11:00", timezone="ET")
    found = overlaps(list_interviews(db))
    assert [i.id for i in found[phoenix.id]] == [new_york.id]
    assert apart.id not in found
    update_interview(db, new_york.id, start_time="14:00")  # 19:00 UTC: right after
    assert overlaps(list_interviews(db)) == {}


def test_next_interview_and_the_day_it_ends(db, program):
    day = add_interview(db, program.id, date="2026-01-15", start_time="09:00", end_time="13:00",
                        timezone="America/Chicago")
    morning = datetime(2026, 1, 15, 8, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert next_interview(db, morning).id == day.id
    assert until(morning, day.starts_at) == "in 1 h"
    evening = datetime(2026, 1, 15, 18, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert next_interview(db, evening) is None
    assert [i.id for i in just_ended(db, evening, "America/Chicago")] == [day.id]
    assert just_ended(db, datetime(2026, 1, 17, tzinfo=UTC), "America/Chicago") == []


def test_zone_names_people_write(monkeypatch):
    assert find_zone("Eastern Time (US & Canada)") == "America/New_York"
    assert find_zone("pst") == "America/Los_Angeles"
    assert find_zone("america/chicago") == "America/Chicago"
    assert find_zone("Nowhere/City") is None
    assert same_clock("UTC", "Etc/UTC", datetime(2026, 1, 1, tzinfo=UTC))
    monkeypatch.setenv("TZ", "Not/A_Zone")
    assert find_zone(system_zone_name()) is not None  # never fails: UTC at worst


def test_checklists_tick_per_interview_and_take_own_items(db, program):
    virtual = add_interview(db, program.id, date="2026-02-02", start_time="9:00", timezone="PT",
                            platform="zoom")
    visit = add_interview(db, program.id, date="2026-02-05", start_time="9:00", timezone="PT",
                          platform="in person")
    assert any(i.list_id == "setup" for i in checklists.items(db, virtual))
    assert not any(i.list_id == "setup" for i in checklists.items(db, visit))
    own = checklists.add_item(db, "day-before", "Charge the [laptop] 🔋")
    checklists.tick(db, virtual.id, own.key)
    checklists.tick(db, virtual.id, "setup.camera")
    ticked = {i.key for i in checklists.items(db, virtual) if i.ticked}
    assert ticked == {own.key, "setup.camera"}
    assert all(not i.ticked for i in checklists.items(db, visit))
    checklists.tick(db, virtual.id, "setup.camera", False)
    assert len(checklists.open_items(db, virtual)) == len(checklists.items(db, virtual)) - 1
    checklists.remove_item(db, own.key)
    assert own.key not in {i.key for i in checklists.items(db, virtual)}
    with pytest.raises(DossierError):
        checklists.remove_item(db, "setup.camera")


def test_an_interviews_span_says_when_its_end_is_assumed_and_dates_an_end_on_another_day(
        db, program):
    from dossiers.interviews import span

    given = add_interview(db, program.id, date="2026-01-15", start_time="09:00",
                          end_time="12:30", timezone="CT")
    assumed = add_interview(db, program.id, date="2026-01-16", start_time="09:00",
                            timezone="CT")
    assert span(given, "America/Chicago") == "Thu 15 Jan 2026 09:00–12:30 CST"
    assert span(assumed, "America/Chicago") == \
        "Fri 16 Jan 2026 09:00–13:00 CST (end not given: 4 hours assumed)"
    # In Tokyo the day runs past midnight: the end carries its own date.
    assert span(given, "Asia/Tokyo") == "Fri 16 Jan 2026 00:00–03:30 JST"
    assert span(assumed, "Asia/Tokyo", note=False) == \
        "Sat 17 Jan 2026 00:00–04:00 JST"
    late = add_interview(db, program.id, date="2026-01-20", start_time="16:00",
                         end_time="20:00", timezone="CT")
    assert span(late, "Europe/Berlin") == "Tue 20 Jan 2026 23:00 – Wed 21 Jan 03:00 CET"


def test_markdown_shows_the_assumed_end_and_the_date_of_an_end_on_another_day(db, program):
    from dossiers.markdown import dossier_markdown

    add_interview(db, program.id, date="2026-01-20", start_time="16:00", timezone="CT")
    text = dossier_markdown(db, program.id, user_zone="Europe/Berlin",
                            now=datetime(2026, 1, 1, tzinfo=UTC))
    assert ("Tue 20 Jan 2026 16:00–20:00 CST (your time: Tue 20 Jan 2026 23:00 – "
            "Wed 21 Jan 03:00 CET), end not given: 4 hours assumed") in text


@pytest.mark.parametrize(("state", "zone_name"), [
    ("IL", "America/Chicago"), ("ny", "America/New_York"), ("Arizona", "America/Phoenix"),
    ("WA", "America/Los_Angeles"), ("", None), ("Ontario", None)])
def test_a_programs_state_suggests_its_time_zone(state, zone_name):
    from dossiers.zones import zone_for_state

    assert zone_for_state(state) == zone_name
