"""Pilot tests: `x` offers the open applications at the top of the reflection; picking one fills
company, role and stage, and saving links the reflection and moves the application to rejected
in one change (one undo puts both back). Without a pick it works as before."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input, Select, Static

from tui.screens.rejection_form import NO_APPLICATION, RejectionForm
from tui.services import applications as apps
from tui.services import contacts as cs
from tui.services import mood as mood_service

SIZE = (110, 34)
TODAY = date(2026, 11, 26)


def seed(rb) -> dict[str, str]:
    north = apps.add_application(rb, apps.AppFields("Northwind", "Data analyst"), TODAY - timedelta(days=20))
    apps.move_application(rb, north.id, "interview", TODAY - timedelta(days=5))
    init = apps.add_application(rb, apps.AppFields("Initech", "Analyst"), TODAY - timedelta(days=3))
    gone = apps.add_application(rb, apps.AppFields("Globex", "Tester"), TODAY - timedelta(days=30))
    apps.move_application(rb, gone.id, "withdrawn", TODAY - timedelta(days=10))  # closed: not offered
    rb.history.clear()
    return {"north": north.id, "init": init.id}


def menu(app) -> Select:
    return app.screen.query_one("#application", Select)


def typed(app, name: str) -> str:
    return app.screen.query_one(f"#{name}", Input).value


async def test_picking_an_application_fills_the_form_and_saving_rejects_it_undo_restores(make_app, rb):
    ids = seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, RejectionForm)
        assert [label for label, _ in menu(app)._options] == [
            NO_APPLICATION, "Initech · Analyst", "Northwind · Data analyst"]
        assert menu(app).value == "" and app.screen.focused is app.screen.query_one("#company", Input)
        await pilot.press("shift+tab")  # the menu is just above the company, as typing goes on as before
        assert app.screen.focused is menu(app)
        await pilot.press("space", "down", "down", "enter")  # open it, pick Northwind
        await pilot.pause()
        assert menu(app).value == ids["north"]
        await pilot.pause()
        assert (typed(app, "company"), typed(app, "role"), typed(app, "stage")) == (
            "Northwind", "Data analyst", "interview")
        assert typed(app, "follow_up") == "in 3 days"  # the pipeline's feedback follow-up
        app.screen.query_one("#lesson", Input).value = "tell the story of the dashboard"
        app.screen.query_one("#contact", Input).value = "Dana Recruiter"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, RejectionForm)
        north = apps.application_by_id(rb, ids["north"])
        assert north.stage == "rejected" and north.history[-1] == ("rejected", TODAY)
        [rejection] = mood_service.rejections(rb)
        assert rejection.application_id == north.id
        assert (rejection.company, rejection.role, rejection.stage, rejection.lesson) == (
            "Northwind", "Data analyst", "interview", "tell the story of the dashboard")
        assert cs.find_contact(rb, "Dana").follow_up == TODAY + timedelta(days=3)
        assert apps.application_by_id(rb, ids["init"]).stage == "applied"  # the other one untouched
        await pilot.press("u")  # one change: the stage and the reflection come back together
        await pilot.pause()
        assert apps.application_by_id(rb, ids["north"]).stage == "interview"
        assert mood_service.rejections(rb) == [] and mood_service.entries(rb) == []
        await pilot.press("x")
        await pilot.pause()
        assert "Northwind · Data analyst" in [label for label, _ in menu(app)._options]  # open again


async def test_a_refused_reflection_moves_nothing(make_app, rb):
    ids = seed(rb)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        menu(app).value = ids["init"]
        await pilot.pause()
        app.screen.query_one("#follow_up", Input).value = "someday"
        app.screen.query_one("#contact", Input).value = "Dana"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RejectionForm)
        assert str(app.screen.query_one("#follow_up-error", Static).render())
        assert apps.application_by_id(rb, ids["init"]).stage == "applied"
        assert mood_service.rejections(rb) == []


async def test_without_a_pick_or_without_open_applications_it_works_as_before(make_app, rb):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert not app.screen.query("#application")  # no open application: no menu at all
        assert app.screen.focused is app.screen.query_one("#company", Input)
        await pilot.press("escape")
        ids = seed(rb)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("tab", *"Analyst", "enter")  # the keys typed before the menu existed
        assert "company cannot be empty" in str(app.screen.query_one("#company-error", Static).render())
        app.screen.query_one("#company", Input).value = "Contoso"
        await pilot.press("enter")  # "— none —": a reflection of its own
        await pilot.pause()
        assert not isinstance(app.screen, RejectionForm)
        [rejection] = mood_service.rejections(rb)
        assert rejection.company == "Contoso" and rejection.application_id is None
        assert [apps.application_by_id(rb, i).stage for i in ids.values()] == ["interview", "applied"]
