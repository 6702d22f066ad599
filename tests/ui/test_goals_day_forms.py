"""Pilot: on Goals, `R` adds a rest period (a planned break may lie ahead) and `c` sets the cursor
day's count; each is one change `u` undoes. The clock is frozen on Thursday 2026-11-26."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input

from tui.screens.count_form import CountForm
from tui.screens.goals import GoalsScreen
from tui.screens.help import HelpScreen
from tui.screens.rest_period_form import RestPeriodForm
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.transfer import export_data
from tui.store import repo
from tui.screens.palette import key_commands

SIZE = (110, 34)
TODAY = date(2026, 11, 26)


def toasts(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def open_goals(app, pilot) -> GoalsScreen:
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(app.screen, GoalsScreen)
    return app.screen


async def test_R_adds_a_rest_period_that_today_shows_and_u_takes_back(make_app, rb):
    goal = goal_service.add_goal(rb, "Gym", target=1, period="day")
    checkin_service.log(rb, goal.id, day=TODAY - timedelta(days=1))
    start = export_data(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("R")
        form = app.screen
        assert isinstance(form, RestPeriodForm)
        assert form.query_one("#from", Input).value == TODAY.isoformat()  # the cursor day
        form.query_one("#to", Input).value = "2026-11-20"  # before the first day: refused
        await pilot.press("enter")
        assert app.screen is form and "after it ends" in str(form.query_one("#to-error").render())
        assert repo.rest_days(rb.store) == []
        form.query_one("#to", Input).value = "2026-12-06"  # ten days ahead
        form.query_one("#reason", Input).value = "holiday"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        days = sorted(r.day for r in repo.rest_days(rb.store))
        assert days == [TODAY + timedelta(days=i) for i in range(11)]
        assert "11 days of rest for every goal" in toasts(app)
        await pilot.press("1")
        await pilot.pause()
        assert "Rest day — enjoy it" in " ".join(str(s.render()) for s in app.screen.query("Static"))
        await pilot.press("u")  # the whole break goes in one undo
        await pilot.pause()
        assert export_data(rb) == start


async def test_c_sets_the_cursor_days_count_and_u_takes_it_back(make_app, rb):
    goal = goal_service.add_goal(rb, "Applications", target=3, period="day")
    checkin_service.log(rb, goal.id, 2, day=TODAY - timedelta(days=1))
    start = export_data(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_goals(app, pilot)
        await pilot.press("left", "c")  # yesterday
        form = app.screen
        assert isinstance(form, CountForm) and form.query_one("#count", Input).value == "2"
        form.query_one("#count", Input).value = "-1"
        await pilot.press("enter")
        assert app.screen is form and "whole number" in str(form.query_one("#count-error").render())
        form.query_one("#count", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert repo.day_count(rb.store, goal.id, TODAY - timedelta(days=1)) == 5
        assert "Applications: 5 on Wed 25 Nov (was 2)" in toasts(app)
        await pilot.press("u")
        await pilot.pause()
        assert export_data(rb) == start


async def test_the_new_keys_show_in_help_and_the_palette(make_app, rb):
    goal_service.add_goal(rb, "Gym", target=1, period="day")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(app, pilot)
        titles = [c.title for c in key_commands(app, screen)]
        assert "Goals: Rest period…" in titles and "Goals: Set the cursor day's count…" in titles
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((desc, keys) for keys, desc in app.screen.rows)
        assert rows["Rest period…"] == "R" and rows["Set the day's count"] == "c"
