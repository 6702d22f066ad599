"""Where things stand on a day: goal summaries for Today and `rebound status`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .cache_file import STATUS_FOLLOWUPS
from .context import Rebound
from .history import histories
from .summaries import GoalSummary, summarize

if TYPE_CHECKING:
    from ..core.contacts import Interaction
    from .cache_file import SummaryCache


def goal_summaries(rb: Rebound, as_of: date | None = None) -> list[GoalSummary]:
    clock = rb.clock
    day = as_of or clock.today()
    return [summarize(h, day, clock.week_start) for h in histories(rb)]


def status(rb: Rebound, as_of: date | None = None) -> dict[str, Any]:
    """The `status --json` object of product.md §4."""
    from .app_status import application_counts
    from .mood import mood_logged  # the CLI's needs: the app's start-up does without them
    from .older_cache import cached_latest
    from .summary_cache import summaries_in
    from .wins import wins_on
    from .worklog import this_week

    cache = rb.summary_cache()
    day = as_of or rb.today()
    goals = [
        {
            "name": s.goal.name,
            "period": s.goal.period,
            "target": s.target,
            "full_target": s.goal.target,
            "done": s.streak.done,
            "complete": s.streak.complete,
            "current_streak": s.streak.current,
            "best_streak": s.streak.best,
            "at_risk": s.streak.at_risk,
            "score": round(s.score, 4),
        }
        for s in summaries_in(rb, day, cache)
    ]
    latest = cached_latest(rb, day, cache)
    result = {
        "date": day.isoformat(),
        "goals": goals,
        "followups_due": _followups_due(rb, day, latest, cache),
        "mood_logged": mood_logged(rb, day),
        "wins_today": [{"kind": w.kind, "title": w.title} for w in wins_on(rb, day)],
        "applications": application_counts(rb, day, {c: i.day for c, i in latest.items() if i.day <= day},
                                           cache),
        "activities_this_week": week.as_dict() if (week := this_week(rb, day)) else None,
    }
    if not rb.store.in_transaction:  # only once everything was read without an error, and never
        cache.save()                 # from inside a change that may yet be rolled back
    return result


def _followups_due(rb: Rebound, day: date, latest: dict[str, Interaction],
                   cache: SummaryCache) -> list[dict[str, Any]]:
    """Every follow-up due on ``day``, as the last run left them when no file changed since
    (``day_summaries.kept``): finding them builds every contact (11 ms of `status` at ten
    years, whose 1,600 contacts have 1,184 due)."""
    from . import day_summaries
    from .contacts import followups_due

    def compute() -> list[dict[str, Any]]:
        return [{"name": v.contact.name, "due": v.next.isoformat() if v.next else None,
                 "overdue": v.next is not None and v.next < day}
                for v in followups_due(rb, day, latest)]

    return day_summaries.kept(rb, day, cache, STATUS_FOLLOWUPS, _read_followups, compute,
                              lambda key, found: {"of": key, "followups": found})


def _read_followups(entry: Any, key: str) -> list[dict[str, Any]] | None:
    """The entry's follow-ups when it was left for ``key``; None otherwise (or a hand edit)."""
    if not isinstance(entry, dict) or entry.get("of") != key:
        return None
    found = entry.get("followups")
    if not isinstance(found, list) or not all(
        isinstance(f, dict) and f.keys() == {"name", "due", "overdue"} and isinstance(f["name"], str)
        and (f["due"] is None or isinstance(f["due"], str)) and isinstance(f["overdue"], bool)
        for f in found
    ):
        return None
    return found
