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


def test_a_clock_that_ran_ahead_never_prunes_the_backup_just_made(tmp_path: Path) -> None:
    """A week of changes under a clock set to 2030, then the clock is put right: each real day's
    backup is kept (the newest by the order made), and the 2030 ones go as real days come."""
    ahead = Clock(date(2030, 1, 1))
    store = Store.open(tmp_path, today=ahead)
    repo.set_setting(store, "n", 0)
    for offset in range(1, KEEP_DAILY_BACKUPS + 1):
        ahead.day = date(2030, 1, 1) + timedelta(days=offset)
        repo.set_setting(store, "n", offset)
    assert len(backup_dirs(tmp_path)) == KEEP_DAILY_BACKUPS

    real = [date(2026, 12, 1) + timedelta(days=d) for d in range(KEEP_DAILY_BACKUPS)]
    for n, day in enumerate(real, start=1):
        ahead.day = day
        before = data_files(tmp_path)
        repo.set_setting(store, "n", 100 + n)
        assert data_files(tmp_path / BACKUPS / day.isoformat()) == before  # made, and kept
        assert [d.isoformat() for d in real[:n]] == [d for d in backup_dirs(tmp_path) if d < "2030"]
        assert len(backup_dirs(tmp_path)) == KEEP_DAILY_BACKUPS
    assert backup_dirs(tmp_path) == [d.isoformat() for d in real]


def test_a_file_broken_for_weeks_keeps_its_newest_good_copy(tmp_path: Path) -> None:
    clock = Clock(START)
    store = Store.open(tmp_path, today=clock)
    goal = Goal(id=repo.new_id(), name="Apply", start=START)
    repo.insert_goal(store, goal)
    for offset in range(1, 4):
        clock.day = START + timedelta(days=offset)
        repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, clock.day, 1))
    checkins = tmp_path / "checkins-2024.json"
    good = checkins.read_bytes()
    last_good = (START + timedelta(days=3)).isoformat()  # holds the file as it was after day 2
    checkins.write_bytes(good[:100])  # broken by another program
    for offset in range(4, 30):  # weeks of changes that never read the check-ins
        clock.day = START + timedelta(days=offset)
        repo.set_setting(Store.open(tmp_path, today=clock), "n", offset)
        assert not (tmp_path / BACKUPS / clock.day.isoformat() / checkins.name).exists()
    kept = backup_dirs(tmp_path)
    assert len(kept) == KEEP_DAILY_BACKUPS + 1 and kept[0] == last_good
    newest = Store.open(tmp_path).newest_backup_of(checkins)
    assert newest == tmp_path / BACKUPS / last_good / checkins.name
    assert checkins.read_bytes() == good[:100]  # never overwritten

    checkins.write_bytes(good)  # mended: the next day's backup holds it, the old one may go
    clock.day += timedelta(days=1)
    repo.set_setting(Store.open(tmp_path, today=clock), "n", "mended")
    assert backup_dirs(tmp_path)[0] != last_good
    assert len(backup_dirs(tmp_path)) == KEEP_DAILY_BACKUPS


def test_backups_made_before_they_were_numbered_are_pruned_first(tmp_path: Path) -> None:
    clock = Clock(START)
    store = Store.open(tmp_path, today=clock)
    repo.set_setting(store, "n", 0)
    for name in ("2099-01-01", "2099-01-02"):  # made by an older Rebound (no order inside)
        old = tmp_path / BACKUPS / name
        old.mkdir(parents=True)
        (old / "rebound.json").write_bytes((tmp_path / "rebound.json").read_bytes())
    for offset in range(1, KEEP_DAILY_BACKUPS + 1):
        clock.day = START + timedelta(days=offset)
        repo.set_setting(store, "n", offset)
    assert backup_dirs(tmp_path) == [
        (START + timedelta(days=d)).isoformat() for d in range(1, KEEP_DAILY_BACKUPS + 1)
    ]
