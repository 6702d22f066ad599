"""`rebound remind`: the one line a reminder sends, or nothing. Reads only: it never writes."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from ..core.errors import InputError
from .context import Rebound
from .history import histories
from .mood import mood_logged
from .status import summarize


def parse_time(text: str) -> time:
    """``HH:MM`` (24-hour) → a time; a clear refusal otherwise."""
    try:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise InputError(f"--after {text!r} is not a time; use HH:MM, e.g. 18:30") from None


def reminder(rb: Rebound, after: time | None = None) -> str | None:
    """What to remind of now: streaks at risk, else nothing logged on a day with goals to do;
    None before ``after`` (a time of the logical day) or when nothing needs saying."""
    clock = rb.clock
    now = rb.now()
    if after is not None:
        shift = timedelta(hours=clock.day_start_hour)
        # both as time into the logical day: with a 04:00 day start, 01:00 is after 20:00
        since_start = (now - shift).time()
        wanted = (datetime.combine(now.date(), after) - shift).time()
        if since_start < wanted:
            return None
    today = clock.today()
    goals = [(h, summarize(h, today, clock.week_start)) for h in histories(rb)]
    at_risk = [s for _, s in goals if s.streak.at_risk]
    if at_risk:
        names = ", ".join(f"{s.goal.name} ({s.streak.current} {'week' if s.goal.is_weekly else 'day'}"
                          f"{'s' if s.streak.current != 1 else ''})" for s in at_risk)
        streaks = "streak" if len(at_risk) == 1 else "streaks"
        return f"Rebound: {len(at_risk)} {streaks} at risk today: {names}"
    to_do = [s for _, s in goals if not s.goal.is_weekly and s.streak.target > 0]
    logged = any(h.counts.get(today, 0) for h, _ in goals) or mood_logged(rb, today)
    if to_do and not logged:
        left = len(to_do)
        return f"Rebound: nothing logged today yet; {left} goal{'s' if left != 1 else ''} to go"
    return None
