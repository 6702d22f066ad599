"""The work-search record: this week's job-search activities against the target (Today,
`status --json`) and the log of them for `rebound export --format worklog`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core import worklog as rules
from ..core.worklog import Activity
from ..store import applications as app_repo
from ..store import contacts as contact_repo
from ..store.store import Store
from .context import Rebound
from .settings import current


@dataclass(frozen=True)
class WeekActivities:
    done: int
    target: int

    @property
    def short(self) -> str:
        return rules.short_line(self.done, self.target)

    def as_dict(self) -> dict[str, int]:
        return {"done": self.done, "target": self.target}


def _year_files(store: Store, prefix: str, start: date, end: date) -> list[str]:
    """The year files of ``prefix`` that can hold a day from ``start`` to ``end`` (a week
    crosses at most one new year): a week reads one or two files, not five years."""
    years = range(start.year, end.year + 1)
    return [name for name, year in store.years_named(prefix).items() if year is None or year in years]


def this_week(rb: Rebound, today: date | None = None) -> WeekActivities | None:
    """Applications sent and interactions logged this week (as the week_start setting cuts it)
    against the target; None while the setting is off (then nothing is read)."""
    target = current(rb).activities_per_week
    if not target:
        return None
    today = today or rb.today()
    clock = rb.clock
    first, _ = rules.week_span(today, clock.week_start)
    store = rb.store
    apps = app_repo.applications(store, _year_files(store, app_repo.APPLICATIONS, first, today))
    logged = contact_repo.interactions_between(
        store, first, today, _year_files(store, contact_repo.INTERACTIONS, first, today))
    return WeekActivities(rules.week_count(apps, logged, today, clock.week_start), target)


def activities(rb: Rebound, start: date, end: date) -> list[Activity]:
    """Every job-search activity from ``start`` to ``end``, oldest first."""
    store = rb.store
    contacts = {c.id: c for c in contact_repo.contacts(store)}
    apps = app_repo.applications(store, _year_files(store, app_repo.APPLICATIONS, start, end))
    interactions = contact_repo.interactions(
        store, _year_files(store, contact_repo.INTERACTIONS, start, end))
    return rules.activities(apps, interactions, contacts, start, end)


def worklog_csv(rb: Rebound, start: date, end: date) -> bytes:
    """The record as CSV (week, day, activity, employer, position, contact, method, result); text
    cells a spreadsheet would run as a formula are made text."""
    from .export_files import csv_bytes, safe_text

    week_start = rb.clock.week_start
    rows = [{k: safe_text(v) for k, v in a.row(week_start).items()} for a in activities(rb, start, end)]
    return csv_bytes(list(rules.COLUMNS), rows)
