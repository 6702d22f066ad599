"""product.md §3 "Strength score": Loop Habit Tracker's model, computed by hand for short histories.

Per counted day: score = score * m + v * (1 - m), m = 0.5 ** (sqrt(f) / 13); T a day: f = 1,
v = min(1, count / T); T a week: f = T / 7, v = min(1, counts of the last 14 days / 2T). Neutral
days leave the score alone; an unfinished as-of day may raise it but never lowers it. Loop's own
published figures: test_score_loop.py. Patterns: see conftest.build.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.goals import ALL_DAYS, Goal, GoalHistory
from tui.core.score import multiplier, strength

MON = date(2026, 3, 2)
M = 0.5 ** (1 / 13)  # daily
MW = 0.5 ** (math.sqrt(3 / 7) / 13)  # 3 a week


def steps(values: list[float], m: float = M) -> float:
    """Apply the update by hand, one counted day at a time."""
    score = 0.0
    for v in values:
        score = score * m + v * (1 - m)
    return score


def test_multiplier_matches_the_formula():
    assert multiplier(1.0) == pytest.approx(M)
    assert multiplier(3 / 7) == pytest.approx(MW)
    assert M == pytest.approx(0.94808, abs=1e-5)  # half-life of 13 days
    assert steps([1.0] * 13) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("pattern", "target", "expected"),
    [
        ("C", 1, 1 - M),
        ("CC", 1, 1 - M**2),
        ("CCCCC", 1, 1 - M**5),
        ("C" * 30, 1, 1 - M**30),
        ("CxC", 1, (1 - M) * M**2 + (1 - M)),
        ("Cxx", 1, (1 - M) * M),  # day 2 a miss; today pending
        ("Cx", 1, 1 - M),  # today pending: unchanged
        ("x", 1, 0.0),
        ("xxx", 1, 0.0),
        ("24", 4, 0.5 * (1 - M) * M + (1 - M)),  # partial credit 2/4
        ("130", 4, steps([0.25, 0.75])),  # today (0) pending
        ("424", 4, steps([1, 0.5, 1])),
        ("42", 4, steps([1, 0.5])),  # a partial today already raises it (0.5 > the score)
        ("4x", 4, 1 - M),  # an unfinished today never lowers it
        ("9", 4, 1 - M),  # over target is capped at v = 1
        ("90", 4, 1 - M),  # a big day does not carry over to the next
        ("CRC", 1, 1 - M**2),  # neutral days leave it unchanged
        ("CSC", 1, 1 - M**2),
        ("CRRSSC", 1, 1 - M**2),
        ("CxRSx", 1, (1 - M) * M),
        ("CrC", 1, 1 - M**3),  # met on a rest day anyway: counts, as in streaks
    ],
)
def test_daily_score_by_hand(hist, pattern, target, expected):
    assert strength(*hist(pattern, target=target)) == pytest.approx(expected, abs=1e-12)


def test_unscheduled_weekdays_are_neutral(hist):
    mwf = frozenset({0, 2, 4})
    assert strength(*hist("C-C-C--", weekdays=mwf)) == pytest.approx(1 - M**3)
    assert strength(*hist("C-x-C--x", weekdays=mwf)) == pytest.approx(steps([1, 0, 1]))


def test_partial_count_on_a_rest_day_changes_nothing(hist):
    history, as_of = hist("2R2", target=2)
    history.counts[MON + timedelta(days=1)] = 1
    assert strength(history, as_of) == pytest.approx(1 - M**2)


def test_before_start_is_zero(hist):
    history, _ = hist("CCC", start=MON + timedelta(days=5))
    assert strength(history, MON) == 0.0
    assert strength(history, MON + timedelta(days=4)) == 0.0


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("111", steps([1 / 6, 2 / 6, 3 / 6], MW)),  # v: the rolling 14-day window / (2 × 3)
        ("3", steps([0.5], MW)),
        ("33", steps([0.5, 1], MW)),
        ("3------", steps([0.5] * 7, MW)),  # the window keeps the 3 for 14 days: it still rises
        ("3" + "-" * 13, steps([0.5] * 14, MW)),
        ("3" + "-" * 14, steps([0.5] * 14, MW)),  # day 15 slides it out (v = 0): today, pending
        ("3" + "-" * 15, steps([0.5] * 14 + [0], MW)),  # ... and counted once over
        ("1", steps([1 / 6], MW)),  # today's check-in shows today
        ("-", 0.0),
        ("3R", steps([0.5], MW)),  # rest day: neutral for weekly goals too
        ("3S-", steps([0.5, 0.5], MW)),
        ("9", steps([1], MW)),  # capped at v = 1
    ],
)
def test_weekly_score_by_hand(hist, pattern, expected):
    assert strength(*hist(pattern, target=3, period="week")) == pytest.approx(expected, abs=1e-12)


def test_a_check_in_on_a_rest_day_still_fills_the_weekly_window(hist):
    """Loop has no such day (a SKIP holds no check-in); the work was done, so it counts, as in
    the week's total for streaks, while the day itself leaves the score alone."""
    assert strength(*hist("r-", target=1, period="week")) == pytest.approx(
        steps([0.5], 0.5 ** (math.sqrt(1 / 7) / 13)))


def test_score_rises_with_each_completion(hist):
    scores = [strength(*hist("C" * n)) for n in range(1, 40)]
    assert all(a < b for a, b in zip(scores, scores[1:]))
    assert all(0 < s < 1 for s in scores)


def test_misses_lower_the_score_but_forgive(hist):
    strong = strength(*hist("C" * 20))
    after_miss = strength(*hist("C" * 20 + "xx"))  # one miss (today is pending)
    assert after_miss == pytest.approx(strong * M)
    assert after_miss > 0.5 * strong  # forgiving where a streak would reset to 0
    recovered = strength(*hist("C" * 20 + "xC"))
    assert after_miss < recovered < strong


def test_more_of_the_target_means_a_higher_score(hist):
    scores = [strength(*hist(f"{n}C", target=4)) for n in range(5)]
    assert all(a < b for a, b in zip(scores, scores[1:]))


# Properties --------------------------------------------------------------------------------------
@st.composite
def histories(draw):
    period = draw(st.sampled_from(["day", "week"]))
    target = draw(st.integers(1, 10))
    length = draw(st.integers(1, 60))
    days = [MON + timedelta(days=i) for i in range(length)]
    counts = draw(st.lists(st.integers(0, 50), min_size=length, max_size=length))
    rest = draw(st.sets(st.sampled_from(days), max_size=length))
    skips = draw(st.sets(st.sampled_from(days), max_size=length))
    weekdays = draw(st.sets(st.integers(0, 6), min_size=1)) if period == "day" else ALL_DAYS
    goal = Goal("g", "G", days[0], target, period, frozenset(weekdays))
    history = GoalHistory(goal, {d: c for d, c in zip(days, counts) if c},
                          frozenset(rest), frozenset(skips))
    return history, days


@given(histories())
@settings(max_examples=300)
def test_score_is_always_within_0_and_1(case):
    history, days = case
    for day in (days[0], days[len(days) // 2], days[-1], days[-1] + timedelta(days=30)):
        assert 0.0 <= strength(history, day) <= 1.0


@given(histories(), st.data())
@settings(max_examples=300)
def test_more_count_never_lowers_the_score(case, data):
    history, days = case
    day = data.draw(st.sampled_from(days))
    extra = data.draw(st.integers(1, 5))
    more = dict(history.counts)
    more[day] = more.get(day, 0) + extra
    bumped = GoalHistory(history.goal, more, history.rest_days, history.skips)
    assert strength(bumped, days[-1]) >= strength(history, days[-1]) - 1e-12


def daily_history(marks: list[str], counts: list[int], target: int) -> GoalHistory:
    days = [MON + timedelta(days=i) for i in range(len(marks))]
    return GoalHistory(
        Goal("g", "G", MON, target),
        {d: c for d, c in zip(days, counts) if c},
        frozenset(d for d, m in zip(days, marks) if m == "R"),
        frozenset(d for d, m in zip(days, marks) if m == "S"),
    )


@given(
    st.lists(st.tuples(st.sampled_from("-RS"), st.integers(0, 4)), min_size=1, max_size=40),
    st.integers(1, 3),
    st.sampled_from("RS"),
    st.data(),
)
@settings(max_examples=300)
def test_an_inserted_neutral_day_is_as_if_it_did_not_exist(days, target, kind, data):
    marks, counts = [m for m, _ in days], [c for _, c in days]
    k = data.draw(st.integers(0, len(days) - 1))  # insert before day k, never as the last day
    plain = daily_history(marks, counts, target)
    padded = daily_history(marks[:k] + [kind] + marks[k:], counts[:k] + [0] + counts[k:], target)
    as_of = MON + timedelta(days=len(days) - 1)
    assert strength(padded, as_of + timedelta(days=1)) == pytest.approx(strength(plain, as_of))


@given(
    st.sampled_from(["day", "week"]), st.integers(1, 3), st.integers(0, 20),
    st.lists(st.integers(0, 3), min_size=1, max_size=100), st.integers(0, 99),
)
@settings(max_examples=300)
def test_a_remembered_month_start_gives_the_score_of_a_walk_from_the_start(
    period, target, start_at, counts, as_of_at
):
    """Strength remembers the score at the first of the month: the result must be the very float
    a single walk from the goal's start gives (counts before the start included, and ignored)."""
    from tui.core.score import _walk

    first = date(2026, 2, 20)
    goal = Goal("g", "G", first + timedelta(days=start_at), target, period)
    history = GoalHistory(goal, {first + timedelta(days=i): c for i, c in enumerate(counts) if c},
                          frozenset({first + timedelta(days=9)}), frozenset({first + timedelta(days=40)}))
    as_of = first + timedelta(days=min(as_of_at, len(counts) - 1))
    if as_of < goal.start:
        assert strength(history, as_of) == 0.0
        return
    walked = max(0.0, min(1.0, _walk(history, goal.start, as_of + timedelta(days=1), 0.0, as_of)))
    assert strength(history, as_of) == walked
    assert strength(history, as_of) == walked  # and again, from the remembered month start
