"""Goal use cases: add, find, log a count, skip a day, rest a day."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..core.clock import parse_weekdays
from ..core.errors import InputError
from ..core.goals import (
    ALL_DAYS,
    CheckIn,
    Goal,
    RestDay,
    check_period,
    check_target,
    clean_goal_name,
    clean_text,
    match_by_name,
)
from ..store import repo
from .context import Rebound

MAX_STEP = 10_000
MAX_NOTE = 500


@dataclass(frozen=True)
class Logged:
    goal: Goal
    day: date
    before: int
    after: int


def add_goal(
    rb: Rebound,
    name: str,
    *,
    target: int = 1,
    period: str = "day",
    weekdays: str | frozenset[int] | None = None,
) -> Goal:
    period = check_period(period)
    target = check_target(target)
    if weekdays is None or weekdays == "":
        days = ALL_DAYS
    elif period == "week":
        raise InputError(
            "weekdays apply to daily goals only; weekly goals count the whole week", "weekdays"
        )
    elif isinstance(weekdays, str):
        try:
            days = parse_weekdays(weekdays)
        except ValueError as exc:
            raise InputError(str(exc), field="weekdays") from None
    else:
        days = frozenset(weekdays)
        if not days or not days <= ALL_DAYS:
            raise InputError("choose at least one weekday", field="weekdays")
    with rb.store.transaction():
        clean = clean_goal_name(name, repo.goals(rb.store))
        clock = rb.clock
        goal = Goal(
            id=repo.new_id(),
            name=clean,
            start=clock.today(),
            target=target,
            period=period,
            weekdays=days,
            created_at=clock.timestamp(),
        )
        repo.insert_goal(rb.store, goal)
    return goal


def find_goal(rb: Rebound, query: str) -> Goal:
    return match_by_name(query, repo.goals(rb.store))


def goal_by_id(rb: Rebound, goal_id: str) -> Goal:
    for goal in repo.goals(rb.store, include_archived=True):
        if goal.id == goal_id:
            return goal
    raise InputError("that goal no longer exists")


def log(rb: Rebound, goal_id: str, count: int = 1, *, day: date | None = None, note: str = "") -> Logged:
    """Add ``count`` (may be negative) to the goal's count on ``day``; never below zero."""
    if isinstance(count, bool) or not isinstance(count, int):
        raise InputError("count must be a whole number")
    if count == 0:
        raise InputError("count cannot be 0")
    if abs(count) > MAX_STEP:
        raise InputError(f"count must be between -{MAX_STEP} and {MAX_STEP}")
    note = clean_text(note, what="note", limit=MAX_NOTE)
    with rb.store.transaction():
        clock = rb.clock
        day = day or clock.today()
        if day > clock.today():
            raise InputError(f"{day.isoformat()} is in the future")
        goal = goal_by_id(rb, goal_id)
        before = repo.day_count(rb.store, goal.id, day)
        after = before + count
        if after < 0:
            raise InputError(
                f"{goal.name} is at {before} on {day.isoformat()}; "
                f"logging {count} would take it below zero"
            )
        if day < goal.start:  # a backfill before the start moves the start earlier
            goal = replace(goal, start=day)
            repo.update_goal(rb.store, goal)
        repo.insert_checkin(
            rb.store,
            CheckIn(repo.new_id(), goal.id, day, count, note, clock.timestamp()),
        )
    return Logged(goal, day, before, after)


def set_count(rb: Rebound, goal_id: str, day: date, count: int) -> Logged | None:
    """Bring the day's count to exactly ``count`` (the UI's tick). None when already there."""
    current = repo.day_count(rb.store, goal_id, day)
    if count == current:
        return None
    return log(rb, goal_id, count - current, day=day)


def toggle_tick(rb: Rebound, goal_id: str, day: date) -> Logged | None:
    """Tick: complete the day if it is not complete, otherwise clear it."""
    goal = goal_by_id(rb, goal_id)
    current = repo.day_count(rb.store, goal_id, day)
    return set_count(rb, goal_id, day, 0 if current >= goal.target else goal.target)


def set_skip(rb: Rebound, goal_id: str, day: date, skipped: bool = True) -> Goal:
    with rb.store.transaction():
        if day > rb.today():
            raise InputError(f"{day.isoformat()} is in the future")
        goal = goal_by_id(rb, goal_id)
        repo.set_skip(rb.store, goal.id, day, skipped)
    return goal


def is_skipped(rb: Rebound, goal_id: str, day: date) -> bool:
    return any(s.goal_id == goal_id and s.day == day for s in repo.skips(rb.store))


def set_rest(rb: Rebound, day: date, rest: bool = True, reason: str = "") -> None:
    reason = clean_text(reason, what="reason", limit=MAX_NOTE)
    with rb.store.transaction():
        if day > rb.today():
            raise InputError(f"{day.isoformat()} is in the future")
        repo.set_rest_day(rb.store, RestDay(day, reason) if rest else None, day)


def rest_day(rb: Rebound, day: date) -> RestDay | None:
    return next((r for r in repo.rest_days(rb.store) if r.day == day), None)
