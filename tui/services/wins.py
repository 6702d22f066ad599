"""Wins: keep the stored automatic wins equal to what the data earns; record the user's own."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..core.clock import instant
from ..core.errors import InputError
from ..core.ids import match_id
from ..core.goals import GoalHistory
from ..core.victories import EarnedWin, all_done_wins, goal_wins_after, goal_wins_since
from ..core.wins import MANUAL, Win, clean_win_text
from ..store import repo
from ..store import wins as wins_repo
from .context import Rebound
from .history import histories

if TYPE_CHECKING:
    from .summary_cache import Carried


def reconcile(rb: Rebound, goal_ids: Iterable[str] | None, days: Iterable[date]) -> list[Win]:
    """Inside a change: award what the touched goals and days now earn, and take back what they
    no longer earn. ``goal_ids=None`` means every goal. Returns the wins newly awarded.

    A goal's wins before the month of the earliest touched day cannot change, so they are left
    alone: a tick re-derives this month's wins, not the goal's whole history."""
    if rb.deferred_wins is not None:  # a bulk change: remember the scope, reconcile once at the end
        goals, pending_days = rb.deferred_wins
        rb.deferred_wins = (None if goals is None or goal_ids is None else goals | set(goal_ids),
                            pending_days | set(days))
        return []
    clock = rb.clock
    today = clock.today()
    days = set(days)
    touched = None if goal_ids is None else set(goal_ids)
    if touched == set() and not days:
        return []  # nothing in scope (a bulk change that logged nothing)
    scoped = _this_month(rb, touched, days)
    if scoped is not None:
        return _reconcile_this_month(rb, *scoped, days)
    every = list(histories(rb, include_archived=True))
    expected: list[EarnedWin] = []
    walked_from: dict[str, date] = {}
    for history in every:
        goal = history.goal
        if touched is None or goal.id in touched:
            since = min(days, default=goal.start)
            walked_from[goal.id], earned = goal_wins_since(history, today, clock.week_start, since)
            expected.extend(earned)
    expected.extend(all_done_wins(every, days, today))
    for gone in (touched or set()) - set(walked_from):  # a deleted goal: every win of it goes
        walked_from[gone] = date.min

    def in_scope(win: Win) -> bool:
        if win.kind == "all_done":
            return win.day in days
        start = walked_from.get(win.goal_id or "", date.min)  # date.min: a deleted goal's win
        return win.day >= start or win.kind == "first_checkin"

    goal_ids = None if touched is None else touched | {None}
    since = min([*walked_from.values(), *days], default=None)
    stored = [*wins_repo.wins_of(rb.store, RE_WALKED_KINDS, goal_ids, since),
              *wins_repo.wins_of(rb.store, {"first_checkin"}, goal_ids)]
    return sync_wins(rb, expected, [w for w in stored if in_scope(w)])


RE_WALKED_KINDS = frozenset({"milestone", "personal_best", "weekly_target", "all_done"})


def _this_month(rb: Rebound, touched: set[str] | None,
                days: set[date]) -> tuple[list[GoalHistory], dict[str, Carried]] | None:
    """Every active goal's history of this year's files, and what each touched goal carried into
    this month, when the change touched days of this month only (of goals that started before
    it) and the older years are not in memory anyway: a command then reads this year's files,
    not ten years of them (``summary_cache.carried_into_month``). None: the usual way."""
    today = rb.today()
    if touched is None or not days or min(days) < today.replace(day=1) or max(days) > today:
        return None
    store = rb.store
    if all((opened := store.opened(name)) and opened.loaded for name in repo.checkin_files(store)):
        return None  # every year is in memory (an app): the usual way reads nothing
    from .summary_cache import carried_into_month

    found = carried_into_month(rb, today)
    if found is None:
        return None
    carried = {history.goal.id: entry for history, entry in found if entry is not None}
    if not touched <= carried.keys():
        return None  # archived, deleted, or started this month: it may hold older check-ins
    return [history for history, _ in found], {goal_id: carried[goal_id] for goal_id in touched}


def _reconcile_this_month(rb: Rebound, every: list[GoalHistory], carried: dict[str, Carried],
                          days: set[date]) -> list[Win]:
    """``reconcile`` from what each touched goal carried into this month: its walk starts there,
    and its first-check-in win is left alone when it had a check-in before the month (a change
    of this month cannot move it). Stored wins are read from this month's first period on."""
    today, week_start = rb.today(), rb.clock.week_start
    expected = all_done_wins(every, days, today)
    for history in every:
        if (entry := carried.get(history.goal.id)) is not None:
            expected += [win for win in goal_wins_after(history, today, week_start, entry.state)
                         if win.rule != "first_checkin" or entry.first is None]

    def in_scope(win: Win) -> bool:
        if win.kind == "all_done":
            return win.day in days
        entry = carried[win.goal_id or ""]
        if win.kind == "first_checkin":
            return entry.first is None
        return win.day >= entry.state.at

    since = min([*days, *(entry.state.at for entry in carried.values())])
    kinds = RE_WALKED_KINDS | {"first_checkin"}
    stored = wins_repo.wins_of(rb.store, kinds, {*carried, None}, since)
    return sync_wins(rb, expected, [w for w in stored if in_scope(w)])


def sync_wins(rb: Rebound, expected: Iterable[EarnedWin], stored: Iterable[Win]) -> list[Win]:
    """Inside a change: make the ``stored`` automatic wins (those the change can touch, which the
    caller selects) equal to ``expected``, by key. Every domain (goals, contacts, mood) keeps its
    wins with this."""
    store = rb.store
    wanted = {earned.key: earned for earned in expected}
    in_scope = {w.key: w for w in stored}
    for key, win in in_scope.items():
        if key not in wanted:
            wins_repo.delete_win(store, win)
    stamp = rb.clock.timestamp()
    awarded = []
    for key, earned in wanted.items():
        if key not in in_scope:
            win = Win(repo.new_id(), earned.rule, earned.title, earned.day, earned.goal_id, key, stamp)
            wins_repo.insert_win(store, win)
            awarded.append(win)
    rb.earned.extend(awarded)
    return awarded


def every_day(rb: Rebound) -> list[date]:
    """Every day from the earliest goal's start to today: the scope of a change (an edit, an
    archive, a new week start) that can alter "all goals done" on any past day."""
    starts = [g.start for g in repo.goals(rb.store, include_archived=True)]
    today = rb.today()
    first = min(starts, default=today)
    return [first + timedelta(days=i) for i in range((today - first).days + 1)]


@contextmanager
def wins_deferred(rb: Rebound) -> Iterator[None]:
    """Inside a change that logs many check-ins (an import): reconcile wins once, at the end."""
    rb.deferred_wins = (set(), set())
    try:
        yield
    finally:
        goals, days = rb.deferred_wins
        rb.deferred_wins = None
    reconcile(rb, goals, days)


def add_win(rb: Rebound, text: str, day: date | None = None) -> Win:
    title = clean_win_text(text)
    day = day or rb.today()
    with rb.change(f"win “{title}”"):
        win = Win(repo.new_id(), MANUAL, title, day, at=rb.clock.timestamp())
        wins_repo.insert_win(rb.store, win)
    return win


AUTOMATIC = "automatic wins follow your data: undo or delete what earned it"


def own_win(rb: Rebound, win_id: str) -> Win:
    """The user's own win with this id; automatic wins are refused (they are derived)."""
    win = next((w for w in wins_repo.wins(rb.store) if w.id == win_id), None)
    if win is None:
        raise InputError("that win no longer exists")
    if not win.manual:
        raise InputError(f"“{win.title}” is automatic: {AUTOMATIC}")
    return win


def find_win(rb: Rebound, query: str) -> Win:
    """The win whose id is ``query`` or starts with it (as `win list` shows it)."""
    return match_id(query, wins_repo.wins(rb.store), "win")


def edit_win(rb: Rebound, win_id: str, *, text: str | None = None, day: date | None = None) -> Win:
    """Change an own win's words or day (None: keep it)."""
    win = own_win(rb, win_id)
    today = rb.today()
    if day is not None and day > today:
        raise InputError(f"{day.isoformat()} is in the future; today is {today.isoformat()}", "day")
    changed = replace(win, title=win.title if text is None else clean_win_text(text),
                      day=win.day if day is None else day)
    with rb.change(f"edit win “{changed.title}”"):
        wins_repo.replace_win(rb.store, own_win(rb, win_id), changed)
    return changed


def delete_win(rb: Rebound, win_id: str) -> Win:
    win = own_win(rb, win_id)
    with rb.change(f"delete win “{win.title}”"):
        wins_repo.delete_win(rb.store, own_win(rb, win_id))
    return win


def wins_on(rb: Rebound, day: date) -> list[Win]:
    return sorted(wins_repo.wins_on(rb.store, day), key=lambda w: instant(w.at))


def all_wins(rb: Rebound) -> list[Win]:
    """Every win, newest first."""
    return sorted(wins_repo.wins(rb.store), key=_newest, reverse=True)


def newest_wins(rb: Rebound, enough: Callable[[list[Win]], bool]) -> list[Win]:
    """The newest wins, newest first, read a year's file at a time until ``enough`` of them:
    a page of five years of wins converts this year's, not 5,000. Every win when the files do
    not each hold their own year (an old ``wins.json``, a hand edit)."""
    store = rb.store
    files = wins_repo.year_files(store)
    if files is None:
        return all_wins(rb)
    found: list[Win] = []
    for year in sorted(files, reverse=True):
        held = wins_repo.file_wins(store, files[year])
        if any(w.day.year != year for w in held):
            return all_wins(rb)
        found += sorted(held, key=_newest, reverse=True)
        if enough(found):
            break
    return found


def _newest(win: Win) -> tuple[date, float]:
    return win.day, instant(win.at)


CELEBRATION_ORDER = ("offer", "interview", "personal_best", "milestone", "weekly_target", "all_done", "first_checkin")


def celebrate(wins: list[Win]) -> str:
    """One toast for a change, however many wins it earned; the biggest first."""
    order = {kind: i for i, kind in enumerate(CELEBRATION_ORDER)}
    wins = sorted(wins, key=lambda w: (order.get(w.kind, len(order)), w.day))
    if len(wins) == 1:
        return wins[0].title
    return f"{len(wins)} wins: " + "; ".join(w.title for w in wins[:3]) + ("…" if len(wins) > 3 else "")
