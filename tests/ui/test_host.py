"""The app is the host screens expect (screens/host.ScreenHost), and it finds the screen to
redraw by its kind, not by guessing with hasattr."""

from __future__ import annotations

from tui.screens.data_screen import DataScreen
from tui.screens.host import ScreenHost
from tui.screens.review import ReviewScreen

SIZE = (110, 34)


async def test_the_app_is_a_screen_host(make_app):
    app = make_app()
    assert isinstance(app, ScreenHost)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DataScreen)


async def test_a_change_redraws_the_data_screen_under_a_dialog(make_app, rb):
    from tui.services import goals as goal_service

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = app.screen
        app.push_screen(ReviewScreen())
        await pilot.pause()
        goal_service.add_goal(rb, "Apply")
        app.refresh_data()
        await pilot.pause()
        assert "Apply" in today.query_one("#today-goals").render_line(0).text
