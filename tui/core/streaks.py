"""Streaks, the one home of the rules in product.md §3.

Daily goals count days; weekly goals count weeks. A period is complete, neutral or a miss. The
period that contains the as-of day is pending until complete: neither counted nor a miss.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from .clock import week_start_of
from .goals import GoalHistory

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)


class DayState(Enum):
    COMPLETE = "complete"
    NEUTRAL = "neutral"
    MISS = "miss"
    PENDING = "pending"


@dataclass(frozen=True)
class Streak:
    current: int
    best: int
    at_risk: bool
    done: int  # today's count (daily) or this week's total (weekly)
    target: int  # today's or this week's target, after rest days and skips
    complete: bool


def is_neutral_day(history: GoalHistory, day: date) -> bool:
    goal = history.goal
    return (
        day < goal.start
        or not goal.scheduled_on(day)
        or day in history.rest_days
        or day in history.skips
    )


def day_state(history: GoalHistory, day: date, as_of: date) -> DayState:
    """The state of one day of a daily goal, seen from ``as_of``.

    A day whose count meets the target is complete even on a rest day, a skip or an unscheduled
    weekday: marking a (global) rest day must never take a done day away from a streak.
    """
    if day < history.goal.start:
        return DayState.NEUTRAL
    if history.counts.get(day, 0) >= history.goal.target:
        return DayState.COMPLETE
    if is_neutral_day(history, day):
        return DayState.NEUTRAL
    return DayState.PENDING if day >= as_of else DayState.MISS


def week_target(history: GoalHistory, week: date) -> int:
    """The week's target, lowered for rest days, skips and days before the start. 0 = neutral."""
    active = sum(1 for i in range(7) if not is_neutral_day(history, week + timedelta(days=i)))
    if active == 0:
        return 0
    return math.ceil(history.goal.target * active / 7)


def week_total(history: GoalHistory, week: date, until: date | None = None) -> int:
    """The week's total, counting only days up to ``until`` (seen from a past as-of day)."""
    days = (week + timedelta(days=i) for i in range(7))
    return sum(history.counts.get(d, 0) for d in days if until is None or d <= until)


def week_state(
    history: GoalHistory, week: date, as_of_week: date, until: date | None = None
) -> DayState:
    target = week_target(history, week)
    if target == 0:
        return DayState.NEUTRAL
    if week_total(history, week, until) >= target:
        return DayState.COMPLETE
    return DayState.PENDING if week >= as_of_week else DayState.MISS


def _runs(states: list[DayState]) -> tuple[int, int]:
    """(current, best) over states ordered oldest → newest, the last being the as-of period."""
    best = run = 0
    for state in states:
        if state is DayState.COMPLETE:
            run += 1
            best = max(best, run)
        elif state is DayState.MISS:
            run = 0
    return run, best


def period_states(history: GoalHistory, as_of: date, week_start: int = 0) -> list[DayState]:
    """States of every period from the goal's start to the one containing ``as_of``."""
    goal = history.goal
    if goal.is_weekly:
        first = week_start_of(goal.start, week_start)
        current = week_start_of(as_of, week_start)
        weeks = range(0, (current - first).days // 7 + 1) if current >= first else range(0)
        return [week_state(history, first + i * ONE_WEEK, current, as_of) for i in weeks]
    days = range(0, (as_of - goal.start).days + 1) if as_of >= goal.start else range(0)
    return [day_state(history, goal.start + i * ONE_DAY, as_of) for i in days]


def streak(history: GoalHistory, as_of: date, week_start: int = 0) -> Streak:
    goal = history.goal
    states = period_states(history, as_of, week_start)
    current, best = _runs(states)
    last = states[-1] if states else DayState.NEUTRAL
    if goal.is_weekly:
        week = week_start_of(as_of, week_start)
        done, target = week_total(history, week, as_of), week_target(history, week)
    else:
        done = history.counts.get(as_of, 0)
        target = 0 if is_neutral_day(history, as_of) else goal.target
    at_risk = last is DayState.PENDING and current > 0
    # On a neutral day (rest, skip, unscheduled) the plain target still says what "done" means.
    complete = done >= (target or goal.target)
    return Streak(current, best, at_risk, done, target, complete)
