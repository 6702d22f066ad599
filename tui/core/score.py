"""The strength score: Loop Habit Tracker's exponential habit-strength model.

Per day, ``score = score * m + v * (1 - m)`` with ``m = 0.5 ** (sqrt(f) / 13)``; ``f`` is the goal's
frequency per day (1 daily, 1/7 weekly) and ``v`` the share of the target met in the goal's window
(the day for daily goals, the seven days ending that day for weekly ones, as Loop does). Neutral days
leave the score unchanged, and so does an unfinished as-of day: it is still pending.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from .goals import GoalHistory, flat_counts
from .prefix import remembered
from .streaks import ONE_DAY

WEEK_WINDOW = 7


def multiplier(frequency: float) -> float:
    return 0.5 ** (math.sqrt(frequency) / 13.0)


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


def score_before(history: GoalHistory, day: date, prior: tuple[date, float] | None = None) -> float:
    """The score carried into ``day`` (unclamped), for ``strength(..., prior=(day, it))``;
    walked on from ``prior`` (an earlier day's ``score_before``) when given."""
    start = history.goal.start
    if prior is not None and prior[0] > start:
        return _walk(history, prior[0], day, prior[1], day)
    return _walk(history, start, day, 0.0, day) if day > start else 0.0


def _walk(history: GoalHistory, first: date, end: date, score: float, as_of: date) -> float:
    """The score after the days from ``first`` to before ``end``, starting from ``score``."""
    goal = history.goal
    weekly = goal.is_weekly
    m = multiplier(1 / 7 if weekly else 1.0)
    counts = flat_counts(history.counts)
    target, start, weekdays = goal.target, goal.start, goal.weekdays
    rest, skips = history.rest_days, history.skips
    # The rolling 7-day sum for weekly goals (from the start on), as it stood before ``first``.
    earlier = (first - timedelta(days=i) for i in range(1, WEEK_WINDOW + 1))
    window = sum(counts.get(day, 0) for day in earlier if day >= start) if weekly else 0
    week = timedelta(days=WEEK_WINDOW)
    day = first
    while day < end:
        count = counts.get(day, 0)
        if weekly:
            window += count
            if day - week >= start:
                window -= counts.get(day - week, 0)
            achieved = window
        else:
            achieved = count
        # is_neutral_day, inlined: this loop runs over years of days on a cold start
        neutral = (day < start or (not weekly and day.weekday() not in weekdays)
                   or day in rest or day in skips)
        day += ONE_DAY
        if neutral and (weekly or count < target):
            continue  # neutral; a daily goal met on a rest day/skip still counts, as in streaks
        value = min(1.0, achieved / target)
        if day - ONE_DAY == as_of and value < 1.0:
            continue  # pending: today cannot lower the score before it is over
        score = score * m + value * (1 - m)
    return score
