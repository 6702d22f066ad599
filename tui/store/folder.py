"""The data folder itself going away while Rebound runs (deleted, or moved to the trash).

Rebound then refuses to write: the file lock would create the folder again, and the change would
start a new, nearly empty data set where the user's data was, silently. Reads fail with the same
error, so a screen keeps what it last drew instead of showing nothing. Writing resumes as soon as a
folder is back at that path (put back from the trash or a copy), or when the user chooses to start
afresh (``start_afresh``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StoreError

if TYPE_CHECKING:
    from .store import Store


class DataFolderGoneError(StoreError):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"the data folder {folder} is gone (deleted or moved while Rebound was open). Nothing "
            "was saved, and Rebound will not start a new, empty data set there on its own: put the "
            "folder back (from the trash or a copy), or choose to start afresh."
        )


def identity(folder: Path, lock_name: str) -> tuple[int, int, bool]:
    """The folder's device, inode, and whether it holds more than the lock file (inode numbers
    are reused at once on some filesystems, so a folder made again can carry the old number).
    DataFolderGoneError when it is not there."""
    try:
        st = os.stat(folder)
        with os.scandir(folder) as entries:
            more = any(entry.name != lock_name for entry in entries)
    except (FileNotFoundError, NotADirectoryError):
        raise DataFolderGoneError(folder) from None
    return (st.st_dev, st.st_ino, more)


def still(folder: Path, before: tuple[int, int, bool], lock_name: str) -> bool:
    """After taking the lock: is the folder still the one that was there before?"""
    try:
        return identity(folder, lock_name) == before
    except DataFolderGoneError:
        return False


def gone(folder: Path, lock_name: str) -> DataFolderGoneError:
    """The error for a folder that vanished while the lock was taken. Creating the lock file may
    have made the folder again: if it holds nothing but that file, it is removed."""
    try:
        names = os.listdir(folder)
        if all(name == lock_name for name in names):
            for name in names:
                os.unlink(folder / name)
            os.rmdir(folder)
    except OSError:
        pass  # it is not there, or something else is in it: leave it alone
    return DataFolderGoneError(folder)


def start_afresh(store: Store) -> None:
    """The user chose a new, empty data set at the vanished folder's path."""
    store.folder.mkdir(parents=True, exist_ok=True)
    for storage in store._files.values():
        storage.invalidate()
