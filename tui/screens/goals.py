"""Goals: every goal's streaks and strength, and the selected goal's heatmap with a day cursor.

The day cursor is where backfill happens: tick, count, skip and rest act on the cursor day. Moving
the cursor repaints the heatmap and the day line only; the data is read again after a change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from ..core.clock import format_weekdays
from ..core.counting import counts_words
from ..core.goals import GoalHistory
from ..core.review import describe_day
from ..core.streaks import DayState
from ..core.wording import already_rest_period, day_label, rest_message, rest_period_message, skip_message
from ..services import checkins as checkin_service
from ..services import goals as goal_service
from ..services import memo
from ..services.counted import goal_totals
from ..services.status import histories
from ..widgets.goal_table import GoalTable
from ..widgets.heatmap import Heatmap
from .goal_lines import GoalLines
from ..widgets.key_bar import KeyBar
from ..widgets.tab_bar import TabBar
from .data_screen import DataScreen

if TYPE_CHECKING:
    from ..services.context import Rebound
    from .goal_form import GoalFormResult

DAY = Binding.Group("Day", compact=True)
WEEK = Binding.Group("Week", compact=True)
COUNT = Binding.Group("Count", compact=True)
HINT = (
    "[b]j k[/b] goal  [b]a[/b] add  [b]e[/b] edit  [b]A[/b] archive/restore  "
    "[b]H[/b] show archived  [b]d[/b] delete  [b]c[/b] day's count  "
    "[b]R[/b] rest period  [b]?[/b] every key"
)
DAY_CLASSES = {DayState.COMPLETE: "-done", DayState.MISS: "-missed"}


def prepare(rb: Rebound) -> None:
    """Read ahead what the first visit shows: every year's check-ins, counted once per file."""
    histories(rb)


class GoalsScreen(DataScreen):
    BINDINGS = [
        Binding("j", "cursor_goal(1)", "Next goal", key_display="j/↓", show=False),
        Binding("k", "cursor_goal(-1)", "Previous goal", key_display="k/↑", show=False),
        Binding("left", "move_day(-1)", "Day back", key_display="←", group=DAY, priority=True),
        Binding("right", "move_day(1)", "Day forward", key_display="→", group=DAY, priority=True),
        Binding("left_square_bracket", "move_day(-7)", "Week back", key_display="[", group=WEEK),
        Binding("right_square_bracket", "move_day(7)", "Week forward", key_display="]", group=WEEK),
        Binding("space", "tick", "Tick", priority=True),
        Binding("enter", "tick", "Tick", show=False, priority=True),
        Binding("plus,equals_sign", "count(1)", "+1", key_display="+", group=COUNT),
        Binding("minus", "count(-1)", "-1", key_display="-", group=COUNT),
        Binding("s", "skip", "Skip"),
        Binding("r", "rest", "Rest"),
        Binding("c", "set_count", "Set the day's count", show=False),
        Binding("R", "rest_period", "Rest period…", key_display="R", show=False),
        # Listed in the hint line and in help: the Footer keeps room for the app's undo and help.
        Binding("a", "add", "Add goal", show=False),
        Binding("e", "edit", "Edit goal", show=False),
        Binding("A", "archive", "Archive/restore", key_display="A", show=False),
        Binding("H", "toggle_archived", "Show/hide archived", key_display="H", show=False),
        Binding("d", "delete", "Delete goal", show=False),
    ]
    AREA = "Goals"
    PALETTE = {  # the command palette's entries (screens.palette): action → title, help
        "tick": ("Backfill (tick the cursor day)", "Complete or clear the cursor day"),
        "count(1)": ("Add 1 on the cursor day", "Count one more on the cursor day"),
        "count(-1)": ("Take 1 off the cursor day", "Count one less on the cursor day"),
        "skip": ("Skip the cursor day", "Skip or unskip the selected goal on the cursor day"),
        "rest": ("Rest day on the cursor day", "Mark or clear the cursor day as a rest day"),
        "set_count": ("Set the cursor day's count…", "Type the selected goal's count for the cursor day"),
        "rest_period": ("Rest period…", "Rest days for every goal from one day to another, even ahead"),
        "move_day(-1)": ("Day back", "Move the day cursor a day back"),
        "move_day(1)": ("Day forward", "Move the day cursor a day forward"),
        "move_day(-7)": ("Week back", "Move the day cursor a week back"),
        "move_day(7)": ("Week forward", "Move the day cursor a week forward"),
        "add": ("Add goal", "Add a daily or weekly goal"),
        "edit": ("Edit goal", "Edit the selected goal"),
        "archive": ("Archive or restore goal", "Archive or restore the selected goal"),
        "toggle_archived": ("Show or hide archived goals", "Toggle archived goals"),
        "delete": ("Delete goal", "Delete the selected goal, after asking"),
    }

    FIRST_FOCUS = "#goals-table"

    def __init__(self) -> None:
        super().__init__()
        self.day: date | None = None  # the day cursor; None until the first load (then today)
        self.today: date | None = None  # as of the last reload: cursor moves read nothing
        self.week_start = 0
        self.show_archived = False
        self.histories: dict[str, GoalHistory] = {}
        self._lines = GoalLines()
        self._rest_reasons: dict[date, str] = {}

    def compose(self) -> ComposeResult:
        yield TabBar("goals")
        with VerticalScroll(id="goals"):  # the heatmap's legend and the hint scroll in a short terminal
            yield Static(id="goals-title")
            yield GoalTable(id="goals-table")
            yield Static(id="goals-empty")
            yield Static(id="goals-heatmap-title", classes="section-title")
            yield Static(id="goals-day")
            yield Heatmap(id="goals-heatmap")
            yield Static(HINT, id="goals-hint")
        yield KeyBar()

    # Drawing --------------------------------------------------------------------------------
    def draw(self, today: date, first: bool) -> None:
        rb = self.app.rb
        week_start = self.week_start = rb.clock.week_start
        if self.day is None or self.day > today or self.day == self.today:
            self.day = today  # first load, or the cursor was on "today" when the day rolled over
        self.today = today
        found = histories(rb, include_archived=self.show_archived)
        self._rest_reasons.clear()
        self.histories = {h.goal.id: h for h in found}
        known = {s.goal.id: s for s in memo.peek(rb, memo.summaries_key(today, week_start)) or ()}
        lines = [self._lines.line(h, today, week_start, known) for h in found]
        table = self.query_one(GoalTable)
        table.show(lines, select=table.selected_id())
        active = sum(not h.goal.archived for h in found)
        archived = "archived shown (H hides)" if self.show_archived else "archived hidden (H shows)"
        self.query_one("#goals-title", Static).update(
            f"Goals · {active} active · {archived} · up to {today:%a %d %b}"
        )
        empty = self.query_one("#goals-empty", Static)
        empty.display = not found
        empty.update("No goals yet. Press [b]a[/b] to add one.")
        self.show_selected()

    def selected(self) -> GoalHistory | None:
        goal_id = self.query_one(GoalTable).selected_id()
        return self.histories.get(goal_id) if goal_id else None

    def show_selected(self) -> None:
        """Point the heatmap at the selected goal (no data is read)."""
        history = self.selected()
        heatmap = self.query_one(Heatmap)
        today = self.today or self.app.rb.today()
        heatmap.display = history is not None
        heatmap.show(history, today, self.day or today, self.week_start)
        title = ""
        if history is not None:
            goal = history.goal
            if goal.is_weekly:
                plan = f"{goal.target} a week"
            else:
                plan = f"{goal.target} a day, {format_weekdays(goal.weekdays)}"
            title = f"{goal.name} · {plan} · since {goal.start:%d %b %Y}"
            totals = goal_totals(history, today, self.week_start)
            if totals is not None:
                title += f"\ncounts {counts_words(goal.counts)} · {totals.text}"
        self.query_one("#goals-heatmap-title", Static).update(Text(title))  # names are not markup
        self.show_day()

    def show_day(self) -> None:
        line = self.query_one("#goals-day", Static)
        history = self.selected()
        if history is None or self.day is None:
            line.update("")
            return
        reason = ""
        if self.day in history.rest_days:  # looked up once per reload, then remembered
            if self.day not in self._rest_reasons:
                rest = checkin_service.rest_day(self.app.rb, self.day)
                self._rest_reasons[self.day] = rest.reason if rest else ""
            reason = self._rest_reasons[self.day]
        today = self.today or self.app.rb.today()
        detail = describe_day(history, self.day, today, self.week_start, reason)
        for state, name in DAY_CLASSES.items():
            line.set_class(detail.state is state, name)
        line.update(Text(detail.text))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_selected()

    def on_heatmap_day_clicked(self, event: Heatmap.DayClicked) -> None:
        event.stop()
        self._set_day(event.day)

    # Cursor ---------------------------------------------------------------------------------
    def action_cursor_goal(self, step: int) -> None:
        table = self.query_one(GoalTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_move_day(self, step: int) -> None:
        today = self.today or self.app.rb.today()
        current = self.day or today
        if step > 0 and current >= today:
            self.notify("The cursor is on today; days after today cannot be logged.",
                        severity="warning", timeout=3)
            return
        self._set_day(min(today, current + timedelta(days=step)))

    def _set_day(self, day: date) -> None:
        self.day = day
        self.query_one(Heatmap).move_cursor(day)
        self.show_day()

    # Changes on the cursor day -----------------------------------------------------------------
    def _change(self, change: Callable[[], object]) -> bool:
        if self.app.attempt(change) is None:
            return False
        self.app.refresh_data()
        return True

    def _say(self, message: str) -> None:
        self.notify(message, markup=False)  # goal names are the user's words, not markup

    def _target(self) -> tuple[GoalHistory, date] | None:
        history = self.selected()
        if history is None:
            self.notify("Add a goal first (a).", severity="warning", timeout=3)
            return None
        return history, self.day or self.app.rb.today()

    def action_tick(self) -> None:
        if found := self._target():
            history, day = found
            rb = self.app.rb
            self._change(lambda: checkin_service.toggle_tick(rb, history.goal.id, day) or True)

    def action_count(self, step: int) -> None:
        if found := self._target():
            history, day = found
            rb = self.app.rb
            self._change(lambda: checkin_service.log(rb, history.goal.id, step, day=day))

    def action_skip(self) -> None:
        if found := self._target():
            history, day = found
            rb = self.app.rb
            toggled = self.app.attempt(lambda: checkin_service.toggle_skip(rb, history.goal.id, day))
            if isinstance(toggled, tuple):
                self.app.refresh_data()
                self._say(skip_message(history.goal.name, day, toggled[1]))

    def action_rest(self) -> None:
        rb = self.app.rb
        day = self.day or rb.today()
        rest = self.app.attempt(lambda: checkin_service.toggle_rest(rb, day))
        if rest is not None:
            self.app.refresh_data()
            self._say(rest_message(day, bool(rest)))

    def action_set_count(self) -> None:
        from .count_form import CountForm, CountSet  # forms are imported when first opened

        if not (found := self._target()):
            return
        history, day = found

        def saved(done: CountSet | None) -> None:
            if done is not None:
                self.app.refresh_data()
                self._say(f"{done.goal.name}: {done.after} on {day_label(done.day)} (was {done.before})")

        self.app.push_screen(CountForm(history.goal, day, history.counts.get(day, 0)), saved)

    def action_rest_period(self) -> None:
        from .rest_period_form import RestPeriod, RestPeriodForm

        def saved(period: RestPeriod | None) -> None:
            if period is None:
                return
            self.app.refresh_data()
            if period.changed:
                self._say(rest_period_message(period.start, period.end, True, period.changed) + ". u undoes it.")
            else:
                self._say(already_rest_period(period.start, period.end, True))

        self.app.push_screen(RestPeriodForm(self.day or self.app.rb.today()), saved)

    # Goals ----------------------------------------------------------------------------------
    def action_add(self) -> None:
        from .goal_form import GoalForm  # forms are imported when first opened

        self.app.push_screen(GoalForm(), self._saved)

    def action_edit(self) -> None:
        from .goal_form import GoalForm

        if history := self.selected():
            self.app.push_screen(GoalForm(history.goal), self._saved)

    def _saved(self, result: GoalFormResult | None) -> None:
        if result is None:
            return
        self.app.refresh_data()
        table = self.query_one(GoalTable)
        if result.goal.id in self.histories:
            table.move_cursor(row=table.get_row_index(result.goal.id), animate=False)
        self._say(f"Saved {result.goal.name}")

    def action_archive(self) -> None:
        if not (history := self.selected()):
            return
        goal, rb = history.goal, self.app.rb
        if not self._change(lambda: goal_service.set_archived(rb, goal.id, not goal.archived)):
            return
        if goal.archived:
            self._say(f"Restored {goal.name}")
        else:
            where = "" if self.show_archived else " (H shows archived goals)"
            self._say(f"Archived {goal.name}; its history is kept{where}. u undoes it.")

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.redraw()

    def action_delete(self) -> None:
        from .confirm import confirm_delete, counted

        if not (history := self.selected()):
            return
        goal, rb = history.goal, self.app.rb
        what = "its " + counted(goal_service.checkin_count(rb, goal.id), "check-in")
        confirm_delete(self.app, "goal", goal.name, what,
                       lambda: self._change(lambda: goal_service.delete_goal(rb, goal.id)), self._say)
