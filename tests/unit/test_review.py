"""core.review: completion rates and the cursor-day line of the Goals screen."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.goals import Goal, GoalHistory
from tui.core.review import completion_rate, describe_day
from tui.core.streaks import ONE_DAY, ONE_WEEK, DayState, day_state, week_start_of, week_state

START = date(2026, 1, 5)


def weekly(counts: list[int], rest: set[int], skips: set[int], target: int) -> GoalHistory:
    goal = Goal("g", "Coffee chats", START, target=target, period="week")
    days = {START + timedelta(days=i): c for i, c in enumerate(counts) if c}
    return GoalHistory(
        goal,
        days,
        frozenset(START + timedelta(days=i) for i in rest),
        frozenset(START + timedelta(days=i) for i in skips),
    )


def period_states(history: GoalHistory, as_of: date, week_start: int = 0) -> list[DayState]:
    """The reference: the state of every period from the goal's start to the one holding
    ``as_of`` (the app no longer walks them all; completion_rate looks at the last weeks)."""
    goal = history.goal
    if goal.is_weekly:
        first = week_start_of(goal.start, week_start)
        current = week_start_of(as_of, week_start)
        weeks = range(0, (current - first).days // 7 + 1) if current >= first else range(0)
        return [week_state(history, first + i * ONE_WEEK, current, as_of) for i in weeks]
    days = range(0, (as_of - goal.start).days + 1) if as_of >= goal.start else range(0)
    return [day_state(history, goal.start + i * ONE_DAY, as_of) for i in days]


def slow_rate(history: GoalHistory, as_of: date, days: int, week_start: int) -> float | None:
    """The definition: the last days // 7 of every period state since the start."""
    states = period_states(history, as_of, week_start)[-max(1, days // 7):]
    counted = [s for s in states if s in (DayState.COMPLETE, DayState.MISS)]
    return None if not counted else sum(s is DayState.COMPLETE for s in counted) / len(counted)


@settings(max_examples=150, deadline=None)
@given(
    counts=st.lists(st.integers(0, 3), min_size=1, max_size=200),
    rest=st.sets(st.integers(0, 200), max_size=20),
    skips=st.sets(st.integers(0, 200), max_size=20),
    target=st.integers(1, 5),
    as_of_offset=st.integers(-10, 210),
    days=st.sampled_from([1, 7, 30, 90, 365]),
    week_start=st.integers(0, 6),
)
def test_weekly_rate_reads_only_the_last_weeks_but_matches_the_definition(
    counts, rest, skips, target, as_of_offset, days, week_start
):
    history = weekly(counts, rest, skips, target)
    as_of = START + timedelta(days=as_of_offset)
    assert completion_rate(history, as_of, days, week_start) == slow_rate(history, as_of, days, week_start)


def test_daily_rate_counts_complete_over_counted_days():
    goal = Goal("g", "Apply", START, target=2)
    counts = {START: 2, START + timedelta(days=1): 1, START + timedelta(days=3): 2}
    history = GoalHistory(goal, counts, frozenset({START + timedelta(days=2)}), frozenset())
    # day 0 complete, day 1 miss, day 2 rest (neutral), day 3 complete, day 4 pending (as of)
    assert completion_rate(history, START + timedelta(days=4), 30) == 2 / 3


def test_describe_day_names_rest_reason_misses_and_the_future():
    goal = Goal("g", "Apply", START, target=2)
    rest_day = START + timedelta(days=2)
    history = GoalHistory(goal, {START + timedelta(days=1): 1}, frozenset({rest_day}), frozenset())
    today = START + timedelta(days=5)
    missed = describe_day(history, START + timedelta(days=1), today)
    assert missed.state is DayState.MISS and "1/2" in missed.text and "streak broken" in missed.text
    assert describe_day(history, rest_day, today, rest_reason="hiking").text.endswith("rest day: hiking")
    assert "in the future" in describe_day(history, today + timedelta(days=1), today).text
    assert "before this goal started" in describe_day(history, START - timedelta(days=1), today).text


def test_the_heatmap_line_gives_a_part_weeks_reason_and_never_reads_2_of_1():
    """Issue 14.1 on the Goals heatmap's day line: 2 a week, rest from Monday to Thursday."""
    history = weekly([0, 0, 0, 0, 1, 1], {0, 1, 2, 3}, set(), 2)  # 3 active days: ceil(6/7) = 1
    friday = describe_day(history, START + timedelta(days=4), START + timedelta(days=4))
    assert "that week 2 (target 1 met; 2 a week, part week)" in friday.text  # the week's total
    assert "2/1" not in friday.text
    daily = GoalHistory(Goal("g", "Apply", START, target=2), {START: 3}, frozenset(), frozenset())
    assert "3 (target 2 met)" in describe_day(daily, START, START).text
