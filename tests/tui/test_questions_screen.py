"""The Questions section, driven as a user would."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from question_bank.questions import add_question, get_question, list_questions
from tests.tui.pilot_helpers import until


def table_texts(app) -> list[str]:
    table = app.screen.query_one("#question-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def detail_text(app) -> str:
    return "\n".join(str(app.screen.query_one(f"#detail-{n}").render())
                     for n in ("text", "facts", "guidance"))


async def open_questions(app, pilot):
    await pilot.press("2")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_browse_read_guidance_and_target(app_factory, db):
    app = app_factory()
    async with app.run_test(size=(120, 35)) as pilot:
        await open_questions(app, pilot)
        first = list_questions(db)[0]
        assert table_texts(app)[0] == first.text
        text = detail_text(app)
        assert "Probing:" in text and "Pitfall:" in text and "target" in text
        await pilot.press("down")
        await pilot.pause()
        assert list_questions(db)[1].text in detail_text(app)


async def test_search_as_you_type_and_filters(app_factory, db):
    app = app_factory()
    async with app.run_test(size=(120, 35)) as pilot:
        await open_questions(app, pilot)
        await pilot.press("slash", *"radiation")
        await app.workers.wait_for_complete()
        await pilot.pause()
        texts = table_texts(app)
        assert texts and len(texts) < len(list_questions(db))
        assert all(q.text in texts for q in list_questions(db, search="radiation"))
        app.screen.query_one("#question-search", Input).value = ""
        app.screen.query_one("#category-filter", Select).value = "behavioral"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(table_texts(app)) == len(list_questions(db, category="behavioral"))
        app.screen.query_one("#tag-filter", Select).value = "conflict"
        await app.workers.wait_for_complete()
        await pilot.pause()
        expected = list_questions(db, category="behavioral", tag="conflict")
        assert table_texts(app) == [q.text for q in expected]
        status = str(app.screen.query_one("#question-status").render())
        assert f"{len(expected)} questions" in status and "conflict" in status


async def test_add_a_question_with_brackets_and_see_it_literally(app_factory, db):
    app = app_factory()
    text = "Why [US city]? [bold]not[/bold] [/] 🩻"
    async with app.run_test(size=(120, 40)) as pilot:
        await open_questions(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#field-text").insert(text)
        tags = app.screen.query_one("#field-tags", Input)
        tags.value = "city, [odd]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#dialog-error").render())
        assert "Tags" in error and "[odd]" in error  # shown literally, form still open
        tags.value = "city"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = [q for q in list_questions(db, search="city") if q.origin == "user"]
        assert [q.text for q in saved] == [text]
        assert text in table_texts(app)
        assert text in detail_text(app)


async def test_edit_then_hide_and_show_hidden(app_factory, db):
    question = add_question(db, text="Zqx question to edit", category="ethics")
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_questions(app, pilot)
        await pilot.press("slash", *"zqx", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        area = app.screen.query_one("#field-text")
        area.text = "Zqx question, edited"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert get_question(db, question.id).text == "Zqx question, edited"
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert get_question(db, question.id).hidden
        assert table_texts(app) == []
        await pilot.press("v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table_texts(app) == ["Zqx question, edited"]
        assert "hidden" in detail_text(app)
        await pilot.press("x")
        await app.workers.wait_for_complete()
        assert not get_question(db, question.id).hidden


async def test_a_tiny_terminal_still_shows_a_usable_list(app_factory):
    app = app_factory()
    async with app.run_test(size=(40, 12)) as pilot:
        await open_questions(app, pilot)
        table = app.screen.query_one("#question-table", DataTable)
        assert table.region.height >= 3 and table.region.width >= 30
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.query_one("#question-detail").region.width >= 30
        await pilot.press("escape")
        await pilot.pause()


async def test_huge_lists_load_in_pages(app_factory, db):
    with db.atomic():
        for i in range(700):
            add_question(db, text=f"Bulk question number {i}", category="research")
    app = app_factory()
    async with app.run_test(size=(120, 35)) as pilot:
        await open_questions(app, pilot)
        table = app.screen.query_one("#question-table", DataTable)
        assert table.row_count < 700
        app.screen.query_one("#category-filter", Select).value = "research"
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = table.row_count
        table.move_cursor(row=shown - 1)
        await pilot.pause()
        assert table.row_count > shown


def fits_its_width(table: DataTable) -> bool:
    """The columns that fit the table's width are shown, and all of them are in view."""
    width = table.size.width
    wanted = ("text", "category", "target") if width >= 56 else ("text", "target")
    return (width > 0 and tuple(key.value for key in table.columns) == wanted
            and table.virtual_size.width <= width)


async def test_columns_fit_again_after_a_resize_in_another_section(app_factory):
    """The terminal is resized while another section shows: back in Questions, the table
    shows the columns that fit it, all in view (Category and Target used to be pushed out
    of sight until the filter changed)."""
    app = app_factory()
    async with app.run_test(size=(120, 35)) as pilot:
        await open_questions(app, pilot)
        for size in ((60, 20), (120, 35), (50, 20), (160, 40)):
            await pilot.press("1")
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("2")
            table = app.screen.query_one("#question-table", DataTable)
            await until(pilot, lambda table=table: fits_its_width(table))
            assert table.max_scroll_x == 0  # nothing to the right, out of view
