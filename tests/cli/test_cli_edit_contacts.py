"""`rebound contact edit|delete|follow-up` (product.md §4, issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import assert_refused, assert_usage_error, days_before, snapshot


def contact(ok, name: str) -> dict:
    return next(c for c in ok("contact", "list", "--json").json() if c["name"] == name)


def test_edit_changes_only_what_is_given(ok) -> None:
    ok("contact", "add", "Ada Lovelace", "--company", "Initech", "--role", "Recruiter", "--every", "14")
    result = ok("contact", "edit", "ada", "--role", "CTO")
    assert result.out == "Edited Ada Lovelace (CTO, Initech), follow up every 14 days\n"
    ok("contact", "edit", "ada lovelace", "--name", "Ada King", "--company", "", "--every", "7")
    assert {k: v for k, v in contact(ok, "Ada King").items() if k in ("company", "role", "every")} == {
        "company": "", "role": "CTO", "every": 7}


def test_delete_with_yes_takes_the_interactions_and_their_wins(ok, status) -> None:
    ok("contact", "add", "Cy", "--every", "7")
    ok("contact", "log", "cy", "--date", "yesterday")
    ok("contact", "log", "cy")
    assert status()["wins_today"]
    assert ok("contact", "delete", "cy", "--yes").out == "Deleted Cy and their 2 interactions\n"
    assert ok("contact", "list", "--json").json() == []
    assert status()["wins_today"] == []


def test_follow_up_takes_what_the_app_form_takes(ok, today) -> None:
    ok("contact", "add", "Bo")
    out = ok("contact", "follow-up", "bo", "in 2 weeks").out
    assert out == f"Bo: follow up {days_before(today, -14)} (in 2 weeks)\n"
    assert contact(ok, "Bo")["next_follow_up"] == days_before(today, -14)
    ok("contact", "follow-up", "bo", days_before(today, -3))
    assert contact(ok, "Bo")["next_follow_up"] == days_before(today, -3)
    ok("contact", "follow-up", "bo", "none")
    assert "every 14 days" in ok("contact", "follow-up", "bo", "every 14 days").out
    assert contact(ok, "Bo")["every"] == 14
    assert ok("contact", "follow-up", "bo", "none").out == "Bo: no follow-up\n"
    assert (contact(ok, "Bo")["every"], contact(ok, "Bo")["next_follow_up"]) == (None, None)


@pytest.mark.parametrize("args, fragments", [
    (["contact", "edit", "ada"], ["several contacts"]),
    (["contact", "edit", "zed", "--role", "x"], ["no contact matches"]),
    (["contact", "edit", "ada l"], ["nothing to change"]),
    (["contact", "edit", "ada l", "--name", " "], ["cannot be empty"]),
    (["contact", "edit", "ada l", "--name", "adam smith"], ["already a contact"]),
    (["contact", "edit", "ada l", "--every", "0"], ["cadence"]),
    (["contact", "edit", "ada l", "--company", "bell\x07"], ["control characters"]),
    (["contact", "delete", "ada l"], ["deleting contact Ada Lovelace asks first", "--yes"]),
    (["contact", "delete", "ada", "--yes"], ["several contacts"]),
    (["contact", "follow-up", "ada l", "someday"], ["in 2 weeks"]),
    (["contact", "follow-up", "ada l", "2020-01-01"], ["has passed"]),
    (["contact", "follow-up", "ada l", "every 0 days"], ["cadence"]),
    (["contact", "follow-up", "zed", "none"], ["no contact matches"]),
])
def test_refusals_exit_1_with_one_line_and_change_nothing(rebound, ok, data_dir: Path, args,
                                                          fragments) -> None:
    ok("contact", "add", "Ada Lovelace")
    ok("contact", "add", "Adam Smith")
    before = snapshot(data_dir)
    assert_refused(rebound(*args), *fragments)
    assert snapshot(data_dir) == before


def test_usage_errors(rebound) -> None:
    assert_usage_error(rebound("contact", "edit"))
    assert_usage_error(rebound("contact", "edit", "ada", "--every", "often"))
    assert_usage_error(rebound("contact", "follow-up", "ada"))
    assert_usage_error(rebound("contact", "delete"))
