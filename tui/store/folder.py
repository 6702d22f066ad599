"""The data folder itself going away while Rebound runs (deleted, or moved to the trash).

Rebound then refuses to write: the file lock would create the folder again, and the change would
start a new, nearly empty data set where the user's data was, silently. Reads fail with the same
error, so a screen keeps what it last drew instead of showing nothing. Writing resumes as soon as a
folder is back at that path (put back from the trash or a copy), or when the user chooses to start
afresh (``start_afresh``).

A folder swapped for another at the same path (``rm -rf D; mkdir D`` while the app is open) is
taken the same way: an empty folder there is not the user's data, and the next change must not
start a new data set in it without a word. A folder put back that holds the data is taken as the
data folder again.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from . import files
from .errors import StoreError

if TYPE_CHECKING:
    from .store import Store

MAIN = "rebound.json"  # settings and goals: there in every folder that ever held either


class DataFolderGoneError(StoreError):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"the data folder {folder} is gone (deleted or moved while Rebound was open). Nothing "
            "was saved, and Rebound will not start a new, empty data set there on its own: put the "
            "folder back (from the trash or a copy), or choose to start afresh."
        )


class Seen:
    """The data folder as a Store last found it: its device and inode, and whether it held
    ``rebound.json``."""

    def __init__(self) -> None:
        self.identity: tuple[int, int] | None = None
        self.had_main = False

    def check(self, folder: Path, *, changing: bool = False) -> bool:
        """DataFolderGoneError when the folder is missing, lost its ``rebound.json``, or is
        another folder without data. True when it is another folder that holds data (a copy put
        back): then nothing cached from the old one is current."""
        try:
            st = os.stat(folder)
        except (FileNotFoundError, NotADirectoryError):
            raise DataFolderGoneError(folder) from None
        identity = (st.st_dev, st.st_ino)
        has_main = os.path.lexists(folder / MAIN)
        if self.had_main and not has_main:
            raise DataFolderGoneError(folder)
        swapped = self.identity is not None and identity != self.identity
        if swapped and (changing or not (has_main or _holds_data(folder))):
            raise DataFolderGoneError(folder)
        self.identity, self.had_main = identity, has_main
        return swapped

    def forget(self) -> None:
        """Take whatever folder is found next as the data folder (the user started afresh)."""
        self.identity, self.had_main = None, False


def _holds_data(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        return any(e.name.endswith(".json") and not e.name.startswith(".") for e in entries)


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
    store.folder.mkdir(parents=True, exist_ok=True, mode=files.PRIVATE_FOLDER)
    store.seen.forget()
    store.invalidate_all()
