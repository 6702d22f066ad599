"""Pilot tests: a contact's detail pane on Contacts lists its applications, from an index built
once per version of the data (not a scan of every application at each redraw)."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Static

from tui.screens.contacts import ContactsScreen
from tui.services import applications as apps
from tui.services import contacts as cs

SIZE = (110, 34)
TODAY = date(2026, 11, 26)


def detail_text(app) -> str:
    return str(app.screen.query_one("#contacts-detail-text", Static).render())


def seed(rb) -> str:
    priya = cs.add_contact(rb, cs.ContactFields("Priya Raman", company="Northwind", cadence=14))
    cs.log_interaction(rb, priya.id, kind="call", day=TODAY - timedelta(days=21))  # first: overdue
    cs.add_contact(rb, cs.ContactFields("Marcus Lee", company="Contoso"))
    old = apps.add_application(rb, apps.AppFields("Northwind", "Intern", contacts=("Priya Raman",)),
                               TODAY - timedelta(days=60))
    apps.move_application(rb, old.id, "rejected", TODAY - timedelta(days=40))
    new = apps.add_application(rb, apps.AppFields("Northwind", "Data analyst", contacts=("Priya Raman",)),
                               TODAY - timedelta(days=10))
    apps.move_application(rb, new.id, "interview", TODAY - timedelta(days=2))
    apps.add_application(rb, apps.AppFields("Initech", "Analyst"), TODAY - timedelta(days=5))  # nobody's
    rb.history.clear()
    return new.id


async def test_a_contacts_pane_lists_its_applications_latest_first(make_app, rb, monkeypatch) -> None:
    app_id = seed(rb)
    scans: list[int] = []
    real = apps.applications
    monkeypatch.setattr(apps, "applications", lambda rb: scans.append(1) or real(rb))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert "Priya Raman" in detail_text(app)
        assert ("applications: Northwind · Data analyst (interview); Northwind · Intern (rejected)"
                in detail_text(app))
        read = len(scans)  # (the Applications screen, built ahead, reads them too)
        await pilot.press("j")
        assert "Marcus Lee" in detail_text(app) and "applications:" not in detail_text(app)
        await pilot.press("k", "j", "k")
        assert "Data analyst (interview)" in detail_text(app)
        assert len(scans) == read  # moving the cursor reads no application again
        apps.move_application(rb, app_id, "final")
        app.refresh_data()
        await pilot.pause()
        assert "Northwind · Data analyst (final)" in detail_text(app)  # a change is seen at once
