"""`rebound log`, `rebound skip` and `rebound rest`, and how GOAL names are matched (product.md §4)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from cli_support import assert_refused, days_before, snapshot

GOAL = "Send applications"


@pytest.fixture
def goal(ok) -> str:
    ok("goal", "add", GOAL, "--target", "2")
    return GOAL


def label(day) -> str:  # type: ignore[no-untyped-def]
    """A day as toasts and these commands name it: ``Sat 5 Dec``."""
    return f"{day:%a} {day.day} {day:%b}"


def done(goal_status, name: str = GOAL, as_of: str | None = None) -> int:
    return goal_status(name, as_of)["done"]


# log: counts ---------------------------------------------------------------------------------
def test_log_defaults_to_one(ok, goal, goal_status) -> None:
    result = ok("log", goal)
    assert GOAL in result.out
    assert done(goal_status) == 1


def test_log_a_count_adds_it(ok, goal, goal_status) -> None:
    ok("log", goal, "3")
    assert done(goal_status) == 3
    ok("log", goal)
    assert done(goal_status) == 4


def test_log_a_negative_count_takes_it_back(ok, goal, goal_status) -> None:
    ok("log", goal, "3")
    ok("log", goal, "-2")
    entry = goal_status(GOAL)
    assert entry["done"] == 1
    assert entry["complete"] is False


def test_log_below_zero_is_refused_and_writes_nothing(rebound, ok, goal, goal_status, data_dir) -> None:
    ok("log", goal)
    before = snapshot(data_dir)
    assert_refused(rebound("log", goal, "-2"), GOAL, "below zero")
    assert snapshot(data_dir) == before
    assert done(goal_status) == 1


def test_log_below_zero_on_an_empty_day_is_refused(rebound, goal, goal_status) -> None:
    assert_refused(rebound("log", goal, "-1"), "below zero")
    assert done(goal_status) == 0


# log: --date -----------------------------------------------------------------------------------
def test_log_yesterday(ok, goal, goal_status, today) -> None:
    ok("log", goal, "--date", "yesterday")
    assert done(goal_status) == 0
    assert done(goal_status, as_of="yesterday") == 1
    assert done(goal_status, as_of=days_before(today, 1)) == 1


def test_log_today_keyword(ok, goal, goal_status) -> None:
    ok("log", goal, "2", "--date", "today")
    assert done(goal_status) == 2


def test_log_an_iso_day(ok, goal, goal_status, today) -> None:
    day = days_before(today, 5)
    ok("log", goal, "2", "--date", day)
    assert done(goal_status, as_of=day) == 2
    assert done(goal_status, as_of=days_before(today, 4)) == 0
    assert done(goal_status) == 0


def test_log_a_future_day_is_refused(rebound, goal, goal_status, data_dir, today) -> None:
    before = snapshot(data_dir)
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert_refused(rebound("log", goal, "--date", tomorrow), tomorrow, "future")
    assert_refused(rebound("log", goal, "--date", "2999-01-01"), "future")
    assert snapshot(data_dir) == before
    assert done(goal_status) == 0


@pytest.mark.parametrize(
    "day", ["2024-13-01", "2024-02-30", "26/11/2024", "2024-1-5", "tomorrow", "last week", "soon"]
)
def test_log_a_malformed_day_is_refused(rebound, goal, data_dir, day) -> None:
    before = snapshot(data_dir)
    assert_refused(rebound("log", goal, "--date", day), day)
    assert snapshot(data_dir) == before


# log: --note -----------------------------------------------------------------------------------
def test_log_with_a_note_keeps_the_note(ok, goal, goal_status, data_dir: Path) -> None:
    ok("log", goal, "--note", "Acme Corp, backend role")
    assert done(goal_status) == 1
    saved = "".join(p.read_text(encoding="utf-8") for p in data_dir.glob("*.json"))
    assert "Acme Corp, backend role" in saved


def test_log_with_a_control_character_in_the_note_is_refused(rebound, goal, goal_status) -> None:
    assert_refused(rebound("log", goal, "--note", "beep\x07"), "note")
    assert done(goal_status) == 0


# GOAL matching ----------------------------------------------------------------------------------
@pytest.fixture
def several(ok) -> None:
    ok("goal", "add", "Send applications", "--target", "2")
    ok("goal", "add", "Send follow-ups")
    ok("goal", "add", "Gym")
    ok("goal", "add", "Gym class")


def test_unknown_goal_is_refused(rebound, several, data_dir) -> None:
    before = snapshot(data_dir)
    assert_refused(rebound("log", "Knitting"), "Knitting")
    assert snapshot(data_dir) == before


def test_ambiguous_prefix_is_refused_naming_both_goals(rebound, several, status, data_dir) -> None:
    before = snapshot(data_dir)
    assert_refused(rebound("log", "send"), "Send applications", "Send follow-ups")
    assert_refused(rebound("log", "SEND "), "Send applications", "Send follow-ups")
    assert snapshot(data_dir) == before
    assert all(g["done"] == 0 for g in status()["goals"])


def test_unambiguous_prefix_logs_that_goal(ok, several, goal_status) -> None:
    ok("log", "send a")
    ok("log", "Send f")
    assert done(goal_status, "Send applications") == 1
    assert done(goal_status, "Send follow-ups") == 1
    assert done(goal_status, "Gym") == 0


def test_names_match_case_insensitively(ok, several, goal_status) -> None:
    ok("log", "SEND APPLICATIONS")
    ok("log", "send applications")
    ok("log", "sEnD fOlLoW")
    assert done(goal_status, "Send applications") == 2
    assert done(goal_status, "Send follow-ups") == 1


def test_a_full_name_wins_over_a_longer_name_it_prefixes(ok, several, goal_status) -> None:
    ok("log", "gym")
    assert done(goal_status, "Gym") == 1
    assert done(goal_status, "Gym class") == 0


# skip ----------------------------------------------------------------------------------------
def test_skip_neither_extends_nor_breaks_a_streak(ok, goal, goal_status, today) -> None:
    ok("log", goal, "2", "--date", days_before(today, 2))
    ok("skip", goal, "--date", days_before(today, 1))
    ok("log", goal, "2")
    entry = goal_status(GOAL)
    assert entry["current_streak"] == 2  # the skipped day neither counted nor broke it
    assert entry["best_streak"] == 2


def test_skip_today_keeps_a_streak_out_of_risk(ok, goal, goal_status) -> None:
    ok("log", goal, "2", "--date", "yesterday")
    assert goal_status(GOAL)["at_risk"] is True
    result = ok("skip", goal)
    assert GOAL in result.out
    entry = goal_status(GOAL)
    assert entry["at_risk"] is False
    assert entry["current_streak"] == 1


def test_without_the_skip_the_missed_day_breaks_the_streak(ok, goal, goal_status, today) -> None:
    ok("log", goal, "2", "--date", days_before(today, 2))
    ok("log", goal, "2")
    assert goal_status(GOAL)["current_streak"] == 1


def test_skip_refusals(rebound, several, data_dir, today) -> None:
    before = snapshot(data_dir)
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert_refused(rebound("skip", "Gym", "--date", tomorrow), "future")
    assert_refused(rebound("skip", "Gym", "--date", "someday"), "someday")
    assert_refused(rebound("skip", "Knitting"), "Knitting")
    assert_refused(rebound("skip", "send"), "Send applications", "Send follow-ups")
    assert snapshot(data_dir) == before


# rest ----------------------------------------------------------------------------------------
def test_rest_day_neither_extends_nor_breaks_any_streak(ok, several, goal_status, today) -> None:
    for name in ("Send applications", "Gym"):
        ok("log", name, "2", "--date", days_before(today, 2))
        ok("log", name, "2")
    assert goal_status("Gym")["current_streak"] == 1
    result = ok("rest", "--date", days_before(today, 1), "--reason", "interview day")
    assert result.out == f"{label(today - timedelta(days=1))} is a rest day for every goal — enjoy it\n"
    assert goal_status("Send applications")["current_streak"] == 2
    assert goal_status("Gym")["current_streak"] == 2


def test_rest_today_keeps_streaks_out_of_risk(ok, goal, goal_status) -> None:
    ok("log", goal, "2", "--date", "yesterday")
    assert goal_status(GOAL)["at_risk"] is True
    ok("rest")
    entry = goal_status(GOAL)
    assert entry["at_risk"] is False
    assert entry["current_streak"] == 1


def test_rest_refusals(rebound, goal, data_dir, today) -> None:
    before = snapshot(data_dir)
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert_refused(rebound("rest", "--date", tomorrow), "future")
    assert_refused(rebound("rest", "--date", "2024-02-31"), "2024-02-31")
    assert snapshot(data_dir) == before


def test_rest_adds_once_and_undo_takes_it_back(rebound, ok, goal, goal_status, data_dir, today) -> None:
    """One behaviour everywhere: a repeat says so and writes nothing; --undo clears the day."""
    ok("log", goal, "2", "--date", "yesterday")
    ok("rest", "--reason", "interview day")
    before = snapshot(data_dir)
    assert ok("rest").out == f"{label(today)} is already a rest day\n"
    assert snapshot(data_dir) == before  # no second record
    assert goal_status(GOAL)["at_risk"] is False
    assert ok("rest", "--undo").out == f"{label(today)} is no longer a rest day\n"
    assert goal_status(GOAL)["at_risk"] is True
    before = snapshot(data_dir)
    assert_refused(rebound("rest", "--undo"), f"{label(today)} is not a rest day")
    assert snapshot(data_dir) == before


def test_skip_adds_once_and_undo_takes_it_back(rebound, ok, goal, goal_status, data_dir, today) -> None:
    ok("log", goal, "2", "--date", "yesterday")
    assert ok("skip", goal).out == f"{GOAL}: skipped on {label(today)}\n"
    before = snapshot(data_dir)
    assert ok("skip", goal).out == f"{GOAL} is already skipped on {label(today)}\n"
    assert snapshot(data_dir) == before
    assert ok("skip", goal, "--undo").out == f"{GOAL}: skip cleared on {label(today)}\n"
    assert goal_status(GOAL)["at_risk"] is True
    assert_refused(rebound("skip", goal, "--undo"), f"{GOAL} is not skipped on {label(today)}")


def test_the_streak_a_log_prints_is_what_every_file_says(ok, data_dir, today) -> None:
    """`log` prints the goal's streak from the day's summaries as kept (older years from the
    month's checkpoints): a backfilled day, even one that joins two runs, is in it."""
    ok("goal", "add", "Apply")
    for back in (1, 2, 4, 5):
        ok("log", "Apply", "1", "--date", days_before(today, back))
    ok("status")  # the day's summaries left in .summaries.json
    said = ok("log", "Apply", "1", "--date", days_before(today, 3)).out.splitlines()[0]
    assert said.endswith("· 5 days streak (best 5), at risk")  # joins 5..1 into one run
    (data_dir / ".summaries.json").unlink()  # what every file says, without the cache
    goal = json.loads(ok("status", "--json").out)["goals"][0]
    assert (goal["current_streak"], goal["best_streak"], goal["at_risk"]) == (5, 5, True)
