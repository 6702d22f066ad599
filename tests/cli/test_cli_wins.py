"""`rebound win` and the wins that `rebound log` earns, as `status --json` reports them."""

from __future__ import annotations

from pathlib import Path

from cli_support import assert_refused, days_before, snapshot


def test_win_records_today_and_status_lists_it(ok, status) -> None:
    result = ok("win", "landed an interview 🎉")
    assert "landed an interview 🎉" in result.out
    assert status()["wins_today"] == [{"kind": "manual", "title": "landed an interview 🎉"}]


def test_win_for_yesterday_is_not_today(ok, status, today) -> None:
    ok("win", "got useful feedback", "--date", "yesterday")
    assert status()["wins_today"] == []
    assert status(as_of=days_before(today, 1))["wins_today"] == [
        {"kind": "manual", "title": "got useful feedback"}
    ]


def test_win_refusals_change_nothing(rebound, data_dir: Path) -> None:
    rebound("win", "first")
    before = snapshot(data_dir)
    for args in (["  "], ["x" * 201], ["bell\x07"], ["ok", "--date", "2999-01-01"]):
        assert_refused(rebound("win", *args))
        assert snapshot(data_dir) == before


def test_log_prints_and_stores_the_streak_milestone(ok, status, today) -> None:
    ok("goal", "add", "Apply")
    ok("log", "apply", "--date", days_before(today, 2))
    ok("log", "apply", "--date", days_before(today, 1))
    result = ok("log", "apply")
    assert "Small victory: 3-day streak: Apply" in result.out
    kinds = {w["kind"] for w in status()["wins_today"]}
    assert "milestone" in kinds
    ok("log", "apply", "-1")
    assert "milestone" not in {w["kind"] for w in status()["wins_today"]}
