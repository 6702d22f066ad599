"""The prompt state (``.prompt.json``) always equals a recomputation from the data, after any
change, undo or import, and carries today's figures to later days without a change."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui import prompt
from tui.core.errors import InputError
from tui.services import Rebound, checkins, goals
from tui.services import contacts as contact_service
from tui.services import mood as mood_service
from tui.services.contacts import ContactFields, followups_due
from tui.services.prompt_state import prompt_facts
from tui.services.status import goal_summaries
from tui.services.transfer import export_bytes, import_records, read_export
from tui.services.undo import undo

START = datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)  # a Monday


def from_scratch(folder: Path, day: date) -> dict[str, object]:
    """The prompt's figures on ``day`` by the domain rules, read by a fresh process."""
    rb = Rebound.open(folder, now=lambda: datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc))
    summaries = goal_summaries(rb, day)
    mood = mood_service.day_mood(rb, day)
    return {
        "left": sum(not s.streak.complete and s.streak.target > 0 for s in summaries),
        "at_risk": sum(s.streak.at_risk for s in summaries),
        "due": len(followups_due(rb, day)),
        "mood": f"{round(mood[0], 1):g}" if mood else "",
    }


def state(folder: Path) -> dict:
    found = prompt.read_state(str(folder))
    assert found is not None
    return found


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at


def apply(rb: Rebound, clock: Clock, op: tuple) -> None:
    kind, a, b = op
    today = rb.today()
    names = [g.name for g in goals_of(rb)]
    try:
        if kind == "goal":
            goals.add_goal(rb, f"G{a}", target=1 + b % 3, period="week" if b % 2 else "day",
                           weekdays=None if b % 2 or a % 2 else "mon,wed,fri")
        elif kind == "log" and names:
            goal = goals.find_goal(rb, names[a % len(names)])
            checkins.log(rb, goal.id, 1 + b % 2, day=today - timedelta(days=b % 4))
        elif kind == "skip" and names:
            checkins.set_skip(rb, goals.find_goal(rb, names[a % len(names)]).id, today - timedelta(days=b % 3))
        elif kind == "rest":
            checkins.set_rest(rb, today - timedelta(days=a % 3), b % 2 == 0)
        elif kind == "mood":
            mood_service.log_mood(rb, 1 + a % 5)
        elif kind == "contact":
            contact = contact_service.add_contact(rb, ContactFields(f"C{a}", cadence=1 + b % 5))
            contact_service.log_interaction(rb, contact.id, day=today - timedelta(days=b % 6))
        elif kind == "follow-up":
            views = contact_service.contact_views(rb, today)
            if views:
                contact_service.set_follow_up(rb, views[a % len(views)].contact.id, f"in {b % 4} days")
        elif kind == "archive" and names:
            goals.set_archived(rb, goals.find_goal(rb, names[a % len(names)]).id, True)
        elif kind == "import":
            import_records(rb, read_export(exported()), merge=True)
        elif kind == "undo":
            undo(rb)
        elif kind == "day":
            clock.at += timedelta(days=1 + a % 3)
    except InputError:
        pass  # a refused change writes nothing


_EXPORT: list[Path] = []


def exported() -> Path:
    """A small export made once: a goal done the day before START, a contact due on START."""
    if not _EXPORT:
        folder = Path(tempfile.mkdtemp())
        source = Rebound.open(folder / "data", now=lambda: START)
        goal = goals.add_goal(source, "Imported")
        checkins.log(source, goal.id, 1, day=START.date() - timedelta(days=1))
        contact = contact_service.add_contact(source, ContactFields("Zoe", cadence=2))
        contact_service.log_interaction(source, contact.id, day=START.date() - timedelta(days=2))
        (folder / "export.json").write_bytes(export_bytes(source))
        _EXPORT.append(folder / "export.json")
    return _EXPORT[0]


def goals_of(rb: Rebound) -> list:
    return [s.goal for s in goal_summaries(rb)]


OPS = st.tuples(
    st.sampled_from(["goal", "goal", "log", "log", "log", "skip", "rest", "mood", "contact",
                     "follow-up", "archive", "import", "undo", "undo", "day"]),
    st.integers(0, 9),
    st.integers(0, 9),
)


@settings(max_examples=25)
@given(st.lists(OPS, min_size=1, max_size=14), st.integers(1, 16))
def test_state_equals_recomputation_after_changes_undos_and_new_days(ops: list[tuple], later: int) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        clock = Clock()
        rb = Rebound.open(folder, now=clock)
        goals.add_goal(rb, "Apply", target=2)
        for op in ops:
            apply(rb, clock, op)
            if op[0] == "day":
                continue  # a new day without a change: checked below
            today = rb.today()
            # the file equals what a fresh process computes from the data on the file's day
            # (today's, unless the day moved on with no change since) ...
            written = date.fromisoformat(state(folder)["day"])
            fresh = Rebound.open(folder, now=lambda: datetime.combine(written, START.timetz()))
            assert state(folder) == prompt_facts(fresh)
            # ... and the prompt shows what the domain rules say
            assert prompt.figures(state(folder), today) == from_scratch(folder, today)
        written = date.fromisoformat(state(folder)["day"])
        for k in (1, later):  # days later, no change in between
            day = written + timedelta(days=k)
            assert prompt.figures(state(folder), day) == from_scratch(folder, day), (k, day)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_import_writes_the_state(tmp_path: Path) -> None:
    source = Rebound.open(tmp_path / "a", now=lambda: START)
    goal = goals.add_goal(source, "Apply")
    goals.add_goal(source, "Network", period="week", target=3)
    checkins.log(source, goal.id, 1, day=START.date() - timedelta(days=1))
    (tmp_path / "export.json").write_bytes(export_bytes(source))
    target = Rebound.open(tmp_path / "b", now=lambda: START)
    import_records(target, read_export(tmp_path / "export.json"))
    assert state(tmp_path / "b") == prompt_facts(Rebound.open(tmp_path / "b", now=lambda: START))
    assert prompt.figures(state(tmp_path / "b"), START.date()) == {
        "left": 2, "at_risk": 1, "due": 0, "mood": ""}


def test_a_failed_write_removes_the_state_rather_than_leave_it_stale(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    rb = Rebound.open(tmp_path, now=lambda: START)
    goal = goals.add_goal(rb, "Apply")
    assert (tmp_path / prompt.STATE).exists()

    def broken(rb: Rebound) -> dict:
        raise OSError("disk full")

    monkeypatch.setattr("tui.services.prompt_state.prompt_facts", broken)
    checkins.log(rb, goal.id)  # the change itself still succeeds
    assert not (tmp_path / prompt.STATE).exists()
    assert prompt.line(str(tmp_path)) == ""


@pytest.mark.parametrize("later", [1, 2, 3, 5, 7, 8, 13, 14, 15, 22])
def test_a_streak_carried_over_days_and_weeks_without_a_change(tmp_path: Path, later: int) -> None:
    """Weekly goals complete two weeks running, a daily goal on mon/wed/fri, the weekly one
    complete this week too: days and weeks later the prompt still agrees with the rules."""
    clock = Clock()
    rb = Rebound.open(tmp_path, now=clock)
    weekly = goals.add_goal(rb, "Network", period="week", target=2)
    daily = goals.add_goal(rb, "Apply", weekdays="mon,wed,fri")
    for back in range(14, -1, -1):
        day = clock.at.date() - timedelta(days=back)
        if day.weekday() in (0, 2, 4):
            checkins.log(rb, daily.id, 1, day=day)
        if day.weekday() in (1, 3):
            checkins.log(rb, weekly.id, 1, day=day)
    checkins.log(rb, weekly.id, 2)
    written = date.fromisoformat(state(tmp_path)["day"])
    day = written + timedelta(days=later)
    assert prompt.figures(state(tmp_path), day) == from_scratch(tmp_path, day)


def test_follow_ups_follow_another_process_between_ticks(tmp_path: Path) -> None:
    """A tick reuses the last state's follow-ups only while the contact files are unchanged:
    a contact added by another process in between shows on the next tick's state."""
    one = Rebound.open(tmp_path, now=lambda: START)
    goal = goals.add_goal(one, "Apply")
    checkins.log(one, goal.id)
    other = Rebound.open(tmp_path, now=lambda: START)
    ada = contact_service.add_contact(other, ContactFields("Ada", cadence=3))
    contact_service.log_interaction(other, ada.id, day=START.date() - timedelta(days=3))
    checkins.log(one, goal.id)
    assert state(tmp_path)["followups"] == [START.date().isoformat()]
    assert prompt.figures(state(tmp_path), START.date()) == from_scratch(tmp_path, START.date())
