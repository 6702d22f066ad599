"""What Today shows below the goals, as the last run left it: the first ``SHOWN`` follow-ups
and quiet applications and how many there are, the day's mood and wins, the recent rejection
(the encouragement's words) and the feedback ask, for a start that changes nothing (as
``day_summaries`` keeps the goals'). Computing them parses every contact and this year's
interactions, applications, mood entries and wins, and every rejection: 60-70 ms at ten years;
the entry reads back in a millisecond.

Kept as the goals' summaries are (``day_summaries.kept``): keyed by the identity of every data
file, the day and the week start, so any change to any file is a miss; never read or left inside
a transaction, and left only when no file changed while it was computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..core.contacts import Urgency
from ..store import applications as app_docs
from ..store import contacts as contact_docs
from ..store import mood as mood_docs
from ..store import wins as win_docs
from . import day_summaries, memo
from .cache_file import TODAY_VIEW
from .context import Rebound

if TYPE_CHECKING:
    from ..core.applications import Application
    from ..core.mood import Rejection
    from ..core.wins import Win
    from .contacts import ContactView

SHOWN = 5  # a two-minute check-in names a handful; Contacts (3) and Applications (6) list every one


@dataclass(frozen=True)
class TodayView:
    followups: list[ContactView]  # the first SHOWN due today or overdue, most overdue first
    due: int  # how many are due in all
    quiet: list[tuple[Application, int]]  # the first SHOWN quiet applications and their quiet days
    quiet_count: int
    rejection: Rejection | None  # the newest rejection of the last two days (the encouragement)
    mood: tuple[float, int] | None  # the day's mean mood and how many entries
    ask: Rejection | None  # the soonest feedback ask still ahead
    wins: list[Win]  # the day's wins, oldest first


def today_view(rb: Rebound, day: date) -> TodayView:
    """What Today shows below the goals, memoised; at start-up from ``.summaries.json`` when
    nothing changed since the last run."""
    return memo.memoised(rb, ("today-view", day), lambda: _read_or_compute(rb, day))


def _read_or_compute(rb: Rebound, day: date) -> TodayView:
    cache = rb.summary_cache()
    found = day_summaries.kept(rb, day, cache, TODAY_VIEW, _read, lambda: _compute(rb, day), _entry, SHOWN)
    cache.save()
    return found


def _compute(rb: Rebound, day: date) -> TodayView:
    from . import mood
    from .wins import wins_on

    due = memo.followups_due(rb, day)
    quiet = memo.quiet_applications(rb, day)
    return TodayView(due[:SHOWN], len(due), quiet[:SHOWN], len(quiet), mood.recent_rejection(rb, day),
                     mood.day_mood(rb, day), mood.feedback_ask(rb, day), wins_on(rb, day))


def _entry(key: str, found: TodayView) -> dict[str, Any]:
    def rejection(r: Rejection | None) -> dict[str, Any] | None:
        return mood_docs.rejection_to_doc(r) if r is not None else None

    return {
        "of": key,
        "followups": [[contact_docs.contact_to_doc(v.contact),
                       contact_docs.interaction_to_doc(v.last) if v.last else None,
                       v.next.isoformat() if v.next else None, v.urgency.name] for v in found.followups],
        "due": found.due,
        "quiet": [[app_docs.to_doc(app), days] for app, days in found.quiet],
        "quiet_count": found.quiet_count,
        "rejection": rejection(found.rejection),
        "mood": list(found.mood) if found.mood else None,
        "ask": rejection(found.ask),
        "wins": [win_docs.win_to_doc(w) for w in found.wins],
    }


def _read(entry: Any, key: str) -> TodayView | None:
    """The entry's view when it was left for ``key``; None otherwise (or a hand edit)."""
    from .contacts import ContactView

    if not isinstance(entry, dict) or entry.get("of") != key:
        return None

    def rejection(doc: Any) -> Rejection | None:
        return mood_docs.rejection_from_doc(doc) if doc is not None else None

    try:
        followups = [
            ContactView(contact_docs.contact_from_doc(contact),
                        contact_docs.interaction_from_doc(last) if last is not None else None,
                        date.fromisoformat(nxt) if nxt is not None else None, Urgency[urgency])
            for contact, last, nxt, urgency in entry["followups"]
        ]
        quiet = [(app_docs.from_doc(app), int(days)) for app, days in entry["quiet"]]
        mood = entry["mood"]
        return TodayView(followups, int(entry["due"]), quiet, int(entry["quiet_count"]),
                         rejection(entry["rejection"]),
                         (float(mood[0]), int(mood[1])) if mood is not None else None,
                         rejection(entry["ask"]), [win_docs.win_from_doc(w) for w in entry["wins"]])
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None
