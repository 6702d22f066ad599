"""Today's quiet applications: the open ones of earlier years come from ``.summaries.json``, so a
fresh start reads none of those files, and a change to one of them is seen at once."""

from __future__ import annotations

from datetime import date, datetime, timezone

from tui.services import Rebound, memo
from tui.services import applications as apps
from tui.store.applications import applications_file

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 26)


def open_rb(folder) -> Rebound:
    return Rebound.open(folder, now=lambda: NOW)


def titles(rb: Rebound) -> list[str]:
    return [a.title for a, _ in memo.quiet_applications(rb, TODAY)]


def test_earlier_years_open_applications_come_from_the_cache(tmp_path) -> None:
    folder = tmp_path / "data"
    rb = open_rb(folder)
    old = apps.add_application(rb, apps.AppFields("Northwind", "Data analyst", "job board"), date(2025, 10, 1))
    closed = apps.add_application(rb, apps.AppFields("Contoso", "BI developer", "job board"), date(2025, 9, 1))
    apps.close_application(rb, closed.id, "rejected", date(2025, 9, 20))
    apps.add_application(rb, apps.AppFields("Fabrikam", "Analyst", "job board"), date(2026, 10, 1))
    assert titles(rb) == ["Northwind · Data analyst", "Fabrikam · Analyst"]  # the longest quiet first

    fresh = open_rb(folder)
    assert titles(fresh) == ["Northwind · Data analyst", "Fabrikam · Analyst"]
    assert not fresh.store.file(applications_file(date(2025, 10, 1))).loaded  # not read

    apps.close_application(fresh, old.id, "ghosted")  # its year's file changed: read again
    assert titles(fresh) == ["Fabrikam · Analyst"]
    assert titles(open_rb(folder)) == ["Fabrikam · Analyst"]


def test_a_spoilt_cache_entry_is_computed_afresh(tmp_path) -> None:
    folder = tmp_path / "data"
    rb = open_rb(folder)
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst", "job board"), date(2025, 10, 1))
    titles(rb)
    fresh = open_rb(folder)
    cache = fresh.summary_cache()
    for key in cache.entries:
        cache.entries[key] = '{"not": "a list"}'  # a hand edit
    assert titles(fresh) == ["Northwind · Data analyst"]


def test_a_status_run_between_two_starts_keeps_the_entry(tmp_path, monkeypatch) -> None:
    """`status` saves only the entries it used; the quiet list's is a fixed one it keeps, so the
    next start still reads no earlier year's application file."""
    from tui.services.status import status

    folder = tmp_path / "data"
    rb = open_rb(folder)
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst", "job board"), date(2025, 10, 1))
    assert titles(open_rb(folder)) == ["Northwind · Data analyst"]  # fills the entry
    status(open_rb(folder))
    fresh = open_rb(folder)
    assert titles(fresh) == ["Northwind · Data analyst"]
    assert not fresh.store.file(applications_file(date(2025, 10, 1))).loaded  # not read
