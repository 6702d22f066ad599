"""`rebound contact add|log|list` and `followups_due` in `status --json` (product.md §4)."""

from __future__ import annotations

from pathlib import Path

from cli_support import assert_refused, assert_usage_error, days_before, snapshot


def test_add_log_and_list(ok, today) -> None:
    result = ok("contact", "add", "Ada Lovelace", "--company", "Initech", "--role", "Recruiter",
                "--every", "14")
    assert "Added Ada Lovelace (Recruiter, Initech), follow up every 14 days" in result.out
    result = ok("contact", "log", "ada", "--kind", "coffee", "--note", "talked roles")
    assert "Logged a coffee with Ada Lovelace today" in result.out
    rows = ok("contact", "list", "--json").json()
    assert rows == [{
        "name": "Ada Lovelace", "company": "Initech", "role": "Recruiter", "tags": [], "every": 14,
        "last_contacted": today.isoformat(), "next_follow_up": days_before(today, -14),
        "due": False, "overdue": False,
    }]
    plain = ok("contact", "list").out
    assert "Ada Lovelace" in plain and "last: today" in plain


def test_backdated_call_goes_overdue_and_a_log_clears_it(ok, status, today) -> None:
    ok("contact", "add", "Bob Builder", "--every", "7")
    ok("contact", "log", "BOB BUILDER", "--kind", "call", "--date", days_before(today, 10))
    assert status()["followups_due"] == [
        {"name": "Bob Builder", "due": days_before(today, 3), "overdue": True}
    ]
    assert status(as_of=days_before(today, 3))["followups_due"] == [
        {"name": "Bob Builder", "due": days_before(today, 3), "overdue": False}
    ]
    result = ok("contact", "log", "bob", "--date", "today")
    assert "follow up" in result.out
    assert status()["followups_due"] == []
    assert {"kind": "followed_up", "title": "Followed up on time: Bob Builder"} not in (
        status()["wins_today"])  # it was late: no "on time" win
    assert ok("contact", "list", "--json").json()[0]["next_follow_up"] == days_before(today, -7)


def test_followed_up_on_time_is_a_win(ok, status, today) -> None:
    ok("contact", "add", "Cy", "--every", "7")
    ok("contact", "log", "cy", "--date", days_before(today, 3))
    result = ok("contact", "log", "cy", "--kind", "email")
    assert "Logged an email with Cy today" in result.out  # not "a email"
    assert "Small victory: Followed up on time: Cy" in result.out
    assert {"kind": "followed_up", "title": "Followed up on time: Cy"} in status()["wins_today"]


def test_refusals_exit_1_and_write_nothing(rebound, ok, data_dir: Path) -> None:
    ok("contact", "add", "Ada Lovelace")
    ok("contact", "add", "Adam Smith")
    before = snapshot(data_dir)
    cases = [
        (["contact", "log", "ada"], "several contacts"),
        (["contact", "log", "zed"], "no contact matches"),
        (["contact", "log", "ada l", "--kind", "dance"], "kind must be one of"),
        (["contact", "log", "ada l", "--date", "2999-01-01"], "future"),
        (["contact", "log", "ada l", "--date", "someday"], "not a day"),
        (["contact", "log", "ada l", "--note", "bell\x07"], "control characters"),
        (["contact", "add", "ada lovelace"], "already a contact"),
        (["contact", "add", "  "], "cannot be empty"),
        (["contact", "add", "x" * 81], "limit is 80"),
        (["contact", "add", "Eve", "--every", "0"], "cadence"),
    ]
    for args, fragment in cases:
        assert_refused(rebound(*args), fragment)
        assert snapshot(data_dir) == before


def test_usage_errors(rebound) -> None:
    assert_usage_error(rebound("contact"))
    assert_usage_error(rebound("contact", "add"))
    assert_usage_error(rebound("contact", "add", "Eve", "--every", "often"))


def test_empty_list(ok) -> None:
    assert ok("contact", "list", "--json").json() == []
    assert "No contacts yet" in ok("contact", "list").out
