"""The work-search record from the CLI: `activities_this_week` in `status --json` and
`rebound export --format worklog` (product.md §4)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from cli_support import assert_refused, days_before

from tui.services import Rebound
from tui.store import repo


def test_status_json_counts_this_weeks_activities_against_the_target(ok, status, data_dir, today) -> None:
    assert status()["activities_this_week"] == {"done": 0, "target": 0}
    ok("app", "add", "Northwind", "Data analyst")
    ok("contact", "add", "Ada Byron")
    ok("contact", "log", "ada", "--kind", "call")
    ok("contact", "log", "ada", "--date", days_before(today, 7))  # last week
    rb = Rebound.open(data_dir)
    with rb.change("target"):
        repo.set_setting(rb.store, "activities_per_week", 3)
    assert status()["activities_this_week"] == {"done": 2, "target": 3}
