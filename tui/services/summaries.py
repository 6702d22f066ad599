"""A goal's summary on a day: its streak, its score, and whether the day is skipped or rested.

Its own module so that `status` (the CLI's answer) and `summary_cache` (what the summaries of
years of data are computed from) both build on it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.counting import source_line
from ..core.goals import Goal, GoalHistory
from ..core.progress import progress_label
from ..core.score import strength
from ..core.streaks import RunState, Streak, streak


@dataclass(frozen=True)
class GoalSummary:
    goal: Goal
    day: date
    streak: Streak
    score: float
    skipped: bool
    rest: bool
    source: str = ""  # a counted goal's "2 from your log + 1" for the day (or week); "" otherwise

    @property
    def target(self) -> int:
        """The target to show: this period's (after rest days and skips) or the plain one."""
        return self.streak.target or self.goal.target

    @property
    def progress(self) -> str:
        """``this week 0/1 (2 a week, part week)``: the count, the target and why it is lower."""
        return progress_label(self.streak.done, self.target, self.goal.target, self.goal.is_weekly)


def state_text(summary: GoalSummary, long: bool = False) -> str:
    """A goal's state on its day in words, the same on Today and in `rebound status`
    (``long``: where there is room, "not scheduled today" rather than "not today")."""
    if summary.rest:
        return "rest day"
    if summary.skipped:
        return "skipped"
    if not summary.goal.scheduled_on(summary.day):
        return "not scheduled today" if long else "not today"
    if summary.streak.complete:
        return "✓ done"
    if summary.streak.at_risk:
        return "at risk"
    return ""


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
        source=source_line(history, as_of, week_start),
    )
