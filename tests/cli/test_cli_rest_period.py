"""`rebound rest --from DAY --to DAY`: a break for every goal, possibly planned ahead (product.md §3)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from cli_support import assert_refused, days_before, snapshot

GOAL = "Send applications"


def rest_days(data_dir: Path) -> dict[str, str]:
    """Each rest day in the data file and its reason."""
    data = json.loads((data_dir / "rebound.json").read_text())
    return {d["day"]: d["reason"] for d in data.get("rest_days", {}).values()}


def label(day) -> str:  # type: ignore[no-untyped-def]
    return f"{day:%a} {day.day} {day:%b}"


def test_a_past_break_keeps_the_streak_and_undo_clears_it(ok, rebound, goal_status, data_dir, today) -> None:
    ok("goal", "add", GOAL, "--target", "1")
    ok("log", GOAL, "--date", days_before(today, 4))
    ok("log", GOAL)
    assert goal_status(GOAL)["current_streak"] == 1
    first, last = today - timedelta(days=3), today - timedelta(days=1)
    result = ok("rest", "--from", first.isoformat(), "--to", last.isoformat(), "--reason", "flu")
    assert result.out == f"{label(first)} – {label(last)}: 3 days of rest for every goal — enjoy them\n"
    assert rest_days(data_dir) == {days_before(today, n): "flu" for n in (1, 2, 3)}
    assert goal_status(GOAL)["current_streak"] == 2  # the break neither breaks nor extends it
    before = snapshot(data_dir)
    again = ok("rest", "--from", first.isoformat(), "--to", last.isoformat())
    assert again.out == f"{label(first)} – {label(last)} are already rest days\n"
    assert snapshot(data_dir) == before
    undone = ok("rest", "--undo", "--from", first.isoformat(), "--to", last.isoformat())
    assert undone.out == f"{label(first)} – {label(last)}: 3 days no longer rest days\n"
    assert rest_days(data_dir) == {} and goal_status(GOAL)["current_streak"] == 1
    assert_refused(rebound("rest", "--undo", "--from", first.isoformat(), "--to", last.isoformat()),
                   "nothing to undo")


def test_a_planned_break_may_lie_in_the_future(ok, goal_status, data_dir, today) -> None:
    ok("goal", "add", GOAL, "--target", "1")
    ok("log", GOAL, "--date", "yesterday")
    assert goal_status(GOAL)["at_risk"] is True
    end = today + timedelta(days=13)
    ok("rest", "--from", "today", "--to", end.isoformat(), "--reason", "holiday")
    assert len(rest_days(data_dir)) == 14
    assert goal_status(GOAL)["at_risk"] is False  # today is part of the break


def test_a_period_that_partly_overlaps_adds_only_the_new_days(ok, data_dir, today) -> None:
    ok("rest", "--date", "yesterday", "--reason", "interview")
    result = ok("rest", "--from", days_before(today, 2), "--to", "today")
    assert ": 2 days of rest" in result.out
    assert rest_days(data_dir)[days_before(today, 1)] == "interview"  # kept as it was


def test_rest_period_refusals_write_nothing(rebound, ok, data_dir, today) -> None:
    ok("goal", "add", GOAL)
    before = snapshot(data_dir)
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert_refused(rebound("rest", "--from", tomorrow, "--to", "today"), "after it ends")
    assert_refused(rebound("rest", "--from", "today", "--to", (today + timedelta(days=366)).isoformat()),
                   "at most 366 days", "367")
    assert_refused(rebound("rest", "--from", "today"), "--from", "--to")
    assert_refused(rebound("rest", "--to", tomorrow), "--from", "--to")
    assert_refused(rebound("rest", "--date", "today", "--from", "today", "--to", tomorrow), "not both")
    assert_refused(rebound("rest", "--from", "2024-02-31", "--to", tomorrow), "2024-02-31")
    assert_refused(rebound("rest", "--from", "today", "--to", "soon"), "soon")
    assert_refused(rebound("rest", "--date", tomorrow), "future")  # one day ahead stays refused
    assert snapshot(data_dir) == before
