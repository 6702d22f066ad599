"""product.md §3 "Small victories": the automatic wins, a pure function of the data.

Patterns (see conftest.build): one char per day from Monday 2026-03-02; the last char is "today".
C complete · x/- nothing · R rest day · S skip · r/s rest/skip with the target met · digit = count.
Expected wins are written as (day offset from that Monday, title).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.core.streaks as streaks_module
import tui.core.victories as victories
from tui.core.goals import ALL_DAYS, Goal, GoalHistory
from tui.core.streaks import streak, week_start_of, week_target
from tui.core.victories import (
    GOAL_RULES,
    MILESTONES,
    EarnedWin,
    all_done_wins,
    goal_wins,
    goal_wins_since,
)

MON = date(2026, 3, 2)
MWF = frozenset({0, 2, 4})
NAME = "Applications"  # conftest.build's goal name


def day(offset: int) -> date:
    return MON + timedelta(days=offset)


def wins(history: GoalHistory, as_of: date, rule: str, week_start: int = 0,
         ) -> list[tuple[int, str]]:
    return [((w.day - MON).days, w.title) for w in goal_wins(history, as_of, week_start)
            if w.rule == rule]


def keys(history: GoalHistory, as_of: date, week_start: int = 0) -> set[str]:
    return {w.key for w in goal_wins(history, as_of, week_start)}


# EarnedWin ---------------------------------------------------------------------------------------
def test_key_is_rule_goal_and_day():
    assert EarnedWin("milestone", MON, "3-day streak: X", "g1").key == "milestone:g1:2026-03-02"
    assert EarnedWin("all_done", MON, "All scheduled goals done").key == "all_done:-:2026-03-02"


def test_registry_holds_the_goal_rules_and_a_new_rule_is_one_function(hist, monkeypatch):
    assert len(GOAL_RULES) == 4
    history, as_of = hist("CC")

    def every_complete_day(history, settled, as_of):
        for d, count in history.counts.items():
            if count >= history.goal.target and d <= as_of:
                yield EarnedWin("complete_day", d, "Done", history.goal.id)

    monkeypatch.setattr(victories, "GOAL_RULES", [*GOAL_RULES, every_complete_day])
    assert wins(history, as_of, "complete_day") == [(0, "Done"), (1, "Done")]
    assert wins(history, as_of, "first_checkin") == [(0, f"First check-in: {NAME}")]


# First check-in ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("C", [0]),
        ("xxC", [2]),
        ("xx1", [2]),  # any positive count, not only a complete day (target 2 below)
        ("xxxx", []),
        ("", []),
        ("RS2C", [2]),
        ("x1xx1", [1]),  # once: only the first day
    ],
)
def test_first_checkin(hist, pattern, expected):
    history, as_of = hist(pattern or "x", target=2)
    got = wins(history, as_of, "first_checkin")
    assert got == [(offset, f"First check-in: {NAME}") for offset in expected]


def test_first_checkin_taken_back_is_no_longer_earned(hist):
    history, as_of = hist("xx1")
    assert wins(history, as_of, "first_checkin") == [(2, f"First check-in: {NAME}")]
    history.counts[day(2)] = 0  # the day's check-ins now sum to zero
    assert wins(history, as_of, "first_checkin") == []


def test_first_checkin_backfilled_before_the_start_moves_to_the_old_day(hist):
    history, as_of = hist("xC", start=day(3))
    assert wins(history, as_of, "first_checkin") == [(4, f"First check-in: {NAME}")]
    backfilled = GoalHistory(Goal("g1", NAME, day(0)), {**history.counts, day(0): 1})
    assert wins(backfilled, as_of, "first_checkin") == [(0, f"First check-in: {NAME}")]


def test_first_checkin_is_not_earned_before_the_as_of_day(hist):
    history, _ = hist("xxC")
    assert wins(history, day(1), "first_checkin") == []


# Daily milestones --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "weekdays", "expected"),
    [
        ("CC", ALL_DAYS, []),
        ("CCC", ALL_DAYS, [(2, 3)]),
        ("CCx", ALL_DAYS, []),  # today pending: not yet
        ("CCCx", ALL_DAYS, [(2, 3)]),  # a pending today takes nothing away
        ("CCxC", ALL_DAYS, []),  # a miss resets
        ("C" * 7, ALL_DAYS, [(2, 3), (6, 7)]),
        ("C" * 14, ALL_DAYS, [(2, 3), (6, 7), (13, 14)]),
        ("CRC", ALL_DAYS, []),  # the rest day is neutral: a streak of 2
        ("CRCSC", ALL_DAYS, [(4, 3)]),  # rest day and skip inside the streak
        ("CRRSRCC", ALL_DAYS, [(6, 3)]),
        ("CrC", ALL_DAYS, [(2, 3)]),  # done on a rest day anyway: counted
        ("CCCxCCC", ALL_DAYS, [(2, 3), (6, 3)]),  # reached again after a break
        ("CCCxxCCCRx", ALL_DAYS, [(2, 3), (7, 3)]),
        ("C-C-C", MWF, [(4, 3)]),  # unscheduled days are neutral
        ("C-x-C", MWF, []),  # a scheduled day missed
        ("CCC", MWF, [(2, 3)]),  # done on an unscheduled Tuesday still counts
    ],
)
def test_daily_milestones(hist, pattern, weekdays, expected):
    history, as_of = hist(pattern, weekdays=weekdays)
    got = wins(history, as_of, "milestone")
    assert got == [(offset, f"{n}-day streak: {NAME}") for offset, n in expected]


def test_the_same_milestone_twice_after_a_break_has_two_keys(hist):
    history, as_of = hist("CCCxCCC")
    got = [w for w in goal_wins(history, as_of) if w.rule == "milestone"]
    assert [w.key for w in got] == ["milestone:g1:2026-03-04", "milestone:g1:2026-03-08"]
    assert {w.title for w in got} == {f"3-day streak: {NAME}"}


def test_milestones_follow_the_full_list_over_a_year_and_more(hist):
    history, as_of = hist("C" * 400)
    got = wins(history, as_of, "milestone")
    assert [(offset + 1, title) for offset, title in got] == [
        (n, f"{n}-day streak: {NAME}") for n in (3, 7, 14, 21, 30, 50, 100, 200, 365)
    ]


def test_a_check_in_taken_back_removes_the_milestone(hist):
    history, as_of = hist("CCCCCCCx")
    before = keys(history, as_of)
    assert "milestone:g1:2026-03-08" in before  # the 7-day streak
    del history.counts[day(4)]  # day 4 taken back: now a miss
    after = keys(history, as_of)
    assert "milestone:g1:2026-03-08" not in after
    assert "milestone:g1:2026-03-04" in after  # the 3-day streak before it stays
    assert wins(history, as_of, "milestone") == [(2, f"3-day streak: {NAME}")]


def test_a_backfilled_day_earns_the_milestone_on_that_day(hist):
    history, as_of = hist("CCxCCx")
    assert wins(history, as_of, "milestone") == []
    history.counts[day(2)] = 1  # backfill the missed day
    assert wins(history, as_of, "milestone") == [(2, f"3-day streak: {NAME}")]


def test_milestone_with_a_counted_target(hist):
    history, as_of = hist("3334", target=3)
    assert wins(history, as_of, "milestone") == [(2, f"3-day streak: {NAME}")]
    history, as_of = hist("3323", target=3)
    assert wins(history, as_of, "milestone") == []


def test_days_before_the_start_do_not_count(hist):
    history, as_of = hist("CC", start=day(2))
    history.counts[day(0)] = history.counts[day(1)] = 1  # stray counts before the start
    assert wins(history, as_of, "milestone") == []


# Personal best -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("CCCC", []),  # the first run beats no earlier record
        ("CxCC", []),  # 2 beats 1 but is below 3
        ("CxCCC", [(4, 3)]),
        ("CCxCCC", [(5, 3)]),
        ("CCCxCCC", []),  # equalling the record is not beating it
        ("CCCxCCCC", [(7, 4)]),
        ("CCCxCCCCCC", [(7, 4)]),  # once per run, on the day it first beats the record
        ("CCxCCCxCCCC", [(5, 3), (10, 4)]),
        ("CCCCxCCxCCCCC", [(12, 5)]),  # beats the best of all earlier runs, not the last one
        ("CCxCRSCC", [(7, 3)]),  # neutral days inside the new run
        ("CCxCCx", []),  # today pending
        ("CCCCxxCCC", []),
    ],
)
def test_personal_best(hist, pattern, expected):
    history, as_of = hist(pattern)
    got = wins(history, as_of, "personal_best")
    assert got == [(offset, f"New personal best: {n} days of {NAME}") for offset, n in expected]


def test_personal_best_title_names_the_length(hist):
    history, as_of = hist("C" * 8 + "x" + "C" * 9)
    assert wins(history, as_of, "personal_best") == [(17, f"New personal best: 9 days of {NAME}")]


def test_personal_best_is_removed_when_the_run_is_taken_back(hist):
    history, as_of = hist("CxCCC")
    assert "personal_best:g1:2026-03-06" in keys(history, as_of)
    history.counts[day(0)] = 0  # the earlier run disappears: no record to beat
    assert "personal_best:g1:2026-03-06" not in keys(history, as_of)


# Weekly goals ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "target", "expected"),
    [
        ("111", 3, [2]),
        ("11", 3, []),  # current week not yet met
        ("3", 3, [0]),
        ("1-1-1-- 1-1-1--", 3, [4, 11]),
        ("1-1-1-- 1------ 111", 3, [4, 16]),  # the missed week earns nothing
        ("12111", 3, [1]),  # dated when first met, not re-earned later that week
        ("RS1111-", 5, [5]),  # rest + skip: ceil(5*5/7) = 4
        ("1111RR-", 5, [3]),  # rest days later in the week lower it too: met on Thursday
        ("1111---", 5, []),
        ("RRRRRR3", 5, [6]),  # one active day: ceil(5/7) = 1, met on Sunday
    ],
)
def test_weekly_target(hist, pattern, target, expected):
    history, as_of = hist(pattern, target=target, period="week")
    got = wins(history, as_of, "weekly_target")
    assert got == [(offset, f"Weekly target met: {NAME}") for offset in expected]


def test_weekly_target_all_rest_week_is_neutral(hist):
    history, as_of = hist("RRRRRRR", target=1, period="week")
    history.counts[day(0)] = 1
    assert wins(history, as_of, "weekly_target") == []


def test_weekly_target_with_a_rest_day_lowering_the_target(hist):
    history, as_of = hist("1111---", target=5, period="week")
    assert wins(history, as_of, "weekly_target") == []
    history.rest_days = frozenset({day(4), day(5)})  # Friday and Saturday become rest days
    assert wins(history, as_of, "weekly_target") == [(3, f"Weekly target met: {NAME}")]


def test_daily_goals_earn_no_weekly_target(hist):
    history, as_of = hist("C" * 7)
    assert wins(history, as_of, "weekly_target") == []


def test_weekly_target_follows_week_start(hist):
    # Counts Saturday 03-07 and Sunday 03-08. Monday weeks: one week of 2; Sunday weeks: 1 + 1.
    history, as_of = hist("-----11", target=2, period="week")
    met = f"Weekly target met: {NAME}"
    assert wins(history, as_of, "weekly_target", week_start=0) == [(6, met)]
    assert wins(history, as_of, "weekly_target", week_start=6) == []


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("111---- 111---- 1", []),
        ("111---- 111---- --111", [(18, 3)]),  # the third week was met on its Friday
        ("111---- RRRRRRR 111---- -111", [(24, 3)]),  # an all-rest week is neutral
        ("111---- 111---- 111---- ------- 111---- 111---- 111", [(16, 3), (44, 3)]),
    ],
)
def test_weekly_milestones(hist, pattern, expected):
    history, as_of = hist(pattern, target=3, period="week")
    got = wins(history, as_of, "milestone")
    assert got == [(offset, f"{n}-week streak: {NAME}") for offset, n in expected]


def test_weekly_milestone_seven_weeks(hist):
    history, as_of = hist("1-1-1-- " * 7, target=3, period="week")
    assert wins(history, as_of, "milestone") == [
        (18, f"3-week streak: {NAME}"), (46, f"7-week streak: {NAME}")
    ]


def test_weekly_personal_best(hist):
    history, as_of = hist("111---- ------- 111---- 111---- 111", target=3, period="week")
    assert wins(history, as_of, "personal_best") == [
        (30, f"New personal best: 3 weeks of {NAME}")
    ]


# All of the day's goals done ---------------------------------------------------------------------
def goal(gid: str, *, start: date = MON, target: int = 1, period: str = "day",
         weekdays: frozenset[int] = ALL_DAYS, archived: bool = False) -> Goal:
    return Goal(gid, gid.title(), start, target, period, frozenset(weekdays), archived)


def all_done_days(histories, days, as_of=day(13)) -> list[int]:
    got = all_done_wins(histories, days, as_of)
    assert all(w.rule == "all_done" and w.goal_id is None for w in got)
    assert all(w.title == "All scheduled goals done" for w in got)
    return [(w.day - MON).days for w in got]


def test_all_done_every_scheduled_goal_complete():
    walk = GoalHistory(goal("walk"), {day(0): 1, day(1): 1, day(2): 1})
    apply = GoalHistory(goal("apply", target=2), {day(0): 2, day(1): 1, day(2): 3})
    assert all_done_days([walk, apply], [day(i) for i in range(4)]) == [0, 2]


def test_all_done_ignores_an_unscheduled_goal():
    walk = GoalHistory(goal("walk"), {day(0): 1, day(1): 1})
    gym = GoalHistory(goal("gym", weekdays=MWF), {})  # Tuesday (day 1) is not a gym day
    assert all_done_days([walk, gym], [day(0), day(1)]) == [1]


def test_all_done_only_unscheduled_goals_earn_nothing():
    gym = GoalHistory(goal("gym", weekdays=MWF), {day(1): 1})
    assert all_done_days([gym], [day(1)]) == []


def test_all_done_rest_day_earns_nothing_even_when_done():
    walk = GoalHistory(goal("walk"), {day(0): 1, day(1): 1}, rest_days=frozenset({day(1)}))
    assert all_done_days([walk], [day(0), day(1)]) == [0]


def test_all_done_a_skipped_goal_is_left_out():
    walk = GoalHistory(goal("walk"), {day(0): 1})
    gym = GoalHistory(goal("gym"), {}, skips=frozenset({day(0)}))
    assert all_done_days([walk, gym], [day(0)]) == [0]


def test_all_done_goal_before_its_start_is_left_out():
    walk = GoalHistory(goal("walk"), {day(0): 1, day(3): 1})
    late = GoalHistory(goal("late", start=day(3)), {})
    assert all_done_days([walk, late], [day(0), day(3)]) == [0]


def test_all_done_ignores_weekly_and_archived_goals():
    walk = GoalHistory(goal("walk"), {day(0): 1})
    chats = GoalHistory(goal("chats", period="week", target=3), {})
    old = GoalHistory(goal("old", archived=True), {})
    assert all_done_days([walk, chats, old], [day(0)]) == [0]
    assert all_done_days([chats], [day(0)]) == []
    assert all_done_days([], [day(0)]) == []


def test_all_done_taken_back_and_future_days():
    walk = GoalHistory(goal("walk"), {day(0): 1, day(5): 1})
    assert all_done_days([walk], [day(0), day(0), day(5)], as_of=day(4)) == [0]  # 5 is ahead
    walk.counts[day(0)] = 0
    assert all_done_days([walk], [day(0)]) == []


def test_all_done_backfilled_day_is_dated_on_that_day():
    walk = GoalHistory(goal("walk"), {day(1): 1})
    got = all_done_wins([walk], [day(1)], as_of=day(13))
    assert [w.key for w in got] == ["all_done:-:2026-03-03"]


# Cost --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("period", ["day", "week"])
def test_five_years_take_one_pass_for_all_rules(hist, monkeypatch, period):
    def no_streak(*args, **kwargs):
        raise AssertionError("streak() must not be called per day")

    calls = {"day_state": 0, "week_target": 0}

    def counting(name, real):
        def wrapper(*args):
            calls[name] += 1
            return real(*args)
        return wrapper

    monkeypatch.setattr(streaks_module, "streak", no_streak)
    monkeypatch.setattr(streaks_module, "day_state", counting("day_state", streaks_module.day_state))
    monkeypatch.setattr(streaks_module, "week_target",
                        counting("week_target", streaks_module.week_target))
    days = 5 * 365 + 1
    history, as_of = hist("C" * days, period=period)
    got = goal_wins(history, as_of)
    assert calls["day_state"] <= days
    assert calls["week_target"] <= days // 7 + 2
    milestones = [w for w in got if w.rule == "milestone"]
    # A five-year run passes each milestone once: all of them in days, up to 200 in weeks.
    assert len(milestones) == (len(MILESTONES) if period == "day" else len(MILESTONES) - 1)
    assert len({w.title for w in milestones}) == len(milestones)
    assert [w.rule for w in got].count("first_checkin") == 1


# Properties --------------------------------------------------------------------------------------
@st.composite
def histories(draw):
    period = draw(st.sampled_from(["day", "week"]))
    target = draw(st.integers(1, 3))
    length = draw(st.integers(1, 70))
    days = [MON + timedelta(days=i) for i in range(length)]
    counts = draw(st.lists(st.sampled_from([0, 0, 1, 1, 2, 3, 4]), min_size=length,
                           max_size=length))
    rest = draw(st.sets(st.sampled_from(days), max_size=length // 4))
    skips = draw(st.sets(st.sampled_from(days), max_size=length // 4))
    weekdays = draw(st.sets(st.integers(0, 6), min_size=1)) if period == "day" else ALL_DAYS
    start = days[draw(st.integers(0, min(length - 1, 6)))]
    goal = Goal("g", "G", start, target, period, frozenset(weekdays))
    history = GoalHistory(goal, {d: c for d, c in zip(days, counts) if c},
                          frozenset(rest), frozenset(skips))
    as_of = days[draw(st.integers(0, length - 1))]
    return history, as_of, draw(st.integers(0, 6))


@given(histories())
@settings(max_examples=300, deadline=None)
def test_wins_agree_with_the_streak_rules(case):
    history, as_of, week_start = case
    got = goal_wins(history, as_of, week_start)
    assert len({w.key for w in got}) == len(got)
    assert all(w.day <= as_of and w.goal_id == "g" for w in got)
    for win in got:
        s = streak(history, win.day, week_start)
        if win.rule == "milestone":
            n = int(win.title.split("-")[0])
            assert n in MILESTONES
            assert s.current == n
        elif win.rule == "personal_best":
            n = int(win.title.split(": ")[1].split()[0])
            assert s.current == s.best == n >= 3
            assert streak(history, win.day - timedelta(days=1), week_start).best < n
        elif win.rule == "weekly_target":
            assert history.goal.is_weekly and s.complete and s.target > 0
            if win.day != week_start_of(win.day, week_start):
                assert not streak(history, win.day - timedelta(days=1), week_start).complete
    firsts = [w.day for w in got if w.rule == "first_checkin"]
    positive = [d for d, c in history.counts.items() if c > 0 and d <= as_of]
    assert firsts == ([min(positive)] if positive else [])


@given(histories())
@settings(max_examples=300, deadline=None)
def test_every_milestone_and_complete_week_is_earned(case):
    """The converse: each complete period reaching a milestone has its win, no more, no less."""
    history, as_of, week_start = case
    got = goal_wins(history, as_of, week_start)
    milestone_days = {w.day for w in got if w.rule == "milestone"}
    goal = history.goal
    first = week_start_of(goal.start, week_start) if goal.is_weekly else goal.start
    expected = set()
    for i in range((as_of - first).days + 1):
        d = first + timedelta(days=i)
        s = streak(history, d, week_start)
        before = streak(history, d - timedelta(days=1), week_start)
        newly_complete = s.complete and s.target > 0 if goal.is_weekly else (
            history.counts.get(d, 0) >= goal.target)
        if goal.is_weekly and d != week_start_of(d, week_start):
            newly_complete = newly_complete and not before.complete
        if newly_complete and s.current in MILESTONES:
            expected.add(d)
    assert milestone_days == expected
    if goal.is_weekly:
        weeks = {first + timedelta(days=7 * i) for i in range((as_of - first).days // 7 + 1)}
        complete = {w for w in weeks if week_target(history, w) > 0
                    and streak(history, min(w + timedelta(days=6), as_of), week_start).complete}
        assert len([w for w in got if w.rule == "weekly_target"]) == len(complete)


@given(histories(), st.integers(0, 20))
@settings(max_examples=200, deadline=None)
def test_wins_never_depend_on_later_days(case, extra):
    """Moving as-of forward never takes a win away or re-dates it: a new day changes nothing."""
    history, as_of, week_start = case
    earlier = goal_wins(history, as_of, week_start)
    later = goal_wins(history, as_of + timedelta(days=extra), week_start)
    assert earlier == [w for w in later if w.day <= as_of]


@given(histories(), st.integers(0, 75))
@settings(max_examples=300, deadline=None)
def test_wins_since_a_checkpoint_equal_the_full_walk_from_there(case, back):
    """A change on ``since`` re-derives the wins from a checkpoint: the same wins as a full walk."""
    history, as_of, week_start = case
    since = as_of - timedelta(days=back)
    start, got = goal_wins_since(history, as_of, week_start, since)
    goal = history.goal
    first = week_start_of(goal.start, week_start) if goal.is_weekly else goal.start
    assert start <= max(since, first)
    full = goal_wins(history, as_of, week_start)
    assert got == [w for w in full if w.day >= start or w.rule == "first_checkin"]


def test_a_checkpoint_is_not_reused_after_an_earlier_day_changes(hist):
    """The checkpoint is remembered by the data before it: a backfill there is seen."""
    history, as_of = hist("C" * 50)  # 2026-03-02 .. 2026-04-20: the run reaches 50 in April
    start, got = goal_wins_since(history, as_of, 0, as_of)
    assert start == date(2026, 4, 1)
    assert [w.title for w in got if w.rule == "milestone"] == [f"50-day streak: {NAME}"]
    history.counts[day(10)] = 0  # a miss in March: the April run restarts on March 13
    start, got = goal_wins_since(history, as_of, 0, as_of)
    assert start == date(2026, 4, 1)
    assert [(w.day, w.title) for w in got if w.rule == "milestone"] == [
        (day(31), f"21-day streak: {NAME}"), (day(40), f"30-day streak: {NAME}")]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_all_done_equals_its_rule_stated_plainly(data):
    """The fast loop (one pass, the neutral-day test inlined) against the rule as written: a day
    counts when some active daily goal is due (not neutral) and every due one met its target."""
    from tui.core.streaks import is_neutral_day

    days = [day(i) for i in range(21)]
    rest = frozenset(data.draw(st.sets(st.sampled_from(days), max_size=3)))
    histories = []
    for n in range(data.draw(st.integers(1, 4))):
        g = goal(f"g{n}", start=day(data.draw(st.integers(0, 6))), target=data.draw(st.integers(1, 2)),
                 period=data.draw(st.sampled_from(["day", "day", "week"])),
                 weekdays=data.draw(st.sampled_from([ALL_DAYS, MWF])),
                 archived=data.draw(st.booleans()) and n > 0)
        counts = {d: data.draw(st.integers(0, 2)) for d in days if data.draw(st.booleans())}
        skips = frozenset(data.draw(st.sets(st.sampled_from(days), max_size=3)))
        histories.append(GoalHistory(g, counts, rest, skips))
    as_of = day(data.draw(st.integers(0, 20)))
    daily = [h for h in histories if not h.goal.is_weekly and not h.goal.archived]
    expected = []
    for d in days:
        due = [h for h in daily if not is_neutral_day(h, d)]
        if d <= as_of and due and all(h.counts.get(d, 0) >= h.goal.target for h in due):
            expected.append((d - MON).days)
    assert all_done_days(histories, days, as_of) == expected
