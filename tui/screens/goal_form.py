"""The goal form (add, or edit an existing goal): a modal with a validation message under each field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from ..core.clock import format_weekdays
from ..core.counting import MANUAL, SOURCE_LABELS, SOURCES, split_counts
from ..core.goals import PERIODS, Goal
from ..services import goals as goal_service
from ..widgets.text_input import TextInput
from .form_fields import CheckedForm, choice, field_value
from .saving import save_form

if TYPE_CHECKING:
    from .host import HostApp

FIELDS = ("name", "target", "period", "weekdays", "counts", "kinds")
PERIOD_LABELS = {"day": "per day", "week": "per week"}
TARGET_NOT_A_NUMBER = "target must be a whole number, like 2"


@dataclass(frozen=True)
class GoalFormResult:
    goal: Goal


class GoalForm(CheckedForm[GoalFormResult | None]):
    NUMBERS = {"target": TARGET_NOT_A_NUMBER}
    app: HostApp

    def __init__(self, goal: Goal | None = None) -> None:
        """A new goal, or (given ``goal``) an edit of it with every field filled in."""
        super().__init__()
        self.goal = goal

    def compose(self) -> ComposeResult:
        goal = self.goal
        days = ""
        if goal is not None and not goal.is_weekly and len(goal.weekdays) < 7:
            days = format_weekdays(goal.weekdays)
        with VerticalScroll(id="form", classes="form"):
            yield Static("Edit goal" if goal else "New goal", classes="form-title")
            yield Label("Name")
            yield TextInput(
                goal.name if goal else "", placeholder="Send applications", id="name", max_length=200
            )
            yield Static(id="name-error", classes="field-error")
            yield Label("Target (how many per period)")
            yield TextInput(str(goal.target) if goal else "1", id="target", max_length=6)
            yield Static(id="target-error", classes="field-error")
            yield Label("Period")
            yield choice(PERIODS, goal.period if goal else "day", "period", PERIOD_LABELS)
            yield Static(id="period-error", classes="field-error")
            yield Label("Days (daily goals; blank = every day), e.g. mon,tue,wed,thu,fri")
            yield TextInput(days, placeholder="every day", id="weekdays")
            yield Static(id="weekdays-error", classes="field-error")
            source, kinds = split_counts(goal.counts if goal else MANUAL)
            yield Label("Counts (an activity counts itself; + and - still add by hand)")
            yield choice(SOURCES, source, "counts", SOURCE_LABELS)
            yield Static(id="counts-error", classes="field-error")
            yield Label("Kinds (interactions only; blank = every kind), e.g. coffee,call")
            yield TextInput(",".join(kinds), placeholder="every kind", id="kinds", max_length=200)
            yield Static(id="kinds-error", classes="field-error")
            yield Static("enter saves · esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, field: str | None, message: str) -> None:
        for name in FIELDS:
            self.query_one(f"#{name}-error", Static).update("")
        target = field if field in FIELDS else "name"
        self.query_one(f"#{target}-error", Static).update(Text(message))  # user words are not markup
        self.query_one(f"#{target}").focus()

    def action_save(self) -> None:
        values = {name: field_value(self, name) for name in FIELDS}
        target_text = values["target"].strip()
        if not target_text.isdecimal():
            self.show_error("target", TARGET_NOT_A_NUMBER)
            return
        period = values["period"]
        target, weekdays = int(target_text), values["weekdays"].strip() or None
        rb, name = self.app.rb, values["name"]
        kinds = values["kinds"].strip()
        counts = f"{values['counts']}:{kinds}" if kinds else values["counts"]

        def submit() -> GoalFormResult:
            if self.goal is None:
                goal = goal_service.add_goal(
                    rb, name, target=target, period=period, weekdays=weekdays, counts=counts
                )
            else:
                goal = goal_service.edit_goal(
                    rb, self.goal.id, name=name, target=target, period=period, weekdays=weekdays,
                    counts=counts,
                )
            return GoalFormResult(goal)

        save_form(self, submit, "name")
