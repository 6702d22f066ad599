"""Helpers for the pure-domain unit tests.

``build`` turns a compact day string into a GoalHistory, one character per day from the start:

    C      count = target (complete)
    x  -   count 0 (a miss in the past, pending today; ``-`` reads better on unscheduled days)
    R  S   rest day / skip for this goal, count 0
    r  s   rest day / skip, but the target was met anyway
    0-9    that count

Spaces are ignored (handy to split weeks). The as-of day defaults to the last day of the string.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.core.goals import ALL_DAYS, Goal, GoalHistory

MONDAY = date(2026, 3, 2)  # a Monday: weeks in the patterns line up with Monday-start weeks


def build(
    pattern: str,
    *,
    start: date = MONDAY,
    target: int = 1,
    period: str = "day",
    weekdays: frozenset[int] = ALL_DAYS,
    as_of: date | None = None,
) -> tuple[GoalHistory, date]:
    goal = Goal(id="g1", name="Applications", start=start, target=target, period=period,
                weekdays=frozenset(weekdays))
    counts: dict[date, int] = {}
    rest: set[date] = set()
    skips: set[date] = set()
    days = [ch for ch in pattern if ch != " "]
    for i, ch in enumerate(days):
        day = start + timedelta(days=i)
        if ch.isdigit():
            count = int(ch)
        elif ch in "Crs":
            count = target
        elif ch in "xRS-":
            count = 0
        else:
            raise ValueError(f"unknown pattern character {ch!r}")
        if count:
            counts[day] = count
        if ch in "Rr":
            rest.add(day)
        if ch in "Ss":
            skips.add(day)
    history = GoalHistory(goal, counts, frozenset(rest), frozenset(skips))
    if as_of is None:
        as_of = start + timedelta(days=max(len(days) - 1, 0))
    return history, as_of


@pytest.fixture(scope="session")
def hist():
    """The ``build`` helper (session-scoped so Hypothesis tests may use it too)."""
    return build
