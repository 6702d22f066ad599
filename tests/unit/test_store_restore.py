"""Store: restoring a broken data file from its newest good backup keeps the broken file aside."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from tui.core.goals import CheckIn, Goal
from tui.store import CorruptFileError, Store, StoreError, files, repo
from tui.store import restore as store_restore
from tui.store.store import BACKUPS

DAY1 = date(2024, 5, 1)
NOW = datetime(2024, 5, 4, 9, 30, 5)
BROKEN = b'{"_meta": {"1": {"schema": 1, "kind": "checkins"}}, "checkins": {"1": {"id": "x", '


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".rebound.lock"}


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, Goal]:
    """Three days of check-ins: daily backups of 2024-05-02 (1 check-in) and 2024-05-03 (2)."""
    clock = Clock(DAY1)
    store = Store.open(tmp_path, today=clock)
    goal = Goal(id=repo.new_id(), name="Apply", start=DAY1)
    repo.insert_goal(store, goal)
    for offset in range(3):
        clock.day = DAY1 + timedelta(days=offset)
        repo.insert_checkin(store, CheckIn(repo.new_id(), goal.id, clock.day, 1))
    return tmp_path, goal


def checkins_file(folder: Path) -> Path:
    return folder / "checkins-2024.json"


def test_restore_keeps_the_broken_file_aside_and_puts_the_newest_good_backup_in_place(
    seeded: tuple[Path, Goal],
) -> None:
    folder, goal = seeded
    path = checkins_file(folder)
    path.write_bytes(BROKEN)
    store = Store.open(folder, today=Clock(date(2024, 5, 4)))
    with pytest.raises(CorruptFileError) as caught:
        repo.checkins(store)  # the running app met the broken file: its caches know it is broken
    newest = folder / BACKUPS / "2024-05-03" / path.name
    assert caught.value.backup == newest
    others = {k: v for k, v in tree(folder).items() if not k.startswith(("checkins-2024", ".revisions"))}
    token = store.revision_of(path.name)

    [broken] = store_restore.broken_files(store)
    assert (broken.path, broken.backup) == (path, newest)
    done = store_restore.restore(store, path.name, now=NOW)

    assert done.kept_as == folder / "checkins-2024.json.broken-20240504-093005"
    assert done.kept_as.read_bytes() == BROKEN  # byte for byte
    assert path.read_bytes() == newest.read_bytes()
    assert [c.day for c in repo.checkins(store)] == [DAY1, DAY1 + timedelta(days=1)]  # same Store
    assert [c.day for c in repo.checkins(Store.open(folder))] == [DAY1, DAY1 + timedelta(days=1)]
    assert {k: v for k, v in tree(folder).items() if not k.startswith(("checkins-2024", ".revisions"))} == others
    assert store.revision_of(path.name) != token  # other processes drop their cached copy
    assert not [p for p in folder.iterdir() if files.TMP_MARK in p.name]
    assert store_restore.broken_files(store) == []
    assert done.kept_as not in store.data_files()


def test_restore_never_overwrites_an_existing_kept_copy(seeded: tuple[Path, Goal]) -> None:
    folder, _ = seeded
    path = checkins_file(folder)
    taken = folder / "checkins-2024.json.broken-20240504-093005"
    taken.write_bytes(b"an earlier broken copy")
    path.write_bytes(BROKEN)
    done = store_restore.restore(Store.open(folder), path.name, now=NOW)
    assert done.kept_as == folder / "checkins-2024.json.broken-20240504-093005-2"
    assert done.kept_as.read_bytes() == BROKEN
    assert taken.read_bytes() == b"an earlier broken copy"


def test_restore_skips_backups_that_fail_the_record_checks(seeded: tuple[Path, Goal]) -> None:
    folder, _ = seeded
    path = checkins_file(folder)
    newest = folder / BACKUPS / "2024-05-03" / path.name
    data = orjson.loads(newest.read_bytes())
    next(iter(data["checkins"].values()))["count"] = "three"  # parses, but a hand edit broke a record
    newest.write_bytes(orjson.dumps(data))
    path.write_bytes(BROKEN)
    done = store_restore.restore(Store.open(folder), path.name, now=NOW)
    assert done.backup == folder / BACKUPS / "2024-05-02" / path.name
    assert [c.day for c in repo.checkins(Store.open(folder))] == [DAY1]


def test_without_a_good_backup_nothing_changes(seeded: tuple[Path, Goal]) -> None:
    folder, _ = seeded
    path = checkins_file(folder)
    for copy in (folder / BACKUPS).rglob(path.name):
        copy.write_bytes(b"{")
    path.write_bytes(BROKEN)
    before = tree(folder)
    store = Store.open(folder)
    assert store_restore.broken_files(store)[0].backup is None
    with pytest.raises(StoreError, match="no backup of it passes the checks"):
        store_restore.restore(store, path.name, now=NOW)
    assert tree(folder) == before


def test_a_file_that_reads_fine_is_not_restored(seeded: tuple[Path, Goal]) -> None:
    folder, _ = seeded
    before = tree(folder)
    with pytest.raises(StoreError, match="nothing to restore"):
        store_restore.restore(Store.open(folder), "checkins-2024.json", now=NOW)
    assert tree(folder) == before


def test_a_file_from_a_newer_rebound_is_not_replaced_by_an_older_backup(seeded: tuple[Path, Goal]) -> None:
    folder, _ = seeded
    path = checkins_file(folder)
    data = orjson.loads(path.read_bytes())
    data["_meta"]["1"]["schema"] = 99
    path.write_bytes(orjson.dumps(data))
    before = tree(folder)
    store = Store.open(folder)
    assert store_restore.broken_files(store) == []
    with pytest.raises(StoreError, match="nothing to restore"):
        store_restore.restore(store, path.name, now=NOW)
    assert tree(folder) == before


def test_a_failed_restore_changes_nothing(seeded: tuple[Path, Goal], monkeypatch) -> None:
    folder, _ = seeded
    path = checkins_file(folder)
    path.write_bytes(BROKEN)
    before = tree(folder)
    real = files.write_new

    def full(tmp: Path, data: bytes, **kwargs: object) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "write_new", full)
    with pytest.raises(StoreError, match="No space left on device"):
        store_restore.restore(Store.open(folder), path.name, now=NOW)
    assert tree(folder) == before  # no kept copy, no temp file, the broken file where it was
    monkeypatch.setattr(files, "write_new", real)
    store_restore.restore(Store.open(folder), path.name, now=NOW)
    assert len(repo.checkins(Store.open(folder))) == 2
