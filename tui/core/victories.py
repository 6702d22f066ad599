"""Small victories (product.md §3): the automatic wins the data earns.

Wins are a pure function of the data. After a change the services layer asks for the wins of the
touched goals (and days), compares them by ``key`` with the stored automatic wins, inserts the new
ones and removes those no longer earned; undoing a check-in therefore takes its wins away, and a
backfill earns them on the day they belong to.

Adding a goal rule = one function ``(history, settled, as_of) -> Iterable[EarnedWin]`` appended to
``GOAL_RULES``, plus its test. ``settled`` is ``periods()``: one forward pass over the goal's days
(or weeks), computed once and shared by every rule, so all rules together cost one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .clock import week_start_of
from .goals import GoalHistory
from .streaks import ONE_DAY, ONE_WEEK, DayState, day_state, is_neutral_day, week_target

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


# A rule gets the goal's history, its settled periods (computed once for all rules) and as_of.
GoalRule = Callable[[GoalHistory, Sequence["Period"], date], Iterable[EarnedWin]]


@dataclass(frozen=True)
class Period:
    """One day (daily goals) or week (weekly goals) of a goal's history, seen from ``as_of``."""

    start: date  # the day, or the first day of the week
    state: DayState  # COMPLETE, NEUTRAL or MISS; a pending as-of period is left out
    done_on: date | None  # the day it became complete (for a day: the day itself)
    run: int  # the current streak once this period is counted, as streaks.streak(done_on) says


def periods(history: GoalHistory, as_of: date, week_start: int = 0) -> Iterator[Period]:
    """Every settled period from the goal's start up to ``as_of``, oldest first, in one pass.

    Same rules as ``streaks.period_states``: complete periods extend the run, neutral ones are
    skipped, misses reset it, and the period holding ``as_of`` counts only once complete.
    """
    goal = history.goal
    run = 0
    if not goal.is_weekly:
        day = goal.start
        while day <= as_of:
            state = day_state(history, day, as_of)
            if state is DayState.COMPLETE:
                run += 1
            elif state is DayState.MISS:
                run = 0
            if state is not DayState.PENDING:
                done_on = day if state is DayState.COMPLETE else None
                yield Period(day, state, done_on, run)
            day += ONE_DAY
        return
    week, current = week_start_of(goal.start, week_start), week_start_of(as_of, week_start)
    while week <= current:
        target = week_target(history, week)
        if target == 0:
            yield Period(week, DayState.NEUTRAL, None, run)
        elif (done_on := _day_target_reached(history, week, target, as_of)) is not None:
            run += 1
            yield Period(week, DayState.COMPLETE, done_on, run)
        elif week < current:
            run = 0
            yield Period(week, DayState.MISS, None, run)
        week += ONE_WEEK


def _day_target_reached(history: GoalHistory, week: date, target: int, as_of: date) -> date | None:
    """The first day of ``week`` (up to ``as_of``) on which the week's running total met target."""
    total = 0
    for i in range(7):
        day = week + timedelta(days=i)
        if day > as_of:
            break
        total += history.counts.get(day, 0)
        if total >= target:
            return day
    return None


def _unit(history: GoalHistory) -> str:
    return "week" if history.goal.is_weekly else "day"


# Goal rules --------------------------------------------------------------------------------------
def first_checkin(
    history: GoalHistory, settled: Sequence[Period], as_of: date
) -> Iterator[EarnedWin]:
    """On the first day (up to ``as_of``) whose count is positive."""
    days = [day for day, count in history.counts.items() if count > 0 and day <= as_of]
    if days:
        goal = history.goal
        yield EarnedWin("first_checkin", min(days), f"First check-in: {goal.name}", goal.id)


def milestones(
    history: GoalHistory, settled: Sequence[Period], as_of: date
) -> Iterator[EarnedWin]:
    """On each complete period whose streak reaches a milestone (again after a break, too)."""
    goal, unit = history.goal, _unit(history)
    for period in settled:
        if period.state is DayState.COMPLETE and period.run in MILESTONES:
            assert period.done_on is not None
            title = f"{period.run}-{unit} streak: {goal.name}"
            yield EarnedWin("milestone", period.done_on, title, goal.id)


def personal_best(
    history: GoalHistory, settled: Sequence[Period], as_of: date
) -> Iterator[EarnedWin]:
    """When a run first beats every earlier run (there was one), at a length of at least 3.

    Once per run: on the day its length reaches max(earlier best + 1, 3).
    """
    goal, unit = history.goal, _unit(history)
    earlier_best = run = 0
    for period in settled:
        if period.state is DayState.MISS:
            earlier_best = max(earlier_best, run)
        elif period.state is DayState.COMPLETE:
            if earlier_best >= 1 and period.run == max(earlier_best + 1, MIN_PERSONAL_BEST):
                assert period.done_on is not None
                title = f"New personal best: {period.run} {unit}s of {goal.name}"
                yield EarnedWin("personal_best", period.done_on, title, goal.id)
        run = period.run


def weekly_target(
    history: GoalHistory, settled: Sequence[Period], as_of: date
) -> Iterator[EarnedWin]:
    """Weekly goals: on the day each week's total first met its (lowered) target."""
    if not history.goal.is_weekly:
        return
    goal = history.goal
    for period in settled:
        if period.state is DayState.COMPLETE:
            assert period.done_on is not None
            yield EarnedWin("weekly_target", period.done_on, f"Weekly target met: {goal.name}",
                            goal.id)


GOAL_RULES: list[GoalRule] = [first_checkin, milestones, personal_best, weekly_target]


def goal_wins(history: GoalHistory, as_of: date, week_start: int = 0) -> list[EarnedWin]:
    """All the wins one goal has earned over its whole history up to ``as_of``, oldest first."""
    settled = list(periods(history, as_of, week_start))  # one pass, shared by every rule
    wins = [win for rule in GOAL_RULES for win in rule(history, settled, as_of)]
    return sorted(wins, key=lambda win: win.day)


# Cross-goal rules --------------------------------------------------------------------------------
def all_done_wins(
    histories: list[GoalHistory], days: Iterable[date], as_of: date
) -> list[EarnedWin]:
    """"All of that day's scheduled goals complete", for each of ``days`` up to ``as_of``.

    A day counts when at least one active daily goal is scheduled and not neutral on it (not
    before its start, not skipped, not a rest day) and every such goal met its target. Weekly and
    archived goals are left out, so a rest day or a day with nothing scheduled earns nothing.
    """
    daily = [h for h in histories if not h.goal.is_weekly and not h.goal.archived]
    wins = []
    for day in sorted(set(days)):
        if day > as_of:
            continue
        due = [h for h in daily if not is_neutral_day(h, day)]
        if due and all(h.counts.get(day, 0) >= h.goal.target for h in due):
            wins.append(EarnedWin("all_done", day, "All scheduled goals done"))
    return wins
