"""Rest periods (product.md §3): a range of rest days, possibly ahead, as one undoable change;
any sequence of counts, periods, rest days and skips undone in reverse gives back the export."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.errors import InputError
from tui.services import Rebound
from tui.services import checkins
from tui.services import goals as goal_service
from tui.services.status import goal_summaries
from tui.services.transfer import export_data
from tui.services.undo import undo
from tui.store import repo

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 26)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.fixture
def rb(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path, now=lambda: NOW)


def test_a_break_is_one_change_that_one_undo_takes_back(rb: Rebound) -> None:
    goal = goal_service.add_goal(rb, "Gym", target=1, period="day")
    for n in (6, 5, 4):
        checkins.log(rb, goal.id, day=ago(n))
    start, changes = export_data(rb), len(rb.history)
    changed = checkins.set_rest_period(rb, ago(3), TODAY + timedelta(days=3), reason="flu")
    assert changed == [ago(3) + timedelta(days=i) for i in range(7)]  # today and 3 days ahead too
    assert len(rb.history) == changes + 1
    assert {r.day for r in repo.rest_days(rb.store)} == set(changed)
    summary = next(s for s in goal_summaries(rb) if s.goal.id == goal.id)
    assert summary.streak.current == 3 and not summary.streak.at_risk  # the break waits
    undo(rb)
    assert export_data(rb) == start


def test_clearing_a_break_touches_only_its_rest_days(rb: Rebound) -> None:
    checkins.set_rest(rb, ago(10), reason="interview")
    checkins.set_rest_period(rb, ago(3), ago(1))
    assert checkins.set_rest_period(rb, ago(4), ago(2), rest=False) == [ago(3), ago(2)]
    assert sorted(r.day for r in repo.rest_days(rb.store)) == [ago(10), ago(1)]
    assert checkins.set_rest_period(rb, ago(4), ago(2), rest=False) == []  # nothing left to clear


@pytest.mark.parametrize("start, end, words", [
    (ago(1), ago(2), "after it ends"),
    (ago(0), ago(-366), "at most 366 days"),
])
def test_bad_periods_are_refused_and_change_nothing(rb: Rebound, start, end, words) -> None:
    before = export_data(rb)
    with pytest.raises(InputError, match=words):
        checkins.set_rest_period(rb, start, end)
    assert export_data(rb) == before and rb.history == []


GOAL_STEPS = st.lists(
    st.tuples(st.sampled_from(["count", "rest period", "clear period", "rest", "skip"]),
              st.integers(0, 4), st.integers(-5, 12), st.integers(0, 6)),
    min_size=1, max_size=8,
)


@settings(max_examples=25, deadline=None)
@given(GOAL_STEPS)
def test_counts_and_rest_periods_undone_in_reverse_restore_the_export(steps) -> None:
    folder = Path(tempfile.mkdtemp(prefix="rebound-rest-"))
    try:
        rb = Rebound.open(folder, now=lambda: NOW)
        goal = goal_service.add_goal(rb, "Gym", target=2, period="day")
        checkins.log(rb, goal.id, 2, day=ago(8))
        rb.history.clear()
        start = export_data(rb)
        for action, n, back, length in steps:
            day = ago(max(back, 0))  # counts, single rest days and skips: never ahead
            first = ago(back)  # a period may start ahead
            if action == "count":
                checkins.set_count(rb, goal.id, day, n)
            elif action in ("rest period", "clear period"):
                checkins.set_rest_period(rb, first, first + timedelta(days=length),
                                         rest=action == "rest period", reason=f"r{n}")
            elif action == "rest":
                checkins.toggle_rest(rb, day)
            else:
                checkins.toggle_skip(rb, goal.id, day)
        while rb.history:
            undo(rb)
        assert export_data(rb) == start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
