"""Goals, check-ins, rest days and skips, and the rules for a valid goal."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from .errors import InputError

class _HasName(Protocol):
    @property
    def name(self) -> str: ...


Named = TypeVar("Named", bound=_HasName)

ALL_DAYS: frozenset[int] = frozenset(range(7))
PERIODS = ("day", "week")
PERIOD_WORDS = {"day": "day", "daily": "day", "week": "week", "weekly": "week"}  # what a user may type
MAX_NAME = 80
MAX_TARGET = 1000


@dataclass(frozen=True)
class Goal:
    id: str
    name: str
    start: date
    target: int = 1
    period: str = "day"
    weekdays: frozenset[int] = ALL_DAYS
    archived: bool = False
    created_at: str = ""
    counts: str = "manual"  # what it counts (core/counting.py): ticks, or an activity

    @property
    def is_weekly(self) -> bool:
        return self.period == "week"

    def scheduled_on(self, day: date) -> bool:
        return self.is_weekly or day.weekday() in self.weekdays


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One logged change to a goal's count on a day; a day's count is the sum of its check-ins."""

    id: str
    goal_id: str
    day: date
    count: int
    note: str = ""
    at: str = ""


@dataclass(frozen=True, slots=True)
class RestDay:
    day: date
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Skip:
    goal_id: str
    day: date


class YearlyCounts(Mapping[date, int]):
    """Day → count, kept as one dict per year (as the data files are): built in O(years), so a
    history costs nothing to assemble after a tick changes this year's counts. The year dicts are
    never changed once given (the store hands out a new one when a file changes), so a year's
    identity stands for its content (``prefix_key``)."""

    __slots__ = ("_years", "_flat")

    def prefix_key(self, boundary: date) -> tuple[object, ...]:
        """Stands for the counts before ``boundary``: earlier years by identity, O(years)."""
        parts: list[object] = []
        for year in sorted(self._years):
            if year < boundary.year:
                parts.append((year, _Same(self._years[year])))
            elif year == boundary.year:
                days = self._years[year]
                parts.append((year, frozenset((d, c) for d, c in days.items() if d < boundary)))
        return tuple(parts)

    def __init__(self, years: Mapping[int, Mapping[date, int]]) -> None:
        self._years = years
        self._flat: dict[date, int] | None = None

    @property
    def years(self) -> Mapping[int, Mapping[date, int]]:
        """Year → day → count, as given (never to be changed)."""
        return self._years

    def flat(self) -> dict[date, int]:
        """Every day in one dict, made once (the years never change, see above)."""
        if self._flat is None:
            self._flat = {day: count for year in self._years.values() for day, count in year.items()}
        return self._flat

    def __getitem__(self, day: date) -> int:
        return self._years[day.year][day]

    def get(self, day: date, default: int | None = None) -> int | None:  # type: ignore[override]
        year = self._years.get(day.year)
        return default if year is None else year.get(day, default)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and day in self._years.get(day.year, ())

    def __iter__(self) -> Iterator[date]:
        for year in self._years.values():
            yield from year

    def items(self) -> Iterator[tuple[date, int]]:  # type: ignore[override]
        for year in self._years.values():
            yield from year.items()

    def __len__(self) -> int:
        return sum(len(year) for year in self._years.values())


class _Same:
    """Equal only to itself: a dict compared by identity (and kept alive by the key)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def counts_key(counts: Mapping[date, int], boundary: date) -> object:
    """A hashable stand-in for the counts before ``boundary``: years by identity when they are
    ``YearlyCounts`` (O(years)), else the items themselves."""
    if isinstance(counts, YearlyCounts):
        return counts.prefix_key(boundary)
    return frozenset((d, c) for d, c in counts.items() if d < boundary)


def flat_counts(counts: Mapping[date, int]) -> Mapping[date, int]:
    """A plain dict for a loop over years of days (one C-level ``get`` per day)."""
    if type(counts) is dict:
        return counts
    return counts.flat() if isinstance(counts, YearlyCounts) else dict(counts.items())


@dataclass
class GoalHistory:
    """Everything the streak and score rules need to know about one goal."""

    goal: Goal
    counts: Mapping[date, int] = field(default_factory=dict)
    rest_days: frozenset[date] = frozenset()
    skips: frozenset[date] = frozenset()
    # A counted goal's activity counts (``counts`` holds them plus the manual adjustments);
    # None for a goal counted by hand.
    activity: Mapping[date, int] | None = None


# Bidi controls (LRE..RLO, LRI..PDI, LRM, RLM, ALM) let "evil\u202egpj.exe" show as another name;
# right-to-left text itself needs none of them, so they are dropped wherever text comes in.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_NO_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS))


def without_bidi_controls(text: str) -> str:
    return text.translate(_NO_BIDI) if not text.isascii() else text


def clean_text(
    text: str, *, what: str, limit: int, required: bool = False, field: str | None = None
) -> str:
    """Trim, drop bidi controls, refuse control characters and over-long text. Emoji and
    right-to-left text are welcome."""
    cleaned = without_bidi_controls(text).strip()
    if required and not cleaned:
        raise InputError(f"{what} cannot be empty", field)
    # isprintable() is False for every Cc and Cs: the per-character scan only when it may find one
    if not cleaned.isprintable() and any(unicodedata.category(ch) in ("Cc", "Cs") for ch in cleaned):
        raise InputError(f"{what} cannot contain control characters", field)
    if len(cleaned) > limit:
        raise InputError(f"{what} is {len(cleaned)} characters; the limit is {limit}", field)
    return cleaned


def clean_goal_name(name: str, others: list[Goal], *, exclude_id: str | None = None) -> str:
    """A valid, unique (case-insensitive, among active goals) name, or InputError."""
    cleaned = clean_text(name, what="goal name", limit=MAX_NAME, required=True, field="name")
    folded = cleaned.casefold()
    for goal in others:
        if goal.archived or goal.id == exclude_id:
            continue
        if goal.name.casefold() == folded:
            raise InputError(f"there is already a goal called {goal.name!r}", "name")
    return cleaned


def check_target(target: int) -> int:
    if isinstance(target, bool) or not isinstance(target, int):
        raise InputError("target must be a whole number", "target")
    if not 1 <= target <= MAX_TARGET:
        raise InputError(f"target must be between 1 and {MAX_TARGET}", "target")
    return target


def check_period(period: str) -> str:
    if period not in PERIODS:
        raise InputError("period must be 'day' or 'week'", "period")
    return period


def parse_period(text: str) -> str:
    """``day``/``week`` from what a user typed: also ``daily``/``weekly``, in any case."""
    found = PERIOD_WORDS.get(text.strip().casefold())
    if found is None:
        raise InputError(f"period must be day or week (or daily, weekly), not {text.strip()!r}", "period")
    return found


def match_by_name(query: str, items: Sequence[Named], what: str = "goal") -> Named:
    """Case-insensitive full name or unambiguous prefix; InputError otherwise.

    Works for anything with a ``name`` (goals, contacts); ``what`` names it in messages."""
    wanted = query.strip().casefold()
    if not wanted:
        raise InputError(f"give a {what} name")
    exact = [g for g in items if g.name.casefold() == wanted]
    if exact:
        return exact[0]
    found = [g for g in items if g.name.casefold().startswith(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(f"no {what} matches {query.strip()!r}")
    names = ", ".join(sorted(g.name for g in found))
    raise InputError(f"{query.strip()!r} matches several {what}s: {names}")
