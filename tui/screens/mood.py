"""Mood: the trend of the daily mean, a year in pixels, what goes with a good day, every entry
(newest first, a page at a time) and the rejections with their lessons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..core.mood import MoodEntry, Rejection, score_label
from ..core.mood_stats import NOTHING_TO_COMPARE, TREND_WINDOWS, Comparison, trend, window_mean
from ..services import memo
from ..services.context import Rebound
from ..services import mood as mood_service
from ..services.mood_insights import insights
from ..widgets.mood_trend import MoodTrend, days_per_column
from ..widgets.year_pixels import YearPixels
from ..widgets.key_bar import KeyBar
from ..widgets.tab_bar import TabBar
from .data_screen import DataScreen

PAGE = 25  # about two screens of entries at first; enter on the last option shows more
REJECTIONS_PAGE = 10  # two lines each: five busy years hold hundreds
MORE = "more"


def entry_line(entry: MoodEntry) -> Text:
    tags = ("  " + " ".join(f"#{t}" for t in entry.tags)) if entry.tags else ""
    return Text.assemble(
        (entry.day.strftime("%a %d %b %Y").ljust(16), "dim"),
        (f"{entry.score} {score_label(entry.score)}".ljust(8), "bold"),
        (tags, "italic"),
        (f"  {entry.note}" if entry.note else "", ""),
    )


def rejection_line(rejection: Rejection) -> Text:
    head = Text.assemble(
        (rejection.day.strftime("%d %b %Y").ljust(13), "dim"),
        (rejection.title, "bold"),
        (f" · {rejection.stage}" if rejection.stage else "", "dim"),
    )
    if rejection.ask_feedback and rejection.follow_up:
        head.append(f" · ask {rejection.contact} by {rejection.follow_up:%d %b}", "dim")
    lesson = rejection.lesson or "no lesson yet: e adds one"
    return Text.assemble(head, "\n", ("  Lesson: ", "dim"), (lesson, "" if rejection.lesson else "dim italic"))


# What the screen shows, read once per version of the data (``prepare`` reads it ahead) -------
def mood_means(rb: Rebound, since: date | None = None) -> dict[date, float]:
    return memo.memoised(rb, ("mood-means", since), lambda: mood_service.means(rb, since))


def mood_insights(rb: Rebound, today: date) -> list[Comparison]:
    return memo.memoised(rb, ("mood-insights", today), lambda: insights(rb, mood_means(rb)))


def mood_entries(rb: Rebound, since: date | None = None) -> list[MoodEntry]:
    return memo.memoised(rb, ("mood-entries", since), lambda: mood_service.entries(rb, since))


def recent(today: date) -> date:
    """The first day of the year holding the trend's oldest day: the title, the trend (90 days
    at most) and this year in pixels need nothing older, so a first visit reads this year's
    file (and last year's, until April), not every year's."""
    return date((today - timedelta(days=max(TREND_WINDOWS) - 1)).year, 1, 1)


def mood_rejections(rb: Rebound) -> list[Rejection]:
    return memo.memoised(rb, "mood-rejections", lambda: mood_service.rejections(rb))


def prepare(rb: Rebound) -> None:
    """Read ahead, while the app is idle, what the first visit shows."""
    mood_insights(rb, rb.today())
    mood_entries(rb)
    mood_rejections(rb)


class MoodScreen(DataScreen):
    BINDINGS = [
        Binding("j", "cursor(1)", "Down", key_display="j/↓", show=False),
        Binding("k", "cursor(-1)", "Up", key_display="k/↑", show=False),
        Binding("t", "toggle_trend", "30/90 days"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
    ]
    AREA = "Mood"
    PALETTE = {  # the command palette's entries (screens.palette): action → title, help
        "toggle_trend": ("Trend over 30 or 90 days", "Switch the trend window"),
        "edit_lesson": ("Edit a lesson", "Edit the highlighted rejection's lesson (e)"),
        "edit": ("Edit", "Edit the highlighted mood entry, or the lesson when the rejections have focus"),
        "delete": ("Delete an entry", "Delete the highlighted mood entry or reflection, asking first"),
    }

    FIRST_FOCUS = "#mood-entries"

    def __init__(self) -> None:
        super().__init__()
        self.window = TREND_WINDOWS[0]
        self.shown = PAGE
        self.shown_rejections = REJECTIONS_PAGE
        self._trend_values: list[float] = []

    def compose(self) -> ComposeResult:
        yield TabBar("mood")
        with Vertical(id="mood"):
            yield Static(id="mood-title")
            with Horizontal(id="mood-trend-row"):
                yield Static(id="mood-trend-label")
                yield MoodTrend(id="mood-trend")
            with Horizontal(id="mood-body"):
                # the insights first (a few lines), then the year: it scrolls in a short terminal
                with VerticalScroll(id="mood-left"):
                    yield Static("What goes with a good day", classes="section-title")
                    yield Static(id="mood-insights")
                    yield YearPixels(id="mood-pixels")
                with Vertical(id="mood-right"):
                    yield Static("Entries, newest first", classes="section-title")
                    yield OptionList(id="mood-entries")
                    yield Static("Rejections and lessons", classes="section-title")
                    yield OptionList(id="mood-rejections")
        yield KeyBar()

    def draw(self, today: date, first: bool) -> None:
        every_year = memo.peek(self.app.rb, ("mood-insights", today)) is not None
        self._draw(today, None if every_year else recent(today))
        if not every_year:  # years of moods: the recent ones now, every year a frame later
            self.draw_later(lambda: self._draw(self.app.rb.today(), None))

    def _draw(self, today: date, since: date | None) -> None:
        """Everything, from the files of ``since``'s year on (None: every year; only then the
        insights and the number of older entries, which need every year)."""
        rb = self.app.rb
        means = mood_means(rb, since)
        now = mood_service.day_mood(rb, today)
        mean30 = window_mean(means, today, 30)
        self.query_one("#mood-title", Static).update(
            "Mood · today " + (f"{now[0]:.1f} ({now[1]} logged)" if now else "not logged yet (m)")
            + (f" · last 30 days {mean30:.1f}" if mean30 is not None else "")
        )
        values = trend(means, today, self.window)
        chart = self.query_one(MoodTrend)
        chart.show(means, today, self.window)
        chart.display = len(values) >= 2
        self._trend_values = values
        self._label_trend()
        self.query_one(YearPixels).show(means, today)
        found = mood_insights(rb, today) if since is None else None
        self.query_one("#mood-insights", Static).update(
            Text("Reading every year of moods…", "dim") if found is None
            else Text("\n".join(f"· {c.sentence}" for c in found)) if found
            else Text(NOTHING_TO_COMPARE, "dim")
        )
        entries = mood_entries(rb, since)
        if since is not None and len(entries) <= self.shown:
            entries, since = mood_entries(rb), None  # a page needs older years: read them now
        self._fill("#mood-entries", entries, entry_line, self.shown, PAGE, "entries",
                   "No moods yet: press m, then 1–5.", counted=since is None)
        self._fill("#mood-rejections", mood_rejections(rb), rejection_line, self.shown_rejections, REJECTIONS_PAGE, "rejections",
                   "None logged. x reflects on one when it comes.")

    def _label_trend(self) -> None:
        values, label = self._trend_values, f"Last {self.window} days (t)"
        if len(values) < 2:
            label += "\na trend needs two days"
        else:
            label += f"\n{len(values)} days, {min(values):.1f}–{max(values):.1f}"
            chart = self.query_one(MoodTrend)  # its width decides; before the first layout, its last
            per = days_per_column(self.window, chart.size.width) if chart.size.width else chart.per
            label += f"\n{per} days a column" if per > 1 else "\na column a day"
        self.query_one("#mood-trend-label", Static).update(label)

    @on(MoodTrend.Scaled)
    def _rescaled(self) -> None:
        self._label_trend()

    def _fill(self, view_id: str, items: list[Any], line: Callable[[Any], Text], shown: int,
              page: int, noun: str, empty: str, counted: bool = True) -> None:
        """The first ``shown`` items, then an option that shows ``page`` more (how many are
        left when ``counted``: ``items`` are all there are)."""
        options = [Option(line(item), id=item.id) for item in items[:shown]]
        if len(items) > shown:
            rest = len(items) - shown
            more = (f"… {rest} older {noun}: enter shows {min(rest, page)} more" if counted
                    else f"… older {noun}: enter shows {page} more")
            options.append(Option(Text(more, "dim"), id=MORE))
        if not options:
            options.append(Option(Text(empty, "dim"), disabled=True))
        view = self.query_one(view_id, OptionList)
        highlighted = view.highlighted
        view.set_options(options)
        view.highlighted = min(highlighted or 0, len(options) - 1)

    @on(OptionList.OptionSelected, "#mood-entries")
    def _more(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == MORE:
            self.shown += PAGE
            self.redraw()

    @on(OptionList.OptionSelected, "#mood-rejections")
    def _selected_rejection(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == MORE:
            self.shown_rejections += REJECTIONS_PAGE
            self.redraw()
        else:
            self.action_edit_lesson()

    def action_cursor(self, step: int) -> None:
        view = self.focused if isinstance(self.focused, OptionList) else self.query_one(OptionList)
        view.action_cursor_down() if step > 0 else view.action_cursor_up()

    def action_toggle_trend(self) -> None:
        self.window = TREND_WINDOWS[(TREND_WINDOWS.index(self.window) + 1) % len(TREND_WINDOWS)]
        self.redraw()

    def _highlighted_entry(self) -> MoodEntry | None:
        option = self.query_one("#mood-entries", OptionList).highlighted_option
        if option is None or option.id in (None, MORE):
            self.notify("No mood entry highlighted: m logs one", severity="warning")
            return None
        return self.app.attempt(lambda: mood_service.entry_by_id(self.app.rb, option.id))  # type: ignore[return-value]

    def action_edit(self) -> None:
        """`e` edits what the focused list highlights: a mood entry, or a rejection's lesson."""
        if self.focused is self.query_one("#mood-rejections", OptionList):
            self.action_edit_lesson()
        else:
            self.action_edit_entry()

    def action_edit_entry(self) -> None:
        if entry := self._highlighted_entry():
            from .mood_form import MoodForm

            self.app.push_screen(MoodForm(edit=entry), self._entry_edited)

    def _entry_edited(self, entry: MoodEntry | None) -> None:
        if entry is not None:
            self.notify("Mood entry saved. u undoes it.")
            self.app.refresh_data()

    def action_delete(self) -> None:
        if self.focused is self.query_one("#mood-rejections", OptionList):
            self._delete_reflection()
            return
        if not (entry := self._highlighted_entry()):
            return
        from .confirm import ConfirmScreen

        what = f"mood {entry.score} ({score_label(entry.score)}) of {entry.day:%a %d %b %Y}"
        question = f"Delete {what}?\nA bounce-back it earned goes with it; u undoes it."

        def answered(yes: bool | None) -> None:
            if yes and self.app.attempt(lambda: mood_service.delete_mood(self.app.rb, entry) or True):
                self.notify(f"Deleted {what}. u undoes it.", markup=False)
                self.app.refresh_data()

        self.app.push_screen(ConfirmScreen("Delete a mood entry", question), answered)

    def _delete_reflection(self) -> None:
        option = self.query_one("#mood-rejections", OptionList).highlighted_option
        if option is None or option.id in (None, MORE):
            self.notify("No reflection highlighted: x logs one", severity="warning")
            return
        rejection = mood_service.rejection_by_id(self.app.rb, option.id)
        from .confirm import ConfirmScreen

        what = f"the reflection on {rejection.company} of {rejection.day:%a %d %b %Y}"
        question = f"Delete {what}?\nIts mood entry stays; the win its lesson earned goes; u undoes it."

        def answered(yes: bool | None) -> None:
            if yes and self.app.attempt(lambda: mood_service.delete_rejection(self.app.rb, rejection.id)):
                self.notify(f"Deleted {what}. u undoes it.", markup=False)
                self.app.refresh_data()

        self.app.push_screen(ConfirmScreen("Delete a reflection", question), answered)

    def action_edit_lesson(self) -> None:
        view = self.query_one("#mood-rejections", OptionList)
        option = view.highlighted_option
        if option is None or option.id in (None, MORE):
            self.notify("No rejection to edit: x logs one", severity="warning")
            return
        rejection = mood_service.rejection_by_id(self.app.rb, option.id)
        from .rejection_form import RejectionForm  # imported when first opened

        self.app.push_screen(RejectionForm(edit=rejection), self._edited)

    def _edited(self, rejection: Rejection | None) -> None:
        if rejection is not None:
            self.notify("Lesson saved")
            self.app.refresh_data()
