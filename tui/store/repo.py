"""Repository: core dataclasses in, core dataclasses out. Records carry our own uuid ``id``."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from ..core.counting import parse_counts
from ..core.goals import CheckIn, Goal, RestDay, Skip, YearlyCounts
from . import compact
from .folder import MAIN
from .records import UPDATED, delete, insert, put
from .store import Store

CHECKINS = "checkins-"


def new_id() -> str:
    return uuid.uuid4().hex


def checkins_file(day: date) -> str:
    return f"{CHECKINS}{day.year}.json"


# Settings -----------------------------------------------------------------------------------
SETTINGS_ID = "settings"


def get_settings(store: Store) -> dict[str, Any]:
    docs = store.file(MAIN).read().get("settings", {}).values()
    found = next(iter(docs), {})
    return {k: v for k, v in found.items() if k not in ("id", UPDATED)}


def set_setting(store: Store, key: str, value: Any) -> None:
    with store.transaction():
        settings = get_settings(store)
        settings[key] = value
        put(store, MAIN, "settings", {"id": SETTINGS_ID, **settings})


# Goals ------------------------------------------------------------------------------------
def goal_to_doc(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.id,
        "name": goal.name,
        "start": goal.start.isoformat(),
        "target": goal.target,
        "period": goal.period,
        "weekdays": sorted(goal.weekdays),
        "archived": goal.archived,
        "created_at": goal.created_at,
        "counts": goal.counts,
    }


def goal_from_doc(doc: dict[str, Any]) -> Goal:
    return Goal(
        id=doc["id"],
        name=doc["name"],
        start=date.fromisoformat(doc["start"]),
        target=int(doc["target"]),
        period=doc["period"],
        weekdays=frozenset(doc["weekdays"]),
        archived=bool(doc.get("archived", False)),
        created_at=doc.get("created_at", ""),
        counts=parse_counts(doc.get("counts")),  # older goals hold none: counted by hand
    )


def _goals(data: dict[str, Any]) -> tuple[Goal, ...]:
    rows = sorted(data.get("goals", {}).items(), key=lambda r: (r[1].get("created_at", ""), int(r[0])))
    return tuple(goal_from_doc(d) for _, d in rows)  # creation order, even after an undone delete


def goals(store: Store, *, include_archived: bool = False) -> list[Goal]:
    """Every goal in creation order (converted once per change of the main file)."""
    return [g for g in store.file(MAIN).memo("goals", _goals) if include_archived or not g.archived]


def insert_goal(store: Store, goal: Goal) -> None:
    with store.transaction():
        put(store, MAIN, "goals", goal_to_doc(goal))


def update_goal(store: Store, goal: Goal) -> None:
    with store.transaction():
        if not any(d["id"] == goal.id for d in store.file(MAIN).read().get("goals", {}).values()):
            raise KeyError(goal.id)
        put(store, MAIN, "goals", goal_to_doc(goal))


def delete_goal(store: Store, goal_id: str) -> None:
    """The goal, its check-ins and its skips, in one change."""
    with store.transaction():
        for name in store.names_matching(CHECKINS):
            docs = list(store.file(name).read().get("checkins", {}).values())
            for doc in docs:
                if doc["goal_id"] == goal_id:
                    delete(store, name, "checkins", doc["id"])
        for skip in skips(store):
            if skip.goal_id == goal_id:
                delete(store, MAIN, "skips", skip_id(skip.goal_id, skip.day))
        delete(store, MAIN, "goals", goal_id)


# Check-ins --------------------------------------------------------------------------------
def checkin_to_doc(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.id,
        "goal_id": checkin.goal_id,
        "day": checkin.day.isoformat(),
        "count": checkin.count,
        "note": checkin.note,
        "at": checkin.at,
    }


def checkin_from_doc(doc: dict[str, Any]) -> CheckIn:
    return CheckIn(
        id=doc["id"],
        goal_id=compact.shared(doc["goal_id"]),
        day=compact.day(doc["day"]),
        count=int(doc["count"]),
        note=doc.get("note", ""),
        at=doc.get("at", ""),
    )


def insert_checkin(store: Store, checkin: CheckIn) -> None:
    with store.transaction():
        insert(store, checkins_file(checkin.day), "checkins", checkin_to_doc(checkin))


def checkins(store: Store, *, since: date | None = None) -> list[CheckIn]:
    return [checkin_from_doc(d) for name in store.years_named(CHECKINS, since)
            for d in store.table(name, "checkins").all()]


def _file_counts(data: dict[str, Any]) -> dict[str, dict[int, dict[date, int]]]:
    """goal id → year → day → count, in one pass (every tick counts this year's file again).
    Counts are whole numbers: the load check refuses a file with any other."""
    counts: dict[str, dict[int, dict[date, int]]] = {}
    for doc in data.get("checkins", {}).values():
        day = _day(doc["day"])
        years = counts.get(doc["goal_id"])
        if years is None:
            years = counts[doc["goal_id"]] = {}
        days = years.get(day.year)
        if days is None:
            days = years[day.year] = {}
        days[day] = days.get(day, 0) + doc["count"]
    return counts


_day = compact.day


def checkin_files(store: Store) -> dict[str, int | None]:
    """Every check-in file → the year in its name (None: a name that holds no year)."""
    return store.years_named(CHECKINS)


def years_in(store: Store, name: str) -> set[int]:
    """The years of the days a check-in file holds (normally just the one in its name)."""
    return {year for years in store.file(name).memo("daily_counts", _file_counts).values()
            for year in years}


def daily_counts(store: Store, from_year: int | None = None) -> dict[str, YearlyCounts]:
    """goal id → day → the day's count (sum of check-ins). Each year file's share is cached until
    that file changes, and the years are chained, not merged: a tick re-counts one year.
    ``from_year``: read only the files named for that year or later."""
    by_goal: dict[str, dict[int, dict[date, int]]] = {}
    for name, named in checkin_files(store).items():
        if from_year is not None and named is not None and named < from_year:
            continue
        for goal, years in store.file(name).memo("daily_counts", _file_counts).items():
            mine = by_goal.setdefault(goal, {})
            for year, days in years.items():
                if year in mine:  # a check-in moved by hand to another year's file: add a copy
                    merged = dict(mine[year])
                    for day, count in days.items():
                        merged[day] = merged.get(day, 0) + count
                    days = merged
                mine[year] = days
    return {goal: YearlyCounts(years) for goal, years in by_goal.items()}


def day_count(store: Store, goal_id: str, day: date) -> int:
    """The day's count, from its file's counts (kept from the last redraw: a tick reads no doc)."""
    counts = store.file(checkins_file(day)).memo("daily_counts", _file_counts)
    return counts.get(goal_id, {}).get(day.year, {}).get(day, 0)


# Rest days and skips ------------------------------------------------------------------------
def _rest_days(data: dict[str, Any]) -> tuple[RestDay, ...]:
    return tuple(RestDay(date.fromisoformat(d["day"]), d.get("reason", ""))
                 for d in data.get("rest_days", {}).values())


def rest_days(store: Store) -> list[RestDay]:
    return list(store.file(MAIN).memo("rest_days", _rest_days))


def set_rest_day(store: Store, rest: RestDay | None, day: date) -> None:
    """Mark ``day`` as a rest day (``rest``) or clear it (``None``)."""
    with store.transaction():
        record_id = f"rest:{day.isoformat()}"
        if rest is None:
            delete(store, MAIN, "rest_days", record_id)
        else:
            doc = {"id": record_id, "day": rest.day.isoformat(), "reason": rest.reason}
            put(store, MAIN, "rest_days", doc)


def _skips(data: dict[str, Any]) -> tuple[Skip, ...]:
    return tuple(Skip(d["goal_id"], date.fromisoformat(d["day"])) for d in data.get("skips", {}).values())


def skips(store: Store) -> list[Skip]:
    return list(store.file(MAIN).memo("skips", _skips))


def skip_id(goal_id: str, day: date) -> str:
    return f"skip:{goal_id}:{day.isoformat()}"


def set_skip(store: Store, goal_id: str, day: date, skipped: bool) -> None:
    with store.transaction():
        if skipped:
            doc = {"id": skip_id(goal_id, day), "goal_id": goal_id, "day": day.isoformat()}
            put(store, MAIN, "skips", doc)
        else:
            delete(store, MAIN, "skips", skip_id(goal_id, day))
