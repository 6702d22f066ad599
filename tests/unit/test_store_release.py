"""Store: a file parsed only to compute a memo lets its records go (peak memory is one file, not
the folder); its memos stay current while the file is unchanged, and every change is still seen."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import orjson
import pytest

from tui.core.goals import CheckIn, Goal
from tui.store import Store, health, repo
from tui.store.errors import CorruptFileError

TODAY = date(2026, 5, 10)
OLD = "checkins-2024.json"


def open_store(folder: Path) -> Store:
    return Store.open(folder, today=lambda: TODAY)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each file's bytes are read from disk."""
    counts: Counter[str] = Counter()
    original = health.read_plain

    def spy(path: Path):  # type: ignore[no-untyped-def]
        counts[path.name] += 1
        return original(path)

    monkeypatch.setattr(health, "read_plain", spy)
    return counts


@pytest.fixture
def goal(tmp_path: Path) -> Goal:
    writer = open_store(tmp_path)
    found = Goal(repo.new_id(), "Apply", date(2024, 1, 1))
    repo.insert_goal(writer, found)
    for day in (date(2024, 3, 1), date(2024, 3, 2), date(2026, 5, 1)):
        repo.insert_checkin(writer, CheckIn(repo.new_id(), found.id, day, 1))
    return found


def test_a_file_read_for_a_memo_is_let_go_and_its_memo_stays_current(
        tmp_path: Path, goal: Goal, loads: Counter[str]) -> None:
    store = open_store(tmp_path)
    first = repo.daily_counts(store)
    old = store.file(OLD)
    assert old.data is None and old.loaded  # let go, still known current
    assert first[goal.id][date(2024, 3, 1)] == 1
    for _ in range(3):
        assert repo.daily_counts(store)[goal.id] == first[goal.id]
    assert loads[OLD] == 1  # the memo answered: no second read


def test_a_query_after_the_release_reads_again_and_keeps_the_memos(
        tmp_path: Path, goal: Goal, loads: Counter[str]) -> None:
    store = open_store(tmp_path)
    counts = store.file(OLD).memo("daily_counts", lambda data: object())  # any memo of the file
    version = store.file(OLD).version
    found = [c for c in repo.checkins(store) if c.day.year == 2024]
    assert len(found) == 2 and loads[OLD] == 2
    assert store.file(OLD).data is not None  # a query keeps what it read
    assert store.file(OLD).version == version  # the same bytes: the memos are still current
    assert store.file(OLD).memo("daily_counts", lambda data: object()) is counts


def test_a_change_by_another_store_to_a_let_go_file_is_seen(tmp_path: Path, goal: Goal) -> None:
    reader = open_store(tmp_path)
    assert repo.daily_counts(reader)[goal.id][date(2024, 3, 1)] == 1
    assert reader.file(OLD).data is None
    repo.insert_checkin(open_store(tmp_path), CheckIn(repo.new_id(), goal.id, date(2024, 3, 1), 2))
    assert repo.daily_counts(reader)[goal.id][date(2024, 3, 1)] == 3


def test_a_hand_edit_of_a_let_go_file_is_checked_and_refused(tmp_path: Path, goal: Goal) -> None:
    store = open_store(tmp_path)
    repo.daily_counts(store)
    path = tmp_path / OLD
    data = orjson.loads(path.read_bytes())
    next(iter(data["checkins"].values()))["count"] = "two"
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(CorruptFileError) as caught:
        repo.daily_counts(store)
    assert caught.value.path == path


def test_a_file_a_change_holds_is_not_let_go(tmp_path: Path, goal: Goal) -> None:
    store = open_store(tmp_path)
    with store.transaction():
        repo.daily_counts(store)  # read inside a change: kept until it ends
        assert store.file(OLD).data is not None
        repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, date(2024, 3, 5), 1))
        assert store.file(OLD).dirty
        store.file(OLD).release()
        assert store.file(OLD).data is not None  # unsaved: never dropped
    assert repo.daily_counts(store)[goal.id][date(2024, 3, 5)] == 1
    assert repo.daily_counts(open_store(tmp_path))[goal.id][date(2024, 3, 5)] == 1


def test_a_revision_bump_forgets_a_let_go_file(tmp_path: Path, goal: Goal, loads: Counter[str]) -> None:
    reader = open_store(tmp_path)
    repo.daily_counts(reader)
    open_store(tmp_path).bump_revision(OLD)  # a restore put another copy in place
    reader.signature()  # what the app polls
    assert not reader.file(OLD).loaded
    repo.daily_counts(reader)
    assert loads[OLD] == 2
