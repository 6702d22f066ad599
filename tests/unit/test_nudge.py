"""The reminder's rules with a fixed clock: at risk, nothing logged, --after and the day start."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.services import Rebound, checkins, goals, settings
from tui.services.nudge import parse_time, reminder

TZ = timezone(timedelta(hours=1))


def at(hour: int, minute: int = 0, day: int = 12) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def test_at_risk_after_the_time_only(tmp_path: Path) -> None:
    now = [at(9)]
    rb = Rebound.open(tmp_path, now=lambda: now[0])
    goal = goals.add_goal(rb, "Apply")
    checkins.log(rb, goal.id, 1, day=now[0].date() - timedelta(days=1))
    assert reminder(rb, time(18)) is None
    now[0] = at(18, 30)
    assert reminder(rb, time(18)) == "Rebound: 1 streak at risk today: Apply (1 day)"
    checkins.log(rb, goal.id, 1)
    assert reminder(rb, time(18)) is None  # done today: silent


def test_nothing_logged_and_rest_days(tmp_path: Path) -> None:
    rb = Rebound.open(tmp_path, now=lambda: at(20))
    assert reminder(rb) is None  # no goals: nothing to log
    goals.add_goal(rb, "Apply")
    goals.add_goal(rb, "Network", period="week", target=2)
    assert reminder(rb) == "Rebound: nothing logged today yet; 1 goal to go"
    checkins.set_rest(rb, rb.today())
    assert reminder(rb) is None  # rest without a nudge


def test_after_counts_in_the_logical_day(tmp_path: Path) -> None:
    """With the day starting at 04:00, 01:00 on the 13th is still the 12th, after 20:00."""
    now = [at(12)]
    rb = Rebound.open(tmp_path, now=lambda: now[0])
    settings.save(rb, replace(settings.current(rb), day_start_hour=4))
    goals.add_goal(rb, "Apply")
    now[0] = at(1, day=13)
    assert reminder(rb, time(20)) == "Rebound: nothing logged today yet; 1 goal to go"
    now[0] = at(19, day=12)
    assert reminder(rb, time(20)) is None


@pytest.mark.parametrize("text", ["7pm", "25:00", "18", "", "12:60"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="HH:MM"):
        parse_time(text)
