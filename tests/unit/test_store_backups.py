"""Store: a backup before the first change of each day, the last 7 kept."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.core.goals import CheckIn, Goal
from tui.store import Store, StoreError, repo
from tui.store.store import BACKUPS, KEEP_DAILY_BACKUPS

START = date(2024, 3, 1)


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def data_files(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and p.name.endswith(".json") and not p.name.startswith(".")
    }


def backup_dirs(folder: Path) -> list[str]:
    root = folder / BACKUPS
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def test_one_backup_per_day_holding_the_state_before_its_first_change(tmp_path: Path) -> None:
    clock = Clock(START)
    store = Store.open(tmp_path, today=clock)
    goal = Goal(id=repo.new_id(), name="Apply", start=START)
    repo.insert_goal(store, goal)  # day 0: nothing existed, so there was nothing to back up
    assert backup_dirs(tmp_path) == []

    for offset in range(1, 12):
        clock.day = START + timedelta(days=offset)
        before_first_change = data_files(tmp_path)
        for i in range(3):  # several changes a day, to several files
            repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, clock.day, 1, f"{i}"))
            repo.set_setting(store, "last", f"{offset}.{i}")
        name = clock.day.isoformat()
        assert data_files(tmp_path / BACKUPS / name) == before_first_change
        kept = [START + timedelta(days=d) for d in range(max(1, offset - 6), offset + 1)]
        assert backup_dirs(tmp_path) == [d.isoformat() for d in kept]
        assert len(backup_dirs(tmp_path)) <= KEEP_DAILY_BACKUPS

    assert len(backup_dirs(tmp_path)) == KEEP_DAILY_BACKUPS
    # A second store (another process) on the same day does not make a second backup.
    other = Store.open(tmp_path, today=clock)
    newest = tmp_path / BACKUPS / clock.day.isoformat()
    snapshot = data_files(newest)
    repo.set_setting(other, "theme", "dark")
    assert data_files(newest) == snapshot
    assert len(backup_dirs(tmp_path)) == KEEP_DAILY_BACKUPS


def test_a_day_without_changes_makes_no_backup(tmp_path: Path) -> None:
    clock = Clock(START)
    store = Store.open(tmp_path, today=clock)
    repo.set_setting(store, "theme", "dark")
    repo.set_setting(store, "theme", "light")  # makes today's backup
    clock.day = START + timedelta(days=1)
    assert repo.get_settings(store) == {"theme": "light"}  # reads only
    with store.transaction():  # a transaction that changes nothing
        pass
    assert backup_dirs(tmp_path) == [START.isoformat()]


def test_failed_backup_is_reported_and_the_next_write_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock(START)
    store = Store.open(tmp_path, today=clock)
    repo.set_setting(store, "theme", "dark")
    clock.day = START + timedelta(days=1)
    before = data_files(tmp_path)
    real_copy2 = shutil.copy2

    def full(src: object, dst: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copy2", full)
    with pytest.raises(StoreError) as caught:
        repo.set_setting(store, "theme", "light")
    assert "No space left on device" in str(caught.value)
    assert data_files(tmp_path) == before
    assert repo.get_settings(store) == {"theme": "dark"}

    monkeypatch.setattr(shutil, "copy2", real_copy2)  # space was freed
    repo.set_setting(store, "theme", "light")
    assert repo.get_settings(Store.open(tmp_path, today=clock)) == {"theme": "light"}
    assert data_files(tmp_path / BACKUPS / clock.day.isoformat()) == before
    assert backup_dirs(tmp_path) == [clock.day.isoformat()]  # no half-made backup left behind
