"""The work-search record from the CLI: `activities_this_week` in `status --json` and
`rebound export --format worklog` (product.md §4)."""

from __future__ import annotations

from datetime import timedelta

from cli_support import assert_refused, days_before

from tui.services import Rebound
from tui.store import repo


def test_status_json_counts_this_weeks_activities_against_the_target(ok, status, data_dir, today) -> None:
    assert status()["activities_this_week"] is None  # off by default
    ok("app", "add", "Northwind", "Data analyst")
    ok("contact", "add", "Ada Byron")
    ok("contact", "log", "ada", "--kind", "call")
    ok("contact", "log", "ada", "--date", days_before(today, 7))  # last week
    rb = Rebound.open(data_dir)
    with rb.change("target"):
        repo.set_setting(rb.store, "activities_per_week", 3)
    assert status()["activities_this_week"] == {"done": 2, "target": 3}


def test_export_worklog_writes_the_record_of_the_days_asked(ok, today, tmp_path) -> None:
    from tui.core.clock import week_start_of

    ok("contact", "add", "Ada Byron", "--company", "Northwind")
    ok("app", "add", "Northwind", "Data analyst", "--source", "referral", "--contact", "Ada Byron",
       "--date", days_before(today, 40))
    ok("contact", "log", "ada", "--kind", "email", "--date", days_before(today, 2))
    week = week_start_of(today - timedelta(days=2)).isoformat()
    header = "week,day,activity,employer,position,contact,method,result"
    email = f"{week},{days_before(today, 2)},email,Northwind,,Ada Byron,,"
    every = ok("export", "--format", "worklog").out.splitlines()  # the whole record by default
    assert every[0] == header and every[2] == email and len(every) == 3
    assert every[1].split(",")[1:] == [days_before(today, 40), "application", "Northwind", "Data analyst",
                                       "Ada Byron", "referral", "applied"]
    out = tmp_path / "worklog.csv"
    done = ok("export", "--format", "worklog", "--from", days_before(today, 7), "--to", "today",
              "--out", str(out))
    assert done.out == ""
    assert out.read_text().splitlines() == [header, email]


def test_export_worklog_refuses_bad_days_with_one_line(rebound, ok, today, tmp_path) -> None:
    ok("app", "add", "Northwind", "Data analyst")
    out = tmp_path / "worklog.csv"
    tomorrow = (today + timedelta(days=1)).isoformat()
    for args, words in [
        (["--from", days_before(today, 1), "--to", days_before(today, 3)], ["--from", "is after --to"]),
        (["--from", "last week"], ["--from", "not a day"]),
        (["--to", "2026-02-30"], ["--to", "not a real date"]),
        (["--to", tomorrow], ["--to", "in the future"]),
        (["--from", tomorrow], ["--from", "in the future"]),
    ]:
        assert_refused(rebound("export", "--format", "worklog", *args, "--out", str(out)), *words)
    assert_refused(rebound("export", "--format", "csv", "--from", "today", "--out", str(tmp_path / "d")),
                   "--format worklog")
    assert not out.exists() and not (tmp_path / "d").exists()
