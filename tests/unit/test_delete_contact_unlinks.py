"""Deleting a contact named on an application unlinks it in the same change: the export of the
folder imports again (it named a contact that no longer existed), and undo brings the link back."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from tui.services import Rebound, contacts
from tui.services.applications import AppFields, add_application
from tui.services.contacts import ContactFields
from tui.cli.main import main as cli
from tui.services.undo import undo
from tui.store import applications as app_repo

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)


def test_deleting_a_contact_unlinks_it_from_its_applications(tmp_path: Path) -> None:
    rb = Rebound.open(tmp_path / "data", now=lambda: NOW)
    priya = contacts.add_contact(rb, ContactFields("Priya", company="Northwind"))
    bo = contacts.add_contact(rb, ContactFields("Bo", company="Northwind"))
    add_application(rb, AppFields("Northwind", "Data analyst", contacts=("Priya", "Bo")))
    contacts.delete_contact(rb, priya.id)
    [app] = app_repo.applications(rb.store)
    assert app.contacts == (bo.id,)
    out = tmp_path / "export.json"
    assert cli(["--data-dir", str(tmp_path / "data"), "export", "--out", str(out)]) == 0
    assert cli(["--data-dir", str(tmp_path / "other"), "import", str(out)]) == 0
    fresh = Rebound.open(tmp_path / "other", now=lambda: NOW)
    assert [a.contacts for a in app_repo.applications(fresh.store)] == [(bo.id,)]
    undo(rb)
    [app] = app_repo.applications(rb.store)
    assert set(app.contacts) == {priya.id, bo.id}
