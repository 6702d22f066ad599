"""Where things stand on a day: goal summaries for Today and `rebound status`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.goals import Goal, GoalHistory
from ..core.score import strength
from ..core.streaks import Streak, streak
from ..store import repo
from .contacts import followups_due
from .context import Rebound
from .history import histories
from .mood import mood_logged
from .wins import wins_on


@dataclass(frozen=True)
class GoalSummary:
    goal: Goal
    day: date
    streak: Streak
    score: float
    skipped: bool
    rest: bool

    @property
    def target(self) -> int:
        """The target to show: this period's (after rest days and skips) or the plain one."""
        return self.streak.target or self.goal.target


def summarize(history: GoalHistory, as_of: date, week_start: int) -> GoalSummary:
    return GoalSummary(
        goal=history.goal,
        day=as_of,
        streak=streak(history, as_of, week_start),
        score=strength(history, as_of),
        skipped=as_of in history.skips,
        rest=as_of in history.rest_days,
    )


def goal_summaries(rb: Rebound, as_of: date | None = None) -> list[GoalSummary]:
    clock = rb.clock
    day = as_of or clock.today()
    return [summarize(h, day, clock.week_start) for h in histories(rb)]


def status(rb: Rebound, as_of: date | None = None) -> dict[str, Any]:
    """The `status --json` object of product.md §4."""
    day = as_of or rb.today()
    goals = [
        {
            "name": s.goal.name,
            "period": s.goal.period,
            "target": s.target,
            "done": s.streak.done,
            "complete": s.streak.complete,
            "current_streak": s.streak.current,
            "best_streak": s.streak.best,
            "at_risk": s.streak.at_risk,
            "score": round(s.score, 4),
        }
        for s in goal_summaries(rb, day)
    ]
    return {
        "date": day.isoformat(),
        "goals": goals,
        "followups_due": [
            {"name": v.contact.name, "due": v.next.isoformat() if v.next else None,
             "overdue": v.next is not None and v.next < day}
            for v in followups_due(rb, day)
        ],
        "mood_logged": mood_logged(rb, day),
        "wins_today": [{"kind": w.kind, "title": w.title} for w in wins_on(rb, day)],
    }

