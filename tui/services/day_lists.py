"""Today's follow-ups and quiet applications as the last run left them: the first ``SHOWN`` of
each and how many there are, for a start that changes nothing (as ``day_summaries`` keeps the
goals'). Computing them parses every contact and this year's interactions and applications
(~50 ms of the rest of Today at ten years); the entry reads back in well under a millisecond.

Keyed by the identity of every data file, the day and the week start (``day_summaries.identity``):
any change to any file is a miss. Never read or left inside a transaction (the files on disk do
not hold what memory holds yet), and left only when no file changed while they were computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..core.contacts import Urgency
from ..store import applications as app_docs
from ..store import contacts as contact_docs
from . import day_summaries, memo
from .cache_file import TODAY_LISTS, _digest
from .context import Rebound

if TYPE_CHECKING:
    from ..core.applications import Application
    from .contacts import ContactView

SHOWN = 5  # a two-minute check-in names a handful; Contacts (3) and Applications (6) list every one


@dataclass(frozen=True)
class DayLists:
    followups: list[ContactView]  # the first SHOWN due today or overdue, most overdue first
    due: int  # how many are due in all
    quiet: list[tuple[Application, int]]  # the first SHOWN quiet applications and their quiet days
    quiet_count: int


def day_lists(rb: Rebound, day: date) -> DayLists:
    """Today's two lists, memoised; at start-up from ``.summaries.json`` when nothing changed."""
    return memo.memoised(rb, ("day-lists", day), lambda: _read_or_compute(rb, day))


def _read_or_compute(rb: Rebound, day: date) -> DayLists:
    saving = not rb.store.in_transaction
    key = _key(rb, day) if saving else None
    cache = rb.summary_cache()
    if key is not None:
        found = _read(cache.get(TODAY_LISTS), key)
        if found is not None:
            return found
    due = memo.followups_due(rb, day)
    quiet = memo.quiet_applications(rb, day)
    found = DayLists(due[:SHOWN], len(due), quiet[:SHOWN], len(quiet))
    if key is not None and key == _key(rb, day):  # nothing changed meanwhile
        cache.put(TODAY_LISTS, _entry(key, found))
        cache.save()
    return found


def _key(rb: Rebound, day: date) -> str:
    return _digest([TODAY_LISTS, SHOWN, day_summaries.identity(rb, day)])


def _entry(key: str, found: DayLists) -> dict[str, Any]:
    return {
        "of": key,
        "followups": [[contact_docs.contact_to_doc(v.contact),
                       contact_docs.interaction_to_doc(v.last) if v.last else None,
                       v.next.isoformat() if v.next else None, v.urgency.name] for v in found.followups],
        "due": found.due,
        "quiet": [[app_docs.to_doc(app), days] for app, days in found.quiet],
        "quiet_count": found.quiet_count,
    }


def _read(entry: Any, key: str) -> DayLists | None:
    """The entry's lists when it was left for ``key``; None otherwise (or a hand edit)."""
    from .contacts import ContactView

    if not isinstance(entry, dict) or entry.get("of") != key:
        return None
    try:
        followups = [
            ContactView(contact_docs.contact_from_doc(contact),
                        contact_docs.interaction_from_doc(last) if last is not None else None,
                        date.fromisoformat(nxt) if nxt is not None else None, Urgency[urgency])
            for contact, last, nxt, urgency in entry["followups"]
        ]
        quiet = [(app_docs.from_doc(app), int(days)) for app, days in entry["quiet"]]
        due, quiet_count = int(entry["due"]), int(entry["quiet_count"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return DayLists(followups, due, quiet, quiet_count)
