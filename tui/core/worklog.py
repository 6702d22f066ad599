"""The work-search record (product.md §3 "Applications"): the job-search activities of a span of
days (applications sent, interactions logged) as unemployment programmes ask for them, and the
count of a week against the ``activities_per_week`` target. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .applications import Application
from .clock import instant, week_start_of
from .contacts import Contact, Interaction

COLUMNS = ("week", "day", "activity", "employer", "position", "contact", "method", "result")


@dataclass(frozen=True)
class Activity:
    day: date
    activity: str  # "application", or the interaction's kind
    employer: str = ""
    position: str = ""
    contact: str = ""
    method: str = ""
    result: str = ""
    stamp: str = ""  # when it was recorded: the order of a day's activities

    def row(self, week_start: int) -> dict[str, str]:
        """Its CSV row: ``week`` is the day its week starts."""
        return {"week": week_start_of(self.day, week_start).isoformat(), "day": self.day.isoformat(),
                "activity": self.activity, "employer": self.employer, "position": self.position,
                "contact": self.contact, "method": self.method, "result": self.result}


def activities(apps: Iterable[Application], interactions: Iterable[Interaction],
               contacts: Mapping[str, Contact], start: date, end: date) -> list[Activity]:
    """Every application sent and interaction logged from ``start`` to ``end`` (both included),
    oldest first. An application's result is its stage now; an interaction's employer is its
    contact's company."""
    found = [Activity(a.applied, "application", a.company, a.role,
                      ", ".join(contacts[c].name for c in a.contacts if c in contacts),
                      a.source, a.stage, a.created)
             for a in apps if start <= a.applied <= end]
    for item in interactions:
        if start <= item.day <= end:
            person = contacts.get(item.contact_id)
            found.append(Activity(item.day, item.kind, person.company if person else "",
                                  contact=person.name if person else "", stamp=item.at))
    return sorted(found, key=lambda a: (a.day, instant(a.stamp)))


def week_span(day: date, week_start: int = 0) -> tuple[date, date]:
    """The first and last day of ``day``'s week."""
    first = week_start_of(day, week_start)
    return first, first + timedelta(days=6)


def week_count(apps: Iterable[Application], interactions: int, today: date, week_start: int = 0) -> int:
    """Applications sent this week up to ``today``, plus ``interactions`` logged in those days."""
    first = week_start_of(today, week_start)
    return sum(1 for a in apps if first <= a.applied <= today) + interactions


def short_line(done: int, target: int) -> str:
    """Today's line while the week is short of its target ("" once met, or with no target)."""
    if target <= 0 or done >= target:
        return ""
    return f"{done} of {target} job-search activities this week"
