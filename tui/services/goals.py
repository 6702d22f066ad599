"""Goal use cases: add, find, edit, archive, delete."""

from __future__ import annotations

from dataclasses import replace

from ..core.clock import parse_weekdays
from ..core.counting import parse_counts
from ..core.errors import InputError
from ..core.goals import ALL_DAYS, Goal, check_period, check_target, clean_goal_name, match_by_name
from ..store import repo
from .context import Rebound
from .wins import every_day, reconcile


def parse_schedule(period: str, weekdays: str | frozenset[int] | None) -> frozenset[int]:
    if weekdays is None or weekdays == "":
        return ALL_DAYS
    if period == "week":
        raise InputError(
            "weekdays apply to daily goals only; weekly goals count the whole week", "weekdays"
        )
    if isinstance(weekdays, str):
        try:
            return parse_weekdays(weekdays)
        except ValueError as exc:
            raise InputError(str(exc), field="weekdays") from None
    days = frozenset(weekdays)
    if not days or not days <= ALL_DAYS:
        raise InputError("choose at least one weekday", field="weekdays")
    return days


def add_goal(
    rb: Rebound,
    name: str,
    *,
    target: int = 1,
    period: str = "day",
    weekdays: str | frozenset[int] | None = None,
    counts: str | None = None,
) -> Goal:
    period = check_period(period)
    target = check_target(target)
    days = parse_schedule(period, weekdays)
    source = parse_counts(counts)
    with rb.change(f"add goal {name.strip()}"):
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
            counts=source,
        )
        repo.insert_goal(rb.store, goal)
        reconcile(rb, [goal.id], [goal.start])
    return goal


def edit_goal(
    rb: Rebound,
    goal_id: str,
    *,
    name: str,
    target: int,
    period: str,
    weekdays: str | frozenset[int] | None = None,
    counts: str | None = None,
) -> Goal:
    """``counts``: what the goal counts (None keeps it)."""
    period = check_period(period)
    target = check_target(target)
    days = parse_schedule(period, weekdays)
    source = None if counts is None else parse_counts(counts)
    with rb.change(f"edit {name.strip()}"):
        goal = goal_by_id(rb, goal_id)
        clean = clean_goal_name(name, repo.goals(rb.store), exclude_id=goal.id)
        edited = replace(goal, name=clean, target=target, period=period, weekdays=days,
                         counts=goal.counts if source is None else source)
        repo.update_goal(rb.store, edited)
        reconcile(rb, [goal.id], every_day(rb))
    return edited


def set_archived(rb: Rebound, goal_id: str, archived: bool) -> Goal:
    goal = goal_by_id(rb, goal_id)
    verb = "archive" if archived else "restore"
    with rb.change(f"{verb} {goal.name}"):
        if not archived:  # back among the active goals: the name must still be unique there
            clean_goal_name(goal.name, repo.goals(rb.store), exclude_id=goal.id)
        changed = replace(goal, archived=archived)
        repo.update_goal(rb.store, changed)
        reconcile(rb, [goal.id], every_day(rb))  # "all goals done" leaves archived goals out
    return changed


def delete_goal(rb: Rebound, goal_id: str) -> Goal:
    goal = goal_by_id(rb, goal_id)
    with rb.change(f"delete {goal.name}"):
        days = every_day(rb)
        repo.delete_goal(rb.store, goal.id)
        reconcile(rb, [goal.id], days)
    return goal


def checkin_count(rb: Rebound, goal_id: str) -> int:
    return sum(1 for c in repo.checkins(rb.store) if c.goal_id == goal_id)


def find_goal(rb: Rebound, query: str) -> Goal:
    return match_by_name(query, repo.goals(rb.store))


def goal_by_id(rb: Rebound, goal_id: str) -> Goal:
    for goal in repo.goals(rb.store, include_archived=True):
        if goal.id == goal_id:
            return goal
    raise InputError("that goal no longer exists")
