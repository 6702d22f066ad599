"""The strength score, computed as Loop Habit Tracker computes it (uhabits-core ScoreList.recompute).

Per day, oldest first, ``score = score * m + p * (1 - m)`` with ``m = 0.5 ** (sqrt(f) / 13)``.
A goal of T a day: ``f = 1``, ``p = min(1, count / T)``. A goal of T a week: ``f = T / 7`` and, as
Loop does for non-daily habits, a doubled window: ``p = min(1, counts of the last 14 days / 2T)``,
so a weekly score can rise on a day without a check-in while the window holds earlier ones.
Neutral days (rest, skip, unscheduled, before the start) leave the score unchanged (Loop's SKIP).
An unfinished as-of day may raise the score but never lowers it: the day is not over yet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from .goals import Goal, GoalHistory, flat_counts
from .prefix import remembered
from .streaks import ONE_DAY


def multiplier(frequency: float) -> float:
    return 0.5 ** (math.sqrt(frequency) / 13.0)


@dataclass(frozen=True)
class Rhythm:
    """Loop's terms for a goal: repetitions a day, the rolling window, the count that fills it."""

    frequency: float
    window: int  # days
    needed: int


def loop_rhythm(times: int, days: int) -> Rhythm:
    """A Loop yes/no habit of ``times`` in ``days``: below once a day, window and count doubled."""
    if times >= days:
        return Rhythm(1.0, 1, 1)  # Loop turns N in N days into once a day
    return Rhythm(times / days, 2 * days, 2 * times)


def rhythm(goal: Goal) -> Rhythm:
    """T a day: f = 1, the day's count against T. T a week: f = T / 7, 14 days against 2T."""
    if goal.is_weekly:
        return Rhythm(goal.target / 7, 2 * 7, 2 * goal.target)
    return Rhythm(1.0, 1, goal.target)


def strength(history: GoalHistory, as_of: date, prior: tuple[date, float] | None = None) -> float:
    """The score on ``as_of``; ``prior``: (a day on or before it, ``score_before`` that day)."""
    goal = history.goal
    if as_of < goal.start:
        return 0.0
    score, first = 0.0, goal.start
    boundary = as_of.replace(day=1)  # the days before this month are walked once, remembered
    if prior is not None and prior[0] > goal.start:
        first, score = prior
    elif boundary > goal.start:
        score = remembered("strength", history, boundary, 0,
                           lambda: _walk(history, goal.start, boundary, 0.0, as_of))
        first = boundary
    return max(0.0, min(1.0, _walk(history, first, as_of + timedelta(days=1), score, as_of)))


def score_before(history: GoalHistory, day: date, prior: tuple[date, float] | None = None,
                 pace: Rhythm | None = None) -> float:
    """The score carried into ``day`` (unclamped), for ``strength(..., prior=(day, it))``;
    walked on from ``prior`` (an earlier day's ``score_before``) when given. ``pace``: another
    rhythm than the goal's (a Loop frequency no goal has: the tests replay Loop's own export)."""
    start = history.goal.start
    if prior is not None and prior[0] > start:
        return _walk(history, prior[0], day, prior[1], day, pace)
    return _walk(history, start, day, 0.0, day, pace) if day > start else 0.0


def _walk(history: GoalHistory, first: date, end: date, score: float, as_of: date,
          pace: Rhythm | None = None) -> float:
    """The score after the days from ``first`` to before ``end``, starting from ``score``."""
    goal = history.goal
    weekly = goal.is_weekly
    pace = pace or rhythm(goal)
    m, length, needed = multiplier(pace.frequency), pace.window, pace.needed
    counts = flat_counts(history.counts)
    start, weekdays, target = goal.start, goal.weekdays, goal.target
    rest, skips = history.rest_days, history.skips
    # The rolling sum over the window (from the start on), as it stood before ``first``: re-read
    # from the counts, so a checkpoint (a month start, the cache's 1 January) carries the score only.
    rolling = length > 1
    earlier = (first - timedelta(days=i) for i in range(1, length + 1))
    window = sum(counts.get(day, 0) for day in earlier if day >= start) if rolling else 0
    span = timedelta(days=length)
    day = first
    while day < end:
        count = counts.get(day, 0)
        if rolling:
            window += count
            if day - span >= start:
                window -= counts.get(day - span, 0)
            achieved = window
        else:
            achieved = count
        # is_neutral_day, inlined: this loop runs over years of days on a cold start
        neutral = (day < start or (not weekly and day.weekday() not in weekdays)
                   or day in rest or day in skips)
        day += ONE_DAY
        if neutral and (weekly or count < target):
            continue  # neutral; a daily goal met on a rest day/skip still counts, as in streaks
        value = min(1.0, achieved / needed)
        if day - ONE_DAY == as_of and value < score:
            continue  # pending: an unfinished day may raise the score, never lower it
        score = score * m + value * (1 - m)
    return score
