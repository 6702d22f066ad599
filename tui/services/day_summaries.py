"""The day's goal summaries as the last run left them, for a start that changes nothing.

Today's first frame needs every goal's summary on the day; even from the month's checkpoint
(summary_cache) that parses this year's check-ins. Whatever computed the summaries last (the
app after a change, a `status`, the prompt state after a CLI change) leaves them here under the
identity of every data file (name, inode, mtime, size, revision token), the day and the week
start; a start with nothing changed since reads them back instead. Any change to any file, or
any doubt (an entry that does not read back), is a miss and the summaries are computed.

Never saved from inside a transaction (the files on disk do not hold what memory holds yet),
and only when no file changed while they were computed. ``kept`` is that rule for any entry
made this way (what Today shows below the goals, ``today_view``, is the other).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, fields
from datetime import date
from typing import Any, TypeVar

from ..core.streaks import Streak
from ..store import repo
from .cache_file import SummaryCache, _digest
from .context import Rebound
from .summaries import GoalSummary

T = TypeVar("T")

_PLAIN = tuple(f.name for f in fields(GoalSummary) if f.name not in ("goal", "day", "streak"))


def identity(rb: Rebound, day: date) -> list[Any]:
    """Everything the day's summaries depend on: every data file as it is on disk, the day,
    the week start."""
    store = rb.store
    found = []
    with os.scandir(store.folder) as entries:
        for entry in entries:
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                try:  # the entry itself: a file swapped for a link to it is another file
                    st = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue
                found.append((entry.name, st.st_ino, st.st_mtime_ns, st.st_size))
    revisions = store.revisions()
    return [day.isoformat(), rb.clock.week_start, sorted(found),
            sorted((n, revisions[n]) for n in revisions)]


def kept(rb: Rebound, day: date, cache: SummaryCache, name: str, read: Callable[[Any, str], T | None],
         compute: Callable[[], T], entry: Callable[[str, T], Any], *parts: Any) -> T:
    """What the last run left under the fixed entry ``name`` for this very state of every file
    and ``day`` (``read(entry, key)``, None when it was left for another state or does not read
    back); else ``compute()``, left for the next run (``entry(key, found)``) when no file changed
    meanwhile. Neither read nor left inside a transaction. The caller saves ``cache``."""
    saving = not rb.store.in_transaction  # inside one, the files on disk are not what memory holds
    key = _digest([name, *parts, identity(rb, day)]) if saving else None
    if key is not None:
        found = read(cache.get(name), key)
        if found is not None:
            return found
    made = compute()
    if key is not None and key == _digest([name, *parts, identity(rb, day)]):  # nothing changed meanwhile
        cache.put(name, entry(key, made))
    return made


def read(rb: Rebound, entry: Any, key: str) -> list[GoalSummary] | None:
    """The entry's summaries when it was left for ``key``; None otherwise (or a hand edit)."""
    if not isinstance(entry, dict) or entry.get("of") != key:
        return None
    try:
        day = date.fromisoformat(entry["day"])
        goals = {g.id: g for g in repo.goals(rb.store)}
        found = [
            GoalSummary(goal=goals[doc["goal"]], day=day, streak=Streak(**doc["streak"]),
                        **{name: doc[name] for name in _PLAIN})
            for doc in entry["summaries"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    if [s.goal.id for s in found] != [g.id for g in goals.values() if not g.archived]:
        return None  # not every active goal, or not in the order the store lists them
    return found


def entry(key: str, day: date, found: list[GoalSummary]) -> dict[str, Any]:
    return {"of": key, "day": day.isoformat(), "summaries": [
        {"goal": s.goal.id, "streak": asdict(s.streak), **{n: getattr(s, n) for n in _PLAIN}}
        for s in found
    ]}
