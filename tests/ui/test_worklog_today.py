"""Pilot tests of the work-search record on Today and its setting in the settings form."""

from __future__ import annotations

from textual.widgets import Input, Static

from tui.screens.settings_form import SettingsForm
from tui.services import applications as apps
from tui.services import contacts as cs
from tui.store import repo

SIZE = (110, 34)


def activities_line(app) -> Static:
    return app.screen.query_one("#today-activities", Static)


async def settle(pilot) -> None:
    for _ in range(4):  # the later sections mount a frame or two after the goals
        await pilot.pause()


async def test_today_shows_the_week_while_it_is_short_and_nothing_once_met(make_app, rb):
    repo.set_setting(rb.store, "activities_per_week", 2)
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = activities_line(app)
        assert line.display and str(line.render()) == "1 of 2 job-search activities this week"
        ada = cs.add_contact(rb, cs.ContactFields("Ada Byron"))
        cs.log_interaction(rb, ada.id, kind="call")
        app.refresh_data()
        await settle(pilot)
        assert not activities_line(app).display


async def test_nothing_on_today_while_the_setting_is_off(make_app, rb):
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not activities_line(app).display


async def test_the_setting_is_a_number_field_checked_under_it(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsForm)
        box = app.screen.query_one("#activities_per_week", Input)
        assert box.value == "0"
        box.value = "three"
        await pilot.pause()
        error = str(app.screen.query_one("#activities_per_week-error", Static).render())
        assert "whole number, like 3" in error  # said at once
        await pilot.press("enter")
        assert isinstance(app.screen, SettingsForm)  # refused, nothing saved
        assert "activities_per_week" not in repo.get_settings(rb.store)
        box.value = "500"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsForm)
        assert "0 (off) to 100" in str(app.screen.query_one("#activities_per_week-error", Static).render())
        box.value = "3"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsForm)
        assert repo.get_settings(rb.store)["activities_per_week"] == 3
        assert str(activities_line(app).render()) == "0 of 3 job-search activities this week"
