"""Store: atomic writes, transactions (aborted, nested, multi-file) and simulated crashes."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import orjson
import pytest

from tui.core.goals import CheckIn, Goal, RestDay
from tui.store import Store, StoreError, files, repo
from tui.store.health import CHECKED
from tui.store.store import JOURNAL, LOCK, REVISIONS

TODAY = date(2024, 5, 10)
REPO_ROOT = Path(__file__).resolve().parents[2]


def open_store(folder: Path) -> Store:
    return Store.open(folder, today=lambda: TODAY)


def make_goal(name: str = "Apply to jobs") -> Goal:
    return Goal(id=repo.new_id(), name=name, start=date(2024, 1, 1))


def make_checkin(goal_id: str, day: date = TODAY, note: str = "", count: int = 1) -> CheckIn:
    return CheckIn(id=repo.new_id(), goal_id=goal_id, day=day, count=count, note=note)


def disk(folder: Path) -> dict[str, bytes]:
    """Every data file in the folder (hidden files and backups excluded) and its bytes."""
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".")
    }


def leftovers(folder: Path) -> list[str]:
    """Temp files and journals: nothing of the kind may stay after a finished transaction."""
    return sorted(
        p.name for p in folder.iterdir() if files.TMP_MARK in p.name or p.name == JOURNAL
    )


def state(store: Store) -> tuple:
    return (
        sorted(repo.goals(store, include_archived=True), key=lambda g: g.id),
        sorted(repo.checkins(store), key=lambda c: c.id),
        sorted(repo.skips(store), key=lambda s: (s.goal_id, s.day)),
        sorted(repo.rest_days(store), key=lambda r: r.day),
        repo.get_settings(store),
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def seeded(folder: Path) -> tuple[Store, Goal]:
    """A store with a goal, two check-ins in 2024, one in 2023, a skip, a rest day, a setting."""
    store = open_store(folder)
    goal = make_goal()
    repo.insert_goal(store, goal)
    repo.insert_checkin(store, make_checkin(goal.id, note="first"))
    repo.insert_checkin(store, make_checkin(goal.id, day=date(2024, 5, 9), count=2))
    repo.insert_checkin(store, make_checkin(goal.id, day=date(2023, 12, 31)))
    repo.set_skip(store, goal.id, date(2024, 5, 8), True)
    repo.set_rest_day(store, RestDay(date(2024, 5, 7), "sick"), date(2024, 5, 7))
    repo.set_setting(store, "theme", "dark")
    return store, goal


def combo_change(store: Store, goal: Goal, note: str) -> None:
    """One change touching two files: a check-in (checkins-2024.json) and a skip (rebound.json)."""
    with store.transaction():
        repo.insert_checkin(store, make_checkin(goal.id, note=note))
        repo.set_skip(store, goal.id, date(2024, 5, 8), False)
        repo.set_skip(store, goal.id, date(2024, 5, 10), True)


# Atomic writes ------------------------------------------------------------------------------
def test_writes_leave_no_temp_files_or_journal(seeded: tuple[Store, Goal], folder: Path) -> None:
    store, goal = seeded
    combo_change(store, goal, "combo")
    assert leftovers(folder) == []
    visible = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert visible == ["backups", "checkins-2023.json", "checkins-2024.json", "rebound.json"]
    hidden = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
    assert hidden == [CHECKED, LOCK, REVISIONS]  # .checked.json: what the daily backup checked
    for name, raw in disk(folder).items():
        assert orjson.loads(raw)["_meta"]["1"]["schema"] >= 1, name


def test_every_write_replaces_the_file_and_never_truncates_in_place(
    seeded: tuple[Store, Goal], folder: Path
) -> None:
    store, goal = seeded
    path = folder / "rebound.json"
    before = path.read_bytes()
    ino = os.stat(path).st_ino
    with open(path, "rb") as old_handle:  # a reader that opened the old version
        repo.set_setting(store, "theme", "light")
        assert old_handle.read() == before  # it still reads the complete old content
    assert os.stat(path).st_ino != ino
    assert orjson.loads(path.read_bytes())["settings"]["1"]["theme"] == "light"
    assert leftovers(folder) == []


def test_atomic_write_failing_rename_keeps_original_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.json"
    files.atomic_write(path, b"old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "simulated I/O error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        files.atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]


def test_write_temp_failing_fsync_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "simulated I/O error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        files.write_temp(tmp_path / "f.json", b"data")
    assert list(tmp_path.iterdir()) == []


# Transactions -------------------------------------------------------------------------------
def test_changes_outside_a_transaction_are_refused_and_leave_no_trace(
    seeded: tuple[Store, Goal], folder: Path
) -> None:
    store, goal = seeded
    before_disk, before_state = disk(folder), state(store)
    with pytest.raises(RuntimeError):
        store.table(repo.MAIN, "goals").insert(repo.goal_to_doc(make_goal("sneaky")))
    assert disk(folder) == before_disk
    assert state(store) == before_state  # the refused insert is not visible in memory either
    # ... and a later legitimate change of the same file does not carry it to disk.
    repo.set_setting(store, "theme", "light")
    assert [g.name for g in repo.goals(open_store(folder))] == [goal.name]


def test_aborted_transaction_changes_nothing_on_disk_or_in_memory(
    seeded: tuple[Store, Goal], folder: Path
) -> None:
    store, goal = seeded
    before_disk, before_state = disk(folder), state(store)

    with pytest.raises(ZeroDivisionError):
        with store.transaction():
            repo.insert_goal(store, make_goal("never"))
            repo.insert_checkin(store, make_checkin(goal.id, note="never"))
            repo.insert_checkin(store, make_checkin(goal.id, day=date(2025, 1, 1)))  # new file
            repo.set_skip(store, goal.id, date(2024, 5, 8), False)
            repo.set_rest_day(store, None, date(2024, 5, 7))
            repo.set_setting(store, "theme", "light")
            # inside the transaction the changes are visible ...
            assert len(repo.goals(store)) == 2
            assert "checkins-2025.json" in store.names_matching(repo.CHECKINS)
            1 / 0  # ... until it fails

    assert disk(folder) == before_disk
    assert not (folder / "checkins-2025.json").exists()
    assert leftovers(folder) == []
    assert state(store) == before_state
    assert state(open_store(folder)) == before_state
    assert store.names_matching(repo.CHECKINS) == ["checkins-2023.json", "checkins-2024.json"]

    # The store still works, and the next change commits only itself.
    repo.set_setting(store, "week_start", 0)
    fresh = open_store(folder)
    assert repo.get_settings(fresh) == {"theme": "dark", "week_start": 0}
    assert state(fresh)[:4] == before_state[:4]


def test_nested_transactions_commit_together_or_not_at_all(
    seeded: tuple[Store, Goal], folder: Path
) -> None:
    store, goal = seeded
    before_disk = disk(folder)
    with pytest.raises(KeyError):
        with store.transaction():
            repo.insert_checkin(store, make_checkin(goal.id, note="inner 1"))  # own transaction
            repo.update_goal(store, make_goal("missing"))  # raises KeyError
    assert disk(folder) == before_disk
    assert "inner 1" not in {c.note for c in repo.checkins(store)}

    with store.transaction():
        repo.insert_checkin(store, make_checkin(goal.id, note="inner 2"))
        repo.set_setting(store, "theme", "light")
        assert disk(folder) == before_disk  # nothing written before the outer one ends
    fresh = open_store(folder)
    assert "inner 2" in {c.note for c in repo.checkins(fresh)}
    assert repo.get_settings(fresh)["theme"] == "light"


def test_multi_file_transaction_commits_both_files(
    seeded: tuple[Store, Goal], folder: Path
) -> None:
    store, goal = seeded
    before = disk(folder)
    combo_change(store, goal, "combo")
    after = disk(folder)
    assert after["rebound.json"] != before["rebound.json"]
    assert after["checkins-2024.json"] != before["checkins-2024.json"]
    assert after["checkins-2023.json"] == before["checkins-2023.json"]
    fresh = open_store(folder)
    assert "combo" in {c.note for c in repo.checkins(fresh)}
    assert {s.day for s in repo.skips(fresh)} == {date(2024, 5, 10)}
    assert leftovers(folder) == []


@pytest.mark.parametrize("renames_before_crash", [0, 1])
def test_crash_after_journal_rolls_forward_to_the_complete_new_state(
    seeded: tuple[Store, Goal],
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    renames_before_crash: int,
) -> None:
    store, goal = seeded
    old_disk = disk(folder)
    old_state = state(store)
    real_replace = os.replace
    done = []

    def crashing_replace(src: object, dst: object) -> None:
        if (folder / JOURNAL).exists():  # the journal is written: now the renames begin
            if len(done) >= renames_before_crash:
                raise OSError(errno.EIO, "simulated crash during the renames")
            done.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crashing_replace)
    with pytest.raises(StoreError):
        combo_change(store, goal, "combo")
    monkeypatch.undo()

    # The crash left the journal and its temp files behind, and at most one file renamed.
    assert (folder / JOURNAL).exists()
    plan = orjson.loads((folder / JOURNAL).read_bytes())["renames"]
    assert sorted(target for _, target in plan) == ["checkins-2024.json", "rebound.json"]
    temps = [p.name for p in folder.iterdir() if files.TMP_MARK in p.name]
    assert len(temps) == 2 - renames_before_crash
    changed = [name for name, raw in disk(folder).items() if old_disk[name] != raw]
    assert len(changed) == renames_before_crash  # a torn state on disk until recovery

    fresh = open_store(folder)  # opening finishes the change
    assert leftovers(folder) == []
    new_state = state(fresh)
    assert new_state != old_state
    assert "combo" in {c.note for c in new_state[1]}
    assert {s.day for s in new_state[2]} == {date(2024, 5, 10)}
    assert new_state[0] == old_state[0] and new_state[3:] == old_state[3:]
    assert state(store) == new_state  # the store that crashed sees the same after re-reading


def test_reading_with_a_pending_journal_finishes_the_change_first(
    seeded: tuple[Store, Goal], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, goal = seeded
    other = open_store(folder)
    assert len(repo.checkins(other)) == 3  # cached before the crash
    real_replace = os.replace

    def crashing_replace(src: object, dst: object) -> None:
        if (folder / JOURNAL).exists():
            raise OSError(errno.EIO, "simulated crash")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crashing_replace)
    with pytest.raises(StoreError):
        combo_change(store, goal, "combo")
    monkeypatch.undo()
    assert (folder / JOURNAL).exists()
    # An already-open store notices the journal on its next read and rolls it forward.
    assert "combo" in {c.note for c in repo.checkins(other)}
    assert {s.day for s in repo.skips(other)} == {date(2024, 5, 10)}
    assert leftovers(folder) == []


def test_failure_before_journal_keeps_old_state_and_removes_temps(
    seeded: tuple[Store, Goal], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, goal = seeded
    old_disk, old_state = disk(folder), state(store)
    real_atomic_write = files.atomic_write

    def failing_atomic_write(path: Path, data: bytes) -> None:
        if path.name == JOURNAL:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_atomic_write(path, data)

    monkeypatch.setattr(files, "atomic_write", failing_atomic_write)
    with pytest.raises(StoreError):
        combo_change(store, goal, "combo")
    monkeypatch.undo()
    assert disk(folder) == old_disk
    assert leftovers(folder) == []
    assert state(store) == old_state
    assert state(open_store(folder)) == old_state


CRASH_SCRIPT = textwrap.dedent(
    """
    import os, sys
    from datetime import date
    from pathlib import Path
    from tui.core.goals import CheckIn
    from tui.store import Store, files, repo
    from tui.store.store import JOURNAL

    folder, goal_id, where = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = Store.open(folder, today=lambda: date(2024, 5, 10))
    real_atomic_write, real_replace = files.atomic_write, os.replace

    def atomic_write(path, data):
        if where == "before-journal" and path.name == JOURNAL:
            os._exit(17)  # a hard crash: no cleanup runs
        real_atomic_write(path, data)

    def replace(src, dst):
        if where == "after-journal" and (folder / JOURNAL).exists():
            os._exit(17)
        real_replace(src, dst)

    files.atomic_write, os.replace = atomic_write, replace
    with store.transaction():
        repo.insert_checkin(store, CheckIn(repo.new_id(), goal_id, date(2024, 5, 10), 1, "combo"))
        repo.set_skip(store, goal_id, date(2024, 5, 8), False)
        repo.set_skip(store, goal_id, date(2024, 5, 10), True)
    sys.exit(0)
    """
)


@pytest.mark.parametrize("where", ["before-journal", "after-journal"])
def test_hard_crash_of_another_process(
    seeded: tuple[Store, Goal], folder: Path, where: str
) -> None:
    store, goal = seeded
    old_disk, old_state = disk(folder), state(store)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT, str(folder), goal.id, where],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 17, result.stderr
    assert disk(folder) == old_disk  # no data file was touched yet
    temps = [p.name for p in folder.iterdir() if files.TMP_MARK in p.name]
    assert len(temps) == 2  # the crashed writer's temp files are still there

    fresh = open_store(folder)
    if where == "before-journal":
        assert not (folder / JOURNAL).exists()
        assert state(fresh) == old_state
        assert state(store) == old_state
        with fresh.transaction():  # the next writer clears the dead writer's temp files
            pass
        assert leftovers(folder) == []
        assert disk(folder) == old_disk
    else:
        assert leftovers(folder) == []  # opening rolled the journal forward
        assert "combo" in {c.note for c in repo.checkins(fresh)}
        assert {s.day for s in repo.skips(fresh)} == {date(2024, 5, 10)}
        assert state(store) == state(fresh)


# Failed writes ------------------------------------------------------------------------------
def test_disk_full_on_single_file_write_raises_store_error_and_keeps_data(
    seeded: tuple[Store, Goal], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, goal = seeded
    old_disk, old_state = disk(folder), state(store)

    def full(path: Path, data: bytes, **kwargs: bool) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "write_temp", full)
    with pytest.raises(StoreError) as caught:
        repo.insert_goal(store, make_goal("lost?"))
    assert str(folder) in str(caught.value)
    assert "No space left on device" in str(caught.value)
    assert disk(folder) == old_disk
    assert leftovers(folder) == []
    assert state(store) == old_state  # memory equals disk
    assert state(open_store(folder)) == old_state

    monkeypatch.undo()  # space freed: the same change now saves
    repo.insert_goal(store, make_goal("saved"))
    assert {g.name for g in repo.goals(open_store(folder))} == {goal.name, "saved"}


def test_disk_full_in_the_middle_of_a_multi_file_write(
    seeded: tuple[Store, Goal], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, goal = seeded
    old_disk, old_state = disk(folder), state(store)
    real_write_temp = files.write_temp
    calls = []

    def full_on_second(path: Path, data: bytes, **kwargs: bool) -> Path:
        if path.name.startswith("."):  # the revision tokens: not a data file
            return real_write_temp(path, data, **kwargs)
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write_temp(path, data, **kwargs)

    monkeypatch.setattr(files, "write_temp", full_on_second)
    with pytest.raises(StoreError):
        combo_change(store, goal, "combo")
    assert len(calls) == 2
    assert disk(folder) == old_disk
    assert leftovers(folder) == []  # the first file's temp was removed
    assert state(store) == old_state
    assert state(open_store(folder)) == old_state


def test_read_only_folder_raises_store_error_and_keeps_data(
    seeded: tuple[Store, Goal], folder: Path
) -> None:
    store, goal = seeded
    old_disk, old_state = disk(folder), state(store)
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: chmod does not make the folder read-only")
        with pytest.raises(StoreError):
            repo.insert_goal(store, make_goal("lost?"))
        assert disk(folder) == old_disk
        assert state(store) == old_state
    finally:
        folder.chmod(mode)


def test_folder_that_cannot_be_created_raises_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        Store.open(blocker / "data")
    assert str(blocker / "data") in str(caught.value)
    assert blocker.read_text() == "not a folder"


def test_lock_held_too_long_raises_store_error_and_changes_nothing(
    seeded: tuple[Store, Goal], folder: Path
) -> None:
    from filelock import FileLock

    store, goal = seeded
    old_disk = disk(folder)
    impatient = Store.open(folder, today=lambda: TODAY, lock_timeout=0.2)
    with FileLock(str(folder / LOCK)):  # another process is in the middle of a change
        with pytest.raises(StoreError) as caught:
            repo.insert_goal(impatient, make_goal("waiting"))
        assert "lock" in str(caught.value)
    assert disk(folder) == old_disk
    repo.insert_goal(impatient, make_goal("later"))  # once the lock is free it works
    assert {g.name for g in repo.goals(open_store(folder))} == {goal.name, "later"}
