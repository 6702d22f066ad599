"""Store: a data folder deleted while Rebound runs is never silently created again."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tui.core.goals import Goal
from tui.store import DataFolderGoneError, Store, repo
from tui.store import folder as data_folder
from tui.store.lock import FolderLock


def goal(name: str) -> Goal:
    return Goal(id=repo.new_id(), name=name, start=date(2024, 1, 1))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "data", today=lambda: date(2024, 5, 1))
    repo.insert_goal(store, goal("Apply"))
    return store


def test_changes_and_reads_are_refused_and_the_folder_is_not_made_again(store: Store) -> None:
    shutil.rmtree(store.folder)
    with pytest.raises(DataFolderGoneError, match="is gone"):
        repo.insert_goal(store, goal("Walk"))
    assert not store.folder.exists()
    with pytest.raises(DataFolderGoneError):
        repo.goals(store)  # never an empty list, as if there were no goals
    assert not store.folder.exists()


def test_a_folder_that_vanishes_while_the_lock_is_taken_is_not_kept(store: Store) -> None:
    class Vanishing(FolderLock):
        def acquire(self) -> None:
            shutil.rmtree(store.folder)  # deleted between the check and the lock
            return super().acquire()

    store._lock = Vanishing(str(store.folder / ".rebound.lock"), timeout=1, mode=0o600)
    with pytest.raises(DataFolderGoneError):
        repo.insert_goal(store, goal("Walk"))
    assert not store.folder.exists()


def test_writing_resumes_once_the_folder_is_back(store: Store, tmp_path: Path) -> None:
    shutil.copytree(store.folder, tmp_path / "copy")
    shutil.rmtree(store.folder)
    with pytest.raises(DataFolderGoneError):
        repo.insert_goal(store, goal("Walk"))
    shutil.copytree(tmp_path / "copy", store.folder)
    repo.insert_goal(store, goal("Walk"))
    assert [g.name for g in repo.goals(Store.open(store.folder))] == ["Apply", "Walk"]


def test_start_afresh_makes_an_empty_folder(store: Store) -> None:
    shutil.rmtree(store.folder)
    data_folder.start_afresh(store)
    assert repo.goals(store) == []
    repo.insert_goal(store, goal("Walk"))
    assert [g.name for g in repo.goals(Store.open(store.folder))] == ["Walk"]


def swap_for_an_empty_folder(folder: Path) -> None:
    """`rm -rf D; mkdir D` in another window (tmpfs may even give the new folder the old inode)."""
    shutil.rmtree(folder)
    folder.mkdir()


def test_a_folder_swapped_for_an_empty_one_is_taken_as_gone(store: Store) -> None:
    swap_for_an_empty_folder(store.folder)
    with pytest.raises(DataFolderGoneError, match="is gone"):
        repo.goals(store)  # never "no goals yet"
    with pytest.raises(DataFolderGoneError):
        repo.set_setting(store, "mood", 3)  # never a new data set in the empty folder
    assert os.listdir(store.folder) == []
    assert store.signature() == ()  # what the app polls: it then reads, and says so


def test_a_swapped_folder_that_lost_only_rebound_json_is_taken_as_gone(store: Store) -> None:
    repo.set_setting(store, "theme", "dark")
    (store.folder / "rebound.json").unlink()  # same folder, same inode: emptied of its main file
    with pytest.raises(DataFolderGoneError):
        repo.set_setting(store, "theme", "light")
    assert not (store.folder / "rebound.json").exists()


def test_a_copy_put_back_in_place_of_the_folder_is_the_data_again(store: Store, tmp_path: Path) -> None:
    shutil.copytree(store.folder, tmp_path / "copy")
    swap_for_an_empty_folder(store.folder)
    with pytest.raises(DataFolderGoneError):
        repo.insert_goal(store, goal("Walk"))
    shutil.rmtree(store.folder)
    shutil.copytree(tmp_path / "copy", store.folder)
    repo.insert_goal(store, goal("Walk"))
    assert [g.name for g in repo.goals(Store.open(store.folder))] == ["Apply", "Walk"]


def test_start_afresh_after_a_swap_takes_the_empty_folder(store: Store) -> None:
    swap_for_an_empty_folder(store.folder)
    with pytest.raises(DataFolderGoneError):
        repo.goals(store)
    data_folder.start_afresh(store)
    assert repo.goals(store) == []
    repo.insert_goal(store, goal("Walk"))
    assert [g.name for g in repo.goals(Store.open(store.folder))] == ["Walk"]
