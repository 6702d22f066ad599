"""What goes with a good day: mood on days with a thing vs. without it, the trend, year in pixels.

A comparison is only offered when both sides have at least ``MIN_DAYS`` days of mood and their
means differ by at least ``MIN_DIFFERENCE``: a mean of two days says nothing, "3.6 vs 3.6" is not
an insight, and a number on screen reads as a fact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .mood import SUGGESTED_TAGS, MoodEntry

MIN_DAYS = 5
MIN_DIFFERENCE = 0.3
NOTHING_TO_COMPARE = (f"Not enough to compare yet: a difference shows here once {MIN_DAYS} days with "
                      f"and {MIN_DAYS} without differ by {MIN_DIFFERENCE} or more.")
TREND_WINDOWS = (30, 90)


@dataclass(frozen=True)
class Comparison:
    label: str  # "you met all your goals", "you tagged rest"
    with_mean: float
    with_days: int
    without_mean: float
    without_days: int

    @property
    def sentence(self) -> str:
        return (
            f"On days {self.label} your mood averaged {self.with_mean:.1f}; "
            f"on other days {self.without_mean:.1f}"
        )


def compare(means: dict[date, float], days_with: Iterable[date], label: str) -> Comparison | None:
    """Mean mood on the days in ``days_with`` against the other mood days; None if too little
    to go on or too small a difference."""
    marked = set(days_with)
    inside = [m for day, m in means.items() if day in marked]
    outside = [m for day, m in means.items() if day not in marked]
    if len(inside) < MIN_DAYS or len(outside) < MIN_DAYS:
        return None
    with_mean, without_mean = sum(inside) / len(inside), sum(outside) / len(outside)
    if round(abs(with_mean - without_mean), 1) < MIN_DIFFERENCE:  # as shown: one decimal
        return None
    return Comparison(label, with_mean, len(inside), without_mean, len(outside))


def tag_days(entries: Iterable[MoodEntry]) -> dict[str, set[date]]:
    found: dict[str, set[date]] = {}
    for entry in entries:
        for tag in entry.tags:
            found.setdefault(tag, set()).add(entry.day)
    return found


def tag_comparisons(
    entries: list[MoodEntry], means: dict[date, float], tags: Iterable[str] = SUGGESTED_TAGS
) -> list[Comparison]:
    """One comparison per tag with enough days on both sides, in the order of ``tags``."""
    days = tag_days(entries)
    result = []
    for tag in tags:
        found = compare(means, days.get(tag, ()), f"tagged {tag}")
        if found is not None:
            result.append(found)
    return result


def daily(means: dict[date, float], today: date, window: int) -> list[float | None]:
    """The daily means of the last ``window`` days (today included), oldest first; None on a
    day without an entry, so a chart keeps its time axis."""
    first = today - timedelta(days=window - 1)
    return [means.get(first + timedelta(days=i)) for i in range(window)]


def trend(means: dict[date, float], today: date, window: int) -> list[float]:
    """The daily means of the last ``window`` days that have one, oldest first."""
    return [mean for mean in daily(means, today, window) if mean is not None]


def grouped(days: list[float | None], per: int) -> list[float | None]:
    """``per`` days to a value, counted back from the last day (the oldest group may be
    shorter): the mean of the group's daily means, None for a group without any."""
    values: list[float | None] = []
    end = len(days)
    while end > 0:
        found = [v for v in days[max(0, end - per):end] if v is not None]
        values.append(sum(found) / len(found) if found else None)
        end -= per
    return values[::-1]


def window_mean(means: dict[date, float], today: date, window: int) -> float | None:
    values = trend(means, today, window)
    return sum(values) / len(values) if values else None


def level(mean: float) -> int:
    """A daily mean as a whole score 1–5 (halves round up), for colouring a pixel."""
    return max(1, min(5, int(mean + 0.5)))
