"""Wins are awarded in the same change as the action that earns them, and taken back with it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.errors import InputError
from tui.core.victories import all_done_wins, goal_wins
from tui.services import Rebound
from tui.services import checkins, goals
from tui.services.status import status
from tui.services.undo import undo
from tui.services.history import histories
from tui.services.wins import add_win, all_wins, celebrate, every_day
from tui.store import files

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 26)


@pytest.fixture
def rb(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path, now=lambda: NOW)


def kinds(rb: Rebound) -> list[tuple[str, date]]:
    return sorted((w.kind, w.day) for w in all_wins(rb))


def test_third_tick_earns_a_milestone_and_undo_takes_it_back(rb: Rebound) -> None:
    goal = goals.add_goal(rb, "Apply")
    for back in (2, 1):
        checkins.log(rb, goal.id, 1, day=TODAY - timedelta(days=back))
    rb.take_earned()
    checkins.toggle_tick(rb, goal.id, TODAY)
    earned = rb.take_earned()
    assert {w.kind for w in earned} == {"milestone", "all_done"}
    assert "3-day streak: Apply" in celebrate(earned)
    assert {"kind": "milestone", "title": "3-day streak: Apply"} in status(rb)["wins_today"]

    assert undo(rb) == "tick Apply on 2026-11-26"
    assert ("milestone", TODAY) not in kinds(rb)
    assert status(rb)["wins_today"] == []


def test_taking_a_check_in_back_removes_its_win(rb: Rebound) -> None:
    goal = goals.add_goal(rb, "Apply")
    checkins.log(rb, goal.id, 1)
    assert ("first_checkin", TODAY) in kinds(rb)
    checkins.log(rb, goal.id, -1)
    assert ("first_checkin", TODAY) not in kinds(rb)
    assert [c.label for c in rb.history][1:] == ["Apply +1 on 2026-11-26", "Apply -1 on 2026-11-26"]


def test_backfill_awards_the_win_on_its_own_day(rb: Rebound) -> None:
    goal = goals.add_goal(rb, "Apply")
    for back in (5, 3, 4):  # the gap is filled last
        checkins.log(rb, goal.id, 1, day=TODAY - timedelta(days=back))
    milestones = [w for w in all_wins(rb) if w.kind == "milestone"]
    assert [(w.title, w.day) for w in milestones] == [("3-day streak: Apply", TODAY - timedelta(3))]


def test_rest_day_inside_a_streak_keeps_the_milestone(rb: Rebound) -> None:
    goal = goals.add_goal(rb, "Apply")
    checkins.log(rb, goal.id, 1, day=TODAY - timedelta(days=3))
    checkins.set_rest(rb, TODAY - timedelta(days=2), True, "hiking")
    checkins.log(rb, goal.id, 1, day=TODAY - timedelta(days=1))
    checkins.log(rb, goal.id, 1)
    assert ("milestone", TODAY) in kinds(rb)


def test_a_failed_write_awards_nothing(rb: Rebound, monkeypatch: pytest.MonkeyPatch) -> None:
    goal = goals.add_goal(rb, "Apply")
    rb.take_earned()

    def full(*args: object, **kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "write_temp", full)
    with pytest.raises(Exception):
        checkins.log(rb, goal.id, 1)
    monkeypatch.undo()
    assert rb.take_earned() == []
    assert all_wins(rb) == []


def test_manual_win_is_validated_and_undoable(rb: Rebound) -> None:
    for bad in ("", "   ", "x" * 201, "bell\x07"):
        with pytest.raises(InputError):
            add_win(rb, bad)
    win = add_win(rb, "  landed an interview 🎉 ")
    assert win.title == "landed an interview 🎉" and win.manual
    assert status(rb)["wins_today"] == [{"kind": "manual", "title": "landed an interview 🎉"}]
    undo(rb)
    assert all_wins(rb) == []


def test_deleting_a_goal_removes_its_wins(rb: Rebound) -> None:
    goal = goals.add_goal(rb, "Apply")
    checkins.log(rb, goal.id, 1)
    goals.delete_goal(rb, goal.id)
    assert [w for w in all_wins(rb) if w.goal_id == goal.id] == []
    undo(rb)
    assert ("first_checkin", TODAY) in kinds(rb)


def test_all_done_wins_follow_edits_and_archives_on_past_days(rb: Rebound) -> None:
    yesterday = TODAY - timedelta(days=1)
    a = goals.add_goal(rb, "A")
    b = goals.add_goal(rb, "B")
    checkins.log(rb, a.id, 1, day=yesterday)
    checkins.log(rb, b.id, 1, day=yesterday)
    assert ("all_done", yesterday) in kinds(rb)
    goals.edit_goal(rb, b.id, name="B", target=3, period="day")  # yesterday is no longer done
    assert ("all_done", yesterday) not in kinds(rb)
    goals.set_archived(rb, b.id, True)  # without B, yesterday is complete again
    assert ("all_done", yesterday) in kinds(rb)
    undo(rb)
    undo(rb)
    assert ("all_done", yesterday) in kinds(rb)


def test_a_failed_undo_keeps_the_change_undoable(rb: Rebound, monkeypatch: pytest.MonkeyPatch) -> None:
    goal = goals.add_goal(rb, "Apply")
    checkins.log(rb, goal.id, 1)

    def full(*args: object, **kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "write_temp", full)
    with pytest.raises(Exception):
        undo(rb)
    monkeypatch.undo()
    assert undo(rb) == "Apply +1 on 2026-11-26"


OPS = st.tuples(
    st.sampled_from(["log", "log", "unlog", "skip", "rest", "unrest"]),
    st.integers(0, 1),  # which goal
    st.integers(0, 80),  # days back: across month boundaries (checkpoints)
    st.integers(1, 8),  # on that many days in a row (runs earn milestones)
)


@given(st.lists(OPS, min_size=1, max_size=12))
@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_stored_wins_always_equal_a_full_derivation(tmp_path_factory, ops):
    """Each change re-derives only the wins from the month of its day on; after any sequence of
    changes (backfills included) the stored wins are exactly what the whole history earns."""
    rb = Rebound.open(tmp_path_factory.mktemp("wins"), now=lambda: NOW)
    ids = [goals.add_goal(rb, "Apply").id, goals.add_goal(rb, "Coffee", target=2, period="week").id]
    for op, which, back, days in ops:
        for day in (TODAY - timedelta(days=max(0, back - i)) for i in range(days)):
            try:
                if op in ("log", "unlog"):
                    checkins.log(rb, ids[which], 1 if op == "log" else -1, day=day)
                elif op == "skip":
                    checkins.set_skip(rb, ids[which], day, True)
                else:
                    checkins.set_rest(rb, day, op == "rest")
            except InputError:
                pass  # below zero: refused, nothing changed
    clock = rb.clock
    every = histories(rb, include_archived=True)
    expected = {w.key for h in every for w in goal_wins(h, TODAY, clock.week_start)}
    expected |= {w.key for w in all_done_wins(every, every_day(rb), TODAY)}
    assert {w.key for w in all_wins(rb) if w.kind != "manual"} == expected


def test_wins_go_to_their_years_file_and_an_old_wins_json_is_still_read(rb: Rebound) -> None:
    """Wins were one file before they were split by year: that file is read, and a win in it
    that is no longer earned is taken back from it."""
    from tui.core.wins import Win
    from tui.store import wins as wins_repo

    goal = goals.add_goal(rb, "Apply")
    checkins.log(rb, goal.id, 1)
    folder = rb.store.folder
    assert sorted(p.name for p in folder.glob("wins*.json")) == ["wins-2026.json"]
    # A data folder from before the split: its wins in wins.json.
    (folder / "wins-2026.json").rename(folder / "wins.json")
    old = Rebound.open(folder, now=lambda: NOW)
    assert kinds(old) == [("all_done", TODAY), ("first_checkin", TODAY)]
    checkins.log(old, goal.id, -1)  # takes both back, from wins.json
    assert kinds(old) == []
    add_win(old, "Landed an interview", TODAY - timedelta(days=400))
    assert [w.title for w in wins_repo.wins(Rebound.open(folder).store)] == ["Landed an interview"]
    assert (folder / "wins-2025.json").exists()
    assert orjson.loads((folder / "wins.json").read_bytes())["wins"] == {}
