"""Small victories (product.md §3): the automatic wins the data earns.

Wins are a pure function of the data. After a change the services layer asks for the wins of the
touched goals (and days), compares them by ``key`` with the stored automatic wins, inserts the new
ones and removes those no longer earned; undoing a check-in therefore takes its wins away, and a
backfill earns them on the day they belong to.

Adding a goal rule = one function ``(history, settled, as_of) -> Iterable[EarnedWin]`` appended to
``GOAL_RULES``, plus its test. ``settled`` is ``streaks.walk()``: one forward pass over the goal's
days (or weeks), computed once and shared by every rule, so all rules together cost one pass. A
walk can start at a checkpoint (the month of the earliest changed day), so a tick re-derives this
month's wins, not five years of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .goals import GoalHistory
from .streaks import DayState, RunState, Walk, walk

MILESTONES: tuple[int, ...] = (3, 7, 14, 21, 30, 50, 100, 200, 365)
MIN_PERSONAL_BEST = 3


@dataclass(frozen=True)
class EarnedWin:
    rule: str  # "first_checkin", "all_done", "milestone", "personal_best", "weekly_target"
    day: date  # the day it belongs to (weekly rules: the day the week's target was first met)
    title: str
    goal_id: str | None = None

    @property
    def key(self) -> str:
        """Earned once per (rule, goal, day): the identity used to diff against stored wins."""
        return f"{self.rule}:{self.goal_id or '-'}:{self.day.isoformat()}"


# A rule gets the goal's history, its walk (computed once for all rules) and as_of. It yields the
# wins of the walked periods only (plus first_checkin, which never needs a walk).
GoalRule = Callable[[GoalHistory, Walk, date], Iterable[EarnedWin]]


def _unit(history: GoalHistory) -> str:
    return "week" if history.goal.is_weekly else "day"


# Goal rules --------------------------------------------------------------------------------------
def first_checkin(history: GoalHistory, settled: Walk, as_of: date) -> Iterator[EarnedWin]:
    """On the first day (up to ``as_of``) whose count is positive."""
    days = [day for day, count in history.counts.items() if count > 0 and day <= as_of]
    if days:
        goal = history.goal
        yield EarnedWin("first_checkin", min(days), f"First check-in: {goal.name}", goal.id)


def milestones(history: GoalHistory, settled: Walk, as_of: date) -> Iterator[EarnedWin]:
    """On each complete period whose streak reaches a milestone (again after a break, too)."""
    goal, unit = history.goal, _unit(history)
    for period in settled.periods:
        if period.state is DayState.COMPLETE and period.run in MILESTONES:
            assert period.done_on is not None
            title = f"{period.run}-{unit} streak: {goal.name}"
            yield EarnedWin("milestone", period.done_on, title, goal.id)


def personal_best(history: GoalHistory, settled: Walk, as_of: date) -> Iterator[EarnedWin]:
    """When a run first beats every earlier run (there was one), at a length of at least 3.

    Once per run: on the day its length reaches max(earlier best + 1, 3).
    """
    goal, unit = history.goal, _unit(history)
    earlier_best, run = settled.state.closed_best, settled.state.run
    for period in settled.periods:
        if period.state is DayState.MISS:
            earlier_best = max(earlier_best, run)
        elif period.state is DayState.COMPLETE:
            if earlier_best >= 1 and period.run == max(earlier_best + 1, MIN_PERSONAL_BEST):
                assert period.done_on is not None
                title = f"New personal best: {period.run} {unit}s of {goal.name}"
                yield EarnedWin("personal_best", period.done_on, title, goal.id)
        run = period.run


def weekly_target(history: GoalHistory, settled: Walk, as_of: date) -> Iterator[EarnedWin]:
    """Weekly goals: on the day each week's total first met its (lowered) target."""
    if not history.goal.is_weekly:
        return
    goal = history.goal
    for period in settled.periods:
        if period.state is DayState.COMPLETE:
            assert period.done_on is not None
            yield EarnedWin("weekly_target", period.done_on, f"Weekly target met: {goal.name}",
                            goal.id)


GOAL_RULES: list[GoalRule] = [first_checkin, milestones, personal_best, weekly_target]


def goal_wins(history: GoalHistory, as_of: date, week_start: int = 0) -> list[EarnedWin]:
    """All the wins one goal has earned over its whole history up to ``as_of``, oldest first."""
    return goal_wins_since(history, as_of, week_start, history.goal.start)[1]


def goal_wins_since(
    history: GoalHistory, as_of: date, week_start: int, since: date
) -> tuple[date, list[EarnedWin]]:
    """The goal's first-check-in win and every win on or after the returned day (a checkpoint on
    or before ``since``), oldest first: what a change on ``since`` or later can alter."""
    settled = walk(history, as_of, week_start, since)  # one pass, shared by every rule
    wins = [win for rule in GOAL_RULES for win in rule(history, settled, as_of)]
    return settled.state.at, sorted(wins, key=lambda win: win.day)


def goal_wins_after(history: GoalHistory, as_of: date, week_start: int,
                    prior: RunState) -> list[EarnedWin]:
    """``goal_wins_since`` from a run state kept from an earlier walk (``prior``, at a period
    start): the wins from there on, and the first-check-in win as ``history``'s days show it."""
    settled = walk(history, as_of, week_start, prior=prior)
    return sorted((win for rule in GOAL_RULES for win in rule(history, settled, as_of)),
                  key=lambda win: win.day)


# Cross-goal rules --------------------------------------------------------------------------------
def all_done_wins(
    histories: list[GoalHistory], days: Iterable[date], as_of: date
) -> list[EarnedWin]:
    """"All of that day's scheduled goals complete", for each of ``days`` up to ``as_of``.

    A day counts when at least one active daily goal is scheduled and not neutral on it (not
    before its start, not skipped, not a rest day) and every such goal met its target. Weekly and
    archived goals are left out, so a rest day or a day with nothing scheduled earns nothing.
    """
    daily = [(h.goal.start, h.goal.weekdays, h.rest_days, h.skips, h.counts, h.goal.target)
             for h in histories if not h.goal.is_weekly and not h.goal.archived]
    wins = []
    for day in sorted(set(days)):
        if day > as_of:
            continue
        weekday, due, met = day.weekday(), False, True
        for start, weekdays, rest, skips, counts, target in daily:  # is_neutral_day, inlined:
            if day < start or weekday not in weekdays or day in rest or day in skips:
                continue  # the Mood screen asks this of every day with a mood, years of them
            due = True
            if counts.get(day, 0) < target:
                met = False
                break
        if due and met:
            wins.append(EarnedWin("all_done", day, "All scheduled goals done"))
    return wins
