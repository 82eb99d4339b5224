"""The Questions section, driven as a user would."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from question_bank.questions import add_question, get_question, list_questions
from tests.tui.pilot_helpers import until


def table_texts(app) -> list[str]:
    table = app.screen.query_one("#question-table", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]  # 0: the marks


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
    wanted = ("marks", "text", "category", "target") if width >= 56 \
        else ("marks", "text", "target")
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


def row_marks(app, question_id: str) -> str:
    table = app.screen.query_one("#question-table", DataTable)
    return str(table.get_row(question_id)[0])


async def test_answered_and_rehearsed_marks_and_the_answered_filter(app_factory, db):
    """Which questions have I answered? ✓ marks them (↻ those drilled or answered aloud),
    and u lists only the answered, then only the unanswered, then all again."""
    from datetime import UTC, datetime

    from question_bank.answers import create_answer
    from question_bank.drill import QUESTION, review

    first, second, third = list_questions(db)[:3]
    create_answer(db, first.id, structure="outline", parts={"outline": "A small town, then Lagos."})
    review(db, QUESTION, second.id, "good", datetime(2026, 1, 5, tzinfo=UTC))
    app = app_factory()
    async with app.run_test(size=(120, 35)) as pilot:
        await open_questions(app, pilot)
        assert row_marks(app, first.id).startswith("✓ ")
        assert row_marks(app, second.id).startswith(" ↻")
        assert row_marks(app, third.id).strip() == ""
        assert "✓ 1 answered" in str(app.screen.query_one("#question-status").render())
        await pilot.press("u")
        await until(pilot, lambda: table_texts(app) == [first.text], what="only the answered")
        await pilot.press("u")
        await until(pilot, lambda: first.text not in table_texts(app)
                    and second.text in table_texts(app), what="only the unanswered")
        assert "not answered yet" in str(app.screen.query_one("#question-status").render())
        await pilot.press("u")
        await until(pilot, lambda: first.text in table_texts(app), what="every question")


async def test_question_text_readable_at_100_columns_and_at_40x12(app_factory, db):
    """At 100 columns the list shows at least 55 characters of each question (the detail
    pane goes under the list); at 40x12 the selected question is shown whole."""
    long = max(list_questions(db), key=lambda q: len(q.text))
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_questions(app, pilot)
        table = app.screen.query_one("#question-table", DataTable)
        text = table.columns[next(k for k in table.columns if k.value == "text")]
        assert text.get_render_width(table) - 2 * table.cell_padding >= 55
        assert "Category" in [str(c.label) for c in table.columns.values()]
        assert table.max_scroll_x == 0
        await pilot.resize_terminal(40, 12)
        app.screen.select_question(long.id)
        await until(pilot, lambda: long.text in detail_text(app), what="the long question")
        detail = app.screen.query_one("#question-detail")
        text_region = app.screen.query_one("#detail-text").region
        assert text_region.height >= 4 and text_region.bottom <= 11  # above the footer
        assert detail.region.contains_region(text_region) and detail.max_scroll_y == 0
        table = app.screen.query_one("#question-table", DataTable)
        assert table.region.height >= 3  # and the list still shows rows above it
        status = str(app.screen.query_one("#question-status").render())
        assert status.startswith(f"{len(list_questions(db))} questions · ✓ 0 · ↻ 0")
        assert len(status) <= 38  # the counts whole, where the words would be cut
