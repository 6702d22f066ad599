"""Today's goals: one line each (name, progress bar, count, streak, strength, state), one widget.

A line-API widget: it draws each visible row itself, so a dozen goals cost one widget to mount
and style instead of a hundred (a ListView of rows of Statics took about 30 ms of every start).
Colours come from component classes in styles/today.tcss, looked up at draw time, so a theme
change recolours it like any other widget.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..services.summaries import GoalSummary, state_text
from .hover import Hover

BAR_WIDTH = 10
PAD = 1  # blank cells either side of a row
GAP = 2  # blank cells between two columns
ROW_MAX = 100  # a wide terminal keeps a row compact: names beside their bars, not far from them
# The ladder of layouts, roomiest first: (bar width, streak words, the least a name may have).
# The first whose name column gets its least is used; the figures and the state are never cut.
LADDER = ((BAR_WIDTH, "long", 16), (BAR_WIDTH, "short", 16), (5, "short", 12), (0, "short", 10),
          (0, None, 8))


class Layout(NamedTuple):
    """Each column's width in cells (0: not drawn) and the streak's words (long, short, None)."""

    name: int
    bar: int
    count: int
    streak: int
    score: int
    state: int
    streak_words: str | None


def bar(done: int, target: int, width: int = BAR_WIDTH) -> str:
    filled = width if target <= 0 else min(width, round(width * done / target))
    return "█" * filled + "░" * (width - filled)


def progress_text(summary: GoalSummary) -> str:
    return summary.progress


def streak_text(summary: GoalSummary, words: str | None = "long") -> str:
    unit = "w" if summary.goal.is_weekly else "d"
    short = f"{summary.streak.current}{unit} · best {summary.streak.best}{unit}"
    return "" if words is None else f"streak {short}" if words == "long" else short


def row_state(summary: GoalSummary) -> str:
    """What colours the row's bar, streak and state words: done, at-risk, neutral or plain."""
    if summary.streak.complete:
        return "done"
    if summary.streak.at_risk:
        return "at-risk"
    return "neutral" if summary.rest or summary.skipped else "plain"


# The component class of each coloured cell, by row state (None: the row's own colour).
CELL_COLOURS: dict[str, dict[str, str | None]] = {
    "done": {"bar": "done", "state": "done", "streak": "muted"},
    "at-risk": {"bar": "bar", "state": "at-risk", "streak": "at-risk"},
    "neutral": {"bar": "muted", "state": "muted", "streak": "muted"},
    "plain": {"bar": "bar", "state": None, "streak": "muted"},
}


def cells(summary: GoalSummary, bar_width: int = BAR_WIDTH, streak: str | None = "long") -> dict[str, str]:
    s = summary.streak
    return {
        "name": summary.goal.name,
        "bar": bar(s.done, summary.target, bar_width),
        "count": progress_text(summary),
        "streak": streak_text(summary, streak),
        "score": f"{summary.score:.0%}",
        "state": state_text(summary),
    }


def layout(summaries: list[GoalSummary], width: int) -> Layout:
    """Column widths for rows ``width`` cells wide: every figure and state whole, the name
    truncated first, the bar and the streak's words shortened or dropped before a name is cut
    below its least (LADDER)."""
    width = min(width, ROW_MAX) - 2 * PAD

    def widest(texts: list[str]) -> int:
        return max((cell_len(t) for t in texts), default=0)

    names = widest([s.goal.name for s in summaries])
    count = widest([progress_text(s) for s in summaries])
    score = widest([f"{s.score:.0%}" for s in summaries])
    state = widest([state_text(s) for s in summaries])
    found = None
    for bar_width, words, least in LADDER:
        streak = widest([streak_text(s, words) for s in summaries])
        columns = [w for w in (bar_width, count, streak, score, state) if w]
        room = width - sum(columns) - GAP * len(columns)
        found = Layout(max(1, min(names, room)), bar_width, count, streak, score, state, words)
        if room >= min(names, least):
            break
    assert found is not None
    return found


COLUMNS = (("bar", False), ("count", False), ("streak", False), ("score", True), ("state", False))


def fit(text: str, width: int, right: bool = False) -> str:
    """``text`` in exactly ``width`` cells: cut with an ellipsis, or padded."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    padding = " " * (width - cell_len(text))
    return padding + text if right else text + padding


class GoalList(Hover, ScrollView, can_focus=True):
    """A cursor over today's goals; enter or a click selects (Today ticks the goal)."""

    ALLOW_SELECT = False
    BINDINGS = [
        Binding("enter", "select", "Tick", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "move_to(0)", "First goal", show=False),
        Binding("end", "move_to(-1)", "Last goal", show=False),
    ]
    COMPONENT_CLASSES = {"goal-list--cursor", "goal-list--hover", "goal-list--bar",
                         "goal-list--done", "goal-list--at-risk", "goal-list--muted"}

    class Selected(Message):
        def __init__(self, summary: GoalSummary) -> None:
            super().__init__()
            self.summary = summary

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.summaries: list[GoalSummary] = []
        self.index = 0
        self._shown = 0  # counts the calls of ``show``: the layout is worked out once for each
        self._drawn_layout: tuple[tuple[int, int], Layout] | None = None

    # What it shows ------------------------------------------------------------------------------
    def show(self, summaries: list[GoalSummary]) -> None:
        """Redraw with new figures; the cursor stays on its row (or the last one)."""
        self.summaries = list(summaries)
        self._shown += 1
        self.index = max(0, min(self.index, len(self.summaries) - 1))
        self.virtual_size = Size(0, len(self.summaries))
        self.refresh(layout=True)
        self._keep_cursor_in_view()

    @property
    def selected(self) -> GoalSummary | None:
        return self.summaries[self.index] if self.summaries else None

    def move(self, step: int) -> None:
        if self.summaries:
            self.index = max(0, min(self.index + step, len(self.summaries) - 1))
            self._keep_cursor_in_view()
            self.refresh()

    def action_page(self, pages: int) -> None:
        self.move(pages * max(1, self.scrollable_content_region.height - 1))

    def action_move_to(self, index: int) -> None:
        self.move((index % max(1, len(self.summaries))) - self.index)

    def action_select(self) -> None:
        if (summary := self.selected) is not None:
            self.post_message(self.Selected(summary))

    def _keep_cursor_in_view(self) -> None:
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if self.index < top:
            self.scroll_to(y=self.index, animate=False, immediate=True)
        elif height and self.index >= top + height:
            self.scroll_to(y=self.index - height + 1, animate=False, immediate=True)

    # Drawing -----------------------------------------------------------------------------------
    def lines(self) -> list[str]:
        """The text of every row as drawn at the current width, scrolled into view or not."""
        width = self.scrollable_content_region.width
        return [Strip(self._segments(s, width, Style(), False)).text for s in self.summaries]

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self.summaries):
            return Strip.blank(width, self.rich_style)
        row = self.rich_style
        if index == self.index:
            row += self.get_visual_style("goal-list--cursor").rich_style
        elif index == self._hover:
            row += self.get_visual_style("goal-list--hover").rich_style
        return Strip(self._segments(self.summaries[index], width, row, index == self.index), width)

    def _layout(self, width: int) -> Layout:
        key = (width, self._shown)
        if self._drawn_layout is None or self._drawn_layout[0] != key:
            self._drawn_layout = (key, layout(self.summaries, width))
        return self._drawn_layout[1]

    def _segments(self, summary: GoalSummary, width: int, row: Style, cursor: bool) -> list[Segment]:
        widths = self._layout(width)
        texts = cells(summary, widths.bar, widths.streak_words)
        colours = CELL_COLOURS[row_state(summary)]
        segments = [Segment(" " * PAD, row), Segment(fit(texts["name"], widths.name), row)]
        for column, right in COLUMNS:
            column_width = getattr(widths, column)
            if not column_width:
                continue
            segments.append(Segment(" " * GAP, row))
            colour = colours.get(column, "muted" if column == "score" else None)
            if cursor and colour in ("bar", "muted"):
                colour = None  # on the cursor's background these take its colour, as the name does
            style = row + self._colour(colour) if colour else row
            segments.append(Segment(fit(texts[column], column_width, right), style))
        segments.append(Segment(" " * PAD, row))
        return list(Segment.adjust_line_length(segments, width, row))

    def _colour(self, name: str) -> Style:
        return Style(color=self.get_component_rich_style(f"goal-list--{name}").color)

    # Mouse ------------------------------------------------------------------------------------
    def _row_at(self, event: events.MouseEvent) -> int | None:
        index = round(self.scroll_y) + event.y
        return index if 0 <= index < len(self.summaries) else None

    def on_click(self, event: events.Click) -> None:
        if (index := self._row_at(event)) is not None:
            self.index = index
            self.refresh()
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_at(event))
