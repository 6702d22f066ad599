"""Where things stand on a day: goal summaries for Today and `rebound status`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .cache_file import STATUS
from .context import Rebound
from .history import histories
from .summaries import GoalSummary, summarize

if TYPE_CHECKING:
    from .cache_file import SummaryCache


def goal_summaries(rb: Rebound, as_of: date | None = None) -> list[GoalSummary]:
    clock = rb.clock
    day = as_of or clock.today()
    return [summarize(h, day, clock.week_start) for h in histories(rb)]


def status(rb: Rebound, as_of: date | None = None) -> dict[str, Any]:
    """The `status --json` object of product.md §4: as the last run left it when no data file
    changed since (``day_summaries.kept``, as Today keeps its view). Computing it builds every
    contact, this year's interactions, mood and wins and imports what reads them: 35-40 ms at
    ten years, against 4-5 ms to find the entry (every file's identity) and read it."""
    from . import day_summaries

    cache = rb.summary_cache()
    day = as_of or rb.today()
    result = day_summaries.kept(rb, day, cache, STATUS, _read, lambda: _compute(rb, day, cache),
                                lambda key, found: {"of": key, "status": found})
    if not rb.store.in_transaction:  # only once everything was read without an error, and never
        cache.save()                 # from inside a change that may yet be rolled back
    return result


def _compute(rb: Rebound, day: date, cache: SummaryCache) -> dict[str, Any]:
    from .app_status import application_counts
    from .contacts import followups_due
    from .mood import mood_logged  # the CLI's needs: the app's start-up does without them
    from .older_cache import cached_latest
    from .summary_cache import summaries_in
    from .wins import wins_on
    from .worklog import this_week

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
    return {
        "date": day.isoformat(),
        "goals": goals,
        "followups_due": [
            {"name": v.contact.name, "due": v.next.isoformat() if v.next else None,
             "overdue": v.next is not None and v.next < day}
            for v in followups_due(rb, day, latest)
        ],
        "mood_logged": mood_logged(rb, day),
        "wins_today": [{"kind": w.kind, "title": w.title} for w in wins_on(rb, day)],
        "applications": application_counts(rb, day, {c: i.day for c, i in latest.items() if i.day <= day},
                                           cache),
        "activities_this_week": week.as_dict() if (week := this_week(rb, day)) else None,
    }


_KEYS = ("date", "goals", "followups_due", "mood_logged", "wins_today", "applications",
         "activities_this_week")
_GOAL_KEYS = ("name", "period", "target", "full_target", "done", "complete", "current_streak",
              "best_streak", "at_risk", "score")


def _read(entry: Any, key: str) -> dict[str, Any] | None:
    """The entry's status when it was left for ``key`` and reads as one; None otherwise (a
    hand edit): what `rebound status` prints from it is there, of its type."""
    if not isinstance(entry, dict) or entry.get("of") != key:
        return None
    found = entry.get("status")
    if not isinstance(found, dict) or tuple(found) != _KEYS:
        return None
    goals, due, wins = found["goals"], found["followups_due"], found["wins_today"]
    week = found["activities_this_week"]
    if (isinstance(found["date"], str) and isinstance(found["mood_logged"], bool)
            and isinstance(goals, list) and all(isinstance(g, dict) and tuple(g) == _GOAL_KEYS for g in goals)
            and isinstance(due, list) and all(
                isinstance(f, dict) and tuple(f) == ("name", "due", "overdue") and isinstance(f["name"], str)
                and (f["due"] is None or isinstance(f["due"], str)) and isinstance(f["overdue"], bool)
                for f in due)
            and isinstance(wins, list) and all(
                isinstance(w, dict) and tuple(w) == ("kind", "title") and isinstance(w["title"], str)
                for w in wins)
            and isinstance(found["applications"], dict) and (week is None or isinstance(week, dict))):
        return found
    return None
