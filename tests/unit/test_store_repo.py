"""Store repository: stable uuid ids, check-ins split by year, skips, rest days, settings."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import orjson
import pytest

from tui.core.goals import CheckIn, Goal, RestDay, Skip
from tui.store import Store, repo

TODAY = date(2024, 5, 10)


def open_store(folder: Path) -> Store:
    return Store.open(folder, today=lambda: TODAY)


def make_goal(name: str) -> Goal:
    return Goal(
        id=repo.new_id(), name=name, start=date(2024, 1, 1), target=2, period="week",
        weekdays=frozenset({0, 2, 4}), created_at="2024-01-01T09:00:00",
    )


def test_new_ids_are_distinct_uuid4_hex() -> None:
    ids = [repo.new_id() for _ in range(1000)]
    assert len(set(ids)) == 1000
    for value in ids[:20]:
        assert uuid.UUID(hex=value).version == 4
        assert value == uuid.UUID(hex=value).hex


def test_goals_round_trip_and_keep_their_ids(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    goals = [make_goal(f"goal {i}") for i in range(5)]
    for goal in goals:
        repo.insert_goal(store, goal)
    assert sorted(repo.goals(open_store(tmp_path)), key=lambda g: g.name) == goals

    renamed = replace(goals[2], name="renamed 🎯 مرحبا", archived=True)
    repo.update_goal(store, renamed)
    fresh = open_store(tmp_path)
    assert {g.id for g in repo.goals(fresh)} == {g.id for g in goals} - {goals[2].id}
    assert [g for g in repo.goals(fresh, include_archived=True) if g.id == goals[2].id] == [renamed]


def test_ids_survive_deletes_and_restarts(tmp_path: Path) -> None:
    """TinyDB reuses document ids after deletes; our ids must never change."""
    store = open_store(tmp_path)
    goal = make_goal("Apply")
    repo.insert_goal(store, goal)
    days = [date(2024, 5, d) for d in range(1, 6)]
    for day in days:
        repo.set_rest_day(store, RestDay(day, f"rest {day.day}"), day)
        repo.set_skip(store, goal.id, day, True)
    repo.set_rest_day(store, None, days[-1])  # delete the newest records ...
    repo.set_skip(store, goal.id, days[-1], False)
    other = make_goal("Network")
    repo.insert_goal(open_store(tmp_path), other)  # ... and insert after a restart
    fresh = open_store(tmp_path)
    assert {g.id: g for g in repo.goals(fresh)} == {goal.id: goal, other.id: other}
    assert sorted(r.day for r in repo.rest_days(fresh)) == days[:-1]
    assert sorted(s.day for s in repo.skips(fresh)) == days[:-1]
    raw = orjson.loads((tmp_path / "rebound.json").read_bytes())
    assert sorted(d["id"] for d in raw["goals"].values()) == sorted([goal.id, other.id])


def test_update_of_unknown_goal_raises_and_changes_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    repo.insert_goal(store, make_goal("Apply"))
    before = (tmp_path / "rebound.json").read_bytes()
    with pytest.raises(KeyError):
        repo.update_goal(store, make_goal("missing"))
    assert (tmp_path / "rebound.json").read_bytes() == before


def test_checkins_are_split_by_year_and_keep_their_ids(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    goal = make_goal("Apply")
    repo.insert_goal(store, goal)
    made = [
        CheckIn(repo.new_id(), goal.id, date(2022, 12, 31), 1, "old", "2022-12-31T20:00:00"),
        CheckIn(repo.new_id(), goal.id, date(2023, 6, 1), 2),
        CheckIn(repo.new_id(), goal.id, date(2024, 5, 10), 1, "note ✓"),
        CheckIn(repo.new_id(), goal.id, date(2024, 5, 10), -1, "undo"),
        CheckIn(repo.new_id(), goal.id, date(2024, 5, 11), 3),
    ]
    for checkin in made:
        repo.insert_checkin(store, checkin)
    assert sorted(p.name for p in tmp_path.glob("checkins-*.json")) == [
        "checkins-2022.json", "checkins-2023.json", "checkins-2024.json"
    ]
    fresh = open_store(tmp_path)
    assert sorted(repo.checkins(fresh), key=lambda c: c.day) == sorted(made, key=lambda c: c.day)
    assert {c.id for c in repo.checkins(fresh, since=date(2024, 1, 1))} == {
        c.id for c in made[2:]
    }
    assert repo.daily_counts(fresh)[goal.id] == {
        date(2022, 12, 31): 1, date(2023, 6, 1): 2, date(2024, 5, 10): 0, date(2024, 5, 11): 3,
    }
    assert repo.day_count(fresh, goal.id, date(2024, 5, 11)) == 3
    assert repo.day_count(fresh, goal.id, date(2021, 1, 1)) == 0  # no file for that year
    assert not (tmp_path / "checkins-2021.json").exists()  # reading creates nothing


def test_skips_rest_days_and_settings(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    goal = make_goal("Apply")
    repo.set_skip(store, goal.id, TODAY, True)
    repo.set_skip(store, goal.id, TODAY, True)  # idempotent
    repo.set_skip(store, "other", TODAY, True)
    assert sorted(repo.skips(store), key=lambda s: s.goal_id) == [
        Skip(goal.id, TODAY), Skip("other", TODAY)
    ]
    repo.set_skip(store, goal.id, TODAY, False)
    assert repo.skips(open_store(tmp_path)) == [Skip("other", TODAY)]

    repo.set_rest_day(store, RestDay(TODAY, "sick"), TODAY)
    repo.set_rest_day(store, RestDay(TODAY, "holiday"), TODAY)  # replaces
    assert repo.rest_days(open_store(tmp_path)) == [RestDay(TODAY, "holiday")]

    assert repo.get_settings(store) == {}
    repo.set_setting(store, "theme", "dark")
    repo.set_setting(store, "day_start_hour", 4)
    repo.set_setting(store, "theme", "light")
    assert repo.get_settings(open_store(tmp_path)) == {"theme": "light", "day_start_hour": 4}
