"""Read-only figures the screens show, computed once per version of the data.

A figure is kept with the data token it was computed from (``Rebound.data_token``: any change
on disk, here or in another process, gives a new token), so a screen switch, a poll or a second
screen asking for the same figure reads nothing and walks no history again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakKeyDictionary

from .context import Rebound

if TYPE_CHECKING:  # imported when first used: the first frame needs neither
    from ..core.applications import Application
    from .contacts import ContactView
    from .summaries import GoalSummary

T = TypeVar("T")
_figures: WeakKeyDictionary[Rebound, dict[Hashable, tuple[object, Any]]] = WeakKeyDictionary()


def memoised(rb: Rebound, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned for ``key`` while the data was as it is now.
    Callers must not change the result."""
    token = rb.data_token()
    kept = _figures.setdefault(rb, {})
    hit = kept.get(key)
    if hit is not None and hit[0] == token:
        return hit[1]  # type: ignore[no-any-return]
    value = compute()
    kept[key] = (token, value)
    return value


def peek(rb: Rebound, key: Hashable) -> Any | None:
    """What ``memoised`` holds for ``key`` if it is still current, without computing anything."""
    hit = _figures.get(rb, {}).get(key)
    return hit[1] if hit is not None and hit[0] == rb.data_token() else None


def summaries(rb: Rebound, day: date | None = None) -> list[GoalSummary]:
    """Every active goal's summary on ``day`` (today by default), memoised; at start-up the
    years before last are not read (``summary_cache``)."""
    from . import summary_cache

    clock = rb.clock
    day = day or clock.today()
    return memoised(rb, summaries_key(day, clock.week_start), lambda: summary_cache.summaries(rb, day))


def summaries_key(day: date, week_start: int) -> Hashable:
    return ("summaries", day, week_start)


def contact_views(rb: Rebound, today: date) -> list[ContactView]:
    """Every contact's view; the latest interactions of years before today's are taken from
    ``.summaries.json`` (as `status` does) when those files are not read yet."""
    from . import contacts

    return memoised(rb, ("contact-views", today),
                    lambda: contacts.contact_views(rb, today, latest_interactions(rb, today)))


def latest_interactions(rb: Rebound, today: date) -> dict[str, Any]:
    """Each contact's latest interaction (older years' from ``.summaries.json``), memoised: the
    follow-ups and the quiet applications share one read."""
    from . import older_cache

    return memoised(rb, ("latest-interactions", today), lambda: older_cache.latest(rb, today))


def quiet_applications(rb: Rebound, today: date) -> list[tuple[Application, int]]:
    """Open applications quiet for ``ghost_days`` or more, the longest quiet first, memoised:
    Today's redraws read no application file while the data is unchanged, and the years before
    today's come from ``.summaries.json`` (``app_status.open_applications``)."""
    from . import applications, app_status

    def compute() -> list[tuple[Application, int]]:
        latest = {cid: i.day for cid, i in latest_interactions(rb, today).items()}
        return applications.quiet(rb, today, latest, app_status.open_applications(rb, today))

    return memoised(rb, ("quiet-applications", today), compute)


def followups_due(rb: Rebound, today: date) -> list[ContactView]:
    from . import contacts

    return memoised(rb, ("followups-due", today), lambda: contacts.due(contact_views(rb, today)))


def applications_by_contact(rb: Rebound) -> dict[str, list[Application]]:
    """contact id → its applications (latest first), built once per version of the data."""
    from ..core.applications import by_contact
    from . import applications

    return memoised(rb, "applications-by-contact", lambda: by_contact(applications.applications(rb)))
