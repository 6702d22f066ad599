"""The add-goal form: a modal with a validation message under each field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from ..core.errors import InputError
from ..core.goals import Goal
from ..services import goals as goal_service
from ..store.errors import StoreError

if TYPE_CHECKING:
    from ..app import ReboundApp

FIELDS = ("name", "target", "period", "weekdays")


@dataclass(frozen=True)
class GoalFormResult:
    goal: Goal


class GoalForm(ModalScreen[GoalFormResult | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        Binding("enter", "save", "Save", priority=True),
    ]

    app: ReboundApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", classes="form"):
            yield Static("New goal", classes="form-title")
            yield Label("Name")
            yield Input(placeholder="Send applications", id="name", max_length=200)
            yield Static(id="name-error", classes="field-error")
            yield Label("Target (how many per period)")
            yield Input("1", id="target", type="integer", max_length=6)
            yield Static(id="target-error", classes="field-error")
            yield Label("Period: day or week")
            yield Input(
                "day", id="period", suggester=SuggestFromList(["day", "week"], case_sensitive=False)
            )
            yield Static(id="period-error", classes="field-error")
            yield Label("Days (daily goals; blank = every day), e.g. mon,tue,wed,thu,fri")
            yield Input(placeholder="every day", id="weekdays")
            yield Static(id="weekdays-error", classes="field-error")
            yield Static("enter saves · esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, field: str | None, message: str) -> None:
        for name in FIELDS:
            self.query_one(f"#{name}-error", Static).update("")
        target = field if field in FIELDS else "name"
        self.query_one(f"#{target}-error", Static).update(message)
        self.query_one(f"#{target}", Input).focus()

    def action_save(self) -> None:
        values = {name: self.query_one(f"#{name}", Input).value for name in FIELDS}
        target_text = values["target"].strip()
        if not target_text.lstrip("-").isdigit():
            self.show_error("target", "target must be a whole number, 1 or more")
            return
        period = values["period"].strip().lower()
        try:
            goal = goal_service.add_goal(
                self.app.rb,
                values["name"],
                target=int(target_text),
                period=period,
                weekdays=values["weekdays"].strip() or None,
            )
        except InputError as exc:
            self.show_error(exc.field, str(exc))
            return
        except StoreError as exc:
            self.show_error("name", f"Could not save: {exc}")
            return
        self.dismiss(GoalFormResult(goal))
