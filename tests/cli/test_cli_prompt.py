"""`rebound prompt`: one short line from the prompt state; never an error in a shell prompt."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from cli_support import ROOT, Result, assert_refused

from tui.services import Rebound, checkins, goals


def test_prompt_after_a_change(ok: Callable[..., Result]) -> None:
    assert ok("prompt").out == ""  # no data, no state: nothing
    ok("goal", "add", "Apply", "--target", "2")
    ok("goal", "add", "Walk")
    assert ok("prompt").out == "⚑2\n"
    ok("contact", "add", "Ada", "--every", "7")
    ok("contact", "log", "Ada", "--date", (date.today() - timedelta(days=8)).isoformat())
    ok("log", "Walk")
    assert ok("prompt").out == "⚑1 ↻1\n"
    ok("log", "Apply", "2")
    ok("contact", "log", "Ada")
    assert ok("prompt").out == ""  # all done: empty
    ok("mood", "4")
    assert ok("prompt", "--format", "{left}/{at_risk}/{due} mood {mood}").out == "0/0/0 mood 4\n"


def test_a_streak_at_risk_and_a_new_day_without_a_change(data_dir: Path, ok: Callable[..., Result],
                                                         status: Callable[..., dict[str, Any]]) -> None:
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    rb = Rebound.open(data_dir, now=lambda: yesterday)  # the last change was made yesterday
    goal = goals.add_goal(rb, "Apply")
    goals.add_goal(rb, "Walk")
    checkins.log(rb, goal.id, 1, day=yesterday.date() - timedelta(days=1))
    checkins.log(rb, goal.id, 1)
    # yesterday both goals were ticked or left; today, with no change since, both are left and
    # Apply's 2-day streak is at risk
    expected = status()
    assert [g["at_risk"] for g in expected["goals"]] == [True, False]
    assert ok("prompt").out == "⚑2 !1\n"
    assert ok("prompt", "--format", "{at_risk}").out == "1\n"


def test_broken_or_missing_state_prints_nothing(data_dir: Path, ok: Callable[..., Result]) -> None:
    ok("goal", "add", "Apply")
    (data_dir / ".prompt").write_text("{not json")
    (data_dir / "goals.json").write_text("broken too")
    assert ok("prompt").out == ""
    (data_dir / ".prompt").write_text("rebound-prompt 1\nday garbage\ndaily 1 x\n")
    assert ok("prompt").out == ""
    (data_dir / ".prompt").unlink()
    assert ok("prompt").out == ""


def test_a_broken_data_file_prints_nothing(data_dir: Path, ok: Callable[..., Result]) -> None:
    """The state is only believed for the data it was computed from: a data file broken (or
    edited, or copied in) since, without a Rebound change, silences the prompt."""
    ok("goal", "add", "Apply")
    assert ok("prompt").out == "⚑1\n"
    (data_dir / "rebound.json").write_text("{ broken")
    result = ok("prompt")
    assert (result.code, result.out) == (0, "")
    assert ok("prompt", "--format", "{left}").out == ""


def test_a_missing_data_folder_prints_nothing(rebound: Callable[..., Result], data_dir: Path) -> None:
    result = rebound("--data-dir", str(data_dir / "nowhere"), "prompt")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert not (data_dir / "nowhere").exists()


def test_a_bad_template_is_a_usage_error(rebound: Callable[..., Result]) -> None:
    assert_refused(rebound("prompt", "--format", "{streak}"), "unknown field {streak}", code=2)
    assert_refused(rebound("prompt", "--format", "{}"), "positional", code=2)
    assert_refused(rebound("prompt", "--format", "{left"), "--format", code=2)
    assert_refused(rebound("prompt", "--colour"), "--colour", code=2)


def test_prompt_imports_nothing_heavy(data_dir: Path, cli_env: dict[str, str]) -> None:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "tui", "--data-dir",
                           str(data_dir), "prompt"], env=cli_env, cwd=ROOT, capture_output=True,
                          text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines()[1:]}
    assert "tui" in imported
    for heavy in ("textual", "tinydb", "arrow", "orjson", "platformdirs", "filelock", "argparse"):
        assert heavy not in imported, heavy
    modules = {line.split("|")[-1].strip() for line in proc.stderr.splitlines()[1:]}
    assert {m for m in modules if m.startswith("tui")} <= {"tui", "tui.__main__", "tui.prompt"}
