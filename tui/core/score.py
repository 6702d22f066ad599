"""The strength score: Loop Habit Tracker's exponential habit-strength model.

Per day, ``score = score * m + v * (1 - m)`` with ``m = 0.5 ** (sqrt(f) / 13)``; ``f`` is the goal's
frequency per day (1 daily, 1/7 weekly) and ``v`` the share of the target met in the goal's window
(the day for daily goals, the seven days ending that day for weekly ones, as Loop does). Neutral days
leave the score unchanged, and so does an unfinished as-of day: it is still pending.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from .goals import GoalHistory
from .streaks import is_neutral_day

WEEK_WINDOW = 7


def multiplier(frequency: float) -> float:
    return 0.5 ** (math.sqrt(frequency) / 13.0)


def strength(history: GoalHistory, as_of: date) -> float:
    goal = history.goal
    if as_of < goal.start:
        return 0.0
    weekly = goal.is_weekly
    m = multiplier(1 / 7 if weekly else 1.0)
    counts = history.counts
    target = goal.target
    score = 0.0
    window = 0  # rolling 7-day sum for weekly goals
    day = goal.start
    total_days = (as_of - goal.start).days + 1
    for i in range(total_days):
        day = goal.start + timedelta(days=i)
        count = counts.get(day, 0)
        if weekly:
            window += count
            if i >= WEEK_WINDOW:
                window -= counts.get(day - timedelta(days=WEEK_WINDOW), 0)
            achieved = window
        else:
            achieved = count
        if is_neutral_day(history, day) and (weekly or count < target):
            continue  # neutral; a daily goal met on a rest day/skip still counts, as in streaks
        value = min(1.0, achieved / target)
        if day == as_of and value < 1.0:
            continue  # pending: today cannot lower the score before it is over
        score = score * m + value * (1 - m)
    return max(0.0, min(1.0, score))
