"""Check-in use cases: log a count, tick, skip a day, rest a day."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..core.errors import InputError
from ..core.counting import counts_words, source_text
from ..core.goals import CheckIn, Goal, RestDay, clean_text
from ..store import repo
from .context import Rebound
from .counted import day_count, day_counts
from .goals import goal_by_id
from .wins import reconcile

MAX_STEP = 10_000
MAX_NOTE = 500


@dataclass(frozen=True)
class Logged:
    goal: Goal
    day: date
    before: int
    after: int


def _not_future(rb: Rebound, day: date) -> None:
    today = rb.today()
    if day > today:
        raise InputError(f"{day.isoformat()} is in the future; today is {today.isoformat()}")


def log(rb: Rebound, goal_id: str, count: int = 1, *, day: date | None = None, note: str = "") -> Logged:
    """Add ``count`` (may be negative) to the goal's count on ``day``; never below zero."""
    if isinstance(count, bool) or not isinstance(count, int):
        raise InputError("count must be a whole number")
    if count == 0:
        raise InputError("count cannot be 0")
    if abs(count) > MAX_STEP:
        raise InputError(f"count must be between -{MAX_STEP} and {MAX_STEP}")
    note = clean_text(note, what="note", limit=MAX_NOTE)
    goal = goal_by_id(rb, goal_id)
    day = day or rb.today()
    with rb.change(f"{goal.name} {count:+d} on {day.isoformat()}"):
        _not_future(rb, day)
        goal = goal_by_id(rb, goal_id)
        logged, adjusted = day_counts(rb, goal, day)
        before = logged + adjusted
        after = before + count
        if adjusted + count < 0:
            raise InputError(_below_zero(goal, day, logged, adjusted, count))
        if day < goal.start:  # a backfill before the start moves the start earlier
            goal = replace(goal, start=day)
            repo.update_goal(rb.store, goal)
        stamp = rb.clock.timestamp()
        repo.insert_checkin(rb.store, CheckIn(repo.new_id(), goal.id, day, count, note, stamp))
        reconcile(rb, [goal.id], [day])
    return Logged(goal, day, before, after)


def _below_zero(goal: Goal, day: date, logged: int, adjusted: int, count: int) -> str:
    if not logged:
        return (f"{goal.name} is at {adjusted} on {day.isoformat()}; "
                f"logging {count} would take it below zero")
    return (f"{goal.name} is at {source_text(logged, adjusted)} on {day.isoformat()}; only what "
            f"you added by hand can be taken off: delete the {counts_words(goal.counts)} to lower it")


def set_count(rb: Rebound, goal_id: str, day: date, count: int) -> Logged | None:
    """Bring the day's count to exactly ``count``. None when it is already there."""
    current = day_count(rb, goal_by_id(rb, goal_id), day)
    if count == current:
        return None
    return log(rb, goal_id, count - current, day=day)


def toggle_tick(rb: Rebound, goal_id: str, day: date) -> Logged | None:
    """Tick: complete the day if it is not complete, otherwise clear it (a counted goal: clear
    what was added by hand; its activity stays)."""
    goal = goal_by_id(rb, goal_id)
    with rb.change(f"tick {goal.name} on {day.isoformat()}"):
        logged, adjusted = day_counts(rb, goal, day)
        if logged + adjusted < goal.target:
            return set_count(rb, goal_id, day, goal.target)
        return set_count(rb, goal_id, day, logged if adjusted > 0 else 0)


def set_skip(rb: Rebound, goal_id: str, day: date, skipped: bool = True) -> Goal:
    goal = goal_by_id(rb, goal_id)
    verb = "skip" if skipped else "clear the skip of"
    with rb.change(f"{verb} {goal.name} on {day.isoformat()}"):
        _not_future(rb, day)
        repo.set_skip(rb.store, goal.id, day, skipped)
        reconcile(rb, [goal.id], [day])
    return goal


def is_skipped(rb: Rebound, goal_id: str, day: date) -> bool:
    return any(s.goal_id == goal_id and s.day == day for s in repo.skips(rb.store))


def toggle_skip(rb: Rebound, goal_id: str, day: date) -> tuple[Goal, bool]:
    """The app's `s`: skip the day, or clear its skip. Returns the goal and whether it is now skipped."""
    skipped = not is_skipped(rb, goal_id, day)
    return set_skip(rb, goal_id, day, skipped), skipped


def set_rest(rb: Rebound, day: date, rest: bool = True, reason: str = "") -> None:
    reason = clean_text(reason, what="reason", limit=MAX_NOTE)
    label = f"rest day {day.isoformat()}" if rest else f"clear rest day {day.isoformat()}"
    with rb.change(label):
        _not_future(rb, day)
        repo.set_rest_day(rb.store, RestDay(day, reason) if rest else None, day)
        reconcile(rb, None, [day])


def rest_day(rb: Rebound, day: date) -> RestDay | None:
    return next((r for r in repo.rest_days(rb.store) if r.day == day), None)


def toggle_rest(rb: Rebound, day: date) -> bool:
    """The app's `r`: mark the day a rest day, or clear it. Returns whether it is now a rest day."""
    rest = rest_day(rb, day) is None
    set_rest(rb, day, rest)
    return rest


MAX_REST_PERIOD = 366  # a year and a day: longer is more likely a typo than a break


def rest_period_days(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``; refuses a reversed or too long range."""
    if start > end:
        raise InputError(f"the period starts on {start.isoformat()}, after it ends ({end.isoformat()})")
    length = (end - start).days + 1
    if length > MAX_REST_PERIOD:
        raise InputError(f"a rest period is at most {MAX_REST_PERIOD} days; "
                         f"{start.isoformat()} to {end.isoformat()} is {length}")
    return [start + timedelta(days=i) for i in range(length)]


def set_rest_period(rb: Rebound, start: date, end: date, rest: bool = True, reason: str = "") -> list[date]:
    """Mark (or clear) every day of a break as a rest day, in one undoable change. A planned break
    may lie in the future. Days already so are left as they are; returns the days that changed."""
    reason = clean_text(reason, what="reason", limit=MAX_NOTE)
    days = rest_period_days(start, end)
    verb = "rest period" if rest else "clear rest period"
    with rb.change(f"{verb} {start.isoformat()} to {end.isoformat()}"):
        resting = {r.day for r in repo.rest_days(rb.store)}
        changed = [d for d in days if (d in resting) != rest]
        for day in changed:
            repo.set_rest_day(rb.store, RestDay(day, reason) if rest else None, day)
        if changed:
            reconcile(rb, None, changed)
    return changed
