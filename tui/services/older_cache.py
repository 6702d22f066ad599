"""The older years' figures besides the goals', kept in ``.summaries.json`` (see
``summary_cache``, which owns the file and its keys): the first days of new contacts (a goal
counting them), the wins by kind (the Wins screen's title), and each contact's latest interaction
(Today's follow-ups, `status`). Each entry is keyed by the identity of the earlier years' files it
was read from, so a start parses this year's files only."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from .context import Rebound
from .cache_file import WIN_KINDS, SummaryCache, _digest, _identity

if TYPE_CHECKING:
    from ..core.contacts import Interaction


def new_contact_years(rb: Rebound, from_year: int) -> dict[int, dict[date, int]]:
    """New contacts by day (a goal counting them), the first days in the interaction files of
    years before ``from_year`` from the cache: a cold status reads the recent files only."""
    from ..store import activity
    from ..store import contacts as contacts_repo

    store = rb.store
    named = contacts_repo.interaction_files(store)
    older = sorted(n for n, y in named.items() if y is not None and y < from_year)
    recent = [n for n in named if n not in older]
    if set(older) & set(store.dirty_names()):  # the cache knows the files on disk
        found = activity.first_days(store, older)
    else:
        cache = rb.summary_cache()
        key = _digest(["first-days", _identity(rb, older)])
        found = cache.get(key)
        if not _first_days_entry(found):
            found = activity.first_days(store, older)
            cache.put(key, found)
    return activity.new_contacts_by_day(activity.earliest([found, activity.first_days(store, recent)]))


def _first_days_entry(entry: Any) -> bool:
    """Whether a cache entry is contact id → ISO day (not a hand edit)."""
    try:
        return isinstance(entry, dict) and all(
            date.fromisoformat(d).isoformat() == d for d in entry.values())
    except (TypeError, ValueError):
        return False


# Wins ------------------------------------------------------------------------------------------
def win_kinds(rb: Rebound, day: date) -> Counter[str]:
    """How many wins of each kind; the files of years before ``day``'s counted from the cache
    (the Wins screen's title and filter), so a first visit parses this year's file only."""
    from ..store import wins as wins_repo

    store = rb.store
    files = wins_repo.year_files(store)
    if files is None:
        return wins_repo.kind_counts(store)
    older = sorted(name for year, name in files.items() if year < day.year)
    cache = rb.summary_cache()
    identity = _digest([WIN_KINDS, _identity(rb, older)])
    entry = cache.get(WIN_KINDS)
    found = entry.get("counts") if isinstance(entry, dict) and entry.get("of") == identity else None
    if not (isinstance(found, dict) and all(type(n) is int for n in found.values())):
        found = wins_repo.kind_counts(store, older)
        cache.put(WIN_KINDS, {"of": identity, "counts": dict(found)})
        cache.save(prune=False)
    recent = [name for name in files.values() if name not in older]
    return Counter(found) + wins_repo.kind_counts(store, recent)


# Follow-ups --------------------------------------------------------------------------------------
def latest(rb: Rebound, day: date) -> dict[str, Interaction]:
    """Each contact's latest interaction, the older years' from the cache (Today's follow-ups)."""
    cache = rb.summary_cache()
    found = cached_latest(rb, day, cache)
    cache.save()  # an entry made stale is dropped; the other parts' entries stay (SummaryCache.save)
    return found


def cached_latest(rb: Rebound, day: date, cache: SummaryCache) -> dict[str, Interaction]:
    """Each contact's latest interaction, the files of years before ``day``'s from the cache."""
    from ..store import contacts as contacts_repo

    store = rb.store
    named = contacts_repo.interaction_files(store)
    older = [n for n, y in named.items() if y is not None and y < day.year]
    if not older:
        return contacts_repo.latest_interactions(store)
    key = _digest(["latest", _identity(rb, older)])
    found = _latest_entry(cache.get(key))
    if found is None:
        found = contacts_repo.latest_interactions(store, older)
        cache.put(key, {c: contacts_repo.interaction_to_doc(i) for c, i in found.items()})
    recent = [n for n in named if n not in older]
    return contacts_repo.newest_of(found, contacts_repo.latest_interactions(store, recent))


def _latest_entry(entry: Any) -> dict[str, Interaction] | None:
    """A cache entry back as contact id → interaction; None when it is not one (a hand edit)."""
    from ..store import contacts as contacts_repo

    try:
        return {c: contacts_repo.interaction_from_doc(doc) for c, doc in entry.items()}
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
