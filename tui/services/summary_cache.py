"""Goal summaries and follow-ups for a cold `rebound status` on years of data.

A streak or a score needs every day since the goal's start; reading five years of check-ins
costs a fresh process more than everything else it does. But what a goal carried into this year
(its run state and its score on 1 January) changes only when older data changes. So it is kept
in a hidden cache file, ``.summaries.json``, under a key made of everything it depends on
(``core.prefix.walk_key``, shared with the in-memory prefixes): the goal, the week start, the
rest days and skips before that day, and the identity (name, inode, mtime, size, revision
token) of every check-in file of an earlier year. A cold status then reads
only this year's and last year's check-ins (the latter for weeks and the weekly score window
that straddle New Year). From February the state on the first of the month is kept too, keyed
by this year's earlier days as well, so a warm start reads this year's check-ins only. Any doubt
(a missing or stale entry, a check-in filed in the wrong year's file, an unreadable cache) falls
back to reading everything, and refreshes the cache. Each contact's latest interaction in the
files of earlier years, and the earlier years' count of wins by kind, are kept the same way
(``older_cache``).

The cache is not data: losing it, or failing to write it (a read-only folder), costs time only.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple


from ..core.clock import week_start_of
from ..core.goals import GoalHistory
from ..core.prefix import walk_key
from ..core.score import score_before
from ..core.streaks import RunState, state_before, state_from
from ..core.counting import is_counted
from ..store import files, repo
from .cache_file import TODAY_SUMMARIES, SummaryCache, _digest, _identity
from .context import Rebound
from .history import histories
from .summaries import GoalSummary, summarize

if TYPE_CHECKING:
    from ..store.activity import Family

# Goals -------------------------------------------------------------------------------------------
def summaries(rb: Rebound, day: date) -> list[GoalSummary]:
    """Every active goal's summary on ``day``, older years read from the cache when it can. In
    an app with every year in memory (it reads them when idle) the in-process checkpoints at the
    first of the month are cheaper than walking from 1 January; a command (a sync that read
    every year) has none, and a full walk would cost it more than the cache."""
    cache = rb.summary_cache()
    found = summaries_in(rb, day, cache)
    cache.save()
    return found


def summaries_in(rb: Rebound, day: date, cache: SummaryCache) -> list[GoalSummary]:
    """``summaries`` without saving the cache: what the last run left for this very state of
    every file (``day_summaries``), else computed and left for the next run."""
    from . import day_summaries

    store = rb.store

    def compute() -> list[GoalSummary]:
        if rb.resident and all(store.file(name).loaded for name in repo.checkin_files(store)):
            return [summarize(h, day, rb.clock.week_start) for h in histories(rb)]
        return cached_summaries(rb, day, cache)

    return day_summaries.kept(rb, day, cache, TODAY_SUMMARIES,
                              lambda entry, key: day_summaries.read(rb, entry, key), compute,
                              lambda key, found: day_summaries.entry(key, day, found))


def cached_summaries(rb: Rebound, day: date, cache: SummaryCache) -> list[GoalSummary]:
    store, week_start = rb.store, rb.clock.week_start
    named = repo.checkin_files(store)
    if None in named.values() or not any(y < day.year - 1 for y in named.values() if y):
        return [summarize(h, day, week_start) for h in histories(rb)]  # nothing worth skipping
    new_year, month = date(day.year, 1, 1), day.replace(day=1)
    older = {n: y for n, y in named.items() if y is not None and y < day.year}
    sources = _Sources(rb, day.year, _identity(rb, list(older)))
    this_year_only = _this_year_only(rb, day.year, named, sources)
    if this_year_only and month > new_year:  # from February, this year's file is enough
        found = _from_month(rb, day, cache, sources)
        if found is not None:
            return found
    recent = histories(rb, from_year=day.year - 1)
    keys = {h.goal.id: _key(h, new_year, week_start, sources.of(h)) for h in recent}
    carried = {h.goal.id: _carried_entry(cache.get(keys[h.goal.id])) for h in recent}
    if this_year_only and None not in carried.values():
        if month > new_year:
            _remember_month(recent, month, week_start, sources, carried, cache)
        return [_summarize(h, day, week_start, carried[h.goal.id], new_year) for h in recent]
    every = histories(rb)  # reads every year
    if this_year_only and sources.older_hold_their_years() and all(
            max(repo.years_in(store, n), default=y) < day.year - 1
            for n, y in older.items() if y < day.year - 1):
        for h in every:
            cache.put(keys[h.goal.id], _carried(h, new_year, week_start))
    return [summarize(h, day, week_start) for h in every]


def _this_year_only(rb: Rebound, year: int, named: dict[str, int | None], sources: _Sources) -> bool:
    """The files named for ``year`` or later (check-ins and the counted activities) hold no
    earlier day (no hand-moved record)."""
    return all(min(repo.years_in(rb.store, n), default=y) >= year
               for n, y in named.items() if y is not None and y >= year) and sources.this_year_only()


def carried_into_month(rb: Rebound, day: date) -> list[tuple[GoalHistory, Carried | None]] | None:
    """Each active goal's history of this year's files with what it carried into ``day``'s month
    (None: it started within the month, all its days are there), from ``.summaries.json``; None
    when the cache cannot say (January, a missing or stale entry, files not named by year, a
    record filed in another year's file). What a change to days of this month reads instead of
    every year (``services.wins.reconcile``)."""
    named = repo.checkin_files(rb.store)
    if day.month == 1 or None in named.values():
        return None
    older = [n for n, y in named.items() if y is not None and y < day.year]
    sources = _Sources(rb, day.year, _identity(rb, older))
    if _older_in_change(rb, day.year, sources) or not _this_year_only(rb, day.year, named, sources):
        return None
    return _month_entries(rb, day, rb.summary_cache(), sources)


def _older_in_change(rb: Rebound, year: int, sources: _Sources) -> bool:
    """The open change wrote a file of an earlier year, or the single file of an activity a
    goal counts: the entries are keyed by the files on disk, which it has not written yet."""
    single = {fam.prefix for fam in sources.families if fam.prefix.endswith(".json")}
    for name in rb.store.dirty_names():
        found = files.years_named([name], name.rpartition("-")[0] + "-").get(name)
        if name in single or (found is not None and found < year):
            return True
    return False


class _Sources:
    """The identity of what a goal's walk before this year reads: the check-in files of earlier
    years and, for a goal that counts an activity, that activity's files of earlier years (the
    rejections' single file whole). A counted goal's entry is thus keyed by its records too."""

    def __init__(self, rb: Rebound, year: int, checkins: list[Any]) -> None:
        self.store, self.year, self.checkins = rb.store, year, checkins
        self.rb = rb
        counted = [g.counts for g in repo.goals(rb.store) if is_counted(g.counts)]
        self.families: set[Family] = set()
        if counted:  # the activities' files, read only when a goal counts one
            from ..store import activity

            self.families = {f for c in counted if (f := activity.family(c))}
        self._identities: dict[Family, list[Any]] = {}

    def _named(self, fam: Family) -> dict[str, int | None]:
        return {} if fam.prefix.endswith(".json") else self.store.years_named(fam.prefix)

    def this_year_only(self) -> bool:
        """Every activity file named for this year or later holds no earlier day (no hand-moved
        record), and every name holds a year."""
        from ..store import activity

        for fam in self.families:
            named = self._named(fam)
            if None in named.values() or any(
                    min(activity.years_in(self.store, fam, n), default=y) < self.year
                    for n, y in named.items() if y is not None and y >= self.year):
                return False
        return True

    def older_hold_their_years(self) -> bool:
        """The activity files named before last year hold only days before last year: a walk
        from last year's files misses none of them."""
        from ..store import activity

        return all(max(activity.years_in(self.store, fam, n), default=y) < self.year - 1
                   for fam in self.families for n, y in self._named(fam).items()
                   if y is not None and y < self.year - 1)

    def of(self, history: GoalHistory) -> list[Any]:
        if not is_counted(history.goal.counts):
            return self.checkins
        from ..store import activity

        fam = activity.family(history.goal.counts)
        assert fam is not None
        if fam not in self._identities:
            names = [fam.prefix] if fam.prefix.endswith(".json") else [
                n for n, y in self._named(fam).items() if y is not None and y < self.year]
            self._identities[fam] = _identity(self.rb, names)
        return [self.checkins, fam.prefix, self._identities[fam]]


def _from_month(rb: Rebound, day: date, cache: SummaryCache,
                sources: _Sources) -> list[GoalSummary] | None:
    """Summaries from what each goal carried into this month, reading this year's check-ins only;
    None when an entry is missing (the caller walks from 1 January, and remembers the month)."""
    found = _month_entries(rb, day, cache, sources)
    if found is None:
        return None
    week_start, month = rb.clock.week_start, day.replace(day=1)
    return [summarize(h, day, week_start) if carried is None  # its days are all here
            else _summarize(h, day, week_start, carried, month) for h, carried in found]


def _month_entries(rb: Rebound, day: date, cache: SummaryCache,
                   sources: _Sources) -> list[tuple[GoalHistory, Carried | None]] | None:
    week_start, month = rb.clock.week_start, day.replace(day=1)
    found: list[tuple[GoalHistory, Carried | None]] = []
    for h in histories(rb, from_year=day.year):
        if _started_within(h, month, week_start):
            found.append((h, None))
            continue
        carried = _carried_entry(cache.get(_month_key(h, month, week_start, sources.of(h))))
        if carried is None:
            return None
        found.append((h, carried))
    return found


def _remember_month(recent: list[GoalHistory], month: date, week_start: int, sources: _Sources,
                    carried: dict[str, Carried | None], cache: SummaryCache) -> None:
    """What each goal carried into ``month``, walked on from 1 January's, kept for the next run."""
    for h in recent:
        year = carried[h.goal.id]
        if year is None or _started_within(h, month, week_start):
            continue
        state = state_from(h, year.state, _boundary(h, month, week_start), week_start)
        score = score_before(h, month, (date(month.year, 1, 1), year.score))
        cache.put(_month_key(h, month, week_start, sources.of(h)),
                  _entry(state, score, _first_day(h, year.first, month)))


def _started_within(history: GoalHistory, month: date, week_start: int) -> bool:
    start = history.goal.start
    return (week_start_of(start, week_start) if history.goal.is_weekly else start) >= _boundary(
        history, month, week_start)


def _boundary(history: GoalHistory, first: date, week_start: int) -> date:
    return week_start_of(first, week_start) if history.goal.is_weekly else first


def _key(history: GoalHistory, new_year: date, week_start: int, identity: list[Any]) -> str:
    """What the goal carried into 1 January (its state at the period holding it, its score the
    day before): the walk before it (``walk_key``), the check-ins by their files' identity."""
    return _digest(["goal", *walk_key(history, new_year, week_start, identity)])


def _month_key(history: GoalHistory, month: date, week_start: int, identity: list[Any]) -> str:
    """``_key`` for the first of ``month`` (February on): the earlier years' check-ins by their
    files' identity, this year's before the month by their data."""
    new_year, counts = date(month.year, 1, 1), history.counts
    this_year = sorted((d, c) for d, c in counts.items() if new_year <= d < month)
    return _digest(["month", *walk_key(history, month, week_start, [identity, this_year])])


class Carried(NamedTuple):
    """What a goal carried into a day: its run state at the period holding it, its score the day
    before, and its first day with a check-in before it (None: none), which fixes its
    first-check-in win."""

    state: RunState
    score: float
    first: date | None


def _carried(history: GoalHistory, new_year: date, week_start: int) -> dict[str, Any]:
    state = state_before(history, _boundary(history, new_year, week_start), week_start)
    return _entry(state, score_before(history, new_year), _first_day(history, None, new_year))


def _first_day(history: GoalHistory, earlier: date | None, before: date) -> date | None:
    """``earlier`` (the first day with a check-in before what ``history`` holds), else the first
    day of ``history`` before ``before`` with one."""
    if earlier is not None:
        return earlier
    return min((d for d, count in history.counts.items() if count > 0 and d < before), default=None)


def _entry(state: RunState, score: float, first: date | None) -> dict[str, Any]:
    return {"at": state.at.isoformat(), "run": state.run, "closed_best": state.closed_best,
            "score": score, "first": first and first.isoformat()}


def _carried_entry(entry: Any) -> Carried | None:
    """A cache entry back as ``Carried``; None when it is not one (a hand edit, an entry made
    before entries held the first check-in)."""
    try:
        state = RunState(date.fromisoformat(entry["at"]), entry["run"], entry["closed_best"])
        score, first = entry["score"], entry["first"]
        first = None if first is None else date.fromisoformat(first)
    except (KeyError, TypeError, ValueError):
        return None
    numbers = (state.run, state.closed_best)
    if not all(type(n) is int and n >= 0 for n in numbers) or type(score) is not float:
        return None
    return Carried(state, score, first)


def _summarize(history: GoalHistory, day: date, week_start: int, carried: Carried | None,
               since: date) -> GoalSummary:
    assert carried is not None
    return summarize(history, day, week_start, carried.state, (since, carried.score))
