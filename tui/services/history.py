"""Every goal's history in one read: what streaks, scores and wins are computed from."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..core.goals import GoalHistory, YearlyCounts
from ..store import repo
from .context import Rebound


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
        GoalHistory(goal, counts.get(goal.id, YearlyCounts({})), rest, frozenset(skips[goal.id]))
        for goal in repo.goals(store, include_archived=include_archived)
    ]
