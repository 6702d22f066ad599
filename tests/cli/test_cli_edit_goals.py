"""`rebound goal edit|archive|restore|delete` (product.md §4, issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import assert_refused, assert_usage_error, snapshot


def goals(ok) -> dict[str, dict]:
    return {g["name"]: g for g in ok("goal", "list", "--json").json()}


def test_edit_changes_only_what_is_given(ok) -> None:
    ok("goal", "add", "Send applications", "--target", "2", "--days", "mon,tue,wed")
    result = ok("goal", "edit", "send", "--target", "3")
    assert result.out.startswith("Edited Send applications: 3 mon,tue,wed")
    ok("goal", "edit", "SEND APPLICATIONS", "--name", "Apply")
    goal = goals(ok)["Apply"]
    assert (goal["target"], goal["period"], goal["weekdays"]) == (3, "day", ["mon", "tue", "wed"])
    ok("goal", "edit", "apply", "--per", "week", "--target", "5")
    goal = goals(ok)["Apply"]
    assert (goal["target"], goal["period"], goal["weekdays"]) == (5, "week", [])
    ok("goal", "edit", "apply", "--per", "day", "--days", "fri")
    assert goals(ok)["Apply"]["weekdays"] == ["fri"]


def test_archive_restore_and_delete_with_yes(ok, status) -> None:
    ok("goal", "add", "Apply")
    ok("log", "apply")
    assert "Archived Apply" in ok("goal", "archive", "apply").out
    assert goals(ok) == {} and status()["goals"] == []
    assert "Restored Apply" in ok("goal", "restore", "app").out
    assert list(goals(ok)) == ["Apply"]
    assert ok("goal", "delete", "apply", "--yes").out == "Deleted Apply and its 1 check-in\n"
    assert goals(ok) == {}
    assert status()["wins_today"] == []  # its first check-in win went with it


def test_an_archived_goal_can_be_deleted(ok) -> None:
    ok("goal", "add", "Old habit")
    ok("goal", "archive", "old")
    assert "Deleted Old habit and its 0 check-ins" in ok("goal", "delete", "old", "--yes").out
    ok("goal", "add", "Old habit")  # the name is free again


@pytest.mark.parametrize("args, fragments", [
    (["goal", "edit", "apply"], ["nothing to change"]),
    (["goal", "edit", "zz", "--target", "2"], ["no goal matches"]),
    (["goal", "edit", "app", "--target", "2"], ["several goals", "Apply", "Applause"]),
    (["goal", "edit", "apply", "--name", "  "], ["cannot be empty"]),
    (["goal", "edit", "apply", "--name", "applause"], ["already a goal"]),
    (["goal", "edit", "apply", "--target", "0"], ["target"]),
    (["goal", "edit", "apply", "--per", "week", "--days", "mon"], ["weekdays apply to daily goals"]),
    (["goal", "edit", "apply", "--days", "someday"], ["someday"]),
    (["goal", "archive", "zz"], ["no goal matches"]),
    (["goal", "archive", "old"], ["Old is already archived"]),
    (["goal", "restore", "apply"], ["Apply is not archived"]),
    (["goal", "restore", "zz"], ["no archived goal matches"]),
    (["goal", "delete", "apply"], ["deleting goal Apply asks first", "--yes"]),
    (["goal", "delete", "app", "--yes"], ["several goals"]),
])
def test_refusals_exit_1_with_one_line_and_change_nothing(rebound, ok, data_dir: Path, args,
                                                          fragments) -> None:
    for name in ("Apply", "Applause", "Old"):
        ok("goal", "add", name)
    ok("goal", "archive", "old")
    before = snapshot(data_dir)
    assert_refused(rebound(*args), *fragments)
    assert snapshot(data_dir) == before


def test_usage_errors(rebound) -> None:
    assert_usage_error(rebound("goal", "edit"))
    assert_usage_error(rebound("goal", "edit", "apply", "--target", "lots"))
    assert_usage_error(rebound("goal", "edit", "apply", "--per", "month"))
    assert_usage_error(rebound("goal", "delete"))
    assert_usage_error(rebound("goal", "archive", "a", "b"))
