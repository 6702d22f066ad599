"""`rebound status [--json] [--as-of DAY]`: the exact object of product.md §4 and what it says."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from cli_support import assert_refused, days_before

TOP_LEVEL = {"date", "goals", "followups_due", "mood_logged", "wins_today", "applications",
             "activities_this_week"}
STAGES = {"applied", "screen", "interview", "final", "offer", "accepted", "rejected", "withdrawn", "ghosted"}
GOAL_FIELDS = {
    "name", "period", "target", "full_target", "done", "complete", "current_streak", "best_streak",
    "at_risk", "score",
}


def check_shape(data: dict) -> None:
    assert set(data) == TOP_LEVEL
    date.fromisoformat(data["date"])
    assert isinstance(data["goals"], list)
    assert isinstance(data["followups_due"], list)
    assert isinstance(data["mood_logged"], bool)
    assert isinstance(data["wins_today"], list)
    for due in data["followups_due"]:
        assert set(due) == {"name", "due", "overdue"}
    assert set(data["applications"]) == {"open", "quiet", "by_stage"}  # added by issue 18
    assert set(data["applications"]["by_stage"]) == STAGES
    week = data["activities_this_week"]  # added by issue 18: the work-search record; null while off
    assert week is None or (set(week) == {"done", "target"}
                            and all(type(n) is int and n >= 0 for n in week.values()))
    for win in data["wins_today"]:
        assert set(win) == {"kind", "title"}
    for goal in data["goals"]:
        assert set(goal) == GOAL_FIELDS, goal
        assert isinstance(goal["name"], str) and goal["name"]
        assert goal["period"] in ("day", "week")
        for key in ("target", "done", "current_streak", "best_streak"):
            assert isinstance(goal[key], int) and not isinstance(goal[key], bool), (key, goal)
            assert goal[key] >= 0, (key, goal)
        assert goal["target"] >= 1
        assert isinstance(goal["full_target"], int) and goal["full_target"] >= goal["target"]
        for key in ("complete", "at_risk"):
            assert isinstance(goal[key], bool), (key, goal)
        assert isinstance(goal["score"], (int, float)) and not isinstance(goal["score"], bool)
        assert 0 <= goal["score"] <= 1, goal
        assert goal["best_streak"] >= goal["current_streak"]


def test_status_json_on_an_empty_folder(status) -> None:
    data = status()
    check_shape(data)
    assert data["date"] == date.today().isoformat()
    assert data["goals"] == []
    assert data["followups_due"] == []
    assert data["mood_logged"] is False
    assert data["wins_today"] == []


def test_status_json_has_exactly_the_fields_of_the_contract(ok, status) -> None:
    ok("goal", "add", "Send applications", "--target", "2")
    ok("goal", "add", "Coffee chats", "--target", "3", "--per", "week")
    ok("goal", "add", "Gym", "--days", "mon,wed,fri")
    ok("log", "Send applications", "2")
    ok("log", "Coffee chats")
    data = status()
    check_shape(data)
    assert [g["name"] for g in data["goals"]] == ["Send applications", "Coffee chats", "Gym"]
    apps = data["goals"][0]
    assert (apps["period"], apps["target"], apps["done"], apps["complete"]) == ("day", 2, 2, True)
    assert apps["current_streak"] == 1 and apps["best_streak"] == 1
    assert apps["at_risk"] is False
    assert 0 < apps["score"] <= 1
    chats = data["goals"][1]
    assert chats["period"] == "week" and chats["done"] == 1


def test_status_json_prints_one_object_and_nothing_else(ok) -> None:
    ok("goal", "add", "Walk")
    out = ok("status", "--json").out
    decoder = json.JSONDecoder()
    obj, end = decoder.raw_decode(out)
    assert isinstance(obj, dict)
    assert out[end:].strip() == ""


def test_three_day_streak_from_backfilled_days(ok, goal_status, today) -> None:
    ok("goal", "add", "Send applications", "--target", "2")
    for n in (2, 1, 0):
        ok("log", "Send applications", "2", "--date", days_before(today, n))
    entry = goal_status("Send applications")
    assert entry["current_streak"] == 3
    assert entry["best_streak"] == 3
    assert entry["complete"] is True
    assert entry["at_risk"] is False
    assert entry["done"] == 2
    assert 0 < entry["score"] <= 1

    # Seen from yesterday the same history is a 2-day streak.
    yesterday = goal_status("Send applications", as_of="yesterday")
    assert yesterday["current_streak"] == 2
    assert yesterday["best_streak"] == 2


def test_a_streak_not_yet_extended_today_is_at_risk(ok, goal_status, today) -> None:
    ok("goal", "add", "Send applications", "--target", "2")
    ok("log", "Send applications", "2", "--date", days_before(today, 2))
    ok("log", "Send applications", "2", "--date", "yesterday")
    entry = goal_status("Send applications")
    assert entry["current_streak"] == 2
    assert entry["at_risk"] is True
    assert entry["complete"] is False
    assert entry["done"] == 0

    ok("log", "Send applications")  # 1 of 2: still at risk
    assert goal_status("Send applications")["at_risk"] is True
    ok("log", "Send applications")
    entry = goal_status("Send applications")
    assert entry["at_risk"] is False
    assert entry["current_streak"] == 3


def test_a_missed_day_breaks_the_streak_but_keeps_the_best(ok, goal_status, today) -> None:
    ok("goal", "add", "Walk")
    for n in (5, 4, 3, 1, 0):  # day 2 missed
        ok("log", "Walk", "--date", days_before(today, n))
    entry = goal_status("Walk")
    assert entry["current_streak"] == 2
    assert entry["best_streak"] == 3


def test_as_of_reports_that_day(ok, status, goal_status, today) -> None:
    ok("goal", "add", "Walk", "--target", "3")
    ok("log", "Walk", "2", "--date", days_before(today, 3))
    data = status(days_before(today, 3))
    check_shape(data)
    assert data["date"] == days_before(today, 3)
    assert data["goals"][0]["done"] == 2
    assert status("yesterday")["date"] == days_before(today, 1)
    assert status("today")["date"] == today.isoformat()
    assert goal_status("Walk")["done"] == 0


def test_weekly_done_is_the_week_total(ok, goal_status) -> None:
    # A fixed past week (Mon 2024-01-01 … Sun 2024-01-07): backfills move the start earlier.
    ok("goal", "add", "Coffee chats", "--target", "3", "--per", "week")
    ok("log", "Coffee chats", "--date", "2024-01-01")
    ok("log", "Coffee chats", "2", "--date", "2024-01-04")
    friday = goal_status("Coffee chats", as_of="2024-01-05")
    assert friday["done"] == 3
    assert friday["target"] == 3
    assert friday["complete"] is True
    assert friday["current_streak"] == 1
    next_week = goal_status("Coffee chats", as_of="2024-01-08")
    assert next_week["done"] == 0
    assert next_week["current_streak"] == 1 and next_week["at_risk"] is True


def test_a_part_week_target_comes_with_its_reason(ok, goal_status) -> None:
    """Issue 14.1: a weekly goal of 2 started on a Friday asks 1 that week (3 active days of 7);
    every place that shows it says why, and a count past it never reads 2/1."""
    ok("goal", "add", "Coffee chats", "--target", "2", "--per", "week")
    ok("log", "Coffee chats", "--date", "2024-01-05")  # Friday: the start moves back to it
    friday = goal_status("Coffee chats", as_of="2024-01-05")
    assert (friday["done"], friday["target"], friday["full_target"]) == (1, 1, 2)
    assert "Coffee chats  this week 1/1 (2 a week, part week)" in ok(
        "status", "--as-of", "2024-01-05").out
    ok("log", "Coffee chats", "--date", "2024-01-06")
    text = ok("status", "--as-of", "2024-01-06").out
    assert "this week 2 (target 1 met; 2 a week, part week)" in text and "2/1" not in text
    full = goal_status("Coffee chats", as_of="2024-01-08")  # the next week is a whole one
    assert (full["target"], full["full_target"]) == (2, 2)
    assert "this week 0/2  " in ok("status", "--as-of", "2024-01-08").out


def test_daily_done_is_only_that_days_count(ok, goal_status) -> None:
    ok("goal", "add", "Walk", "--target", "3")
    ok("log", "Walk", "2", "--date", "2024-01-01")
    ok("log", "Walk", "1", "--date", "2024-01-02")
    assert goal_status("Walk", as_of="2024-01-01")["done"] == 2
    assert goal_status("Walk", as_of="2024-01-02")["done"] == 1


def test_scores_stay_within_zero_and_one_and_grow_with_practice(ok, status, today) -> None:
    ok("goal", "add", "Walk")
    ok("goal", "add", "Read", "--target", "5", "--per", "week")
    ok("log", "Read", "500", "--date", days_before(today, 10))  # far over target
    scores = []
    for n in range(6, -1, -1):
        ok("log", "Walk", "3", "--date", days_before(today, n))
        data = status()
        check_shape(data)
        scores.append(next(g for g in data["goals"] if g["name"] == "Walk")["score"])
    assert all(0 < s <= 1 for s in scores)
    assert scores == sorted(scores) and scores[-1] > scores[0]
    assert next(g for g in data["goals"] if g["name"] == "Walk")["current_streak"] == 7


def test_status_text(ok) -> None:
    ok("goal", "add", "Send applications", "--target", "2")
    ok("log", "Send applications", "2")
    out = ok("status").out
    assert "Send applications" in out
    assert "2/2" in out


def test_status_text_names_neutral_days_as_the_app_does(ok, today) -> None:
    """Not scheduled, skipped, rest day: the words of Today's state column, and the rest-day line."""
    other = (today.weekday() + 1) % 7
    ok("goal", "add", "Gym", "--days", ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[other])
    ok("goal", "add", "Walk")
    ok("goal", "add", "Read")
    ok("skip", "Read")
    lines = ok("status").out.splitlines()
    assert next(x for x in lines if "Gym" in x).endswith("(not scheduled today)")
    assert next(x for x in lines if "Read" in x).endswith("(skipped)")
    assert next(x for x in lines if "Walk" in x).endswith("(best 0)")
    ok("rest")
    lines = ok("status").out.splitlines()
    assert lines[0].endswith("· Rest day — enjoy it")
    assert next(x for x in lines if "Walk" in x).endswith("(rest day)")


@pytest.mark.parametrize("day", ["2999-01-01", "tomorrow", "2024-02-30", "01/02/2024"])
def test_as_of_refusals(rebound, day) -> None:
    assert_refused(rebound("status", "--json", "--as-of", day), day)


def test_as_of_tomorrow_is_refused(rebound, today) -> None:
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert_refused(rebound("status", "--as-of", tomorrow), "future")


def test_status_text_after_changes_to_the_past_says_what_every_file_says(ok, data_dir, today) -> None:
    """The text reads the day's summaries as the last run left them (`.summaries.json`): each
    change, even to a day long past, is in what it says, as without the cache."""
    ok("goal", "add", "Apply", "--target", "2")
    ok("goal", "add", "Coffee chats", "--target", "2", "--per", "week")
    for back in (1, 2, 3, 30):
        ok("log", "Apply", "2", "--date", days_before(today, back))
    for change in (("log", "Apply", "1", "--date", days_before(today, 2)),
                   ("log", "Coffee chats", "1"), ("skip", "Apply"),
                   ("log", "Apply", "2", "--date", days_before(today, 25))):
        ok("status")  # the entry for the files as they are
        ok(*change)
        kept = ok("status").out
        (data_dir / ".summaries.json").unlink()
        assert kept == ok("status").out, change
