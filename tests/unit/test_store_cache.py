"""Store: reads come from memory; a file is re-read only when another writer changed it."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tui.core.goals import CheckIn, Goal
from tui.store import Store, files, repo
from tui.store.storage import FileStorage

TODAY = date(2024, 5, 10)


def open_store(folder: Path) -> Store:
    return Store.open(folder, today=lambda: TODAY)


def make_goal(name: str) -> Goal:
    return Goal(id=repo.new_id(), name=name, start=date(2024, 1, 1))


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts how often each file's bytes are parsed (that is, read from disk)."""
    counts: Counter[str] = Counter()
    original = FileStorage._parse

    def spy(self: FileStorage, raw: bytes, **how: bool):  # type: ignore[no-untyped-def]
        counts[self.path.name] += 1
        return original(self, raw, **how)

    monkeypatch.setattr(FileStorage, "_parse", spy)
    return counts


def test_unchanged_file_is_parsed_once(tmp_path: Path, parses: Counter[str]) -> None:
    writer = open_store(tmp_path)
    goal = make_goal("Apply")
    repo.insert_goal(writer, goal)
    repo.insert_checkin(writer, CheckIn(repo.new_id(), goal.id, TODAY, 1))
    parses.clear()

    reader = open_store(tmp_path)
    for _ in range(5):
        assert [g.name for g in repo.goals(reader)] == ["Apply"]
        assert repo.skips(reader) == []
        assert repo.daily_counts(reader)[goal.id][TODAY] == 1
    with reader.transaction():  # a transaction checks the files but does not re-read them
        assert len(repo.goals(reader)) == 1
    assert parses == Counter({"rebound.json": 1, "checkins-2024.json": 1})


def test_own_commit_does_not_cause_a_re_read(tmp_path: Path, parses: Counter[str]) -> None:
    repo.insert_goal(open_store(tmp_path), make_goal("existing"))
    store = open_store(tmp_path)
    assert len(repo.goals(store)) == 1
    assert parses["rebound.json"] == 1
    for i in range(5):
        repo.insert_goal(store, make_goal(f"goal {i}"))
        assert len(repo.goals(store)) == i + 2
    assert parses["rebound.json"] == 1  # its own writes updated the cache and its stamp
    assert len(repo.goals(open_store(tmp_path))) == 6


def test_change_by_another_store_is_re_read(tmp_path: Path, parses: Counter[str]) -> None:
    first = open_store(tmp_path)
    second = open_store(tmp_path)
    repo.insert_goal(first, make_goal("one"))
    assert [g.name for g in repo.goals(second)] == ["one"]
    assert parses["rebound.json"] == 1
    signature = second.signature()

    repo.insert_goal(first, make_goal("two"))
    assert second.signature() != signature  # what the app polls to notice other processes
    assert sorted(g.name for g in repo.goals(second)) == ["one", "two"]
    assert parses["rebound.json"] == 2
    assert sorted(g.name for g in repo.goals(second)) == ["one", "two"]
    assert parses["rebound.json"] == 2  # and then cached again

    # A file that another store creates later is found too.
    goal = repo.goals(first)[0]
    repo.insert_checkin(first, CheckIn(repo.new_id(), goal.id, date(2025, 1, 2), 3))
    assert repo.daily_counts(second)[goal.id] == {date(2025, 1, 2): 3}


def test_stale_caches_lose_no_update(tmp_path: Path) -> None:
    """Two stores with stale caches writing in turn: every change is kept (no lost update)."""
    first = open_store(tmp_path)
    second = open_store(tmp_path)
    goal = make_goal("Apply")
    repo.insert_goal(first, goal)
    assert len(repo.goals(second)) == 1  # both caches are now warm
    for i in range(10):
        for who, store in (("first", first), ("second", second)):
            repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, TODAY, 1, f"{who} {i}"))
            repo.set_setting(store, who, i)
    for store in (first, second, open_store(tmp_path)):
        found = repo.checkins(store)
        assert len(found) == 20
        assert len({c.id for c in found}) == 20
        assert repo.get_settings(store) == {"first": 9, "second": 9}
        assert repo.day_count(store, goal.id, TODAY) == 20


def test_a_write_that_stat_cannot_see_is_still_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inode numbers get reused and mtimes can be coarse: the revision token catches what a
    stat would miss, both under the lock and when the app polls."""
    first = open_store(tmp_path)
    second = open_store(tmp_path)
    goal = make_goal("Apply")
    repo.insert_goal(first, goal)
    assert len(repo.goals(second)) == 1
    stale_stamp = second.file("rebound.json").stamp
    repo.set_setting(first, "theme", "nord")

    # Pretend the stat cannot tell: every stat returns what the second store cached.
    monkeypatch.setattr(files, "stamp", lambda path: stale_stamp)
    second.signature()  # the app's poll: drops the outdated cache
    assert repo.get_settings(second) == {"theme": "nord"}

    third = open_store(tmp_path)
    assert repo.get_settings(third) == {"theme": "nord"}
    repo.set_setting(first, "theme", "dracula")
    repo.set_setting(third, "week_start", 6)  # under the lock: must not write back a stale theme
    monkeypatch.undo()
    assert repo.get_settings(open_store(tmp_path)) == {"theme": "dracula", "week_start": 6}


def test_invalidate_all_makes_every_next_read_load_from_disk(tmp_path: Path, parses: Counter[str]) -> None:
    store = open_store(tmp_path)
    goal = make_goal("Apply")
    repo.insert_goal(store, goal)
    repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, TODAY, 1))
    parses.clear()
    store.invalidate_all()
    assert [g.name for g in repo.goals(store)] == ["Apply"]
    assert repo.daily_counts(store)[goal.id][TODAY] == 1
    assert parses == Counter({"rebound.json": 1, "checkins-2024.json": 1})
    assert store.opened("rebound.json") is store.file("rebound.json")
    assert store.opened("checkins-1999.json") is None  # not opened by asking


def test_bump_revision_makes_another_store_read_the_file_again(tmp_path: Path, parses: Counter[str]) -> None:
    """A file replaced outside a transaction (a restore) gets a new revision token: another
    process re-reads it even if its identity on disk looks unchanged."""
    first = open_store(tmp_path)
    repo.insert_goal(first, make_goal("one"))
    second = open_store(tmp_path)
    assert len(repo.goals(second)) == 1
    signature = second.signature()
    parses.clear()
    assert len(repo.goals(second)) == 1
    assert parses["rebound.json"] == 0
    first.bump_revision("rebound.json")
    assert second.signature() != signature
    assert len(repo.goals(second)) == 1
    assert parses["rebound.json"] == 1
