"""Every goal's history in one read: what streaks, scores and wins are computed from."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..core.counting import combine, is_counted
from ..core.goals import Goal, GoalHistory, YearlyCounts
from ..store import repo
from .context import Rebound

NONE = YearlyCounts({})


def histories(rb: Rebound, *, include_archived: bool = False,
              from_year: int | None = None) -> list[GoalHistory]:
    """``from_year``: only the check-ins of the files of that year and later (see summary_cache)."""
    store = rb.store
    counts = repo.daily_counts(store, from_year)
    rest = frozenset(r.day for r in repo.rest_days(store))
    skips: dict[str, set[date]] = defaultdict(set)
    for skip in repo.skips(store):
        skips[skip.goal_id].add(skip.day)
    return [
        history_of(rb, goal, counts.get(goal.id, NONE), rest, frozenset(skips[goal.id]), from_year)
        for goal in repo.goals(store, include_archived=include_archived)
    ]


def history_of(rb: Rebound, goal: Goal, adjustments: YearlyCounts, rest: frozenset[date],
               skips: frozenset[date], from_year: int | None = None) -> GoalHistory:
    """A goal's history; a counted goal's counts are its activity's plus its check-ins (the
    manual adjustments), by ``core.counting.combine``."""
    if not is_counted(goal.counts):
        return GoalHistory(goal, adjustments, rest, skips)
    from ..store.activity import activity_years  # imported once a goal counts an activity
    if from_year is not None and goal.counts == "new-contacts":
        from .older_cache import new_contact_years  # a first interaction needs older years

        activity = new_contact_years(rb, from_year)
    else:
        activity = activity_years(rb.store, goal.counts, rb.kept, from_year)
    if from_year is not None:
        activity = {year: days for year, days in activity.items() if year >= from_year}
    combined = combine(activity, adjustments.years, rb.kept, (goal.id, goal.counts))
    return GoalHistory(goal, combined, rest, skips, YearlyCounts(activity))
