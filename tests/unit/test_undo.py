"""Undo restores the exact stored data, whatever sequence of changes came before."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.errors import InputError
from tui.services import Rebound
from tui.services import checkins, goals
from tui.services.undo import undo

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 26)


def stored(folder: Path) -> dict[str, object]:
    """Every record of every data file, with its TinyDB doc id. A file left with no records
    (a year file whose only check-in was undone) holds the same data as no file at all."""
    result = {}
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith("."):
            continue
        tables = orjson.loads(path.read_bytes())
        records = {name: rows for name, rows in tables.items() if name != "_meta" and rows}
        if records:
            result[path.name] = records
    return result


def fresh(folder: Path) -> Rebound:
    rb = Rebound.open(folder, now=lambda: NOW)
    goals.add_goal(rb, "Apply", target=2)
    goals.add_goal(rb, "Coffee", target=3, period="week")
    rb.history.clear()
    return rb


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["tick", "plus", "minus", "skip", "rest", "edit", "archive", "delete", "add"]),
        st.integers(0, 1),  # which goal
        st.integers(0, 400),  # how many days back (backfills into an earlier year too)
    ),
    min_size=1,
    max_size=12,
)


def apply(rb: Rebound, action: str, which: int, back: int) -> None:
    found = goals.repo.goals(rb.store, include_archived=True)
    if not found:
        return
    goal = found[which % len(found)]
    day = TODAY - timedelta(days=back)
    if action == "tick":
        checkins.toggle_tick(rb, goal.id, day)
    elif action == "plus":
        checkins.log(rb, goal.id, 1, day=day)
    elif action == "minus":
        checkins.log(rb, goal.id, -1, day=day)
    elif action == "skip":
        checkins.set_skip(rb, goal.id, day, not checkins.is_skipped(rb, goal.id, day))
    elif action == "rest":
        checkins.set_rest(rb, day, checkins.rest_day(rb, day) is None, "hiking")
    elif action == "edit":
        goals.edit_goal(rb, goal.id, name=goal.name + "!", target=goal.target + 1, period=goal.period)
    elif action == "archive":
        goals.set_archived(rb, goal.id, not goal.archived)
    elif action == "delete":
        goals.delete_goal(rb, goal.id)
    elif action == "add":
        goals.add_goal(rb, f"New {back}")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_any_changes_then_as_many_undos_restore_the_exact_data(actions) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        rb = fresh(folder)
        snapshots = [stored(folder)]
        for action in actions:
            recorded = len(rb.history)
            try:
                apply(rb, action[0], action[1], action[2])
            except InputError:
                assert len(rb.history) == recorded  # refused: nothing recorded
                assert stored(folder) == snapshots[-1]  # and nothing written
                continue
            if len(rb.history) > recorded:
                snapshots.append(stored(folder))
            else:
                assert stored(folder) == snapshots[-1]  # no goal left to act on
        assert len(rb.history) == len(snapshots) - 1
        while len(snapshots) > 1:
            snapshots.pop()
            assert undo(rb) is not None
            assert stored(folder) == snapshots[-1]
        assert undo(rb) is None
    finally:
        shutil.rmtree(folder)


def test_undo_names_the_change_and_a_refusal_records_nothing(tmp_path: Path) -> None:
    rb = fresh(tmp_path)
    goal = goals.find_goal(rb, "apply")
    with pytest.raises(InputError):
        checkins.log(rb, goal.id, -1)
    assert rb.history == []
    checkins.toggle_tick(rb, goal.id, TODAY)
    assert undo(rb) == "tick Apply on 2026-11-26"


def test_undo_refuses_to_overwrite_a_change_made_elsewhere(tmp_path: Path) -> None:
    rb = fresh(tmp_path)
    goal = goals.find_goal(rb, "apply")
    goals.edit_goal(rb, goal.id, name="Apply more", target=2, period="day")
    other = Rebound.open(tmp_path, now=lambda: NOW)  # a second window
    goals.edit_goal(other, goal.id, name="Apply daily", target=3, period="day")
    before = stored(tmp_path)
    with pytest.raises(InputError, match="changed elsewhere"):
        undo(rb)
    assert stored(tmp_path) == before
