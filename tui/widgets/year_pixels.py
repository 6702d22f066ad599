"""Year in pixels: one cell per day of a year, a row per month, coloured by the day's mean mood.

Draws only what it is handed (``{day: mean}``); no I/O. Colours come from the theme (tcss); the
cell's height tells the mood too, so it reads without colour (NO_COLOR, light themes).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from itertools import groupby

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from ..core.mood import SCORE_LABELS
from ..core.mood_stats import level

GLYPHS = {1: "▁", 2: "▂", 3: "▄", 4: "▆", 5: "▇"}  # taller is better; ▇ leaves a gap between months
EMPTY = "·"  # no mood logged that day
FUTURE = " "


class YearPixels(Widget):
    """Drawn line by line: a run of same-coloured cells is one segment (a span per day made the
    first visit to Mood draw for about 20 ms)."""

    COMPONENT_CLASSES = {
        "year-pixels--label",
        "year-pixels--none",
        "year-pixels--future",
        *(f"year-pixels--{n}" for n in range(1, 6)),
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.means: dict[date, float] = {}
        self.year = date.today().year
        self.today = date.today()

    def show(self, means: dict[date, float], today: date, year: int | None = None) -> None:
        self.means, self.today, self.year = means, today, year or today.year
        self.refresh()

    def cells(self, month: int) -> list[tuple[str, str]]:
        """(text, component) runs of a month's row: its name, then a cell per day."""
        runs = [(date(self.year, month, 1).strftime("%b "), "label")]
        for d in range(1, monthrange(self.year, month)[1] + 1):
            day = date(self.year, month, d)
            mean = self.means.get(day)
            if day > self.today:
                runs.append((FUTURE, "future"))
            elif mean is None:
                runs.append((EMPTY, "none"))
            else:
                runs.append((GLYPHS[level(mean)], str(level(mean))))
        return runs

    def legend(self) -> list[tuple[str, str]]:
        """Each glyph and its word, spaced out as far as the width allows."""
        keys = [(GLYPHS[n], str(n), label) for n, label in SCORE_LABELS.items()]
        keys.append((EMPTY, "none", "none"))
        for gap, space in (("  ", " "), (" ", " "), (" ", "")):
            runs: list[tuple[str, str]] = []
            for glyph, component, label in keys:
                runs += [(glyph, component), (f"{space}{label}{gap}", "label")]
            if sum(len(text) for text, _ in runs) - len(gap) <= self.size.width:
                break
        return runs

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.rich_style
        if y >= 13:
            return Strip.blank(width, base)
        runs = self.cells(y + 1) if y < 12 else self.legend()
        segments = [
            Segment("".join(text for text, _ in same), self._style(component))
            for component, same in groupby(runs, key=lambda run: run[1])
        ]
        return Strip(segments).adjust_cell_length(width, base)

    def _style(self, component: str):  # type: ignore[no-untyped-def]
        return self.get_component_rich_style(f"year-pixels--{component}")
