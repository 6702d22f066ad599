"""Year in pixels: one cell per day of a year, a row per month, coloured by the day's mean mood.

Draws only what it is handed (``{day: mean}``); no I/O. Colours come from the theme (tcss).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from rich.text import Text
from textual.widget import Widget

from ..core.mood import SCORE_LABELS
from ..core.mood_stats import level

CELL = "■"
EMPTY = "·"


class YearPixels(Widget):
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

    def render(self) -> Text:
        style = self.get_component_rich_style
        text = Text()
        for month in range(1, 13):
            text.append(date(self.year, month, 1).strftime("%b "), style("year-pixels--label"))
            for d in range(1, monthrange(self.year, month)[1] + 1):
                day = date(self.year, month, d)
                mean = self.means.get(day)
                if day > self.today:
                    text.append(EMPTY, style("year-pixels--future"))
                elif mean is None:
                    text.append(EMPTY, style("year-pixels--none"))
                else:
                    text.append(CELL, style(f"year-pixels--{level(mean)}"))
            text.append("\n")
        for n, label in SCORE_LABELS.items():  # the legend
            text.append(CELL, style(f"year-pixels--{n}"))
            text.append(f" {label}  ", style("year-pixels--label"))
        return text
