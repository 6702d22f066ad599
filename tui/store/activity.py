"""Activity counts by day, for goals that count themselves (core/counting.py).

Each source is indexed per file (``FileStorage.memo``: built once per change of that file), as
year → day → count, so a day's count is two dict lookups and a tick reads nothing again. The
year dicts stay the same objects while their file is unchanged: their identity stands for their
content (``YearlyCounts.prefix_key``), as the check-ins' do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.counting import MANUAL, split_counts
from . import compact
from .applications import APPLICATIONS
from .contacts import INTERACTIONS
from .mood import MOOD, REJECTIONS
from .records import Change
from .store import Store

Years = dict[int, dict[date, int]]


@dataclass(frozen=True)
class Family:
    """Where a source's records live: files named ``prefix`` (a year family, or one file), the
    table, and the field holding the record's day."""

    prefix: str
    table: str
    day: str

    def holds(self, name: str) -> bool:
        return name == self.prefix if self.prefix.endswith(".json") else name.startswith(self.prefix)

    def files(self, store: Store, from_year: int | None = None) -> list[str]:
        if self.prefix.endswith(".json"):
            return [self.prefix]
        return [name for name, year in store.years_named(self.prefix).items()
                if from_year is None or year is None or year >= from_year]


FAMILIES = {
    "applications": Family(APPLICATIONS, "applications", "applied"),
    "interactions": Family(INTERACTIONS, "interactions", "day"),
    "new-contacts": Family(INTERACTIONS, "interactions", "day"),
    "moods": Family(MOOD, "mood", "day"),
    "lessons": Family(REJECTIONS, "rejections", "day"),
}


def family(counts: str) -> Family | None:
    return FAMILIES.get(split_counts(counts)[0])


def _by_day(table: str, field: str, keep: Callable[[dict[str, Any]], bool]) -> Callable[[Any], Years]:
    def compute(data: Any) -> Years:
        years: Years = {}
        for doc in data.get(table, {}).values():
            if keep(doc):
                day = compact.day(doc[field])
                days = years.setdefault(day.year, {})
                days[day] = days.get(day, 0) + 1
        return years
    return compute


def _first_days(data: Any) -> dict[str, str]:
    """contact id → the day of its first interaction in this file (ISO days sort as text)."""
    first: dict[str, str] = {}
    for doc in data.get("interactions", {}).values():
        seen = first.get(doc["contact_id"])
        if seen is None or doc["day"] < seen:  # held for every year: one object per contact id
            first[compact.shared(doc["contact_id"])] = doc["day"]
    return first


def _merge(parts: Iterable[Years]) -> Years:
    """One year → days map from the files' (a year in two files, a hand edit: added up)."""
    merged: Years = {}
    for years in parts:
        for year, days in years.items():
            if year in merged:
                both = dict(merged[year])
                for day, count in days.items():
                    both[day] = both.get(day, 0) + count
                days = both
            merged[year] = days
    return merged


def activity_years(store: Store, counts: str, kept: dict[Any, Any],
                   from_year: int | None = None) -> Years:
    """The activity a goal counts (``counts``), year → day → count. ``from_year``: the files of
    that year and later only (new contacts read every file: a first interaction needs them all).
    ``kept``: what earlier calls built across files, reused while those files are unchanged."""
    source, kinds = split_counts(counts)
    found = family(counts)
    if source == MANUAL or found is None:
        return {}
    if source == "new-contacts":
        return _new_contacts(store, found, kept)
    if source == "lessons":
        keep: Callable[[dict[str, Any]], bool] = lambda doc: bool(str(doc.get("lesson", "")).strip())
    elif kinds:
        wanted = frozenset(kinds)
        keep = lambda doc: doc.get("kind", "other") in wanted
    else:
        keep = lambda doc: True
    compute = _by_day(found.table, found.day, keep)
    return _merge(store.file(name).memo(f"by-day:{counts}", compute)
                  for name in found.files(store, from_year))


def first_days(store: Store, names: Iterable[str]) -> dict[str, str]:
    """contact id → the ISO day of its first interaction in the files ``names``."""
    return earliest(store.file(name).memo("first-days", _first_days) for name in names)


def earliest(parts: Iterable[dict[str, str]]) -> dict[str, str]:
    """Per contact, the earliest of the first days."""
    first: dict[str, str] = {}
    for part in parts:
        for contact, day in part.items():
            if contact not in first or day < first[contact]:
                first[contact] = day
    return first


def new_contacts_by_day(first: dict[str, str]) -> Years:
    """How many contacts had their first interaction on each day."""
    years: Years = {}
    for text in first.values():
        day = date.fromisoformat(text)
        days = years.setdefault(day.year, {})
        days[day] = days.get(day, 0) + 1
    return years


def _new_contacts(store: Store, found: Family, kept: dict[Any, Any]) -> Years:
    per_file = tuple(store.file(name).memo("first-days", _first_days) for name in found.files(store))
    hit = kept.get("new-contacts")
    if hit is not None and len(hit[0]) == len(per_file) and all(a is b for a, b in zip(hit[0], per_file)):
        return hit[1]  # type: ignore[no-any-return]
    years = new_contacts_by_day(earliest(per_file))
    before = hit[1] if hit is not None else {}
    years = {year: before[year] if before.get(year) == days else days for year, days in years.items()}
    kept["new-contacts"] = (per_file, years)  # a year unchanged keeps its dict (and identity)
    return years


def changed_days(changes: Iterable[Change], store: Store,
                 sources: set[str]) -> dict[str, set[date]]:
    """Per source of ``sources``, the days whose activity ``changes`` may have moved: the changed
    records' days, and for new contacts every interaction day of a contact touched (its first
    may have moved)."""
    found: dict[str, set[date]] = {}
    touched: set[str] = set()
    for change in changes:
        for source, fam in FAMILIES.items():
            if source not in sources or fam.table != change.table or not fam.holds(change.file):
                continue
            for doc in (change.before, change.after):
                if doc is not None and isinstance(doc.get(fam.day), str):
                    found.setdefault(source, set()).add(date.fromisoformat(doc[fam.day]))
                    if source == "new-contacts":
                        touched.add(doc.get("contact_id", ""))
    if touched:
        days = found.setdefault("new-contacts", set())
        for name in FAMILIES["new-contacts"].files(store):
            for doc in store.file(name).read().get("interactions", {}).values():
                if doc["contact_id"] in touched:
                    days.add(date.fromisoformat(doc["day"]))
    return found


def _years_held(field: str, table: str) -> Callable[[Any], frozenset[int]]:
    def compute(data: Any) -> frozenset[int]:
        return frozenset(int(doc[field][:4]) for doc in data.get(table, {}).values())
    return compute


def years_in(store: Store, fam: Family, name: str) -> frozenset[int]:
    """The years of the days a file of ``fam`` holds (normally the one in its name)."""
    return store.file(name).memo(f"years:{fam.table}", _years_held(fam.day, fam.table))
