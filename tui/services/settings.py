"""User settings: the day-start hour, the first day of the week, the theme and the weekly target of
job-search activities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.clock import WEEKDAYS
from ..core.defaults import GHOST_DAYS, MAX_PER_WEEK
from ..core.errors import InputError
from ..store import repo
from .context import Rebound

WEEK_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Settings:
    day_start_hour: int = 0
    week_start: int = 0
    theme: str = ""
    activities_per_week: int = 0  # the work-search record's target; 0: off
    sync_on_quit: bool = False  # `rebound sync` when the app closes (a folder set up to sync)


def current(rb: Rebound) -> Settings:
    found = repo.get_settings(rb.store)
    return Settings(int(found.get("day_start_hour", 0)), int(found.get("week_start", 0)),
                    str(found.get("theme", "")), activities_target(found.get("activities_per_week")),
                    found.get("sync_on_quit") is True)


def activities_target(value: object) -> int:
    """The stored target, 0 (off) when missing or not a sensible whole number (a hand edit)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_PER_WEEK:
        return value
    return 0


def save_theme(rb: Rebound, theme: str) -> None:
    """The theme picked in the palette, remembered (not an undoable change: it is a view choice)."""
    repo.set_setting(rb.store, "theme", theme)


def parse_hour(text: str) -> int:
    try:
        hour = int(text.strip())
    except ValueError:
        raise InputError("the day start is an hour from 0 to 23", "day_start_hour") from None
    if not 0 <= hour <= 23:
        raise InputError("the day start is an hour from 0 to 23", "day_start_hour")
    return hour


def parse_week_start(text: str) -> int:
    word = text.strip().lower()[:3]
    if word not in WEEKDAYS:
        raise InputError("the week starts on a weekday: Monday … Sunday", "week_start")
    return WEEKDAYS.index(word)


def parse_activities(text: str) -> int:
    message = f"job-search activities a week: a whole number from 0 (off) to {MAX_PER_WEEK}"
    try:
        count = int(text.strip() or "0")
    except ValueError:
        raise InputError(message, "activities_per_week") from None
    if not 0 <= count <= MAX_PER_WEEK:
        raise InputError(message, "activities_per_week")
    return count


def parse_theme(text: str, themes: Iterable[str]) -> str:
    name = text.strip()
    known = sorted(themes)
    if name not in known:
        raise InputError(f"unknown theme {name!r}; try one of {', '.join(known[:6])}, …", "theme")
    return name


def save(rb: Rebound, settings: Settings) -> Settings:
    """Save every setting in one undoable change."""
    from .wins import every_day, reconcile  # not at start-up: only saving needs it

    with rb.change("settings"):
        for key in ("day_start_hour", "week_start", "theme", "activities_per_week", "sync_on_quit"):
            repo.set_setting(rb.store, key, getattr(settings, key))
        reconcile(rb, None, every_day(rb))  # weeks (and so weekly wins) may have moved
    return settings


# The job-search pipeline (product.md §3 "Applications") ---------------------------------------
@dataclass(frozen=True)
class Pipeline:
    """``ghost_days``: quiet this long, an open application is listed; the rest switch the
    follow-ups the pipeline sets (a thank-you, the referrer, asking for feedback)."""

    ghost_days: int = GHOST_DAYS
    thank_you: bool = True
    referrer: bool = True
    feedback: bool = True


PIPELINE_KEYS = {"ghost_days": "ghost_days", "thank_you": "followup_thank_you",
                 "referrer": "followup_referrer", "feedback": "followup_feedback"}


def pipeline(rb: Rebound) -> Pipeline:
    found = repo.get_settings(rb.store)
    ghost = found.get("ghost_days")
    return Pipeline(
        ghost_days=ghost if isinstance(ghost, int) and not isinstance(ghost, bool) and ghost >= 1 else GHOST_DAYS,
        **{k: found.get(PIPELINE_KEYS[k]) is not False for k in ("thank_you", "referrer", "feedback")},
    )


def parse_ghost_days(text: str) -> int:
    try:
        days = int(text.strip())
    except ValueError:
        raise InputError("quiet after a whole number of days, 1 to 365", "ghost_days") from None
    if not 1 <= days <= 365:
        raise InputError("quiet after a whole number of days, 1 to 365", "ghost_days")
    return days


def save_pipeline(rb: Rebound, chosen: Pipeline) -> Pipeline:
    with rb.change("pipeline settings"):
        for field, key in PIPELINE_KEYS.items():
            repo.set_setting(rb.store, key, getattr(chosen, field))
    return chosen
