"""Streaks, the one home of the rules in product.md §3.

Daily goals count days; weekly goals count weeks. A period is complete, neutral or a miss. The
period that contains the as-of day is pending until complete: neither counted nor a miss.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from .clock import week_start_of
from .goals import Goal, GoalHistory, flat_counts
from .prefix import remembered

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


@dataclass(frozen=True)
class Period:
    """One day (daily goals) or week (weekly goals) of a goal's history, seen from ``as_of``."""

    start: date  # the day, or the first day of the week
    state: DayState  # COMPLETE, NEUTRAL or MISS; a pending as-of period is left out
    done_on: date | None  # the day it became complete (for a day: the day itself)
    run: int  # the current streak once this period is counted


@dataclass(frozen=True)
class RunState:
    """Where a walk over a goal's periods stands just before the period starting ``at``."""

    at: date
    run: int = 0  # the current streak
    closed_best: int = 0  # the longest run that a miss ended

    @property
    def best(self) -> int:
        return max(self.run, self.closed_best)


@dataclass(frozen=True)
class Walk:
    """The settled periods from ``state.at`` to the as-of day, and the run state before them."""

    state: RunState
    periods: list[Period]


def walk(history: GoalHistory, as_of: date, week_start: int = 0, since: date | None = None,
         prior: RunState | None = None) -> Walk:
    """Every settled period from a checkpoint on or before ``since`` (default ``as_of``) up to
    ``as_of``, oldest first. Complete periods extend the run, neutral ones are skipped, misses
    reset it, and the period holding ``as_of`` counts only once complete.

    The state before the checkpoint (the first of ``since``'s month) depends only on the days
    before it, so it is remembered by those days' data: a tick walks this month, not five years.
    A ``prior`` state (from ``state_before``, kept by the caller) starts the walk there instead.
    """
    if prior is not None:
        return Walk(prior, list(_periods(history, prior, as_of, week_start)))
    first = _first_period(history.goal, week_start)
    state = RunState(first)
    if first <= as_of:
        boundary = _checkpoint(history.goal, min(since or as_of, as_of), week_start)
        if boundary > first:
            state = _state_before(history, boundary, week_start)
    return Walk(state, list(_periods(history, state, as_of, week_start)))


def _first_period(goal: Goal, week_start: int) -> date:
    return week_start_of(goal.start, week_start) if goal.is_weekly else goal.start


def _checkpoint(goal: Goal, day: date, week_start: int) -> date:
    first_of_month = day.replace(day=1)
    return week_start_of(first_of_month, week_start) if goal.is_weekly else first_of_month


def state_before(history: GoalHistory, boundary: date, week_start: int = 0) -> RunState:
    """The run state before ``boundary``, a period start (a day; for weekly goals, a week's first
    day) on or after the goal's first period."""
    return _state_before(history, boundary, week_start) if boundary > _first_period(
        history.goal, week_start) else RunState(_first_period(history.goal, week_start))


def _state_before(history: GoalHistory, boundary: date, week_start: int) -> RunState:
    """The run state before ``boundary`` (seen from there, every earlier period is settled)."""

    def walk_to_boundary() -> RunState:
        return state_from(history, RunState(_first_period(history.goal, week_start)), boundary,
                          week_start)

    return remembered("streak", history, boundary, week_start, walk_to_boundary)


def state_from(history: GoalHistory, state: RunState, boundary: date, week_start: int = 0) -> RunState:
    """The run state before ``boundary``, walked on from ``state`` (at an earlier period start)."""
    if not history.goal.is_weekly:
        return _settled_days(history, state, boundary)
    for period in _periods(history, state, boundary, week_start):
        if period.start >= boundary:
            break
        state = _state_after(state, period)
    return replace(state, at=boundary)


def _settled_days(history: GoalHistory, state: RunState, end: date) -> RunState:
    """``day_state`` over the days from ``state.at`` to before ``end``, all settled (past and on
    or after the start), folded into a run state without a Period per day: years in a few ms."""
    goal, counts = history.goal, flat_counts(history.counts)
    target, weekdays, rest, skips = goal.target, goal.weekdays, history.rest_days, history.skips
    run, closed = state.run, state.closed_best
    day = state.at
    while day < end:
        if counts.get(day, 0) >= target:
            run += 1
        elif day.weekday() in weekdays and day not in rest and day not in skips:  # a miss
            closed = max(closed, run)
            run = 0
        day += ONE_DAY
    return RunState(end, run, closed)


def _state_after(state: RunState, period: Period) -> RunState:
    closed = max(state.closed_best, state.run) if period.state is DayState.MISS else state.closed_best
    return RunState(period.start, period.run, closed)


def _periods(history: GoalHistory, state: RunState, as_of: date, week_start: int) -> Iterator[Period]:
    goal, run = history.goal, state.run
    if not goal.is_weekly:
        day = state.at
        while day <= as_of:
            day_is = day_state(history, day, as_of)
            if day_is is DayState.COMPLETE:
                run += 1
            elif day_is is DayState.MISS:
                run = 0
            if day_is is not DayState.PENDING:
                yield Period(day, day_is, day if day_is is DayState.COMPLETE else None, run)
            day += ONE_DAY
        return
    week, current = state.at, week_start_of(as_of, week_start)
    while week <= current:
        target = week_target(history, week)
        if target == 0:
            yield Period(week, DayState.NEUTRAL, None, run)
        elif (done_on := _day_target_reached(history, week, target, as_of)) is not None:
            run += 1
            yield Period(week, DayState.COMPLETE, done_on, run)
        elif week < current:
            run = 0
            yield Period(week, DayState.MISS, None, run)
        week += ONE_WEEK


def _day_target_reached(history: GoalHistory, week: date, target: int, as_of: date) -> date | None:
    """The first day of ``week`` (up to ``as_of``) on which the week's running total met target."""
    total = 0
    for i in range(7):
        day = week + timedelta(days=i)
        if day > as_of:
            break
        total += history.counts.get(day, 0)
        if total >= target:
            return day
    return None


def streak(history: GoalHistory, as_of: date, week_start: int = 0,
           prior: RunState | None = None) -> Streak:
    """The streak on ``as_of``; ``prior``: the run state at a period start on or before it."""
    goal = history.goal
    walked = walk(history, as_of, week_start, prior=prior)
    current = walked.periods[-1].run if walked.periods else walked.state.run
    best = max([walked.state.best, *(p.run for p in walked.periods)])
    if goal.is_weekly:
        week = week_start_of(as_of, week_start)
        done, target = week_total(history, week, as_of), week_target(history, week)
        last = week_state(history, week, week, as_of)
    else:
        done = history.counts.get(as_of, 0)
        target = 0 if is_neutral_day(history, as_of) else goal.target
        last = day_state(history, as_of, as_of)
    at_risk = last is DayState.PENDING and current > 0
    # On a neutral day (rest, skip, unscheduled) the plain target still says what "done" means.
    complete = done >= (target or goal.target)
    return Streak(current, best, at_risk, done, target, complete)
