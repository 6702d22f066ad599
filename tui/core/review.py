"""What the Goals screen shows about a goal's past: completion rates and one day in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .clock import week_start_of
from .counting import logged_on, source_text
from .goals import GoalHistory
from .progress import progress_label
from .streaks import ONE_WEEK, DayState, day_state, streak, week_state, week_target


def completion_rate(history: GoalHistory, as_of: date, days: int, week_start: int = 0) -> float | None:
    """Complete periods / counted periods within the last ``days`` days (None: nothing counted).

    The pending as-of day (or week) counts only once complete, like a streak.
    """
    states: list[DayState]
    if history.goal.is_weekly:  # the last weeks' states, without walking the rest
        first = week_start_of(history.goal.start, week_start)
        current = week_start_of(as_of, week_start)
        oldest = max(first, current - (max(1, days // 7) - 1) * ONE_WEEK)
        weeks = (current - oldest).days // 7 + 1 if current >= first else 0
        states = [week_state(history, oldest + i * ONE_WEEK, current, as_of) for i in range(weeks)]
    else:
        start = max(as_of - timedelta(days=days - 1), history.goal.start)
        span = (as_of - start).days + 1
        states = [day_state(history, start + timedelta(days=i), as_of) for i in range(span)]
    counted = [s for s in states if s in (DayState.COMPLETE, DayState.MISS)]
    if not counted:
        return None
    return sum(s is DayState.COMPLETE for s in counted) / len(counted)


@dataclass(frozen=True)
class DayDetail:
    day: date
    count: int
    target: int
    state: DayState
    rest_reason: str | None
    skipped: bool
    text: str


def _source(history: GoalHistory, day: date) -> str:
    """" (2 from your log + 1)" for a counted goal's day; "" for one counted by hand."""
    return f" ({source_text(*logged_on(history, [day]))})" if history.activity is not None else ""


def describe_day(
    history: GoalHistory, day: date, as_of: date, week_start: int = 0, rest_reason: str = ""
) -> DayDetail:
    """One line about ``day`` for the heatmap cursor: "Tue 14 Oct: 1/2, streak broken here"."""
    goal = history.goal
    count = history.counts.get(day, 0)
    label = day.strftime("%a %d %b %Y")
    rest = day in history.rest_days
    skipped = day in history.skips
    if goal.is_weekly:
        week = week_start_of(day, week_start)
        target = week_target(history, week)
        state = week_state(history, week, week_start_of(as_of, week_start), as_of)
        total = sum(history.counts.get(week + timedelta(days=i), 0) for i in range(7))
        week_text = progress_label(total, target or goal.target, goal.target, True, "that week")
        base = f"{label}: {count} logged{_source(history, day)}; {week_text}"
    else:
        target = goal.target
        state = day_state(history, day, as_of)
        base = f"{label}: {progress_label(count, target, target, False)}{_source(history, day)}"
    if day > as_of:
        return DayDetail(day, count, target, DayState.NEUTRAL, None, False, f"{label}: in the future")
    if day < goal.start and count == 0:
        text = f"{label}: before this goal started (backfill to start it earlier)"
    elif rest:
        text = f"{base} · rest day" + (f": {rest_reason}" if rest_reason else "")
    elif skipped:
        text = f"{base} · skipped"
    elif not goal.scheduled_on(day):
        text = f"{base} · not scheduled that day"
    elif state is DayState.COMPLETE:
        run = streak(history, day, week_start).current
        unit = "week" if goal.is_weekly else "day"
        text = f"{base} · done, {run}-{unit} streak"
    elif state is DayState.MISS:
        text = f"{base} · streak broken here"
    else:
        text = f"{base} · still open"
    return DayDetail(day, count, target, state, rest_reason if rest else None, skipped, text)
