"""product.md §3 "Streaks (daily goals)" and "Streaks (weekly goals)".

Patterns (see conftest.build): one char per day from Monday 2026-03-02; the last char is "today".
C complete · x/- nothing · R rest day · S skip · r/s rest/skip with the target met · digit = count.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tui.core.goals import ALL_DAYS, Goal, GoalHistory
from tui.core.streaks import DayState, day_state, streak, week_target

MON = date(2026, 3, 2)
MWF = frozenset({0, 2, 4})


# Daily -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "current", "best", "at_risk"),
    [
        ("C", 1, 1, False),  # complete today is counted
        ("x", 0, 0, False),  # pending today: not counted, not a miss
        ("Cx", 1, 1, True),  # pending today after a streak: at risk
        ("CC", 2, 2, False),
        ("CCCx", 3, 3, True),
        ("CxC", 1, 1, False),  # a past miss breaks
        ("CxCx", 1, 1, True),
        ("Cxx", 0, 1, False),  # yesterday missed: nothing to lose today
        ("CSC", 2, 2, False),  # spec: complete, skip, complete = 2
        ("CxSC", 1, 1, False),  # spec: complete, miss, skip, complete = 1
        ("CRC", 2, 2, False),  # rest day is neutral too
        ("CRRSRC", 2, 2, False),
        ("CRx", 1, 1, True),  # at risk through a rest day
        ("CCR", 2, 2, False),  # today a rest day: neutral, so not at risk
        ("CCS", 2, 2, False),  # today skipped: neutral, not at risk
        ("RRSR", 0, 0, False),
        ("CCxCCC", 3, 3, False),
        ("CCCCxCx", 1, 4, True),  # best remembers the longest run
        ("CCCCxxC", 1, 4, False),
        ("xxxx", 0, 0, False),
        ("CrC", 3, 3, False),  # met on a rest day anyway: still counted (never lowers a streak)
        ("CsC", 3, 3, False),
        ("CCr", 3, 3, False),
    ],
)
def test_daily_streaks(hist, pattern, current, best, at_risk):
    s = streak(*hist(pattern))
    assert (s.current, s.best, s.at_risk) == (current, best, at_risk)


@pytest.mark.parametrize(
    ("pattern", "current", "best", "at_risk", "done", "complete"),
    [
        ("3", 1, 1, False, 3, True),
        ("32", 1, 1, True, 2, False),  # partial today: pending
        ("323", 1, 1, False, 3, True),  # the 2 was a miss
        ("5", 1, 1, False, 5, True),  # over target counts as complete
        ("3330", 3, 3, True, 0, False),
        ("3213", 1, 1, False, 3, True),
    ],
)
def test_daily_streaks_with_counted_target(hist, pattern, current, best, at_risk, done, complete):
    s = streak(*hist(pattern, target=3))
    assert (s.current, s.best, s.at_risk) == (current, best, at_risk)
    assert (s.done, s.target, s.complete) == (done, 3, complete)


@pytest.mark.parametrize(
    ("pattern", "current", "best", "at_risk"),
    [
        ("C-C-C", 3, 3, False),  # Tue and Thu are not scheduled: neutral
        ("C-x-C", 1, 1, False),  # a scheduled Wednesday missed
        ("C-C-x", 2, 2, True),  # scheduled Friday pending
        ("C-C-C--", 3, 3, False),  # today is Sunday, unscheduled: not at risk
        ("C-C-CR-x", 3, 3, True),  # Sat rest, Sun off, Monday pending
        ("CCC", 3, 3, False),  # doing it on an unscheduled Tuesday still counts
    ],
)
def test_daily_streaks_on_scheduled_weekdays(hist, pattern, current, best, at_risk):
    s = streak(*hist(pattern, weekdays=MWF))
    assert (s.current, s.best, s.at_risk) == (current, best, at_risk)


def test_days_before_start_are_neutral(hist):
    history, _ = hist("CC", start=MON + timedelta(days=3))
    history.counts[MON] = 1  # stray count before the start must not count
    assert day_state(history, MON, MON + timedelta(days=4)) is DayState.NEUTRAL
    s = streak(history, MON + timedelta(days=4))
    assert (s.current, s.best) == (2, 2)
    s = streak(history, MON + timedelta(days=1))  # as of a day before the start
    assert (s.current, s.best, s.at_risk) == (0, 0, False)


@pytest.mark.parametrize(
    ("pattern", "offset", "state"),
    [
        ("CxC", 0, DayState.COMPLETE),
        ("CxC", 1, DayState.MISS),
        ("CxCx", 3, DayState.PENDING),
        ("CRC", 1, DayState.NEUTRAL),
        ("CSC", 1, DayState.NEUTRAL),
        ("CrC", 1, DayState.COMPLETE),
    ],
)
def test_day_state(hist, pattern, offset, state):
    history, as_of = hist(pattern)
    assert day_state(history, MON + timedelta(days=offset), as_of) is state


def test_today_targets_reported_for_neutral_today(hist):
    s = streak(*hist("CR", target=2))
    assert (s.done, s.target, s.complete) == (0, 0, False)
    s = streak(*hist("C-", weekdays=MWF))
    assert (s.target, s.at_risk) == (0, False)


# Weekly ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "target", "start", "expected"),
    [
        ("-------", 5, MON, 5),
        ("R------", 5, MON, 5),  # ceil(5*6/7) = 5
        ("RS-----", 5, MON, 4),  # ceil(5*5/7) = 4
        ("RSR----", 5, MON, 3),  # ceil(5*4/7) = 3
        ("RRRRRR-", 5, MON, 1),  # ceil(5/7) = 1
        ("RRRRRRR", 5, MON, 0),  # no active day: neutral
        ("SSSSSSS", 5, MON, 0),
        ("R------", 7, MON, 6),
        ("RS-R---", 3, MON, 2),  # ceil(3*4/7) = 2
        ("----", 7, MON + timedelta(days=3), 4),  # started Thursday: ceil(7*4/7) = 4
        ("R---", 5, MON + timedelta(days=3), 3),  # ceil(5*3/7) = 3
        ("-", 5, MON + timedelta(days=6), 1),  # started on Sunday
        ("rr-----", 5, MON, 4),  # counts on rest days do not make the days active
    ],
)
def test_week_target(hist, pattern, target, start, expected):
    history, _ = hist(pattern, target=target, start=start, period="week")
    week = MON
    assert week_target(history, week) == expected


@pytest.mark.parametrize(
    ("pattern", "current", "best", "at_risk", "done", "target", "complete"),
    [
        ("1", 0, 0, False, 1, 3, False),  # current week pending
        ("111", 1, 1, False, 3, 3, True),  # current week complete: counted
        ("111---- 1", 1, 1, True, 1, 3, False),  # new week pending, streak at risk
        ("111---- 1-1-1-- 1", 2, 2, True, 1, 3, False),
        ("111---- 1-1-1-- 3", 3, 3, False, 3, 3, True),
        ("111---- 1------ 11", 0, 1, False, 2, 3, False),  # a missed week breaks
        ("111---- RRRRRRR 1", 1, 1, True, 1, 3, False),  # an all-rest week is neutral
        ("111---- RRRSSSS 3", 2, 2, False, 3, 3, True),  # rest + skips: neutral too
        ("111---- 1RRRRR- 1", 2, 2, True, 1, 3, False),  # 2 active days: ceil(6/7)=1, met
        ("111---- -RRRRR- 1", 0, 1, False, 1, 3, False),  # same target, missed
        ("--3---- RRRRRRR", 1, 1, False, 0, 0, False),  # current week all neutral: no risk
        ("111---- 2SS", 1, 1, True, 2, 3, False),  # 5 active: ceil(15/7)=3, 2 of 3 so far
        ("111---- 2SSSR", 2, 2, False, 2, 2, True),  # 3 active: ceil(9/7)=2, met
        ("111---- rR-----", 2, 2, False, 3, 3, True),  # counts on rest days still count
    ],
)
def test_weekly_streaks(hist, pattern, current, best, at_risk, done, target, complete):
    history, as_of = hist(pattern, target=3, period="week")
    s = streak(history, as_of)
    assert (s.current, s.best, s.at_risk) == (current, best, at_risk)
    assert (s.done, s.target, s.complete) == (done, target, complete)


def test_weekly_streak_pending_week_is_not_a_miss_even_on_its_last_day(hist):
    s = streak(*hist("111---- ------", target=3, period="week"))  # Sunday, nothing yet
    assert (s.current, s.at_risk) == (1, True)


def test_weekly_week_of_start_has_lowered_target(hist):
    thursday = MON + timedelta(days=3)
    s = streak(*hist("1111", start=thursday, target=7, period="week"))
    assert (s.current, s.target, s.complete) == (1, 4, True)


@pytest.mark.parametrize(("week_start", "current", "done", "target"), [(0, 1, 2, 2), (6, 0, 1, 2)])
def test_weekly_streak_follows_week_start(hist, week_start, current, done, target):
    # Counts on Saturday 03-07 and Sunday 03-08, as of Sunday.
    history, as_of = hist("-----11", target=2, period="week")
    s = streak(history, as_of, week_start)
    assert (s.current, s.done, s.target) == (current, done, target)


# Properties --------------------------------------------------------------------------------------
@st.composite
def histories(draw, period=None):
    period = period or draw(st.sampled_from(["day", "week"]))
    target = draw(st.integers(1, 4))
    length = draw(st.integers(1, 45))
    days = [MON + timedelta(days=i) for i in range(length)]
    counts = draw(st.lists(st.integers(0, 5), min_size=length, max_size=length))
    rest = draw(st.sets(st.sampled_from(days), max_size=length))
    skips = draw(st.sets(st.sampled_from(days), max_size=length))
    weekdays = draw(st.sets(st.integers(0, 6), min_size=1)) if period == "day" else ALL_DAYS
    start = days[draw(st.integers(0, min(length - 1, 6)))]
    goal = Goal("g", "G", start, target, period, frozenset(weekdays))
    history = GoalHistory(goal, {d: c for d, c in zip(days, counts) if c},
                          frozenset(rest), frozenset(skips))
    return history, days[-1], draw(st.integers(0, 6))


def reference_daily(history: GoalHistory, as_of: date) -> tuple[int, int]:
    """The daily rule exactly as worded: walk back from D; best = longest run."""
    goal = history.goal

    def state(day):
        if day < goal.start:
            return "n"
        if history.counts.get(day, 0) >= goal.target:
            return "c"
        if (day.weekday() not in goal.weekdays or day in history.rest_days
                or day in history.skips):
            return "n"
        return "p" if day == as_of else "m"

    states = [state(goal.start + timedelta(days=i)) for i in range((as_of - goal.start).days + 1)]
    current = 0
    for s in reversed(states):
        if s == "m":
            break
        current += s == "c"
    runs = "".join(states).replace("n", "").replace("p", "").split("m")
    return current, max((len(r) for r in runs), default=0)


@given(histories(period="day"))
@settings(max_examples=300)
def test_daily_streak_matches_the_rule_as_worded(case):
    history, as_of, _ = case
    s = streak(history, as_of)
    assert (s.current, s.best) == reference_daily(history, as_of)


def complete_periods(history: GoalHistory, as_of: date, week_start: int) -> int:
    goal = history.goal
    days = [goal.start + timedelta(days=i) for i in range((as_of - goal.start).days + 1)]
    if not goal.is_weekly:
        return sum(history.counts.get(d, 0) >= goal.target for d in days)
    weeks = {d - timedelta(days=(d.weekday() - week_start) % 7) for d in days}
    return sum(0 < week_target(history, w) <= sum(history.counts.get(w + timedelta(days=i), 0)
                                                 for i in range(7)) for w in weeks)


@given(histories())
@settings(max_examples=300)
def test_streak_invariants(case):
    history, as_of, week_start = case
    s = streak(history, as_of, week_start)
    assert 0 <= s.current <= s.best <= complete_periods(history, as_of, week_start)
    if s.at_risk:
        assert s.current > 0
        assert not s.complete
    if s.complete:
        assert not s.at_risk


@given(histories(), st.data())
@settings(max_examples=300)
def test_adding_a_rest_day_never_lowers_a_streak(case, data):
    history, as_of, week_start = case
    day = data.draw(st.sampled_from([as_of - timedelta(days=i) for i in range(45)]))
    rested = GoalHistory(history.goal, history.counts, history.rest_days | {day}, history.skips)
    if history.goal.is_weekly:
        # The spec makes a week with no active day neutral, even if its total was met.
        assume(week_target(rested, day - timedelta(days=(day.weekday() - week_start) % 7)) > 0)
    before, after = streak(history, as_of, week_start), streak(rested, as_of, week_start)
    assert after.current >= before.current
    assert after.best >= before.best


def test_weekly_seen_from_a_past_day_ignores_later_check_ins():
    """`status --as-of` on a Wednesday must not count what was logged on Friday."""
    from datetime import date

    from tui.core.goals import Goal, GoalHistory
    from tui.core.streaks import streak

    monday = date(2026, 3, 2)
    goal = Goal(id="g", name="Coffee", start=monday, target=2, period="week")
    history = GoalHistory(goal, {monday: 1, monday.replace(day=6): 1})
    wednesday = streak(history, monday.replace(day=4))
    assert (wednesday.done, wednesday.complete, wednesday.current) == (1, False, 0)
    friday = streak(history, monday.replace(day=6))
    assert (friday.done, friday.complete, friday.current) == (2, True, 1)


@given(histories(period="day"), st.integers(1, 40))
@settings(max_examples=200)
def test_a_changed_day_before_the_checkpoint_is_never_hidden_by_it(case, back):
    """Streaks start from a remembered month checkpoint; changing an earlier day must show."""
    history, as_of, _ = case
    streak(history, as_of)  # remembers the checkpoint of as_of's month
    day = as_of - timedelta(days=back)
    changed = dict(history.counts)
    changed[day] = 0 if changed.get(day, 0) >= history.goal.target else history.goal.target
    edited = GoalHistory(history.goal, changed, history.rest_days, history.skips)
    s = streak(edited, as_of)
    assert (s.current, s.best) == reference_daily(edited, as_of)


def test_years_of_counts_are_remembered_by_identity_and_a_new_year_dict_is_seen(monkeypatch):
    """The store hands out a new dict for a year whose file changed: the remembered state of the
    days before this month must follow it; the same dicts again must not walk the years again."""
    import tui.core.streaks as streaks_module
    from tui.core.goals import YearlyCounts

    goal = Goal(id="y", name="Walk", start=date(2024, 1, 1))
    years = {y: {date(y, 1, 1) + timedelta(days=i): 1
                 for i in range((date(y + 1, 1, 1) - date(y, 1, 1)).days)} for y in (2024, 2025)}
    years[2026] = {date(2026, 1, 1) + timedelta(days=i): 1 for i in range(40)}
    as_of = date(2026, 2, 9)
    walks = []
    real = streaks_module._settled_days
    monkeypatch.setattr(streaks_module, "_settled_days",
                        lambda *args: walks.append(args) or real(*args))
    whole = (as_of - goal.start).days + 1
    assert streak(GoalHistory(goal, YearlyCounts(years)), as_of).current == whole
    assert streak(GoalHistory(goal, YearlyCounts(dict(years))), as_of).current == whole
    assert len(walks) == 1  # the same year dicts: remembered
    changed = dict(years[2025])
    changed[date(2025, 7, 1)] = 0
    years[2025] = changed  # what the store does when the 2025 file changes
    s = streak(GoalHistory(goal, YearlyCounts(years)), as_of)
    assert (s.current, s.best) == ((as_of - date(2025, 7, 2)).days + 1,  # since the miss
                                   (date(2025, 6, 30) - goal.start).days + 1)  # the run before it
    assert len(walks) == 2
