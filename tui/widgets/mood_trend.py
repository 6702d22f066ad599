"""The mood trend: a bar per day (or per few days when the width is short) on a fixed 1–5
scale, a dotted gap on days without a mood, and a date axis under it.

Draws only what it is handed (``{day: mean}``); no I/O. The lines' segments are built once per
drawing, then handed out line by line (the line API, as the heatmap and the year in pixels do).
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby

from rich.segment import Segment
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ..core.mood_stats import daily, grouped, level

ROWS = 2  # chart lines; the axis is the third
BARS = " ▁▂▃▄▅▆▇█"
NO_MOOD = "·"  # on the bottom line, where a bar would stand


def bar(mean: float, row: int) -> str:
    """The glyph of ``row`` (0 = top) for a mean: its height is mean/5 of the chart."""
    eighths = max(1, min(8 * ROWS, round(mean * 8 * ROWS / 5)))
    below = 8 * (ROWS - 1 - row)
    return BARS[max(0, min(8, eighths - below))]


def days_per_column(days: int, width: int) -> int:
    """One column a day when they fit, else as few days to a column as fit."""
    return max(1, -(-days // max(1, width)))


def day_name(day: date) -> str:
    return f"{day.day} {day:%b}"


class MoodTrend(Widget):
    """``show(means, today, window)`` draws the last ``window`` days."""

    COMPONENT_CLASSES = {
        "mood-trend--axis",
        "mood-trend--none",
        *(f"mood-trend--{n}" for n in range(1, 6)),
    }

    DEFAULT_CSS = "MoodTrend { height: 3; }"  # its colours: styles/mood.tcss

    class Scaled(Message):
        """The days each column stands for changed (the width did): the caption may say so."""

        def __init__(self, per: int) -> None:
            super().__init__()
            self.per = per

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: list[float | None] = []
        self.today = date.today()
        self.per = 1
        self._drawn: list[Strip] = []

    def show(self, means: dict[date, float], today: date, window: int) -> None:
        self.days, self.today = daily(means, today, window), today
        self.refresh()

    @property
    def first(self) -> date:
        return self.today - timedelta(days=len(self.days) - 1)

    def text_lines(self, width: int) -> list[list[tuple[str, str]]]:
        """(text, component) runs of each line at ``width``."""
        if not self.days:
            return []
        per = days_per_column(len(self.days), width)
        values = grouped(self.days, per)
        lines: list[list[tuple[str, str]]] = []
        for row in range(ROWS):
            runs = []
            for value in values:
                if value is None:
                    runs.append((NO_MOOD if row == ROWS - 1 else " ", "none"))
                else:
                    runs.append((bar(value, row), str(level(value))))
            lines.append(runs)
        lines.append([(self.axis(per, len(values), width), "axis")])
        return lines

    def axis(self, per: int, columns: int, width: int) -> str:
        """The first and last days under the chart's ends and the middle column's first day
        under it, each whole or left out."""
        row = [" "] * width

        def put(text: str, at: int, room: range) -> range:
            if at < room.start or at + len(text) > min(room.stop, width):
                return range(0)
            row[at:at + len(text)] = text
            return range(at, at + len(text))

        start = put(day_name(self.first), 0, range(width))
        end_name = day_name(self.today)
        end = put(end_name, max(columns - len(end_name), start.stop + 2), range(width))
        middle_column = columns // 2
        middle = day_name(self.first + timedelta(days=max(0, len(self.days) - per * (columns - middle_column))))
        put(middle, middle_column - len(middle) // 2,
            range(start.stop + 2, end.start - 2 if end else width))
        return "".join(row)

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.size.width
        self._drawn = [self._strip(runs, width) for runs in self.text_lines(width)]  # once a drawing
        per = days_per_column(len(self.days), width)
        if per != self.per:
            self.per = per
            self.post_message(self.Scaled(per))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        if y < len(self._drawn):
            return self._drawn[y]
        return Strip.blank(self.size.width, self.rich_style)

    def _strip(self, runs: list[tuple[str, str]], width: int) -> Strip:
        segments = [
            Segment("".join(text for text, _ in same), self.get_component_rich_style(f"mood-trend--{component}"))
            for component, same in groupby(runs, key=lambda run: run[1])
        ]
        return Strip(segments).adjust_cell_length(width, self.rich_style)
