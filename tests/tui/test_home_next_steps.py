"""Home's "What to do next" list after resizes: at a size it shows what it shows at that size
from the start (all from the top when it fits), and the highlighted step stays in sight."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.tui.pilot_helpers import until

SCROLLBAR = 2  # the columns of a vertical scrollbar


async def resize(pilot, steps: OptionList, size: tuple[int, int], width: int | None) -> None:
    """Resize the terminal; wait until the list is `width` wide (None: hidden, too small;
    -1: any other width than it had) and has laid its options out again."""
    before = steps.size.width
    await pilot.resize_terminal(*size)
    await until(pilot, lambda: steps.size.width != before if width == -1
                else steps.size.width == (width or 0), what=f"the list at {size}")
    await pilot.pause()
    await pilot.pause()


def state(steps: OptionList) -> tuple:
    return (steps.scroll_y, steps.max_scroll_y, steps.show_vertical_scrollbar,
            steps.virtual_size.height)


async def test_the_list_shows_the_same_at_a_size_whatever_came_before(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        steps = app.screen.query_one("#next-steps", OptionList)
        await until(pilot, lambda: steps.option_count >= 5 and steps.size.width > 0,
                    what="the steps")
        around = 100 - steps.size.width  # the terminal's columns beside the list's text
        rows = int(steps.styles.max_height.value) - steps.styles.gutter.height

        def lines(width: int) -> int:  # the options' lines at that width, as Textual measures
            return OptionList.get_content_height(steps, steps.size, steps.size, width)

        def beside_a_scrollbar_a_line_longer(fits) -> int:
            width = next((w for w in range(40, 140)
                          if lines(w) < lines(w - SCROLLBAR) and fits(w)), None)
            assert width is not None, "no width where a scrollbar makes the options longer"
            return width

        steps.focus()
        await pilot.press("end")  # the last step: a list scrolled by a line shows it
        # Where the options fit even beside a scrollbar, the list shows them all, from the
        # top. Where they fit only without one, it shows them as it does at that size from
        # the start. (Textual's list, once it had needed a scrollbar, kept it and a scroll
        # of a line: its height was measured without the scrollbar, its lines drawn beside
        # it.)
        for width in (beside_a_scrollbar_a_line_longer(lambda w: lines(w - SCROLLBAR) <= rows),
                      beside_a_scrollbar_a_line_longer(
                          lambda w: lines(w) <= rows < lines(w - SCROLLBAR))):
            terminal = (width + around, 30)
            await resize(pilot, steps, terminal, width)
            at_this_size = state(steps)
            if lines(width - SCROLLBAR) <= rows:
                assert at_this_size[:2] == (0, 0)
            for there, its_width in (((30, 8), None), ((40, 12), 40 - around)):
                await resize(pilot, steps, there, its_width)
                await resize(pilot, steps, terminal, width)
                await until(pilot, lambda s=at_this_size: state(steps) == s,
                            what=f"the list as at {terminal}, back from {there}")
            # Narrower, then Questions, widened there, then Home again.
            await resize(pilot, steps, (40, 12), 40 - around)
            await pilot.press("2")
            await until(pilot, lambda: app.current_mode == "questions", what="Questions")
            await pilot.resize_terminal(*terminal)
            await pilot.press("1")
            await until(pilot, lambda w=width: app.current_mode == "home"
                        and steps.size.width == w, what="Home again")
            await until(pilot, lambda s=at_this_size: state(steps) == s,
                        what=f"the list as at {terminal}, back from another section")


async def test_the_highlighted_step_stays_in_sight_when_the_list_narrows(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        steps = app.screen.query_one("#next-steps", OptionList)
        await until(pilot, lambda: steps.option_count >= 5, what="the steps")
        around = 100 - steps.size.width
        steps.focus()
        await pilot.press("end")
        await resize(pilot, steps, (40, 12), 40 - around)
        # the steps do not fit at 40 columns, and the last one is in sight
        await until(pilot, lambda: 0 < steps.max_scroll_y == steps.scroll_y,
                    what="the last step in sight")
        await resize(pilot, steps, (100, 30), 100 - around)
        await until(pilot, lambda: steps.max_scroll_y == 0 and steps.scroll_y == 0,
                    what="the steps from the top: they fit")
        await resize(pilot, steps, (160, 30), -1)
        assert steps.size.height == steps.virtual_size.height  # no blank row under them
