"""The work-search record: this week's activities against ``activities_per_week`` (a week as the
week_start setting cuts it, crossing a new year), and the setting's parsing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.core.worklog import short_line
from tui.services import Rebound
from tui.services import applications as apps
from tui.services import contacts as cs
from tui.services import settings
from tui.services.status import status
from tui.services.worklog import this_week
from tui.store import repo

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)  # a Friday


@pytest.fixture
def rb(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path, now=lambda: NOW)


def set_target(rb: Rebound, target: int, week_start: int = 0) -> None:
    current = settings.current(rb)
    settings.save(rb, replace(current, week_start=week_start, activities_per_week=target))


def test_a_week_counts_applications_sent_and_interactions_logged_in_it(rb) -> None:
    set_target(rb, 3)
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst"), date(2026, 12, 1))  # Tue
    apps.add_application(rb, apps.AppFields("Initech", "Analyst"), date(2026, 11, 30))  # Mon
    apps.add_application(rb, apps.AppFields("Globex", "Analyst"), date(2026, 11, 29))  # last Sunday
    ada = cs.add_contact(rb, cs.ContactFields("Ada Byron", company="Northwind"))
    cs.log_interaction(rb, ada.id, kind="coffee", day=date(2026, 11, 28))  # last week
    week = this_week(rb)
    assert (week.done, week.target) == (2, 3)
    assert week.short == "2 of 3 job-search activities this week"
    cs.log_interaction(rb, ada.id, kind="call", day=date(2026, 12, 3))
    assert (this_week(rb).done, this_week(rb).short) == (3, "")  # met: nothing to say
    set_target(rb, 3, week_start=6)  # weeks from Sunday: the Sunday application counts too
    assert this_week(rb).done == 4


def test_the_setting_is_off_by_default_and_status_json_says_so(rb) -> None:
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst"))
    assert settings.current(rb).activities_per_week == 0
    assert this_week(rb) is None
    assert status(rb)["activities_this_week"] is None
    set_target(rb, 5)
    assert status(rb)["activities_this_week"] == {"done": 1, "target": 5}


def test_a_week_across_the_new_year_reads_both_years(tmp_path: Path) -> None:
    rb = Rebound.open(tmp_path, now=lambda: datetime(2027, 1, 2, 12, tzinfo=timezone.utc))  # a Saturday
    set_target(rb, 5)
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst"), date(2026, 12, 28))  # Monday
    apps.add_application(rb, apps.AppFields("Initech", "Analyst"), date(2026, 12, 27))  # the week before
    ada = cs.add_contact(rb, cs.ContactFields("Ada Byron"))
    cs.log_interaction(rb, ada.id, day=date(2026, 12, 31))
    cs.log_interaction(rb, ada.id, day=date(2027, 1, 1))
    assert this_week(rb).done == 3


def test_the_target_is_a_whole_number_from_0_to_100(rb) -> None:
    assert settings.parse_activities(" 3 ") == 3 and settings.parse_activities("") == 0
    for bad in ("three", "-1", "101", "2.5"):
        with pytest.raises(InputError, match="whole number from 0") as caught:
            settings.parse_activities(bad)
        assert caught.value.field == "activities_per_week"


def test_a_hand_edited_target_that_makes_no_sense_is_off(rb) -> None:
    for odd in ("3", -2, True, 10**6, None):
        repo.set_setting(rb.store, "activities_per_week", odd)
        assert settings.current(rb).activities_per_week == 0
    repo.set_setting(rb.store, "activities_per_week", 4)
    assert settings.current(rb).activities_per_week == 4


def test_the_short_line_only_while_short() -> None:
    assert short_line(0, 3) == "0 of 3 job-search activities this week"
    assert short_line(3, 3) == short_line(5, 3) == short_line(2, 0) == ""


def test_the_worklog_of_a_hand_made_week_is_exactly_this_csv(rb) -> None:
    """Applications (employer, position, method = source, result = the stage now, contact = its
    contacts) and interactions (activity = kind, employer = the contact's company), oldest first,
    each with the first day of its week; a cell a spreadsheet would run as a formula gets a '."""
    from tui.services.worklog import worklog_csv

    ada = cs.add_contact(rb, cs.ContactFields("Ada Byron", company="Northwind"))
    cs.add_contact(rb, cs.ContactFields("=Bob", company="@Globex"))
    bob = cs.find_contact(rb, "=bob")
    north = apps.add_application(rb, apps.AppFields("Northwind", "Data analyst", source="referral",
                                                    contacts=("Ada Byron",)), date(2026, 11, 30))
    apps.move_application(rb, north.id, "screen", date(2026, 12, 2))
    apps.add_application(rb, apps.AppFields("Initech", "+Analyst", source="job board"), date(2026, 12, 3))
    apps.add_application(rb, apps.AppFields("Umbrella", "Tester"), date(2026, 11, 20))  # before --from
    cs.log_interaction(rb, ada.id, kind="coffee", day=date(2026, 12, 1), note="private words")
    cs.log_interaction(rb, bob.id, kind="call", day=date(2026, 11, 29))  # a Sunday: last week
    data = worklog_csv(rb, date(2026, 11, 29), date(2026, 12, 4)).decode()
    assert data.splitlines() == [
        "week,day,activity,employer,position,contact,method,result",
        "2026-11-23,2026-11-29,call,'@Globex,,'=Bob,,",
        "2026-11-30,2026-11-30,application,Northwind,Data analyst,Ada Byron,referral,screen",
        "2026-11-30,2026-12-01,coffee,Northwind,,Ada Byron,,",
        "2026-11-30,2026-12-03,application,Initech,'+Analyst,,job board,applied",
    ]
    assert "private words" not in data  # notes stay out of a record meant for an office
    assert worklog_csv(rb, date(2026, 12, 4), date(2026, 12, 4)).decode().splitlines() == [
        "week,day,activity,employer,position,contact,method,result"]


def test_the_target_travels_with_an_export(rb, tmp_path_factory) -> None:
    from tui.services import transfer

    tmp_path = tmp_path_factory.mktemp("elsewhere")  # not the data folder
    set_target(rb, 3)
    apps.add_application(rb, apps.AppFields("Northwind", "Data analyst"))
    path = tmp_path / "export.json"
    path.write_bytes(transfer.export_bytes(rb))
    other = Rebound.open(tmp_path / "other", now=lambda: NOW)
    transfer.import_records(other, transfer.read_export(path), merge=False)
    assert settings.current(other).activities_per_week == 3
    assert status(other)["activities_this_week"] == status(rb)["activities_this_week"] == {
        "done": 1, "target": 3}
