"""`rebound mood list|delete` and `rebound win list|delete`: past records by the id a listing
shows (product.md §4, issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import assert_refused, assert_usage_error, days_before, snapshot


def test_mood_list_shows_ids_newest_first_and_delete_takes_one(ok, status, today) -> None:
    assert ok("mood", "list", "--json").json() == []
    assert "No mood logged yet" in ok("mood", "list").out
    ok("mood", "1", "--date", "yesterday", "--note", "rough call")
    ok("mood", "4", "--tags", "interview")
    rows = ok("mood", "list", "--json").json()
    assert [(r["day"], r["score"], r["label"], r["tags"], r["note"]) for r in rows] == [
        (today.isoformat(), 4, "good", ["interview"], ""),
        (days_before(today, 1), 1, "rough", [], "rough call"),
    ]
    assert len(rows[0]["id"]) == 32
    lines = ok("mood", "list").out.splitlines()
    assert lines[0] == f"{rows[0]['id'][:8]}  {today.isoformat()}  4 good  #interview"
    assert lines[1] == f"{rows[1]['id'][:8]}  {days_before(today, 1)}  1 rough  rough call"
    assert [r["id"] for r in ok("mood", "list", "--json", "--limit", "1").json()] == [rows[0]["id"]]
    assert "Bounced back" in str(status()["wins_today"])
    out = ok("mood", "delete", rows[1]["id"][:8], "--yes").out
    assert out == f"Deleted mood 1 (rough) of {days_before(today, 1)}\n"
    assert [r["id"] for r in ok("mood", "list", "--json").json()] == [rows[0]["id"]]
    assert status()["wins_today"] == []  # the bounce-back it allowed is gone


def test_win_list_marks_own_wins_and_delete_takes_only_those(rebound, ok, today) -> None:
    ok("mood", "1", "--date", "yesterday")
    ok("mood", "5")
    ok("win", "got useful feedback", "--date", "yesterday")
    rows = ok("win", "list", "--json").json()
    assert [(r["kind"], r["own"], r["day"]) for r in rows] == [
        ("bounce_back", False, today.isoformat()), ("manual", True, days_before(today, 1))]
    assert ok("win", "list").out.splitlines()[1] == (
        f"{rows[1]['id'][:8]}  {days_before(today, 1)}  got useful feedback  (your own)")
    assert_refused(rebound("win", "delete", rows[0]["id"], "--yes"),
                   "automatic wins follow your data: undo or delete what earned it")
    out = ok("win", "delete", rows[1]["id"].upper(), "--yes").out
    assert out == f"Deleted win “got useful feedback” of {days_before(today, 1)}\n"
    assert [r["own"] for r in ok("win", "list", "--json").json()] == [False]
    assert len(ok("win", "list", "--limit", "1").out.splitlines()) == 1


@pytest.mark.parametrize("args, fragments", [
    (["mood", "delete", "zzzzzzzz", "--yes"], ["no mood entry has id 'zzzzzzzz'"]),
    (["mood", "delete", "ab", "--yes"], ["too short"]),
    (["mood", "delete", " ", "--yes"], ["give a mood entry id"]),
    (["mood", "delete", "MOOD"], ["asks first", "--yes"]),
    (["mood", "list", "--limit", "0"], ["--limit must be 1 or more"]),
    (["win", "delete", "zzzzzzzz", "--yes"], ["no win has id"]),
    (["win", "delete", "WIN"], ["asks first", "--yes"]),
    (["win", "list", "--limit", "-2"], ["--limit must be 1 or more"]),
])
def test_refusals_exit_1_with_one_line_and_change_nothing(rebound, ok, data_dir: Path, args,
                                                          fragments) -> None:
    ok("mood", "3")
    ok("win", "mine")
    ids = {"MOOD": ok("mood", "list", "--json").json()[0]["id"],
           "WIN": ok("win", "list", "--json").json()[0]["id"]}
    before = snapshot(data_dir)
    assert_refused(rebound(*[ids.get(a, a) for a in args]), *fragments)
    assert snapshot(data_dir) == before


def test_logging_still_takes_free_words(ok, tmp_path: Path) -> None:
    """`win TEXT` and `mood SCORE` are unchanged: only the exact words list/delete route."""
    ok("win", "listed my skills")
    other = ok("--data-dir", str(tmp_path / "other"), "win", "list")  # global option first
    assert "No wins yet" in other.out
    assert [r["title"] for r in ok("win", "list", "--json").json()] == ["listed my skills"]


def test_usage_errors(rebound) -> None:
    assert_usage_error(rebound("mood", "delete"))
    assert_usage_error(rebound("win", "delete"))
    assert_usage_error(rebound("mood", "list", "--limit", "many"))
    assert_usage_error(rebound("win", "list", "extra"))
