"""`rebound mood` and `status --json`'s `mood_logged`, as a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import assert_refused, assert_usage_error, days_before, snapshot


def test_mood_logs_today_and_status_says_so(ok, status) -> None:
    assert status()["mood_logged"] is False
    result = ok("mood", "4", "--tags", "interview,Exercise", "--note", "good chat 🎉")
    assert "Mood 4 (good) #interview #exercise logged" in result.out
    assert status()["mood_logged"] is True


def test_several_a_day_report_the_mean(ok) -> None:
    ok("mood", "2")
    out = ok("mood", "4").out
    assert "that day's mood 3.0 (average of 2 entries)" in out and "over" not in out


def test_a_backfilled_mood_is_not_today(ok, status, today) -> None:
    ok("mood", "3", "--date", "yesterday")
    assert status()["mood_logged"] is False
    assert status(as_of=days_before(today, 1))["mood_logged"] is True


def test_bounce_back_is_printed_and_stored(ok, status, today) -> None:
    ok("mood", "1", "--date", days_before(today, 2))
    result = ok("mood", "5")
    assert "Small victory: Bounced back" in result.out
    assert {"kind": "bounce_back", "title": "Bounced back: a good day after a hard one"} in status()["wins_today"]


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["0"], "1 to 5"),
        (["6"], "1 to 5"),
        (["-1"], "1 to 5"),
        (["great"], "1 to 5"),
        (["3", "--date", "2999-01-01"], "future"),
        (["3", "--date", "someday"], "not a day"),
        (["3", "--tags", "x" * 31], "tag"),
        (["3", "--note", "bell\x07"], "control"),
    ],
)
def test_refusals_exit_1_and_change_nothing(rebound, data_dir: Path, args, fragment) -> None:
    rebound("mood", "3")
    before = snapshot(data_dir)
    assert_refused(rebound("mood", *args), fragment)
    assert snapshot(data_dir) == before


def test_missing_score_is_a_usage_error(rebound) -> None:
    assert_usage_error(rebound("mood"))


def test_mood_data_is_split_by_year_and_readable(ok, data_dir: Path, today) -> None:
    ok("mood", "4", "--tags", "rest")
    doc = json.loads((data_dir / f"mood-{today.year}.json").read_text(encoding="utf-8"))
    [entry] = doc["mood"].values()
    assert entry["score"] == 4 and entry["tags"] == ["rest"] and entry["day"] == today.isoformat()
