"""Strength against Loop Habit Tracker's own figures (issue 23, product.md §3 "Strength score").

Loop's ScoreList.recompute (uhabits-core, yes/no habits): per day, oldest first, a rolling sum of
check-ins over the window, ``p = min(1, sum / numerator)``, SKIP leaves the score unchanged, and
for habits below once a day the numerator and the window (denominator) are doubled.
``loop_scores`` (tests/support/loop_reference.py) is that loop written out plainly; Rebound's one
implementation (tui/core/score.py) must give the same numbers. Figures: Loop's csv_export test data
("002 Wake up early": 2 times in 3 days) and its ScoreListTest expectations.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loop_reference import WAKE_UP_EARLY, WAKE_UP_SCORES, loop_scores
from tui.core.goals import Goal, GoalHistory
from tui.core.score import loop_rhythm, score_before, strength

DAY0 = date(2015, 1, 16)


def history_of(entries: list[tuple[int, bool]], target: int, period: str,
               start: date = DAY0) -> GoalHistory:
    days = [start + timedelta(days=i) for i in range(len(entries))]
    return GoalHistory(
        Goal("g", "G", start, target, period),
        {d: c for d, (c, _) in zip(days, entries) if c},
        frozenset(),
        frozenset(d for d, (_, skip) in zip(days, entries) if skip),
    )


def settled(history: GoalHistory, day: date, **kw: object) -> float:
    """The score once ``day`` is over (Loop's figure for that day)."""
    return score_before(history, day + timedelta(days=1), **kw)  # type: ignore[arg-type]


# Loop's csv_export: "002 Wake up early", 2 times in 3 days ----------------------------------------
def test_loops_loop_reproduces_its_exported_scores():
    """Only YES_MANUAL counts (YES_AUTO is Loop filling in optional days); f = 2/3, window 6."""
    entries = [(int(v == "M"), False) for v in WAKE_UP_EARLY]
    assert [round(s, 4) for s in loop_scores(entries, 2, 3)] == WAKE_UP_SCORES


def test_rebounds_walk_reproduces_the_exported_scores_at_loops_frequency():
    entries = [(int(v == "M"), False) for v in WAKE_UP_EARLY]
    history = history_of(entries, 1, "week")
    found = [settled(history, DAY0 + timedelta(days=i), pace=loop_rhythm(2, 3))
             for i in range(len(entries))]
    assert [round(s, 4) for s in found] == WAKE_UP_SCORES


# Loop's ScoreListTest (YesNoScoreListTest), newest day first -------------------------------------
DAILY_20 = [0.655747, 0.636894, 0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000,
            0.472617, 0.443734, 0.413270, 0.381137, 0.347244, 0.311495, 0.273788, 0.234017,
            0.192067, 0.147820, 0.101149, 0.051922]
DAILY_20_SKIPS = [0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617, 0.472617,
                  0.443734, 0.413270, 0.381137, 0.347244, 0.347244, 0.347244, 0.311495,
                  0.273788, 0.234017, 0.192067, 0.147820, 0.101149, 0.051922]


def by_offset(marks: dict[int, str], length: int) -> list[tuple[int, bool]]:
    """Loop's tests address days as 'today minus k'; oldest first here."""
    return [(int(marks.get(k) == "M"), marks.get(k) == "S") for k in range(length - 1, -1, -1)]


@pytest.mark.parametrize(("skips", "expected"), [((), DAILY_20), ((5, 10, 11), DAILY_20_SKIPS)])
def test_daily_habit_matches_loops_score_list_test(skips, expected):
    marks = {k: "M" for k in range(20)} | {k: "S" for k in skips}
    history = history_of(by_offset(marks, 20), 1, "day")
    today = DAY0 + timedelta(days=19)
    found = [settled(history, today - timedelta(days=k)) for k in range(20)]
    assert found == pytest.approx(expected, abs=1e-6)
    assert strength(history, today) == pytest.approx(expected[0], abs=1e-6)  # today is done


def test_an_unfinished_today_is_loops_yesterday():
    """test_getValueWithSkip2: checked 5 days ago, skip 4 days ago. Loop lowers today's score
    before the day is over; Rebound shows yesterday's until it is (settled: Loop's figure)."""
    expected = [0.041949, 0.044247, 0.046670, 0.049226, 0.051922, 0.051922]
    history = history_of(by_offset({5: "M", 4: "S"}, 6), 1, "day")
    today = DAY0 + timedelta(days=5)
    assert [settled(history, today - timedelta(days=k)) for k in range(6)] == pytest.approx(
        expected, abs=1e-6)
    assert strength(history, today) == pytest.approx(expected[1], abs=1e-6)


@pytest.mark.parametrize(("target", "expected"), [(3, 2 / 3), (4, 0.5)])
def test_n_a_week_matches_loops_imperfect_non_daily(target, expected):
    """Two of N a week, every week, for 100 weeks: Loop converges to 2/N."""
    marks = {7 * k + i: "M" for k in range(100) for i in (0, 1)}
    entries = by_offset(marks, 700)
    first = next(i for i, (c, _) in enumerate(entries) if c)  # Loop starts at the first entry
    history = history_of(entries[first:], target, "week")
    today = DAY0 + timedelta(days=len(entries) - first - 1)
    assert strength(history, today) == pytest.approx(expected, abs=1e-6)


def test_once_a_week_on_different_weekdays_matches_loops_irregular_non_daily():
    marks = {14 * k: "M" for k in range(100)} | {14 * k + 13: "M" for k in range(100)}
    entries = by_offset(marks, 1400)
    first = next(i for i, (c, _) in enumerate(entries) if c)
    history = history_of(entries[first:], 1, "week")
    assert strength(history, DAY0 + timedelta(days=len(entries) - first - 1)) == pytest.approx(
        1.0, abs=1e-3)


def test_weekly_reaches_99_percent_in_39_weeks_as_in_loop():
    marks = {7 * i: "M" for i in range(39)}
    entries = by_offset(marks, 7 * 38 + 1)
    history = history_of(entries, 1, "week")
    assert strength(history, DAY0 + timedelta(days=len(entries) - 1)) > 0.99


# Properties --------------------------------------------------------------------------------------
@st.composite
def goal_days(draw):
    """A goal and its days as (count, neutral): rest days and skips (every weekday scheduled)."""
    period = draw(st.sampled_from(["day", "week"]))
    target = draw(st.integers(1, 6))
    entries = draw(st.lists(st.tuples(st.integers(0, 3), st.booleans()), min_size=1, max_size=45))
    return period, target, entries


@given(goal_days())
@settings(max_examples=300)
def test_rebound_equals_loops_loop_day_by_day(case):
    """Any counts and neutral days: the settled score of every day is Loop's. (A daily goal met
    on a neutral day counts, as in streaks: that day is no SKIP for Loop then; a weekly goal's
    check-in on a neutral day fills its window, as in the week's total.)"""
    period, target, entries = case
    history = history_of(entries, target, period)
    if period == "day":
        expected = loop_scores([(c, skip and c < target) for c, skip in entries], 1, 1, target)
    else:
        expected = loop_scores(entries, target, 7)
    found = [settled(history, DAY0 + timedelta(days=i)) for i in range(len(entries))]
    assert found == pytest.approx(expected, abs=1e-12)


@given(goal_days())
@settings(max_examples=300)
def test_a_day_without_a_check_in_never_raises_a_daily_score(case):
    _, target, entries = case
    history = history_of(entries, target, "day")
    scores = [strength(history, DAY0 + timedelta(days=i)) for i in range(len(entries))]
    for i in range(1, len(entries)):
        if entries[i][0] == 0:
            assert scores[i] <= scores[i - 1] + 1e-15


@given(goal_days())
@settings(max_examples=300)
def test_a_weekly_score_rises_only_while_its_14_days_hold_a_check_in(case):
    _, target, entries = case
    history = history_of(entries, target, "week")
    scores = [strength(history, DAY0 + timedelta(days=i)) for i in range(len(entries))]
    for i in range(1, len(entries)):
        if scores[i] > scores[i - 1] + 1e-15:
            assert any(c for c, _ in entries[max(0, i - 13): i + 1])
