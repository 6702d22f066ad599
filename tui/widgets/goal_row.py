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


class GoalRow(ListItem):
    """A row the Today list can highlight; updated in place when its numbers change."""

    def __init__(self, summary: GoalSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Horizontal(classes="goal-row"):
            yield Static(classes="goal-name")
            yield Static(classes="goal-bar")
            yield Static(classes="goal-count")
            yield Static(classes="goal-streak")
            yield Static(classes="goal-score")
            yield Static(classes="goal-state")

    def on_mount(self) -> None:
        self.show(self.summary)

    def show(self, summary: GoalSummary) -> None:
        self.summary = summary
        if not self.query(".goal-name"):
            return  # not composed yet: on_mount shows it
        s = summary.streak
        self.set_class(s.complete, "-done")
        self.set_class(s.at_risk, "-at-risk")
        self.set_class(summary.rest or summary.skipped, "-neutral")
        self.query_one(".goal-name", Static).update(Text(summary.goal.name, overflow="ellipsis"))
        self.query_one(".goal-bar", Static).update(bar(s.done, summary.target))
        self.query_one(".goal-count", Static).update(progress_text(summary))
        self.query_one(".goal-streak", Static).update(streak_text(summary))
        self.query_one(".goal-score", Static).update(f"{summary.score:.0%}")
        self.query_one(".goal-state", Static).update(state_text(summary))
