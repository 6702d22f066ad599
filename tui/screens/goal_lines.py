"""The Goals table's numbers per goal, recomputed only for goals whose history changed."""

from __future__ import annotations

from datetime import date

from ..core.goals import GoalHistory, counts_key
from ..core.review import completion_rate
from ..services.summaries import GoalSummary, summarize
from ..widgets.goal_table import GoalLine


class GoalLines:
    """Streaks and scores walk a goal's whole history; after a tick only that goal is walked again."""

    def __init__(self) -> None:
        self._lines: dict[str, tuple[object, GoalLine]] = {}

    def clear(self) -> None:
        self._lines.clear()

    def line(self, history: GoalHistory, today: date, week_start: int,
             known: dict[str, GoalSummary] | None = None) -> GoalLine:
        """``known``: summaries already computed from this very data (Today's), by goal id."""
        key = (
            history.goal, today, week_start, counts_key(history.counts, date.max),
            history.rest_days, history.skips,
        )
        cached = self._lines.get(history.goal.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        summary = (known or {}).get(history.goal.id) or summarize(history, today, week_start)
        line = GoalLine(
            summary,
            completion_rate(history, today, 30, week_start),
            completion_rate(history, today, 90, week_start),
        )
        self._lines[history.goal.id] = (key, line)
        return line
