"""How screens mount: styled once on a first visit, the footer rebuilt only when its keys
change (each restyle of a screen at scale cost tens of milliseconds)."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.css.stylesheet import Stylesheet
from textual.widgets import Static

from tests.tui.pilot_helpers import until
from tui.widgets.footer import KeysFooter


def count_styling(monkeypatch) -> list:
    """Every node Textual applies the stylesheet to, in order, from now on."""
    styled: list = []
    original = Stylesheet.apply

    def apply(self, node, **kwargs):
        styled.append(node)
        return original(self, node, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", apply)
    return styled


async def test_a_section_is_styled_once_on_its_first_visit_and_not_again_on_a_return(
        app_factory, monkeypatch):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        styled = count_styling(monkeypatch)
        await pilot.press("5")
        await until(pilot, lambda: app.screen.id == "screen-programs", what="Programs")
        await pilot.pause()
        programs = app.screen
        # Textual sends a new mode's screen two resumes and a first resize, each restyling
        # every widget: the screen was styled as it mounted, with its width class already.
        assert styled.count(programs) == 1
        assert programs.has_class("-normal")
        await pilot.press("1")
        await until(pilot, lambda: app.screen.id == "screen-home", what="Home")
        styled.clear()
        await pilot.press("5")
        await until(pilot, lambda: app.screen is programs, what="Programs again")
        await pilot.pause()
        # Textual restyles every widget of a screen it comes back to, whatever changed:
        # nothing did (the stylesheet, the app's classes and pseudo-classes are as it left)
        assert styled.count(programs) == 0
        await pilot.resize_terminal(60, 30)
        await until(pilot, lambda: programs.has_class("-narrow"), what="the narrow class")
        assert not programs.has_class("-normal")


def styles_of(screen) -> list:
    """Every widget's styles on `screen`, and those of its parts (component classes)."""
    return [(node, node.styles.css, sorted((name, styles.css) for name, styles
                                           in node._component_styles.items()))
            for node in screen.walk_children(with_self=True)]


async def restyled_whole(app, pilot) -> list:
    """The screen's styles once Textual has restyled all of it afresh."""
    app.update_styles(app.screen)
    await pilot.pause()
    return styles_of(app.screen)


async def open_mock(app, pilot):
    await pilot.press("6")
    await until(pilot, lambda: app.screen.id == "screen-mock", what="Mock")
    await pilot.pause()
    return app.screen


async def away_and_back(pilot, app, section_key: str, screen_id: str, while_away) -> None:
    await pilot.press("1")
    await until(pilot, lambda: app.screen.id == "screen-home", what="Home")
    await while_away()
    await pilot.press(section_key)
    await until(pilot, lambda: app.screen.id == screen_id, what="the section again")
    await pilot.pause()


async def test_a_section_come_back_to_shows_what_changed_while_it_was_away(app_factory):
    """What a return no longer restyles whole is what its styles depend on that could not
    change while it was away: after each of these changes elsewhere, the section's styles
    are what restyling all of it afresh gives."""
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        mock = await open_mock(app, pilot)

        async def new_theme() -> None:
            app.theme = "textual-light" if app.theme != "textual-light" else "nord"
            await pilot.pause()

        async def too_small_and_back() -> None:
            await pilot.resize_terminal(30, 8)
            await pilot.pause()
            await pilot.resize_terminal(100, 30)
            await pilot.pause()

        async def narrower() -> None:
            await pilot.resize_terminal(60, 30)
            await pilot.pause()

        for change, changes_the_section in ((new_theme, True), (too_small_and_back, False),
                                            (narrower, True)):
            before = styles_of(mock)
            await away_and_back(pilot, app, "6", "screen-mock", change)
            shown = styles_of(mock)
            assert (shown != before) == changes_the_section, change.__name__
            assert shown == await restyled_whole(app, pilot), change.__name__
        assert mock.has_class("-narrow")
        assert "too small" not in str(app.screen.query_one("#mock-setup").render()).lower()

        async def too_small() -> None:  # the section left, the terminal made too small
            await pilot.resize_terminal(30, 8)
            await pilot.pause()

        await away_and_back(pilot, app, "6", "screen-mock", too_small)
        assert styles_of(mock) == await restyled_whole(app, pilot)

        async def big_again() -> None:  # the section left too small, the terminal grown
            await pilot.resize_terminal(60, 30)  # (narrow as before: no new width class)
            await pilot.pause()

        await away_and_back(pilot, app, "6", "screen-mock", big_again)
        assert styles_of(mock) == await restyled_whole(app, pilot)
        assert app.screen.query_one("#mock-setup").region.height > 1  # the form, not a line


async def test_a_section_left_too_small_is_whole_again_when_come_back_to_grown(app_factory):
    """Made too small while shown (the app restyles the screens shown for it), left so, and
    the terminal grown on another section: the app is as it was when the section was first
    styled, but the section was styled since, for a terminal too small."""
    app = app_factory()
    async with app.run_test(size=(60, 30)) as pilot:
        mock = await open_mock(app, pilot)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()

        async def grown() -> None:
            await pilot.resize_terminal(60, 30)  # (narrow as before: no new width class)
            await pilot.pause()

        await away_and_back(pilot, app, "6", "screen-mock", grown)
        assert styles_of(mock) == await restyled_whole(app, pilot)
        assert app.screen.query_one("#mock-setup").region.height > 1  # the form, not a line


async def test_a_section_is_laid_out_once_on_its_first_visit_and_again_when_resized(
        app_factory, monkeypatch):
    from textual.screen import Screen

    layouts: list = []
    original = Screen._refresh_layout

    def refresh_layout(self, size=None, scroll=False):
        layouts.append((self, size))
        return original(self, size, scroll)

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        monkeypatch.setattr(Screen, "_refresh_layout", refresh_layout)
        await pilot.press("4")
        await until(pilot, lambda: app.screen.id == "screen-stories", what="Stories")
        await app.workers.wait_for_complete()
        await pilot.pause()
        stories = app.screen
        # The first resume lays it out at the terminal's size; the resize that layout tells
        # the screen about (from no size to the same 100x30) would lay every widget out
        # again. (A layout with no size is one asked for by a change, at the size it has.)
        assert [size for screen, size in layouts
                if screen is stories and size is not None] == [(100, 30)]
        layouts.clear()
        await pilot.resize_terminal(60, 30)
        await until(pilot, lambda: stories.has_class("-narrow"), what="the narrow class")
        assert (stories, (60, 30)) in layouts  # another size: laid out at it


class Plain(Static, can_focus=True):
    pass


class WithKey(Static, can_focus=True):
    BINDINGS = [Binding("x", "app.bell", "Ring")]


class FooterApp(App):
    def compose(self):
        yield Plain("a", id="a")
        yield Plain("b", id="b")
        yield WithKey("k", id="k")
        yield KeysFooter()


async def test_the_footer_is_rebuilt_only_when_the_keys_it_shows_change():
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        app.query_one("#a").focus()
        await pilot.pause()
        keys = list(app.query("FooterKey"))
        app.query_one("#b").focus()  # the same keys shown: Textual's footer rebuilt them all
        await pilot.pause()
        assert list(app.query("FooterKey")) == keys
        app.query_one("#k").focus()
        await until(pilot, lambda: any(k.description == "Ring" for k in app.query("FooterKey")),
                    what="the focused widget's key in the footer")
        app.query_one("#a").focus()
        await until(pilot, lambda: all(k.description != "Ring" for k in app.query("FooterKey")),
                    what="its key gone again")


async def test_a_widget_is_styled_when_it_mounts_not_each_time_it_changes_before(
        app_factory, monkeypatch):
    from textual.widgets import Input

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        styled = count_styling(monkeypatch)
        field = Input("typed", id="later")  # Textual sets its classes as it is made
        field.add_class("-later")
        assert field not in styled
        await app.screen.mount(field)
        await pilot.pause()
        assert field in styled and field.has_class("-later")
        field.add_class("-now")  # mounted: restyled as before
        assert styled.count(field) >= 2


async def test_a_section_body_taking_the_focus_restyles_itself_not_all_it_holds(
        app_factory, monkeypatch):
    from textual.widgets import Input

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await until(pilot, lambda: app.screen.id == "screen-mock", what="Mock")
        await pilot.pause()
        form = app.screen.query_one("#mock-setup")
        field = app.screen.query_one("#mock-length", Input)
        field.focus()
        await until(pilot, lambda: field.has_focus, what="the length field focused")
        styled = count_styling(monkeypatch)
        await pilot.press("escape")  # back to the form (its scrollbars follow its focus)
        await until(pilot, lambda: form.has_focus, what="the form focused")
        await pilot.pause()
        assert form in styled
        held = [node for node in form.query("Input, Select, Label") if node is not field]
        assert held and not any(node in styled for node in held)
        assert field in styled  # the field it left is restyled as before


async def test_each_key_of_a_rebuilt_footer_is_styled_once(monkeypatch):
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        app.query_one("#a").focus()
        await pilot.pause()
        styled = count_styling(monkeypatch)
        app.query_one("#k").focus()  # its key joins the footer: every key is made again
        await until(pilot, lambda: any(k.description == "Ring" for k in app.query("FooterKey")),
                    what="the focused widget's key in the footer")
        await pilot.pause()
        keys = list(app.query("FooterKey"))
        assert len(keys) >= 2
        # Textual's keys started compact and were told otherwise once mounted: three times
        assert [styled.count(key) for key in keys] == [1] * len(keys)
        palette = app.query_one("FooterKey.-command-palette")
        assert palette.has_class("-compact")  # the palette's key stays compact, as in Textual
        assert not any(k.has_class("-compact") for k in keys if k is not palette)
