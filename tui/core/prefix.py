"""Remembered prefixes: what a walk over a goal's days has computed up to a checkpoint day.

A streak or a strength score at day D needs every day before D, but the days before this month's
first rarely change. The state there (a run, a score) is a pure function of the goal and of the
data before the checkpoint, so it is remembered under exactly that data: any change before the
checkpoint (a backfill, a rest day, an edited goal) gives another key, and so a fresh walk.

``walk_key`` says what that data is. It is the one place that does: the in-memory prefixes here
and the entries of ``.summaries.json`` (services/summary_cache.py) are both keyed by it, so a
rule that starts to depend on something new is added to both keys at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from .goals import GoalHistory, counts_key

T = TypeVar("T")

_REMEMBERED: dict[tuple[object, ...], object] = {}
MAX_REMEMBERED = 512


def walk_key(history: GoalHistory, boundary: date, week_start: int,
             counts: object) -> tuple[object, ...]:
    """Everything a walk over ``history``'s days before ``boundary`` depends on: the goal's
    rule (start, target, period, weekdays, what it counts), the week start, the rest days and
    skips before ``boundary``, and ``counts``, which stands for the counts before it
    (``counts_key`` in memory; on disk, the identity of the files that hold them: the check-ins
    and, for a counted goal, its activity's). Hashable; plain data only (dates, numbers,
    strings, tuples) when ``counts`` is."""
    goal = history.goal
    return (
        goal.id, goal.start, goal.target, goal.period, tuple(sorted(goal.weekdays)), goal.counts,
        week_start,
        boundary,
        tuple(sorted(d for d in history.rest_days if d < boundary)),
        tuple(sorted(d for d in history.skips if d < boundary)),
        counts,
    )


def remembered(tag: str, history: GoalHistory, boundary: date, week_start: int,
               compute: Callable[[], T]) -> T:
    """``compute()``, the state of walk ``tag`` before ``boundary``, remembered by its inputs."""
    key = (tag, *walk_key(history, boundary, week_start, counts_key(history.counts, boundary)))
    if key in _REMEMBERED:
        return _REMEMBERED[key]  # type: ignore[return-value]
    value = compute()
    if len(_REMEMBERED) >= MAX_REMEMBERED:
        _REMEMBERED.pop(next(iter(_REMEMBERED)))  # the oldest
    _REMEMBERED[key] = value
    return value
