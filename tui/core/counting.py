"""Goals that count themselves (product.md §3): what a goal counts, and the rule for its count.

A goal counts ticks (``manual``) or an activity: ``applications`` (added that day),
``interactions`` (optionally some kinds only: ``interactions:coffee,call``), ``new-contacts``
(contacts whose first interaction falls that day), ``moods`` (mood entries) or ``lessons``
(rejection reflections with a lesson). Its count on a day is the activity's count that day plus
the manual adjustments (``+``, ``rebound log``): the one rule, ``combine``; every streak, score,
win and heatmap then reads the combined counts like a manual goal's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .clock import week_start_of
from .errors import InputError
from .goals import GoalHistory, YearlyCounts, flat_counts
from .kinds import KINDS

MANUAL = "manual"
SOURCES = (MANUAL, "applications", "interactions", "new-contacts", "moods", "lessons")
USAGE = "manual, applications, interactions[:kinds], new-contacts, moods or lessons"
# What each source is called in a sentence ("counts coffee interactions").
_NOUNS = {"applications": "applications added", "interactions": "interactions",
          "new-contacts": "new contacts", "moods": "mood entries",
          "lessons": "rejection lessons written"}


def parse_counts(text: str | None) -> str:
    """The canonical source for what a user typed (``Interactions: Coffee, call`` →
    ``interactions:call,coffee``); InputError (field ``counts``) for anything else."""
    raw = (text or "").strip().casefold()
    if not raw:
        return MANUAL
    source, colon, rest = raw.partition(":")
    source = source.strip().replace("_", "-").replace(" ", "-")
    source = {"contacts": "new-contacts", "mood": "moods", "lesson": "lessons",
              "application": "applications", "interaction": "interactions"}.get(source, source)
    if source not in SOURCES:
        raise InputError(f"counts must be {USAGE}; not {_short((text or '').strip())}", "counts")
    if not colon:
        return source
    if source != "interactions":
        raise InputError(f"only interactions take kinds (interactions:coffee,call); "
                         f"{source} counts every one", "kinds")
    kinds = sorted({k.strip() for k in rest.split(",") if k.strip()})
    if not kinds:
        return source
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise InputError(f"unknown interaction kind {_short(unknown[0])}: choose from {', '.join(KINDS)}",
                         "kinds")
    return source if len(kinds) == len(KINDS) else f"{source}:{','.join(kinds)}"


# The goal form's choices, in words.
SOURCE_LABELS = {MANUAL: "what I tick and count", "applications": "applications I add",
                 "interactions": "interactions with contacts", "new-contacts": "new contacts met",
                 "moods": "mood entries", "lessons": "rejection lessons written"}


def _short(text: str) -> str:
    """What was typed, quoted, cut to a readable length."""
    return repr(text if len(text) <= 30 else text[:29] + "…")


def split_counts(counts: str) -> tuple[str, tuple[str, ...]]:
    """``interactions:call,coffee`` → (``interactions``, (``call``, ``coffee``)); no kinds: ()."""
    source, _, kinds = counts.partition(":")
    return source, tuple(k for k in kinds.split(",") if k)


def is_counted(counts: str) -> bool:
    return counts != MANUAL


def counts_words(counts: str) -> str:
    """What the goal counts, in words: "coffee or call interactions", "new contacts (…)"."""
    source, kinds = split_counts(counts)
    if source == MANUAL:
        return "ticks and counts you log"
    if kinds:
        return f"{' or '.join(kinds)} interactions"
    return _NOUNS[source]


# The rule -------------------------------------------------------------------------------------
def combine_year(activity: Mapping[date, int], adjustments: Mapping[date, int]) -> dict[date, int]:
    """One year's counts: the activity's plus the manual adjustments, day by day."""
    combined = dict(activity)
    for day, count in adjustments.items():
        combined[day] = combined.get(day, 0) + count
    return combined


def combine(activity: Mapping[int, Mapping[date, int]], adjustments: Mapping[int, Mapping[date, int]],
            kept: dict[Any, tuple[object, object, dict[date, int]]], tag: object) -> YearlyCounts:
    """A counted goal's counts, year by year (``YearlyCounts``). ``kept``: the years combined
    before, under ``(tag, year)``, reused while both halves are the very same dicts, so a year's
    identity still stands for its content (``YearlyCounts.prefix_key``) and a tick re-adds one."""
    years: dict[int, dict[date, int]] = {}
    for year in set(activity) | set(adjustments):
        mine, extra = activity.get(year, {}), adjustments.get(year, {})
        hit = kept.get((tag, year))
        if hit is not None and hit[0] is mine and hit[1] is extra:
            years[year] = hit[2]
            continue
        years[year] = combine_year(mine, extra)
        kept[(tag, year)] = (mine, extra, years[year])
    return YearlyCounts(years)


def per_year(days: Mapping[date, int]) -> dict[int, dict[date, int]]:
    """Day → count split into one dict per year."""
    years: dict[int, dict[date, int]] = {}
    for day, count in days.items():
        years.setdefault(day.year, {})[day] = count
    return years


# Where a count comes from -------------------------------------------------------------------
def logged_on(history: GoalHistory, days: list[date]) -> tuple[int, int]:
    """(from the activity log, from manual adjustments) over ``days`` for a counted goal."""
    activity = history.activity or {}
    logged = sum(activity.get(d, 0) for d in days)
    total = sum(history.counts.get(d, 0) for d in days)
    return logged, total - logged


def source_text(logged: int, adjusted: int) -> str:
    """"2 from your log + 1": where a counted goal's count comes from."""
    text = f"{logged} from your log"
    if adjusted:
        text += f" + {adjusted}" if adjusted > 0 else f" − {-adjusted}"
    return text


def period_days(history: GoalHistory, day: date, week_start: int) -> list[date]:
    """The days whose counts make ``day``'s progress: the day, or its week (a weekly goal)."""
    if not history.goal.is_weekly:
        return [day]
    first = week_start_of(day, week_start)
    return [first + timedelta(days=i) for i in range(7)]


def source_line(history: GoalHistory, day: date, week_start: int) -> str:
    """"2 from your log + 1" for the day (or its week), or "" for a goal counted by hand."""
    if history.activity is None:
        return ""
    return source_text(*logged_on(history, period_days(history, day, week_start)))


# Totals --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Totals:
    this_week: int
    this_month: int
    best_week: int
    best_week_start: date | None

    def as_dict(self) -> dict[str, object]:
        return {"this_week": self.this_week, "this_month": self.this_month,
                "best_week": self.best_week,
                "best_week_start": self.best_week_start.isoformat() if self.best_week_start else None}

    @property
    def text(self) -> str:
        return f"this week {self.this_week} · this month {self.this_month} · best week {self.best_week}"


def totals(history: GoalHistory, today: date, week_start: int) -> Totals:
    """This week's and this month's counts up to ``today``, and the best week ever (by its
    total; the earliest such week). One pass over the days that have a count."""
    week, month = week_start_of(today, week_start), today.replace(day=1)
    weeks: dict[date, int] = {}
    this_month = 0
    for day, count in flat_counts(history.counts).items():
        if day > today or not count:
            continue
        start = week_start_of(day, week_start)
        weeks[start] = weeks.get(start, 0) + count
        if day >= month:
            this_month += count
    best = max(weeks.items(), key=lambda item: (item[1], -item[0].toordinal()), default=None)
    return Totals(weeks.get(week, 0), this_month, best[1] if best else 0, best[0] if best else None)
