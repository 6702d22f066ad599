"""Pilot tests for Today's quiet applications: listed the longest quiet first (five, then how
many more), `f` follows up on the first contact, `g` closes as ghosted and `u` undoes it.

The clock is frozen on Thursday 2026-11-26 (tests/ui/conftest.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from tui.demo import generate
from tui.screens.contact_forms import FollowUpForm
from tui.services import applications as apps
from tui.services import contacts as contact_service
from tui.widgets.key_bar import KeyBar
from tui.widgets.quiet_list import QuietList

TODAY = date(2026, 11, 26)
CLASSIC = (80, 24)


def quiet_list(app) -> QuietList:
    return app.screen.query_one(QuietList)


def lines(app) -> list[str]:
    found = quiet_list(app)
    return [str(found.get_option_at_index(i).prompt.plain) for i in range(found.option_count)]


async def tab_to_quiet(app, pilot) -> QuietList:
    for _ in range(6):  # goals, follow-ups, … : tab reaches the list
        if app.focused is quiet_list(app):
            break
        await pilot.press("tab")
    assert app.focused is quiet_list(app)
    return quiet_list(app)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


async def test_the_demo_quiet_applications_at_80x24_with_ghosted_and_undo(make_app, rb) -> None:
    generate(rb)
    expected = apps.quiet(rb)
    assert len(expected) == 6
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await settle(pilot)
        shown = lines(app)
        first, days = expected[0]
        assert shown[0].startswith(f"• {first.title} — no reply in {days // 7} weeks")
        assert len(shown) == 6 and shown[5] == "… and 1 more: Applications (6) lists every one"
        await tab_to_quiet(app, pilot)
        assert "Ghosted" in str(app.screen.query_one(KeyBar).render())  # the keys show with focus
        await pilot.press("down")
        target = expected[1][0]
        await pilot.press("g")
        await settle(pilot)
        assert apps.application_by_id(rb, target.id).stage == "ghosted"
        assert any(f"Closed {target.title} as ghosted" in n.message for n in app._notifications)
        assert not any(target.title in line for line in lines(app))
        await pilot.press("u")
        await settle(pilot)
        assert apps.application_by_id(rb, target.id).stage == expected[1][0].stage
        assert any(target.title in line for line in lines(app))


def seed(rb) -> None:
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst", "job board", contacts=("Dana Kim",)),
                         TODAY - timedelta(days=30))
    apps.add_application(rb, apps.AppFields("Contoso", "BI developer", "job board"),
                         TODAY - timedelta(days=25))
    rb.history.clear()


async def test_f_sets_a_follow_up_on_the_first_contact(make_app, rb) -> None:
    seed(rb)
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await settle(pilot)
        assert lines(app) == ["• Northwind · Data analyst — no reply in 4 weeks",
                              "• Contoso · BI developer — no reply in 3 weeks"]
        await tab_to_quiet(app, pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpForm)
        await pilot.press(*"in 3 days", "enter")
        await settle(pilot)
        dana = contact_service.find_contact(rb, "Dana Kim")
        assert dana.follow_up == TODAY + timedelta(days=3)
        assert any("Follow-up saved for Dana Kim" in n.message for n in app._notifications)
        await tab_to_quiet(app, pilot)
        await pilot.press("down", "f")  # Contoso has no contact: a toast, no form
        await settle(pilot)
        assert not isinstance(app.screen, FollowUpForm)
        assert any("Contoso · BI developer has no contact" in n.message for n in app._notifications)


async def test_no_section_without_quiet_applications(make_app, rb) -> None:
    apps.add_application(rb, apps.AppFields("Fabrikam", "Analytics engineer", "job board"),
                         TODAY - timedelta(days=3))
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await settle(pilot)
        assert not quiet_list(app).display
        assert not app.screen.query_one("#today-quiet-title").display
        await pilot.press("g")  # nothing to close: nothing happens
        await settle(pilot)
        assert apps.find_application(rb, "Fabrikam").stage == "applied"
