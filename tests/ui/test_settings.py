"""Pilot tests for the settings form (`,` and the palette) and Rebound's own theme."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from tui.screens.settings_form import SettingsForm
from tui.services import goals as goal_service
from tui.store import repo
from tui.screens.palette import key_commands

SIZE = (110, 34)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def fill(pilot, app, field: str, text: str) -> None:
    box = app.screen.query_one(f"#{field}")
    box.value = text  # an Input's text, or a Select's option
    await pilot.pause()


async def test_comma_opens_settings_and_day_start_re_evaluates_today(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()  # the clock is frozen at 2026-11-26 09:30 UTC
    async with app.run_test(size=SIZE) as pilot:
        assert "26" in text_of(app, "#today-date")
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsForm)
        await fill(pilot, app, "day_start_hour", "24")
        await pilot.press("enter")
        assert isinstance(app.screen, SettingsForm)  # refused, what was typed stays
        assert "0 to 23" in text_of(app, "#day_start_hour-error")
        assert app.screen.query_one("#day_start_hour", Input).value == "24"
        await fill(pilot, app, "day_start_hour", "23")  # 09:30 is still "yesterday" until 23:00
        await fill(pilot, app, "week_start", "Sunday")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsForm)
        settings = repo.get_settings(rb.store)
        assert (settings["day_start_hour"], settings["week_start"]) == (23, 6)
        assert rb.today().isoformat() == "2026-11-25"
        assert "25" in text_of(app, "#today-date")


async def test_settings_offers_only_known_themes_and_weekdays_and_saves_one(make_app, rb):
    """Week start and theme are closed sets: a Select offers exactly them, so an unknown theme or
    "Funday" cannot be chosen (the service still refuses them: tests/unit)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("comma")
        themes = app.screen.query_one("#theme", Select)
        assert [v for _, v in themes._options] == sorted(app.available_themes)
        week = app.screen.query_one("#week_start", Select)
        assert [v for _, v in week._options][:2] == ["Monday", "Tuesday"] and len(week._options) == 7
        await fill(pilot, app, "day_start_hour", "four")
        assert "an hour from 0 to 23, like 4" in text_of(app, "#day_start_hour-error")  # said at once
        await pilot.press("enter")
        assert isinstance(app.screen, SettingsForm)
        await fill(pilot, app, "day_start_hour", "4")
        assert text_of(app, "#day_start_hour-error") == ""
        await fill(pilot, app, "theme", "nord")
        await fill(pilot, app, "week_start", "Monday")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert repo.get_settings(rb.store)["theme"] == "nord"


async def test_settings_is_in_the_command_palette(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in key_commands(app, app.screen)]
        assert "Settings" in titles
        await pilot.pause()


async def test_rebound_theme_is_the_default_and_remembered(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "rebound"
        app.theme = "textual-light"
        await pilot.pause()
        app.theme = "rebound"
        await pilot.pause()
    assert repo.get_settings(rb.store)["theme"] == "rebound"
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "rebound"


async def test_pipeline_switches_and_ghost_days_save_and_load(make_app, rb):
    """The pipeline's follow-ups are switches and ghost_days a number checked to 1–365; they are
    saved with the rest in one undoable change and shown again as saved (80×24: the form scrolls)."""
    from textual.widgets import Checkbox

    from tui.services.settings import Pipeline, pipeline

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        boxes = {n: app.screen.query_one(f"#pipeline-{n}", Checkbox) for n in ("thank_you", "referrer", "feedback")}
        assert all(box.value for box in boxes.values())  # each on by default
        assert app.screen.query_one("#ghost_days", Input).value == "21"
        await fill(pilot, app, "ghost_days", "400")
        await pilot.press("enter")
        assert isinstance(app.screen, SettingsForm)  # refused under the field, nothing saved
        assert "1 to 365" in text_of(app, "#ghost_days-error")
        assert "ghost_days" not in repo.get_settings(rb.store)
        await fill(pilot, app, "ghost_days", "many")
        assert "1 to 365, like 21" in text_of(app, "#ghost_days-error")  # said at once
        await fill(pilot, app, "ghost_days", "14")
        boxes["referrer"].focus()
        await pilot.pause()
        await pilot.press("space")  # switched off
        assert not boxes["referrer"].value
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsForm)
        assert pipeline(rb) == Pipeline(ghost_days=14, thank_you=True, referrer=False, feedback=True)
        await pilot.press("comma")  # shown again as saved
        assert app.screen.query_one("#ghost_days", Input).value == "14"
        assert not app.screen.query_one("#pipeline-referrer", Checkbox).value
        assert app.screen.query_one("#pipeline-feedback", Checkbox).value
        await pilot.press("escape")
        await pilot.press("u")  # one undo takes back every setting
        await pilot.pause()
        assert pipeline(rb) == Pipeline()
