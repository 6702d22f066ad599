"""`rebound remind`: a notification (or a printed line) when a streak is at risk or nothing was
logged today; silent otherwise; exit 0; never a write."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from cli_support import Result, assert_refused, run_cli, snapshot

from tui.services import Rebound, checkins, goals


def fake_notify_send(tmp_path: Path, env: dict[str, str]) -> tuple[dict[str, str], Path]:
    """A `notify-send` on PATH that records its arguments, one per line."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    record = tmp_path / "notified.txt"
    script = bin_dir / "notify-send"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{record}"\n')
    script.chmod(0o755)
    return dict(env, PATH=f"{bin_dir}{os.pathsep}{env['PATH']}"), record


def streak_at_risk(data_dir: Path) -> None:
    """Apply done yesterday and the day before, not yet today: a 2-day streak at risk."""
    rb = Rebound.open(data_dir)
    goal = goals.add_goal(rb, "Apply")
    today = rb.today()
    for back in (2, 1):
        checkins.log(rb, goal.id, 1, day=today - timedelta(days=back))


def test_a_streak_at_risk_is_notified_through_notify_send(tmp_path: Path, data_dir: Path,
                                                          cli_env: dict[str, str]) -> None:
    streak_at_risk(data_dir)
    env, record = fake_notify_send(tmp_path, dict(cli_env, REBOUND_DATA_DIR=str(data_dir)))
    before = snapshot(data_dir)
    result = run_cli("remind", env=env, cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "", ""), result.describe()
    assert record.read_text().splitlines() == [
        "--app-name=Rebound", "Rebound", "Rebound: 1 streak at risk today: Apply (2 days)"]
    assert snapshot(data_dir) == before  # never writes


def test_without_notify_send_the_line_is_printed(data_dir: Path, rebound: Callable[..., Result],
                                                 cli_env: dict[str, str], tmp_path: Path) -> None:
    streak_at_risk(data_dir)
    env = dict(cli_env, REBOUND_DATA_DIR=str(data_dir), PATH=os.path.dirname(sys.executable))
    result = run_cli("remind", env=env, cwd=tmp_path)
    assert result.code == 0 and result.err == "", result.describe()
    assert result.out == "Rebound: 1 streak at risk today: Apply (2 days)\n"


def test_silent_when_nothing_is_at_risk(tmp_path: Path, ok: Callable[..., Result], data_dir: Path,
                                        cli_env: dict[str, str]) -> None:
    env, record = fake_notify_send(tmp_path, dict(cli_env, REBOUND_DATA_DIR=str(data_dir)))
    assert run_cli("remind", env=env, cwd=tmp_path).out == ""  # no data folder at all
    assert not data_dir.exists()  # and none was made
    ok("goal", "add", "Apply")
    ok("goal", "add", "Walk")
    result = run_cli("remind", env=env, cwd=tmp_path)  # nothing logged yet today
    assert result.code == 0
    assert record.read_text().splitlines()[-1] == "Rebound: nothing logged today yet; 2 goals to go"
    record.unlink()
    ok("log", "Walk")  # something logged, no streak yet: nothing to say
    result = run_cli("remind", env=env, cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "", "")
    assert not record.exists()


def test_after_a_time_of_day(data_dir: Path, rebound: Callable[..., Result]) -> None:
    """The clock-dependent rule itself is tested with a fixed clock in tests/unit/test_nudge.py."""
    streak_at_risk(data_dir)
    now = datetime.now()
    if now.hour < 23:  # "after" a minute from now: too early, silent
        later = (now + timedelta(minutes=2)).strftime("%H:%M")
        if later > now.strftime("%H:%M"):
            assert rebound("remind", "--after", later).out == ""
    assert_refused(rebound("remind", "--after", "7pm"), "--after", "HH:MM")
    assert_refused(rebound("remind", "--after", "25:00"), "HH:MM")
