"""Today: the logical date, today's goals with progress and streaks, and one encouraging line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.geometry import Region
from textual.widgets import OptionList, Static

from ..core.wording import REST_DAY_LINE, rest_message, skip_message
from ..services import checkins as checkin_service
from ..services import memo
from ..widgets.goal_list import GoalList
from ..widgets.key_bar import KeyBar
from ..widgets.tab_bar import TabBar
from .data_screen import DataScreen

if TYPE_CHECKING:
    from ..services.today_view import TodayView
    from ..widgets.followup_list import FollowUpList
    from ..services.summaries import GoalSummary
    from .goal_form import GoalFormResult


class TodayScreen(DataScreen):
    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", key_display="j/↓", show=False),
        Binding("k,up", "cursor(-1)", "Up", key_display="k/↑", show=False),
        Binding("space", "tick", "Tick", key_display="space"),
        Binding("plus,equals_sign", "count(1)", "+1", key_display="+"),
        Binding("minus", "count(-1)", "-1", key_display="-"),
        Binding("a", "add", "Add goal"),
        Binding("s", "skip", "Skip"),
        Binding("r", "rest", "Rest day"),
        Binding("l", "log_followup", "Log follow-up", show=False),  # named in the section title
    ]
    AREA = "Today"
    PALETTE = {  # the command palette's entries (screens.palette): action → title, help
        "add": ("Add goal", "Add a daily or weekly goal"),
        "tick": ("Tick goal", "Complete or clear the selected goal today"),
        "count(1)": ("Add 1", "Count one more on the selected goal today"),
        "count(-1)": ("Take 1 off", "Count one less on the selected goal today"),
        "skip": ("Skip goal today", "Skip the selected goal today"),
        "rest": ("Rest day", "Mark or clear today as a rest day"),
        "log_followup": ("Log follow-up", "Log the interaction for the highlighted follow-up"),
        "quiet_follow_up": ("Follow up a quiet application",
                            "A follow-up on the highlighted quiet application's first contact (f)"),
        "quiet_ghosted": ("Close a quiet application as ghosted",
                          "Close the highlighted quiet application as ghosted; u undoes it (g)"),
    }

    FIRST_FOCUS = "#today-goals"

    def compose(self) -> ComposeResult:
        yield TabBar("today")
        with Vertical(id="today"):
            yield Static(id="today-date")
            yield Static(id="today-encouragement")
            yield Static("Today's goals", classes="section-title")
            yield GoalList(id="today-goals")
            yield Static(id="today-empty")
            yield Static(id="today-at-risk")
            yield Static(id="today-counted")  # where counted goals' counts come from
            yield Vertical(id="today-rest")  # filled a frame after the goals (_show_rest_of_day)
        yield KeyBar()

    def _rest_of_day_widgets(self) -> list[Widget]:
        """Follow-ups, then quiet applications, mood and wins (they scroll): mounted in one go
        (children given to their container are mounted with it), filled once mounted."""
        from ..widgets.followup_list import FollowUpList  # imported when first shown
        from ..widgets.quiet_list import QuietList

        return [
            Static("Follow-ups due · l logs the highlighted one (tab to move)",
                   classes="section-title", id="today-followups-title"),
            FollowUpList(id="today-followups"),
            VerticalScroll(
                Static("Quiet applications · f follow up · g close as ghosted",
                       classes="section-title", id="today-quiet-title"),
                QuietList(id="today-quiet"),
                Static(id="today-activities"),  # the work-search record while the week is short
                Static("Mood", classes="section-title"),
                Static(id="today-mood"),
                Static("Today's wins", classes="section-title"),
                Static(id="today-wins"),
                id="today-later",
            ),
        ]

    # Drawing --------------------------------------------------------------------------------
    def draw(self, today: date, first: bool) -> None:
        rb = self.app.rb
        summaries = memo.summaries(rb, today)
        rest = checkin_service.rest_day(rb, today)
        self.query_one("#today-date", Static).update(
            today.strftime("%A %d %B %Y") + (f"  ·  {REST_DAY_LINE}" if rest else "")
        )
        self.query_one(GoalList).show(summaries)
        at_risk = [s.goal.name for s in summaries if s.streak.at_risk]
        self.query_one("#today-at-risk", Static).update(
            Text("Streaks at risk today: " + ", ".join(at_risk) if at_risk else "")
        )
        counted = [f"{s.goal.name} {s.source}" for s in summaries if s.source and s.streak.done]
        line = self.query_one("#today-counted", Static)
        line.update(Text("Counted for you: " + " · ".join(counted) if counted else ""))
        line.display = bool(counted)
        empty = self.query_one("#today-empty", Static)
        empty.display = not summaries
        empty.update("No goals yet. Press [b]a[/b] to add one, e.g. “Send 2 applications”.")
        if first:  # the date and the goals come first, the rest a frame later
            self.draw_later(self._show_rest_of_day)
        else:
            self._show_rest_of_day()

    def _show_rest_of_day(self) -> None:
        """Encouragement, follow-ups, mood and wins: each reads files (and needs modules) the
        goals do not, so they come a frame after them. The encouragement first: its line is
        mounted already, and its refresh reaches the screen while the rest mounts (set after,
        it came a frame late, 30-45 ms after the rest)."""
        rb = self.app.rb
        self._show_encouragement(rb.today())
        if not self.query_one("#today-rest").children:  # the first time: mount, then fill
            self.call_later(self._mount_rest_of_day)
            return
        self._fill_rest_of_day()

    def _show_encouragement(self, day: date) -> None:
        from ..core.encourage import DayContext, encouragement
        from ..services.today_view import today_view

        rb = self.app.rb
        view = today_view(rb, day)  # memoised: the rest of the day reads it next
        summaries = memo.summaries(rb, day)  # memoised: read by ``reload`` just before
        rest = checkin_service.rest_day(rb, day) is not None
        context = DayContext(
            goals=len(summaries),
            complete=sum(s.streak.complete for s in summaries),
            at_risk=sum(s.streak.at_risk for s in summaries),
            best_current_streak=max((s.streak.current for s in summaries), default=0),
            rest_day=rest,
            rejection=view.rejection is not None,
            lesson_written=bool(view.rejection and view.rejection.lesson),
        )
        self.query_one("#today-encouragement", Static).update(encouragement(context))

    def _fill_rest_of_day(self) -> None:
        from ..services.today_view import today_view

        rb = self.app.rb
        day = rb.today()
        view = today_view(rb, day)
        self._show_followups(view, day)
        self._show_quiet(view)
        self._show_mood(view)
        self._show_activities(day)
        wins = view.wins
        self.query_one("#today-wins", Static).update(
            Text("\n".join(("★ " if w.manual else "✓ ") + w.title for w in wins))
            if wins
            else Text("None yet: they arrive as you go. Press w to record one of your own.", "dim")
        )
        self.app.start_drawn()

    async def _mount_rest_of_day(self) -> None:
        """Mount the rest of the day in one go (a container's children mount before it counts
        as mounted), then fill it: one frame for all of it."""
        rest_box = self.query_one("#today-rest")
        if not rest_box.children:
            await rest_box.mount_all(self._rest_of_day_widgets())
        self.app.read(self._fill_rest_of_day)

    def _followups(self) -> FollowUpList | None:
        """The follow-up list, once the rest of the day is mounted."""
        from ..widgets.followup_list import FollowUpList

        found = self.query(FollowUpList)
        return found.first() if found else None

    def _show_followups(self, view: TodayView, day: date) -> None:
        followups = self._followups()
        assert followups is not None  # called once the rest of the day is mounted
        followups.show(view.followups, view.due, day)
        for widget in (followups, self.query_one("#today-followups-title")):
            widget.display = bool(view.due)

    def _show_quiet(self, view: TodayView) -> None:
        from ..widgets.quiet_list import QuietList

        found = self.query_one(QuietList)
        found.show(view.quiet, view.quiet_count)
        for widget in (found, self.query_one("#today-quiet-title")):
            widget.display = bool(view.quiet_count)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """In a short terminal the quiet list scrolls with mood and wins: keep its cursor seen."""
        if event.option_list.id == "today-quiet" and event.option_list.has_focus:
            quiet = event.option_list
            self.query_one("#today-later").scroll_to_region(
                Region(0, quiet.virtual_region.y + event.option_index, 1, 1), animate=False)

    def action_quiet_follow_up(self) -> None:
        """`f` on a quiet application: a follow-up on its first contact (the contacts' form)."""
        from ..services import contacts as contact_service
        from ..widgets.quiet_list import QuietList
        from .contact_forms import FollowUpForm

        found = self.query(QuietList)
        chosen = found.first().selected() if found else None
        if chosen is None:
            self.notify("No quiet applications.", timeout=3)
            return
        if not chosen.contacts:
            self.notify(f"{chosen.title} has no contact to follow up: add one on Applications (6)",
                        markup=False, timeout=4)
            return
        rb = self.app.rb
        person = self.app.attempt(lambda: contact_service.contact_by_id(rb, chosen.contacts[0]))
        if person is None:
            return

        def saved(done: object) -> None:
            if done:
                self.app.refresh_data()
                self.notify(f"Follow-up saved for {person.name} ({chosen.title})", markup=False)

        self.app.push_screen(FollowUpForm(person, person.follow_up), saved)

    def action_quiet_ghosted(self) -> None:
        """`g` on a quiet application: close it as ghosted (`u` undoes it)."""
        from ..services import applications as app_service
        from ..widgets.quiet_list import QuietList

        found = self.query(QuietList)
        chosen = found.first().selected() if found else None
        if chosen is None:
            self.notify("No quiet applications.", timeout=3)
            return
        rb = self.app.rb
        if self._change(lambda: app_service.close_application(rb, chosen.id, "ghosted")):
            self.notify(f"Closed {chosen.title} as ghosted · u undoes it", markup=False)

    def action_log_followup(self) -> None:
        """`l`: log the interaction that clears the highlighted follow-up."""
        followups = self._followups()
        view = followups.selected() if followups is not None else None
        if view is None:
            self.notify("No follow-ups due today.", timeout=3)
            return
        from .contact_forms import LogForm

        self.app.push_screen(LogForm(view.contact), lambda done: done and self.app.refresh_data())

    def _show_mood(self, view: TodayView) -> None:
        from ..core.mood import score_label
        from ..core.mood_stats import level

        found = view.mood
        if found is None:
            text = Text("How are you today? Press m and pick 1–5; it takes two seconds.", "dim")
        else:
            mean, count = found
            logged = f"{count} entries" if count > 1 else "1 entry"
            text = Text(f"Today {mean:.1f} · {score_label(level(mean))} ({logged}; m logs another)")
        if ask := view.ask:
            text.append(f"\nNext: ask {ask.contact} for feedback on {ask.company} by "
                        f"{ask.follow_up:%a %d %b}", "italic")
        self.query_one("#today-mood", Static).update(text)

    def _show_activities(self, day) -> None:  # type: ignore[no-untyped-def]
        from ..services.worklog import this_week

        week = this_week(self.app.rb, day)  # None while the setting is off: nothing read
        line = week.short if week else ""
        widget = self.query_one("#today-activities", Static)
        widget.update(Text(line))
        widget.display = bool(line)

    def selected(self) -> GoalSummary | None:
        return self.query_one(GoalList).selected

    # Actions --------------------------------------------------------------------------------
    def _change(self, change: Callable[[], object]) -> bool:
        if self.app.attempt(change) is None:
            return False
        self.app.refresh_data()
        return True

    def action_cursor(self, step: int) -> None:
        self.query_one(GoalList).move(step)

    def action_tick(self) -> None:
        if summary := self.selected():
            rb = self.app.rb
            self._change(lambda: checkin_service.toggle_tick(rb, summary.goal.id, rb.today()) or True)

    def on_goal_list_selected(self, event: GoalList.Selected) -> None:
        event.stop()
        self.action_tick()

    def action_count(self, step: int) -> None:
        if summary := self.selected():
            rb = self.app.rb
            self._change(lambda: checkin_service.log(rb, summary.goal.id, step, day=rb.today()))

    def action_skip(self) -> None:
        if summary := self.selected():
            rb = self.app.rb
            day = rb.today()
            toggled = self.app.attempt(lambda: checkin_service.toggle_skip(rb, summary.goal.id, day))
            if isinstance(toggled, tuple):
                self.app.refresh_data()
                self.notify(skip_message(summary.goal.name, day, toggled[1]), markup=False)

    def action_rest(self) -> None:
        rb = self.app.rb
        day = rb.today()
        rest = self.app.attempt(lambda: checkin_service.toggle_rest(rb, day))
        if rest is not None:
            self.app.refresh_data()
            self.notify(rest_message(day, bool(rest)))

    def action_add(self) -> None:
        from .goal_form import GoalForm

        self.app.push_screen(GoalForm(), self._added)

    def _added(self, result: GoalFormResult | None) -> None:
        if result is not None:
            self.app.refresh_data()
            self.notify(f"Added {result.goal.name}", markup=False)
