"""Where things stand on a day: goal summaries for Today and `rebound status`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.goals import Goal, GoalHistory
from ..core.progress import progress_label
from ..core.score import strength
from ..core.streaks import RunState, Streak, streak
from .context import Rebound
from .history import histories


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

    @property
    def progress(self) -> str:
        """``this week 0/1 (2 a week, part week)``: the count, the target and why it is lower."""
        return progress_label(self.streak.done, self.target, self.goal.target, self.goal.is_weekly)


def summarize(history: GoalHistory, as_of: date, week_start: int, prior: RunState | None = None,
              prior_score: tuple[date, float] | None = None) -> GoalSummary:
    """``prior`` and ``prior_score``: what the goal carried into a day on or before ``as_of``
    (see summary_cache); without them the whole history is walked."""
    return GoalSummary(
        goal=history.goal,
        day=as_of,
        streak=streak(history, as_of, week_start, prior),
        score=strength(history, as_of, prior_score),
        skipped=as_of in history.skips,
        rest=as_of in history.rest_days,
    )


def goal_summaries(rb: Rebound, as_of: date | None = None) -> list[GoalSummary]:
    clock = rb.clock
    day = as_of or clock.today()
    return [summarize(h, day, clock.week_start) for h in histories(rb)]


def status(rb: Rebound, as_of: date | None = None) -> dict[str, Any]:
    """The `status --json` object of product.md §4."""
    from .app_status import application_counts
    from .contacts import followups_due  # the CLI's needs: the app's start-up does without them
    from .mood import mood_logged
    from .summary_cache import SummaryCache, cached_latest, cached_summaries  # builds on this
    from .wins import wins_on

    cache = SummaryCache(rb)
    day = as_of or rb.today()
    goals = [
        {
            "name": s.goal.name,
            "period": s.goal.period,
            "target": s.target,
            "full_target": s.goal.target,
            "done": s.streak.done,
            "complete": s.streak.complete,
            "current_streak": s.streak.current,
            "best_streak": s.streak.best,
            "at_risk": s.streak.at_risk,
            "score": round(s.score, 4),
        }
        for s in cached_summaries(rb, day, cache)
    ]
    latest = cached_latest(rb, day, cache)
    result = {
        "date": day.isoformat(),
        "goals": goals,
        "followups_due": [
            {"name": v.contact.name, "due": v.next.isoformat() if v.next else None,
             "overdue": v.next is not None and v.next < day}
            for v in followups_due(rb, day, latest)
        ],
        "mood_logged": mood_logged(rb, day),
        "wins_today": [{"kind": w.kind, "title": w.title} for w in wins_on(rb, day)],
        "applications": application_counts(rb, day, {c: i.day for c, i in latest.items() if i.day <= day},
                                           cache),
    }
    cache.save()  # only once everything was read without an error
    return result

