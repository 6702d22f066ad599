"""Goals that count themselves: a day's count, following the activity, and the totals.

The rule (count = activity + manual adjustments) lives in ``core.counting``; the histories are
built with it in ``history.py``. Here: the count of one day for a tick, and the one place that
keeps a counted goal's wins equal to its activity, whichever use case changed that activity.
"""

from __future__ import annotations

from datetime import date

from ..core.counting import Totals, is_counted, split_counts, totals
from ..core.goals import Goal, GoalHistory
from ..store import repo
from .context import Rebound


def day_counts(rb: Rebound, goal: Goal, day: date) -> tuple[int, int]:
    """(the activity's count, the manual adjustments) of ``goal`` on ``day``: index lookups."""
    adjusted = repo.day_count(rb.store, goal.id, day)
    if not is_counted(goal.counts):
        return 0, adjusted
    if goal.counts == "new-contacts":  # a contact's first interaction: the older years cached
        from .older_cache import new_contact_years

        years = new_contact_years(rb, day.year)
    else:
        from ..store.activity import activity_years  # imported once a goal counts an activity

        years = activity_years(rb.store, goal.counts, rb.kept, day.year)
    return years.get(day.year, {}).get(day, 0), adjusted


def day_count(rb: Rebound, goal: Goal, day: date) -> int:
    """The goal's count on ``day`` (a counted goal's activity included)."""
    return sum(day_counts(rb, goal, day))


def follow_activity(rb: Rebound) -> None:
    """Inside a change, before it commits: when it added, edited or deleted records a counted
    goal counts, award and take back that goal's wins for the days it moved (one change, so one
    toast and one undo step with the activity)."""
    counted = [g for g in repo.goals(rb.store, include_archived=True) if is_counted(g.counts)]
    if not counted:
        return
    from ..store.activity import changed_days

    sources = {split_counts(g.counts)[0] for g in counted}
    moved = changed_days(rb.store.pending_changes, rb.store, sources)
    if not moved:
        return
    from .wins import reconcile

    today = rb.today()
    goals = [g.id for g in counted if split_counts(g.counts)[0] in moved]
    days = {d for source, found in moved.items() for d in found if d <= today}
    if goals and days:
        reconcile(rb, goals, days)


def goal_totals(history: GoalHistory, today: date, week_start: int) -> Totals | None:
    """This week, this month and the best week of a counted goal; None for one counted by hand."""
    return totals(history, today, week_start) if history.activity is not None else None
