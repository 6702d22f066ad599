"""The tab bar (widgets/tab_bar.py): every screen named with its key, the current one marked,
a click switches; and the key bar keeps `? Help` and `q Quit` on every screen at 80×24."""

from __future__ import annotations

from tui.app import ReboundApp
from tui.widgets.key_bar import KeyBar
from tui.widgets.tab_bar import TabBar, mode_bindings

CLASSIC = (80, 24)
MODES = ("today", "goals", "contacts", "mood", "wins", "applications")
TABS = "1 Today  2 Goals  3 Contacts  4 Mood  5 Wins  6 Applications"


def tab_text(app) -> str:
    return app.screen.query_one(TabBar).render_line(0).text


def marked(app) -> str:
    """The text of the tab drawn in the current tab's style."""
    bar = app.screen.query_one(TabBar)
    current = bar.get_component_rich_style("tab-bar--current", partial=True)
    return "".join(s.text for s in bar.render_line(0) if s.style and current.bgcolor == s.style.bgcolor).strip()


async def test_every_screen_shows_the_tabs_with_its_own_marked(make_app):
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.pause()
        for key, mode in enumerate(MODES, 1):
            await pilot.press(str(key))
            await pilot.pause()
            assert app.current_mode == mode
            assert tab_text(app).startswith(f" {TABS}"), tab_text(app)
            assert app.screen.query_one(TabBar).region.y == 0  # at the top
            assert marked(app) == f"{key} {mode.capitalize()}"


async def test_clicking_a_tab_switches_to_its_screen(make_app):
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.pause()
        for name, mode in (("Contacts", "contacts"), ("Wins", "wins"), ("Today", "today")):
            await pilot.click(TabBar, offset=(tab_text(app).index(name), 0))
            await pilot.pause()
            assert app.current_mode == mode and marked(app).endswith(name)


async def test_clicking_a_tab_switches_even_while_the_filter_box_has_the_keys(make_app):
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.press("3", "slash")
        await pilot.pause()
        await pilot.click(TabBar, offset=(tab_text(app).index("Goals"), 0))
        await pilot.pause()
        assert app.current_mode == "goals"


def test_the_sixth_screen_is_one_binding_more():
    names = [b.description for b in mode_bindings(ReboundApp)]
    assert names == ["Today", "Goals", "Contacts", "Mood", "Wins", "Applications"]
    assert len(f" {TABS} ") <= 80  # and it still fits the classic width


async def test_the_key_bar_keeps_help_and_quit_on_every_screen_at_80_columns(make_app):
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        for key in "123456":
            await pilot.press(key)
            await pilot.pause()
            text = app.screen.query_one(KeyBar).render_line(0).text
            assert "? Help" in text and "q Quit" in text and "^p palette" in text, (key, text)
