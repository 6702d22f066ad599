"""Pilot tests for goals that count themselves (issue 19): a coffee logged on Contacts moves
Today's "Coffee chats" and earns its weekly target in the same change (one toast); `u` takes
both back. The clock is frozen on Thursday 2026-11-26 (tests/ui/conftest.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from textual.widgets import Input, Select, Static

from tui.screens.contact_forms import LogForm
from tui.screens.contacts import ContactsScreen
from tui.screens.goal_form import GoalForm
from tui.screens.goals import GoalsScreen
from tui.screens.today import TodayScreen
from tui.services import contacts as cs
from tui.services import goals as goal_service
from tui.services.wins import all_wins
from tui.store import repo
from tui.widgets.goal_list import GoalList

SIZE = (110, 34)
TODAY = date(2026, 11, 26)
MONDAY = date(2026, 11, 23)


def seed(rb) -> None:
    """"Coffee chats", 2 a week, counting coffee interactions since Monday; one coffee on Tuesday."""
    goal = goal_service.add_goal(rb, "Coffee chats", target=2, period="week",
                                 counts="interactions:coffee")
    with rb.change("since Monday"):
        repo.update_goal(rb.store, replace(goal, start=MONDAY))
    priya = cs.add_contact(rb, cs.ContactFields("Priya Raman", company="Northwind"))
    cs.log_interaction(rb, priya.id, kind="coffee", day=TODAY - timedelta(days=2))
    cs.log_interaction(rb, priya.id, kind="call", day=TODAY - timedelta(days=1))  # not a coffee
    rb.history.clear()
    rb.take_earned()


def today_line(app) -> str:
    return app.screen.query_one(GoalList).lines()[0]


def counted_line(app) -> str:
    return str(app.screen.query_one("#today-counted", Static).render())


def weekly_wins(rb) -> list[str]:
    return [w.title for w in all_wins(rb) if w.kind == "weekly_target"]


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_coffee_logged_on_contacts_moves_coffee_chats_and_u_takes_it_back(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "this week 1/2" in today_line(app)
        assert counted_line(app) == "Counted for you: Coffee chats 1 from your log"
        assert weekly_wins(rb) == []

        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogForm)
        app.screen.query_one("#kind", Select).value = "coffee"
        app.screen.query_one("#note", Input).value = "second coffee this week"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert weekly_wins(rb) == ["Weekly target met: Coffee chats"]
        said = [t for t in toasts(app) if "Coffee chats" in t]
        assert len(said) == 1 and "Weekly target met: Coffee chats" in said[0]  # one toast

        await pilot.press("1")
        await pilot.pause()
        assert "this week 2/2" in today_line(app) and "✓ done" in today_line(app)
        assert counted_line(app) == "Counted for you: Coffee chats 2 from your log"

        await pilot.press("u")  # the coffee and the win it earned go together
        await pilot.pause()
        assert weekly_wins(rb) == []
        assert [i.kind for i in cs.repo.interactions(rb.store)].count("coffee") == 1
        assert "this week 1/2" in today_line(app)

        await pilot.press("plus")  # a coffee not logged still counts, and says so
        await pilot.pause()
        assert counted_line(app) == "Counted for you: Coffee chats 1 from your log + 1"
        assert weekly_wins(rb) == ["Weekly target met: Coffee chats"]


async def test_goal_form_sets_what_a_goal_counts_and_refuses_unknown_kinds(make_app, rb) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GoalForm)
        form.query_one("#name", Input).value = "Coffee chats"
        form.query_one("#counts", Select).value = "interactions"
        form.query_one("#kinds", Input).value = "coffee, tea"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form  # refused, nothing written
        assert "unknown interaction kind 'tea'" in str(form.query_one("#kinds-error", Static).render())
        assert repo.goals(rb.store) == []
        form.query_one("#kinds", Input).value = "coffee,call"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, GoalForm)
        assert [g.counts for g in repo.goals(rb.store)] == ["interactions:call,coffee"]


async def test_goals_shows_totals_and_the_cursor_days_source(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GoalsScreen)
        title = str(screen.query_one("#goals-heatmap-title", Static).render())
        assert "counts coffee interactions · this week 1 · this month 1 · best week 1" in title
        await pilot.press("left", "left")  # Tuesday, the coffee's day
        await pilot.pause()
        assert "(1 from your log)" in str(screen.query_one("#goals-day", Static).render())
