"""After the first frame, the rest of Today comes first; the other screens' styles and modules
(the app's background work) load only once Today is drawn in full, so that the start settles
sooner (product.md §6: start to a settled Today)."""

from __future__ import annotations

import sys

import pytest

from tui import background
from tui.background import SCREENS
from tui.textual_compat import build_mode_ahead

SIZE = (110, 34)


async def test_background_work_waits_for_todays_last_part(make_app, monkeypatch):
    from tui.screens.today import TodayScreen

    app = make_app()
    order: list[str] = []
    filled = TodayScreen._fill_rest_of_day
    background = type(app)._background

    def show_rest(screen: TodayScreen) -> None:
        filled(screen)
        if screen.query("#today-wins"):
            order.append("today drawn" if str(screen.query_one("#today-wins").render()) else "?")

    def load() -> None:
        order.append("background")
        background(app)

    monkeypatch.setattr(TodayScreen, "_fill_rest_of_day", show_rest)
    monkeypatch.setattr(app, "_background", load)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause(0.1)
        assert order[:2] == ["today drawn", "background"]
        assert "tui.screens.goals" in sys.modules  # what the background does, done


@pytest.mark.parametrize("mode", SCREENS)
async def test_quitting_as_a_screen_is_built_ahead_ends_cleanly(make_app, monkeypatch, mode):
    """`q` can come as the background builds a screen: it then mounts with the app closing,
    its children already gone. Its mount must not look them up (Contacts' filter box did)."""
    built: list[str] = []

    def build_then_quit(app, name):
        screen = build_mode_ahead(app, name)
        built.append(name)
        if name == mode:
            app.exit()
        return screen

    monkeypatch.setattr(background, "build_mode_ahead", build_then_quit)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause(0.1)
    assert mode in built and app.return_code == 0
