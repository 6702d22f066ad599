"""The logical day: which calendar day a moment belongs to.

Logical days are computed from the local wall clock with plain ``date`` arithmetic, so a DST change
or a trip across time zones never shifts a stored day (arrow's fixed offsets would).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Clock:
    """Answers "what day is it?" for a user whose day starts at ``day_start_hour``."""

    now: Callable[[], datetime] = field(default=local_now)
    day_start_hour: int = 0
    week_start: int = 0  # 0 = Monday … 6 = Sunday

    def __post_init__(self) -> None:
        if not 0 <= self.day_start_hour <= 23:
            raise ValueError("day_start_hour must be between 0 and 23")
        if not 0 <= self.week_start <= 6:
            raise ValueError("week_start must be between 0 (Monday) and 6 (Sunday)")

    def today(self) -> date:
        return logical_day(self.now(), self.day_start_hour)

    def timestamp(self) -> str:
        """ISO 8601 with UTC offset, for the moment a record was made."""
        moment = self.now()
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return moment.isoformat(timespec="seconds")

    def week_of(self, day: date) -> date:
        return week_start_of(day, self.week_start)


def logical_day(moment: datetime, day_start_hour: int = 0) -> date:
    """The local date of ``moment``, where the day begins at ``day_start_hour``.

    Subtracting hours from an aware datetime is wall-clock arithmetic in Python, which is what a
    person means by "before 4 in the morning still counts as yesterday", DST or not.
    """
    return (moment - timedelta(hours=day_start_hour)).date()


def instant(stamp: str) -> float:
    """A record's ISO 8601 timestamp as seconds since the epoch, to order records made in different
    time zones: "08:30-05:00" comes after "09:00+01:00" though it sorts first as text.
    A missing or unreadable timestamp (a hand-made record) sorts first."""
    try:
        return datetime.fromisoformat(stamp).timestamp()
    except ValueError:
        return float("-inf")


def week_start_of(day: date, week_start: int = 0) -> date:
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def parse_weekdays(text: str) -> frozenset[int]:
    """``"mon,wed,fri"`` → ``{0, 2, 4}``. Raises ValueError naming the bad part."""
    days: set[int] = set()
    for part in text.split(","):
        word = part.strip().lower()[:3]
        if not word:
            continue
        if word not in WEEKDAYS:
            raise ValueError(f"unknown weekday {part.strip()!r} (use mon,tue,wed,thu,fri,sat,sun)")
        days.add(WEEKDAYS.index(word))
    if not days:
        raise ValueError("choose at least one weekday")
    return frozenset(days)


def format_weekdays(days: frozenset[int]) -> str:
    if len(days) == 7:
        return "every day"
    return ",".join(WEEKDAYS[d] for d in sorted(days))
