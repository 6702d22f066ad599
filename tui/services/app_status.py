"""The `status --json` "applications" object, quick on years of applications: what the files of
earlier years add (each stage's count, and the last move and contacts of those still open) is
kept in ``.summaries.json`` under the files' identity, as the goals' and contacts' parts are."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from ..core import applications as rules
from ..core.applications import Application
from ..store import applications as repo
from .context import Rebound
from .settings import pipeline
from .cache_file import APPLICATIONS_TODAY, OPEN_APPLICATIONS, SummaryCache, _digest, _identity


def _part(apps: list[Application]) -> dict[str, Any]:
    return {
        "last": max((day for a in apps for _, day in a.history), default=date.min).isoformat(),
        "by_stage": dict(Counter(a.stage for a in apps)),
        "open": [[a.last_move.isoformat(), list(a.contacts)] for a in apps if a.is_open],
    }


def _well_formed(entry: Any) -> bool:
    try:
        date.fromisoformat(entry["last"])
        return all(type(n) is int for n in entry["by_stage"].values()) and all(
            isinstance(c, list) and all(isinstance(i, str) for i in c) and date.fromisoformat(d)
            for d, c in entry["open"])
    except (TypeError, KeyError, ValueError, AttributeError):
        return False


def application_counts(rb: Rebound, day: date, latest: dict[str, date],
                       cache: SummaryCache) -> dict[str, Any]:
    """Open and quiet applications and every stage's count, as they stood on ``day``."""
    store = rb.store
    named = store.years_named(repo.APPLICATIONS)
    older = sorted(n for n, y in named.items() if y is not None and y < day.year)
    recent = [n for n in named if n not in older]
    parts = []
    if older:
        key = _digest(["applications", _identity(rb, older)])
        entry = cache.get(key)
        if not _well_formed(entry):
            entry = _part(repo.applications(store, older))
            cache.put(key, entry)
        if entry["last"] > day.isoformat():  # as of a day before some of their moves: afresh
            recent = list(named)
        else:
            parts.append(entry)
    # Today's part too, while its files are the ones read: a status run on an unchanged day reads
    # no application (~15 ms of a 400-a-year file). One fixed entry, so a run as of another day
    # neither adds an entry nor prunes the ones other days use.
    identity = _digest([APPLICATIONS_TODAY, day.isoformat(), _identity(rb, recent)])
    # Not inside a change: what it has read may yet be rolled back, the files' identity unmoved.
    usable = day == rb.today() and not store.in_transaction
    entry = cache.get(APPLICATIONS_TODAY) if usable else None
    part = entry.get("part") if isinstance(entry, dict) and entry.get("of") == identity else None
    if not _well_formed(part):
        part = _part([a for app in repo.applications(store, recent)
                      if (a := rules.as_of(app, day)) is not None])
        if usable:
            cache.put(APPLICATIONS_TODAY, {"of": identity, "part": part})
    parts.append(part)
    ghost = pipeline(rb).ghost_days
    stages: Counter[str] = Counter()
    for part in parts:
        stages.update(part["by_stage"])
    still_open = [(date.fromisoformat(d), c) for part in parts for d, c in part["open"]]
    return {
        "open": len(still_open),
        "quiet": sum(1 for d, c in still_open if rules.quiet_since(d, c, day, latest, ghost) is not None),
        "by_stage": {stage: stages.get(stage, 0) for stage in rules.STAGES},
    }


def open_applications(rb: Rebound, day: date) -> list[Application]:
    """Every open application: those applied in years before ``day``'s from ``.summaries.json``
    while their files are unchanged (most there are closed), so Today's quiet list does not read
    years of applications at start-up."""
    store = rb.store
    named = store.years_named(repo.APPLICATIONS)
    older = sorted(n for n, y in named.items() if y is not None and y < day.year)
    recent = [n for n in named if n not in older]
    found: list[Application] = []
    if older:
        cache = rb.summary_cache()
        identity = _digest([OPEN_APPLICATIONS, _identity(rb, older)])
        entry = cache.get(OPEN_APPLICATIONS)  # a fixed entry: a `status` run never prunes it
        try:
            if entry["of"] != identity:
                raise KeyError("of")
            found = [repo.from_doc(doc) for doc in entry["apps"]]
        except (TypeError, KeyError, ValueError, AttributeError):  # missing, stale or hand-edited
            found = [a for a in repo.applications(store, older) if a.is_open]
            cache.put(OPEN_APPLICATIONS, {"of": identity, "apps": [repo.to_doc(a) for a in found]})
            cache.save(prune=False)
    return found + [a for a in repo.applications(store, recent) if a.is_open]
