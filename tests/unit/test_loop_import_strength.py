"""Issue 23: a habit imported from Loop Habit Tracker shows the strength Loop showed (daily and
N a week), and a frequency Rebound cannot represent is mapped to the closest weekly goal, named in
the import's summary."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from loop_reference import WAKE_UP_EARLY, loop_scores
from tui.core.score import score_before
from tui.services import Rebound
from tui.services.history import histories
from tui.services.loop_import import import_loop

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "loop" / "Loop Habits CSV 2026-03-20"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=timezone.utc)
HEADER = ("Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,"
          "Unit,Target Type,Target Value,Archived?\n")


def loop_export(folder: Path) -> Path:
    """Loop's own csv_export test data (uhabits-core/assets/test/csv_export), dates moved to 2026."""
    folder.mkdir()
    (folder / "Habits.csv").write_text(
        HEADER + "001,Meditate,YES_NO,,,1,1,#FF8F00,,,,false\n"
        "002,Wake up early,YES_NO,,,2,3,#00897B,,,,false\n")
    (folder / "001 Meditate").mkdir()
    (folder / "001 Meditate" / "Checkmarks.csv").write_text("Date,Value,Notes\n")
    names = {"M": "YES_MANUAL", "A": "YES_AUTO", "N": "NO"}
    first = date(2026, 3, 1)
    rows = [f"{first + timedelta(days=i)},{names[v]},\n" for i, v in enumerate(WAKE_UP_EARLY)]
    (folder / "002 Wake up early").mkdir()
    (folder / "002 Wake up early" / "Checkmarks.csv").write_text("Date,Value,Notes\n" + "".join(rows[::-1]))
    return folder


def test_a_weekly_habit_imports_with_loops_strength_day_by_day(tmp_path: Path) -> None:
    """The fixture's "Gym", 3 times a week: every day's score is Loop's (f = 3/7, 14-day window)."""
    rb = Rebound.open(tmp_path / "data", lambda: NOW)
    import_loop(rb, FIXTURE)
    gym = next(h for h in histories(rb) if h.goal.name == "Gym")
    assert (gym.goal.period, gym.goal.target) == ("week", 3)
    days = [gym.goal.start + timedelta(days=i) for i in range((NOW.date() - gym.goal.start).days)]
    expected = loop_scores([(gym.counts.get(d, 0), False) for d in days], 3, 7)
    found = [score_before(gym, d + timedelta(days=1)) for d in days]
    assert found == pytest.approx(expected, abs=1e-3)
    assert found[-1] > 0.05  # not a trivial zero


def test_two_in_three_days_becomes_the_closest_weekly_goal_and_says_so(tmp_path: Path) -> None:
    source = loop_export(tmp_path / "export")
    rb = Rebound.open(tmp_path / "data", lambda: NOW)
    report = import_loop(rb, source)
    assert report.approximated == ("Wake up early: 2 in 3 days → 5 a week",)
    goals = {h.goal.name: h.goal for h in histories(rb)}
    assert (goals["Meditate"].period, goals["Meditate"].target) == ("day", 1)
    assert (goals["Wake up early"].period, goals["Wake up early"].target) == ("week", 5)


def test_the_import_summary_line_names_the_approximation(tmp_path: Path) -> None:
    source = loop_export(tmp_path / "export")
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(tmp_path / "data"), "import", "--from",
         "loop", str(source)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "closest weekly goal for Wake up early: 2 in 3 days → 5 a week" in done.stdout
