"""core/counting.py (issue 19): what a goal counts, where a count comes from, and the totals;
older goals read as counted by hand; a stored source Rebound does not know is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.core.counting import (parse_counts, source_line, source_text, totals)
from tui.core.errors import InputError
from tui.core.goals import Goal, GoalHistory
from tui.store import schema
from tui.store.repo import goal_from_doc, goal_to_doc

MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize("typed, canonical", [
    ("", "manual"), (None, "manual"), ("Manual", "manual"), ("applications", "applications"),
    (" Interactions : Coffee, call ", "interactions:call,coffee"), ("interactions:", "interactions"),
    ("new contacts", "new-contacts"), ("new_contacts", "new-contacts"), ("mood", "moods"),
    ("lessons", "lessons"),
    ("interactions:message,email,call,coffee,meeting,referral,intro,other", "interactions"),
])
def test_parse_counts_gives_one_spelling(typed, canonical) -> None:
    assert parse_counts(typed) == canonical


@pytest.mark.parametrize("typed, field, words", [
    ("tweets", "counts", "counts must be manual, applications, interactions[:kinds]"),
    ("interactions:tea", "kinds", "unknown interaction kind 'tea'"),
    ("moods:coffee", "kinds", "only interactions take kinds"),
])
def test_parse_counts_refuses_with_the_field(typed, field, words) -> None:
    with pytest.raises(InputError) as caught:
        parse_counts(typed)
    assert caught.value.field == field and words in str(caught.value)


def test_source_text_says_where_a_count_comes_from() -> None:
    assert source_text(2, 1) == "2 from your log + 1"
    assert source_text(2, 0) == "2 from your log"
    assert source_text(0, 3) == "0 from your log + 3"


def history(counts: dict[date, int], activity: dict[date, int] | None, period: str = "day") -> GoalHistory:
    goal = Goal("g", "Coffee", MONDAY, 2, period, counts="interactions:coffee")
    return GoalHistory(goal, counts, activity=activity)


def test_source_line_of_a_weekly_goal_sums_its_week_and_a_manual_goal_has_none() -> None:
    counts = {MONDAY: 2, MONDAY + timedelta(days=2): 1, MONDAY + timedelta(days=7): 5}
    activity = {MONDAY: 1, MONDAY + timedelta(days=2): 1}
    weekly = history(counts, activity, "week")
    assert source_line(weekly, MONDAY + timedelta(days=3), 0) == "2 from your log + 1"
    assert source_line(history(counts, activity), MONDAY, 0) == "1 from your log + 1"
    assert source_line(history(counts, None), MONDAY, 0) == ""


def test_totals_this_week_this_month_and_the_best_week() -> None:
    counts = {date(2026, 2, 23): 4, date(2026, 2, 24): 3,  # the best week, across two months
              MONDAY: 1, MONDAY + timedelta(days=8): 2, MONDAY + timedelta(days=30): 9}  # future
    found = totals(history(counts, {}), MONDAY + timedelta(days=9), 0)
    assert (found.this_week, found.this_month, found.best_week) == (2, 3, 7)
    assert found.best_week_start == date(2026, 2, 23)
    assert found.text == "this week 2 · this month 3 · best week 7"


def test_older_goals_read_as_manual_and_round_trip() -> None:
    goal = Goal("g", "Coffee", MONDAY, counts="interactions:coffee")
    assert goal_from_doc(goal_to_doc(goal)) == goal
    old = goal_to_doc(goal)
    del old["counts"]  # written before goals could count an activity
    assert goal_from_doc(old).counts == "manual"


def test_a_stored_source_rebound_does_not_know_is_refused_by_name() -> None:
    doc = goal_to_doc(Goal("g", "Coffee", MONDAY))
    data = {"goals": {"1": dict(doc, counts="tweets")}, schema.META: {"1": {"schema": 1, "kind": "main"}}}
    problem = schema.record_problem(data)
    assert problem is not None and "record 1 of table 'goals'" in problem and "'counts'" in problem
    data["goals"]["1"]["counts"] = "interactions:coffee"
    assert schema.record_problem(data) is None


def test_a_loop_import_counts_by_hand(tmp_path) -> None:
    """Habits from Loop Habit Tracker stay goals counted by hand (issue 19)."""
    from datetime import datetime, timezone
    from pathlib import Path

    from tui.services import Rebound
    from tui.services.loop_import import import_loop
    from tui.store import repo

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "loop" / "Loop Habits CSV 2026-03-20"
    rb = Rebound.open(tmp_path / "data", lambda: datetime(2026, 3, 20, 12, 0, tzinfo=timezone.utc))
    import_loop(rb, fixture)
    found = repo.goals(rb.store, include_archived=True)
    assert found and {g.counts for g in found} == {"manual"}
