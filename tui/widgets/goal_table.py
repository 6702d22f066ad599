"""The Goals table: one row per goal with its period progress, streaks, strength and completion."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from ..services.summaries import GoalSummary
from .goal_list import progress_text

COLUMNS = ("Goal", "This period", "Streak", "Best", "Strength", "30 days", "90 days", "State")


@dataclass(frozen=True)
class GoalLine:
    """What one row shows; the numbers come from the services, never from the table."""

    summary: GoalSummary
    rate_30: float | None
    rate_90: float | None

    @property
    def state(self) -> tuple[str, str]:
        """(words, component class) for the State column."""
        s = self.summary
        if s.goal.archived:
            return "archived", "goal-table--archived"
        if s.streak.complete:
            return "✓ done", "goal-table--done"
        if s.streak.at_risk:
            return "at risk", "goal-table--at-risk"
        if s.rest:
            return "rest day", "goal-table--neutral"
        if s.skipped:
            return "skipped", "goal-table--neutral"
        if not s.goal.scheduled_on(s.day):
            return "not today", "goal-table--neutral"
        return "", "goal-table--neutral"


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


class GoalTable(DataTable[Text]):
    """A row-cursor table keyed by goal id, so a reload keeps the selected goal."""

    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "goal-table--done",
        "goal-table--at-risk",
        "goal-table--archived",
        "goal-table--neutral",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        for label in COLUMNS:
            self.add_column(label, key=label)

    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def show(self, lines: list[GoalLine], select: str | None) -> None:
        """Replace the rows and put the cursor on ``select`` (or the nearest row)."""
        index = self.cursor_row
        self.clear()
        for line in lines:
            self.add_row(*self._cells(line), key=line.summary.goal.id)
        ids = [line.summary.goal.id for line in lines]
        if select in ids:
            index = ids.index(select)
        if lines:
            self.move_cursor(row=max(0, min(index, len(lines) - 1)), animate=False)

    def _cells(self, line: GoalLine) -> list[Text]:
        s = line.summary
        unit = "w" if s.goal.is_weekly else "d"
        words, component = line.state
        style = self.get_component_rich_style(component, partial=True)
        muted = self.get_component_rich_style("goal-table--archived", partial=True)
        name_style = muted if s.goal.archived else ""
        risk = self.get_component_rich_style("goal-table--at-risk", partial=True)
        streak_style = risk if s.streak.at_risk else ""
        return [
            Text(s.goal.name, style=name_style, overflow="ellipsis", no_wrap=True),
            Text(progress_text(s)),
            Text(f"{s.streak.current}{unit}", style=streak_style, justify="right"),
            Text(f"{s.streak.best}{unit}", justify="right"),
            Text(f"{s.score:.0%}", justify="right"),
            Text(percent(line.rate_30), justify="right"),
            Text(percent(line.rate_90), justify="right"),
            Text(words, style=style),
        ]
