"""One goal on Today: name, progress bar, count, streak and strength."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ListItem, Static

from ..services.status import GoalSummary

BAR_WIDTH = 10


def bar(done: int, target: int, width: int = BAR_WIDTH) -> str:
    filled = width if target <= 0 else min(width, round(width * done / target))
    return "█" * filled + "░" * (width - filled)


def progress_text(summary: GoalSummary) -> str:
    prefix = "this week " if summary.goal.is_weekly else ""
    return f"{prefix}{summary.streak.done}/{summary.target}"


def streak_text(summary: GoalSummary) -> str:
    unit = "w" if summary.goal.is_weekly else "d"
    return f"streak {summary.streak.current}{unit} · best {summary.streak.best}{unit}"


def state_text(summary: GoalSummary) -> str:
    if summary.rest:
        return "rest day"
    if summary.skipped:
        return "skipped"
    if not summary.goal.scheduled_on(summary.day):
        return "not today"
    if summary.streak.complete:
        return "✓ done"
    if summary.streak.at_risk:
        return "at risk"
    return ""


def row_states(summary: GoalSummary) -> dict[str, bool]:
    """The row's state classes: they colour the bar, the streak and the state words."""
    s = summary.streak
    return {"-done": s.complete, "-at-risk": s.at_risk, "-neutral": summary.rest or summary.skipped}


def cells(summary: GoalSummary) -> list[tuple[str, str | Text]]:
    """(class, content) of each column."""
    s = summary.streak
    return [
        ("goal-name", Text(summary.goal.name, overflow="ellipsis")),
        ("goal-bar", bar(s.done, summary.target)),
        ("goal-count", progress_text(summary)),
        ("goal-streak", streak_text(summary)),
        ("goal-score", f"{summary.score:.0%}"),
        ("goal-state", state_text(summary)),
    ]


class GoalRow(ListItem):
    """A row the Today list can highlight; updated in place when its numbers change.

    Built with its classes and texts, so mounting twelve rows restyles nothing afterwards."""

    def __init__(self, summary: GoalSummary) -> None:
        super().__init__(classes=" ".join(name for name, on in row_states(summary).items() if on))
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Horizontal(classes="goal-row"):
            for name, content in cells(self.summary):
                yield Static(content, classes=name)

    def show(self, summary: GoalSummary) -> None:
        self.summary = summary
        if not self.query(".goal-name"):
            return  # not composed yet: compose shows it
        for name, on in row_states(summary).items():
            self.set_class(on, name)
        for name, content in cells(summary):
            self.query_one(f".{name}", Static).update(content)
