"""Deterministic demo data: believable goals with streaks and slips, seeded so screenshots and
snapshots are stable. ``generate(rb, days=N)`` backfills N days before the service's today."""

from __future__ import annotations

import random
from datetime import timedelta

from .services import Rebound
from .services import checkins as checkin_service
from .services import goals as goal_service

DEMO_GOALS = [
    # name, target, period, weekdays, chance of completing a day
    ("Send applications", 2, "day", None, 0.85),
    ("Reach out to someone new", 1, "day", "mon,tue,wed,thu,fri", 0.7),
    ("Practise interview questions", 1, "day", None, 0.6),
    ("Coffee chats", 2, "week", None, 0.5),
    ("Go for a walk", 1, "day", None, 0.9),
]


def generate(rb: Rebound, *, days: int = 60, seed: int = 7) -> None:
    rng = random.Random(seed)
    today = rb.today()
    with rb.change("demo data"):
        goals = [
            goal_service.add_goal(rb, name, target=target, period=period, weekdays=weekdays)
            for name, target, period, weekdays, _ in DEMO_GOALS
        ]
        for offset in range(days, 0, -1):
            day = today - timedelta(days=offset)
            if offset in (20, 41):
                checkin_service.set_rest(rb, day, True, "time off")
                continue
            for goal, (_, target, period, _, chance) in zip(goals, DEMO_GOALS):
                if period == "week":
                    if rng.random() < chance / 3:
                        checkin_service.log(rb, goal.id, 1, day=day)
                elif goal.scheduled_on(day) and rng.random() < chance:
                    checkin_service.log(rb, goal.id, target, day=day)
                elif offset == 9 and goal is goals[2]:
                    checkin_service.set_skip(rb, goal.id, day, True)
        checkin_service.log(rb, goals[0].id, 1, day=today)
        checkin_service.log(rb, goals[4].id, 1, day=today)
    rb.history.clear()  # demo data is the starting point, not an undoable change
