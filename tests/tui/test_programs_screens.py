"""Programs and dossiers, driven as a user would: keys, typing, what the screen shows."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import DataTable, Input, SelectionList, TabbedContent, TextArea
from textual.worker import WorkerCancelled

from dossiers import checklists, impressions, programs
from dossiers.interviews import add_interview, list_interviews
from dossiers.rank import rank_order
from tests.fakes import FakeClock
from tests.tui.pilot_helpers import from_palette, shown, until
from tui.store.settings import set_setting

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 1, 10, 9, 0, tzinfo=CHICAGO)


def rows(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def settle(app, pilot) -> None:
    for _ in range(3):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive reload replaced by a newer one
            pass
        await pilot.pause()
    app.ctx.writer.flush()


async def open_programs(app, pilot) -> None:
    await pilot.press("5")
    await settle(app, pilot)


@pytest.fixture
def chicago(db):
    set_setting(db, "timezone", "Europe/Berlin")
    p = programs.add_program(db, "Lakeshore Radiology", city="Chicago", state="IL")
    return p


async def test_new_program_fill_the_dossier_and_watch_readiness(app_factory, db):
    app = app_factory(now=FakeClock(NOW).now)
    text = "Neuro [PET/MR] suite, [/] read-outs 🩻"
    async with app.run_test(size=(110, 40)) as pilot:
        await open_programs(app, pilot)
        assert "No programs yet" in shown(app, "#programs-status")
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "Bayside [NY] Imaging"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "screen-dossier"
        assert "0/11 ready" in shown(app, "#dossier-readiness")
        city = app.screen.query_one("#p-city", Input)
        city.focus()
        await pilot.press(*"Boston")
        app.screen.query_one("#p-strengths", TextArea).insert(text)
        await until(pilot, lambda: programs.find_program(db, "bayside").strengths == text,
                    what="the autosave of the dossier")
        await settle(app, pilot)
        program = programs.find_program(db, "bayside")
        assert program.name == "Bayside [NY] Imaging"
        assert (program.city, program.strengths) == ("Boston", text)
        assert "1/11 ready" in shown(app, "#dossier-readiness")  # strengths done
        meter = app.screen.query_one("#dossier-readiness")
        assert meter.size.height == 1  # one line, however much is missing
        assert "missing: Basics, Size, Program director" in shown(app, "#dossier-readiness")
        assert "(" not in shown(app, "#dossier-readiness")  # what each needs: the tooltip
        assert "Basics: the state and the type" in str(meter.tooltip)
        app.screen.query_one("#p-state", Input).value = "MA"
        await pilot.press("escape")  # leaving saves at once
        await settle(app, pilot)
        assert programs.find_program(db, "bayside").state == "MA"
        assert rows(app, "#programs-table")[0][0] == "Bayside [NY] Imaging"


async def test_a_bad_field_is_named_and_the_rest_is_saved(app_factory, db, chicago):
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(110, 40)) as pilot:
        await open_programs(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        app.screen.query_one("#p-residents_per_year", Input).value = "999"
        app.screen.query_one("#p-fellowships", Input).value = "MSK, IR"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "out of range" in shown(app, "#dossier-status")
        assert app.screen.query_one("#p-residents_per_year").has_class("-invalid")
        saved = programs.get_program(db, chicago.id)
        assert saved.fellowships == "MSK, IR" and saved.residents_per_year is None


async def test_two_overlapping_interviews_are_flagged(app_factory, db, chicago):
    other = programs.add_program(db, "Desert Valley Radiology", city="Phoenix", state="AZ")
    add_interview(db, other.id, date="2026-01-15", start_time="08:00", end_time="12:00",
                  timezone="America/Phoenix")  # 15:00-19:00 UTC
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_programs(app, pilot)
        await pilot.press("slash", *"lakeshore", "enter")  # one match: opens it
        await settle(app, pilot)
        app.screen.query_one(TabbedContent).active = "tab-interviews"
        await pilot.pause()
        app.screen.query_one("#interviews-table").focus()
        await pilot.press("a")
        await settle(app, pilot)
        # Its first day: the zone comes from the program's state (Illinois), and says so.
        assert app.screen.query_one("#i-timezone", Input).value == "America/Chicago"
        for field, value in [("date", "1/15/2026"), ("start_time", "10:30 AM")]:
            app.screen.query_one(f"#i-{field}", Input).value = value
        await pilot.pause()
        assert "suggested from the state (IL)" in shown(app, "#interview-when")
        for field, value in [("timezone", "CT"), ("link", "https://zoom.example/1")]:
            app.screen.query_one(f"#i-{field}", Input).value = value
        await pilot.pause()
        assert "(end not given: 4 hours assumed)" in shown(app, "#interview-when")
        assert "your time Thu 15 Jan 2026 17:30–21:30 CET" in shown(app, "#interview-when")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        table = rows(app, "#interviews-table")
        assert table[0][0] == "Thu 15 Jan 2026 10:30–14:30 CST (end not given: 4 hours assumed)"
        assert "overlaps Desert Valley Radiology" in table[0][3]
        assert [i.program_name for i in list_interviews(db)] == ["Desert Valley Radiology",
                                                                 "Lakeshore Radiology"]
        await pilot.press("escape")
        await settle(app, pilot)
        assert all(r[2].startswith("⚠") for r in rows(app, "#programs-table"))


async def test_tick_a_checklist_and_add_an_item(app_factory, db, chicago):
    day = add_interview(db, chicago.id, date="2026-01-15", start_time="9:00", timezone="CT",
                        platform="zoom")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.action_open_program(chicago.id, "checklist")
        await settle(app, pilot)
        assert app.screen.id == "screen-checklist"
        assert "0 of" in shown(app, "#checklist-title")
        setup = app.screen.query_one("#list-setup", SelectionList)
        setup.focus()
        await pilot.press("space")
        await settle(app, pilot)
        assert {i.key for i in checklists.items(db, day) if i.ticked} == {"setup.camera"}
        assert "1 of" in shown(app, "#checklist-title")
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "Print the [map] 🗺"
        await pilot.press("enter")
        await settle(app, pilot)
        assert any(i.text == "Print the [map] 🗺" for i in checklists.items(db, day))
        assert "Print the [map] 🗺" in str(setup.get_option_at_index(setup.option_count - 1).prompt)


async def test_reorder_the_rank_list_with_keys(app_factory, db):
    for name, score in (("Alpha", 6), ("Bravo", 9), ("Charlie", None)):
        p = programs.add_program(db, name)
        if score:
            impressions.save_impression(db, p.id, score=score, best_moment="Met the [chief] 😀")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_programs(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert [r[1] for r in rows(app, "#rank-table")] == ["Bravo", "Alpha", "Charlie"]
        assert "+ Met the [chief] 😀" in rows(app, "#rank-table")[0][4]
        assert [r[2] for r in rows(app, "#rank-table")] == ["—", "—", "—"]  # no signal recorded
        await pilot.press("down", "shift+up")
        await settle(app, pilot)
        assert [e.program.name for e in rank_order(db)] == ["Alpha", "Bravo", "Charlie"]
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(app, pilot)
        assert [e.program.name for e in rank_order(db)] == ["Bravo", "Charlie", "Alpha"]
        assert [r[1] for r in rows(app, "#rank-table")] == ["Bravo", "Charlie", "Alpha"]


async def test_filter_sort_and_a_tiny_terminal(app_factory, db):
    for name, city in (("Mercy Imaging", "Omaha"), ("Bay Radiology", "Oakland"),
                       ("St. Luke's", "Boise")):
        programs.add_program(db, name, city=city, hospital_name=f"{city} General")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(40, 12)) as pilot:
        await open_programs(app, pilot)
        assert len(rows(app, "#programs-table")) == 3
        await pilot.press("slash", *"oakl")
        await pilot.pause()
        assert [r[0] for r in rows(app, "#programs-table")] == ["Bay Radiology"]
        await pilot.press("escape")
        app.screen.query_one("#programs-filter", Input).value = ""
        await pilot.press("s", "s", "s")  # name -> ... -> score, nothing crashes
        await pilot.pause()
        assert app.screen.query_one("#programs-table").region.height >= 3
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "screen-dossier"
        assert app.screen.query_one(TabbedContent).region.width >= 38


async def test_import_in_the_app_refuses_a_bad_file_then_takes_a_good_one(app_factory, db,
                                                                         tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Program,Interview Date,Time,Time Zone\nA,2026-02-30,9:00,ET\n")
    good = tmp_path / "good.csv"
    good.write_text("Program Name,City,Interview Date,Time,Time Zone\n"
                    "Zeta [Z] Radiology,Reno,2026-01-20,9:00 AM,PT\n")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(110, 35)) as pilot:
        await open_programs(app, pilot)
        await pilot.press("i", *str(bad), "enter")
        await settle(app, pilot)
        assert "line 2, column B ('Interview Date')" in shown(app, "#dialog-error")
        assert programs.list_programs(db) == []
        app.screen.query_one("#import-path", Input).value = str(good)
        await pilot.press("enter")
        await settle(app, pilot)
        assert [r[0] for r in rows(app, "#programs-table")] == ["Zeta [Z] Radiology"]
        assert list_interviews(db)[0].timezone == "America/Los_Angeles"


async def test_home_shows_the_next_interview_and_the_after_prompt(app_factory, db, chicago):
    add_interview(db, chicago.id, date="2026-01-10", start_time="07:00", end_time="08:30",
                  timezone="CT")
    add_interview(db, chicago.id, date="2026-01-12", start_time="09:00", timezone="CT",
                  platform="zoom")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(app, pilot)
        text = shown(app, "#next-interview")
        assert "Lakeshore Radiology" in text and "in 2 days" in text
        assert "Mon 12 Jan 2026 09:00 CST · your time Mon 12 Jan 2026 16:00 CET" in text
        assert "Checklist:" in text
        assert "interview is over" in shown(app, "#after-interview")
        steps = app.screen.query_one("#next-steps")
        assert "impressions while fresh" in str(steps.get_option_at_index(0).prompt)
        steps.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.id == "screen-dossier"
        assert app.screen.query_one(TabbedContent).active == "tab-after"


async def test_home_read_again_shows_interview_days_changed_meanwhile(app_factory, db, chicago):
    """The interview cards share one read of the days a refresh: the next one is fresh."""
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(app, pilot)
        assert "No interview scheduled" in shown(app, "#next-interview")
        assert not app.screen.query_one("#after-interview").parent.display
        add_interview(db, chicago.id, date="2026-01-10", start_time="07:00", end_time="08:30",
                      timezone="CT")
        add_interview(db, chicago.id, date="2026-01-12", start_time="09:00", timezone="CT")
        await pilot.press("r")
        await settle(app, pilot)
        assert "in 2 days" in shown(app, "#next-interview")
        assert "interview is over" in shown(app, "#after-interview")
        assert "Lakeshore Radiology" in shown(app, "#not-ready")


async def test_choose_my_time_zone(app_factory, db, chicago):
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_programs(app, pilot)
        await pilot.press("z", *"kolkata", "enter")
        await settle(app, pilot)
        from tui.store.settings import get_setting

        assert get_setting(db, "timezone") == "Asia/Kolkata"
        assert "your zone Asia/Kolkata" in shown(app, "#programs-status")


async def test_the_palette_sets_the_time_zone_from_any_section(app_factory, db, chicago):
    from tui.screens.dialogs.zone_picker import ZonePicker

    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 30)) as pilot:
        await from_palette(pilot, "time zone", "Set your time zone")
        await until(pilot, lambda: isinstance(app.screen, ZonePicker), what="the zone picker")
        assert app.current_mode == "programs"


async def test_pick_questions_from_the_bank_and_write_people(app_factory, db, chicago):
    from dossiers.asks import list_asks
    from dossiers.people import list_people

    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.action_open_program(chicago.id, "asks")
        await settle(app, pilot)
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        await pilot.press("space", "down", "space", "ctrl+s")
        await settle(app, pilot)
        picked = list_asks(db, chicago.id)
        assert len(picked) == 2 and all(q.question_id and q.audience for q in picked)
        assert [r[2] for r in rows(app, "#asks-table")] == [q.text for q in picked]
        app.screen.query_one(TabbedContent).active = "tab-people"
        await pilot.pause()
        app.screen.query_one("#people-table").focus()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#person-name", Input).value = "Dr. [Ana] Ruiz 🙂"
        app.screen.query_one("#person-note", Input).value = "Breast AI, like my project"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert [(p.name, p.role) for p in list_people(db, chicago.id)] == [
            ("Dr. [Ana] Ruiz 🙂", "faculty")]
        assert rows(app, "#people-table")[0][0] == "Dr. [Ana] Ruiz 🙂"
        assert "Faculty" not in shown(app, "#dossier-readiness").split("missing:")[1]


async def test_typed_text_is_kept_when_the_app_quits_at_once(app_factory, db, chicago):
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.action_open_program(chicago.id, "notes")
        await settle(app, pilot)
        notes = app.screen.query_one("#p-notes", TextArea)
        notes.focus()
        await pilot.press(*"abc")
        await app.action_quit()
    app.ctx.writer.flush()
    assert programs.get_program(db, chicago.id).notes == "abc"


async def test_command_palette_opens_a_dossier_by_another_name(app_factory, db, chicago):
    programs.update_program(db, chicago.id, nrmp_name="LKSR-IL")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 30)) as pilot:
        await from_palette(pilot, "lksr", "Lakeshore Radiology")
        await settle(app, pilot)
        assert app.current_mode == "programs" and app.screen.id == "screen-dossier"
        assert "Lakeshore Radiology" in shown(app, "#dossier-title")


async def test_export_from_the_app_writes_a_private_file(app_factory, db, chicago, tmp_path):
    import os
    import stat

    add_interview(db, chicago.id, date="2026-01-15", start_time="9:00", timezone="CT")
    target = tmp_path / "out" / "interviews.ics"
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_programs(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#export-format").value = "ics"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
    assert b"Interview: Lakeshore Radiology" in target.read_bytes()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


@pytest.mark.parametrize(("written_at", "prompted"), [
    ("2026-01-10T12:00:00+00:00", True),  # before the 08:30 CST (14:30 UTC) end
    ("2026-01-10T14:45:00+00:00", False),  # after it
])
async def test_impressions_written_after_the_interview_end_the_prompt(
        app_factory, db, chicago, written_at, prompted):
    add_interview(db, chicago.id, date="2026-01-10", start_time="07:00", end_time="08:30",
                  timezone="CT")
    impressions.save_impression(db, chicago.id, culture="Warm [really] 🙂")
    db["impressions"].update(chicago.id, {"updated_at": written_at})
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one("#after-interview").parent.display is prompted


async def test_reasons_typed_are_saved_in_order_on_leaving(app_factory, db, chicago):
    programs.set_reasons(db, chicago.id, "why", ["Neuro [fellowship]", "Night float"])
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.action_open_program(chicago.id, "why")
        await settle(app, pilot)
        second = app.screen.query_one("#r-why-1", Input)
        second.focus()
        await pilot.press("end", "space", *"calls")
        app.screen.query_one("#r-fit-0", Input).focus()
        await pilot.press(*"CT", "space", *"[3/]")
        await pilot.press("escape")  # at once: leaving saves what is pending
        await settle(app, pilot)
        assert app.screen.id == "screen-programs"
    assert programs.get_reasons(db, chicago.id, "why") == ["Neuro [fellowship]",
                                                           "Night float calls"]
    assert programs.get_reasons(db, chicago.id, "fit") == ["CT [3/]"]


async def test_the_first_space_on_a_checklist_ticks_the_row_that_looks_selected(
        app_factory, db, chicago):
    day = add_interview(db, chicago.id, date="2026-01-15", start_time="9:00", timezone="CT",
                        platform="zoom")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.action_open_program(chicago.id, "checklist")
        await settle(app, pilot)
        first = app.screen.query_one("#list-setup", SelectionList)
        assert first.highlighted == 0
        assert app.screen.focused is first  # the highlighted row is the one keys act on
        await pilot.press("space")  # no Tab, no click first
        await settle(app, pilot)
        assert {i.key for i in checklists.items(db, day) if i.ticked} == {"setup.camera"}


async def test_export_asks_before_replacing_a_file(app_factory, db, chicago, tmp_path):
    from tui.screens.dialogs.confirm import ConfirmDialog
    from tui.screens.dialogs.transfer import ExportDialog

    add_interview(db, chicago.id, date="2026-01-15", start_time="9:00", timezone="CT")
    target = tmp_path / "mine.ics"
    target.write_text("my own calendar", encoding="utf-8")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_programs(app, pilot)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        app.screen.query_one("#export-format").value = "ics"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the question")
        assert str(target) in shown(app, "#confirm-question")
        await pilot.press("n")  # keep it: nothing written, the export dialog still open
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        assert target.read_text(encoding="utf-8") == "my own calendar"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await settle(app, pilot)
        assert not isinstance(app.screen, (ExportDialog, ConfirmDialog))
    assert b"Interview: Lakeshore Radiology" in target.read_bytes()


async def test_a_dossier_export_proposes_a_file_named_for_its_program(app_factory, db):
    from tui.screens.dialogs.transfer import ExportDialog

    first = programs.add_program(db, "Lakeshore Radiology")
    second = programs.add_program(db, "Hôpital Saint-Luc / Imaging [2]")
    app = app_factory(now=FakeClock(NOW).now)
    async with app.run_test(size=(100, 30)) as pilot:
        proposed = []
        for program in (first, second):
            dialog = ExportDialog(app.ctx, fmt="md", program_id=program.id,
                                  program_name=program.name)
            app.push_screen(dialog)
            await until(pilot, lambda d=dialog: app.screen is d)
            proposed.append(app.screen.query_one("#export-path", Input).value)
            await pilot.press("escape")
            await until(pilot, lambda d=dialog: app.screen is not d)
    assert proposed == ["~/lakeshore-radiology.md", "~/hopital-saint-luc-imaging-2.md"]
