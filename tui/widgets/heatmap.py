"""A GitHub-style heatmap of one goal: weeks as columns, weekdays as rows, and a day cursor.

The widget only draws: it is handed a ``GoalHistory`` and does no I/O. Moving the cursor repaints
this widget alone, and only the weeks that fit the width are drawn, so five years of history cost
no more than the last few months.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ..core.clock import WEEKDAYS, week_start_of
from ..core.goals import GoalHistory
from ..core.streaks import DayState, day_state

LABEL_WIDTH = 4  # "Mon "
CELL_WIDTH = 2  # a glyph and a gap
ONE_WEEK = timedelta(days=7)
DEFAULT_WEEKS = 26
GRID_LINES = 9  # the month names, seven weekdays and the "▲ today" row

# A glyph per kind of day, so each differs without colour (NO_COLOR, light themes) too.
FILLED, PART, MISSED, EMPTY, DOT, REST, SKIP = "■", "◧", "×", "□", "·", "○", "»"


def level(count: int, target: int) -> int:
    """0 nothing, 1 under half the target, 2 under the target, 3 the target met."""
    if count <= 0:
        return 0
    share = count / max(1, target)
    return 1 if share < 0.5 else 2 if share < 1 else 3


def classify(history: GoalHistory, day: date, today: date) -> tuple[str, str]:
    """(glyph, component class) for one cell, following the streak rules of ``core.streaks``."""
    if day > today:
        return " ", "heatmap--future"
    goal = history.goal
    count = history.counts.get(day, 0)
    if day < goal.start and count == 0:
        return DOT, "heatmap--dim"
    filled = f"heatmap--level-{level(count, goal.target)}"
    if day in history.rest_days:
        return REST, filled if count else "heatmap--rest"
    if day in history.skips:
        return SKIP, filled if count else "heatmap--skip"
    if count:
        full = goal.is_weekly or count >= goal.target  # a weekly goal's week decides, not a day
        return (FILLED if full else PART), filled
    if goal.is_weekly:  # a weekly goal's empty day is not a miss; the week decides
        return EMPTY, "heatmap--none"
    if not goal.scheduled_on(day):
        return DOT, "heatmap--dim"
    if day_state(history, day, today) is DayState.MISS:
        return MISSED, "heatmap--miss"
    return EMPTY, "heatmap--none"  # today, still open


def legend_items(style) -> list[Text]:  # type: ignore[no-untyped-def]
    """The legend's entries, styled by ``style(component class)``."""
    label = style("heatmap--label")
    items = []
    for glyph, component, words in (
        (FILLED, "heatmap--level-3", "done"),
        (PART, "heatmap--level-2", "part done"),
        (MISSED, "heatmap--miss", "missed"),
        (EMPTY, "heatmap--none", "nothing"),
        (REST, "heatmap--rest", "rest day"),
        (SKIP, "heatmap--skip", "skipped"),
        (DOT, "heatmap--dim", "not counted"),
        ("[ ]", "heatmap--label-cursor", "cursor"),
    ):
        items.append(Text.assemble((glyph, style(component)), (f" {words}", label)))
    return items


def wrap_legend(items: list[Text], width: int) -> list[Text]:
    lines = [Text(" " * LABEL_WIDTH)]
    for item in items:
        line = lines[-1]
        if line.cell_len > LABEL_WIDTH and line.cell_len + 2 + item.cell_len > width:
            lines.append(Text(" " * LABEL_WIDTH))
            line = lines[-1]
        if line.cell_len > LABEL_WIDTH:
            line.append("  ")
        line.append_text(item)
    return lines


def first_of_month(week: date) -> date | None:
    return next((week + timedelta(days=i) for i in range(7) if (week + timedelta(days=i)).day == 1), None)


def month_labels(weeks: list[date], width: int) -> list[tuple[int, str]]:
    """(column, name) of the month names over the weeks holding a 1st, and the window's own
    month at the left if there is room. A name is whole or absent: one that would run past
    ``width`` moves left if it can. The first name, and the first of each new year, carry the
    year ("Jan '27")."""
    wanted: list[tuple[int, date]] = []
    for index, week in enumerate(weeks):
        first = first_of_month(week)
        if first is not None:
            wanted.append((LABEL_WIDTH + index * CELL_WIDTH, first))
    opening = not wanted or wanted[0][0] != LABEL_WIDTH
    if opening:
        wanted.insert(0, (LABEL_WIDTH, weeks[0]))
    placed: list[tuple[int, str]] = []
    free_from, year = LABEL_WIDTH, None
    for index, (at, day) in enumerate(wanted):
        name = day.strftime("%b '%y" if day.year != year else "%b")
        limit = wanted[index + 1][0] - 1 if index + 1 < len(wanted) else width
        if at + len(name) > limit:
            if index + 1 < len(wanted) or (opening and index == 0):
                continue  # no room before the next month: leave this one out
            at = limit - len(name)  # the last one may move left, over the month before
            if at < free_from:
                continue
        placed.append((at, name))
        free_from, year = at + len(name) + 1, day.year
    return placed


class Heatmap(Widget):
    """Draws ``history`` up to ``today`` with the cursor on ``cursor``."""

    COMPONENT_CLASSES = {
        "heatmap--label",
        "heatmap--label-cursor",
        "heatmap--future",
        "heatmap--dim",
        "heatmap--none",
        "heatmap--miss",
        "heatmap--level-1",
        "heatmap--level-2",
        "heatmap--level-3",
        "heatmap--rest",
        "heatmap--skip",
        "heatmap--today",
        "heatmap--cursor",
    }

    DEFAULT_CSS = """
    Heatmap {
        height: auto;
        width: 1fr;
        min-width: 30;
    }
    Heatmap > .heatmap--label { color: $text-muted; }
    Heatmap > .heatmap--label-cursor { color: $accent; text-style: bold; }
    Heatmap > .heatmap--dim { color: $text-muted 60%; }
    Heatmap > .heatmap--none { color: $text-muted; }
    Heatmap > .heatmap--miss { color: $error; }
    Heatmap > .heatmap--level-1 { color: $warning; }
    Heatmap > .heatmap--level-2 { color: $success 60%; }
    Heatmap > .heatmap--level-3 { color: $success; }
    Heatmap > .heatmap--rest { color: $primary; }
    Heatmap > .heatmap--skip { color: $secondary; }
    Heatmap > .heatmap--today { text-style: bold; }
    Heatmap > .heatmap--cursor { text-style: reverse bold; }
    """

    class DayClicked(Message):
        """The user clicked a day that is not in the future."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.history: GoalHistory | None = None
        self.today = date.today()
        self.cursor = self.today
        self.week_start = 0
        self._last_week: date | None = None  # the rightmost column, kept while the cursor fits
        self._weeks: list[date] = []  # the columns of the last render, for clicks
        self._drawn: list[Text] = []

    # Input from the screen -------------------------------------------------------------------
    def show(self, history: GoalHistory | None, today: date, cursor: date, week_start: int) -> None:
        if history is None or self.history is None or history.goal.id != self.history.goal.id:
            self._last_week = None  # another goal: start from the current week again
        if week_start != self.week_start:
            self._last_week = None
        self.history, self.today, self.week_start = history, today, week_start
        self.cursor = min(cursor, today)
        self.refresh()

    def move_cursor(self, day: date) -> None:
        self.cursor = min(day, self.today)
        self.refresh()

    # Drawing ---------------------------------------------------------------------------------
    def weeks_that_fit(self) -> int:
        width = self.content_size.width or (LABEL_WIDTH + CELL_WIDTH * DEFAULT_WEEKS)
        return max(1, (width - LABEL_WIDTH) // CELL_WIDTH)

    def visible_weeks(self) -> list[date]:
        """Column start days, oldest first. The window follows the cursor, moving as little as it can."""
        count = self.weeks_that_fit()
        this_week = week_start_of(self.today, self.week_start)
        cursor_week = week_start_of(self.cursor, self.week_start)
        last = min(self._last_week or this_week, this_week)
        if cursor_week > last:
            last = cursor_week
        elif cursor_week < last - (count - 1) * ONE_WEEK:
            last = cursor_week + (count - 1) * ONE_WEEK
        self._last_week = last
        return [last - (count - 1 - i) * ONE_WEEK for i in range(count)]

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawn = self.lines()  # built once per drawing, then handed out line by line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Each line's segments straight to a strip: Textual's own way with a Text (a span per
        cell, wrapped and measured) took ~12 ms of the first visit to Goals."""
        width, base = self.content_size.width, self.rich_style
        if y >= len(self._drawn):
            return Strip.blank(width, base)
        segments = self._drawn[y].render(self.app.console)
        return Strip(segments).apply_style(base).adjust_cell_length(width, base)

    def lines(self) -> list[Text]:
        """What the widget shows, a Text per line."""
        if self.history is None:
            return []
        weeks = self._weeks = self.visible_weeks()
        style = self.get_component_rich_style
        label = style("heatmap--label")
        marker = style("heatmap--label-cursor")
        today_style = style("heatmap--today", partial=True)
        cursor_style = style("heatmap--cursor", partial=True)
        lines = [self._month_row(weeks, label)]
        for row in range(7):
            first = weeks[0] + timedelta(days=row)
            on_cursor_row = first.weekday() == self.cursor.weekday()
            name = WEEKDAYS[first.weekday()].capitalize()
            line = Text(name, style=marker if on_cursor_row else label)
            after_cursor = False
            for week in weeks:
                day = week + timedelta(days=row)
                glyph, component = classify(self.history, day, self.today)
                cell = style(component)
                if day == self.today:
                    cell += today_style
                if day == self.cursor:  # brackets in the gaps either side: "[■]"
                    line.append("[", marker)
                    line.append(glyph, cell + cursor_style)
                    after_cursor = True
                    continue
                line.append("]" if after_cursor else " ", marker if after_cursor else None)
                line.append(glyph, cell)
                after_cursor = False
            line.append("]" if after_cursor else " ", marker if after_cursor else None)
            lines.append(line)
        lines.append(self._today_row(weeks, marker))
        lines.extend(self._legend(style))
        return lines

    def _today_row(self, weeks: list[date], style: Style) -> Text:
        """A "▲ today" mark under today's column (a glyph alone hides an underline)."""
        this_week = week_start_of(self.today, self.week_start)
        if this_week not in weeks:
            return Text("")
        at = LABEL_WIDTH + weeks.index(this_week) * CELL_WIDTH
        width = self.content_size.width or at + 8
        if at + len("▲ today") <= width:
            return Text(" " * at) + Text("▲ today", style=style)
        return Text(" " * (at - len("today "))) + Text("today ▲", style=style)

    def _month_row(self, weeks: list[date], style: Style) -> Text:
        width = self.content_size.width or LABEL_WIDTH + CELL_WIDTH * len(weeks) + 8
        row = [" "] * width
        for at, name in month_labels(weeks, width):
            row[at:at + len(name)] = name
        return Text("".join(row).rstrip(), style=style)

    def _legend(self, style) -> list[Text]:  # type: ignore[no-untyped-def]
        """The key to the colours, wrapped to the width."""
        return wrap_legend(legend_items(style), self.content_size.width or 80)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Known without drawing: drawing to measure would ask the layout being measured for
        the width, and Textual would arrange the whole screen again (once per measurement)."""
        if self.history is None:
            return super().get_content_height(container, viewport, width)
        return GRID_LINES + len(wrap_legend(legend_items(lambda _: Style()), width or 80))

    # Mouse -----------------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._weeks:
            return
        column = (offset.x - LABEL_WIDTH) // CELL_WIDTH
        row = offset.y - 1
        if offset.x < LABEL_WIDTH or not 0 <= column < len(self._weeks) or not 0 <= row < 7:
            return
        day = self._weeks[column] + timedelta(days=row)
        if day <= self.today:
            self.post_message(self.DayClicked(day))
