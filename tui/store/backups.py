"""Backups: a copy of the data before the first change of each day, and before every migration.

* Only a copy that reads fine is made: a broken data file is left out of the day's backup, so its
  last good copy stays the newest one (copying the broken file each day used to push the good copy
  out of the last 7 and delete it).
* The 7 newest daily backups are kept, newest by the order they were made (a number inside each,
  ``.made``), not by the date in their names: a clock that once ran ahead names backups in the
  future, and the backup just made must never be the one pruned.
* Pruning never deletes the newest good copy of a file of the data folder, however old.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import files, health

if TYPE_CHECKING:
    from .store import Store

BACKUPS = "backups"
KEEP_DAILY_BACKUPS = 7
MADE = ".made"  # inside a backup folder: its place in the order backups were made
_DAILY = re.compile(r"\d{4}-\d{2}-\d{2}")


def daily_backup(store: Store) -> None:
    """A copy of every data file that reads fine, before the first change of the day."""
    name = store.today().isoformat()
    if (store.folder / BACKUPS / name).exists():
        return
    existing = store.data_files()
    made = backup_files(store, name, existing, check=True) if existing else None
    prune(store, made)
    store.verdicts.save()  # what the copies' checks found, for the next command


def backup_files(store: Store, name: str, paths: list[Path], *, check: bool = False) -> Path | None:
    """Copy ``paths`` into ``backups/NAME`` as one step (a hidden folder renamed when complete).
    With ``check``, a file that does not read fine is left out. None when nothing was copied."""
    root = store.folder / BACKUPS
    if root.is_symlink() or (root.exists() and not root.is_dir()):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(root))
    root.mkdir(mode=files.PRIVATE_FOLDER, exist_ok=True)
    target = root / name
    if target.exists():
        target = root / f"{name}-{datetime.now().strftime('%H%M%S%f')}"
    staging = root / f".{target.name}{files.TMP_MARK}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)  # left by a failed try or a dead process
    staging.mkdir(mode=files.PRIVATE_FOLDER)
    try:
        copied = 0
        for path in paths:
            copy = staging / path.name
            before = files.stamp(path)
            shutil.copy2(path, copy)
            os.chmod(copy, files.PRIVATE_FILE)  # copy2 copied the data file's mode
            if check and not health.copy_reads_fine(store, path, before, copy):
                copy.unlink()
                continue
            copied += 1
        if not copied:
            shutil.rmtree(staging, ignore_errors=True)
            return None
        files.write_new(staging / MADE, str(_next_order(root)).encode())
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _order(folder: Path) -> int:
    try:
        return int((folder / MADE).read_bytes())
    except (OSError, ValueError):
        return -1  # made before backups were numbered: older than every numbered one


def _next_order(root: Path) -> int:
    return max((_order(d) for d in root.iterdir() if not d.name.startswith(".")), default=0) + 1


def _daily(root: Path) -> list[Path]:
    """The daily backups, oldest made first."""
    found = [d for d in root.iterdir() if _DAILY.fullmatch(d.name) and d.is_dir()]
    return sorted(found, key=lambda d: (_order(d), d.stat().st_mtime_ns, d.name))


def prune(store: Store, made: Path | None) -> None:
    """Keep the 7 daily backups made last, and any older one holding the newest good copy of a
    file of the data folder (a file broken for longer than a week)."""
    root = store.folder / BACKUPS
    if not root.is_dir():
        return
    daily = _daily(root)
    old = daily[:-KEEP_DAILY_BACKUPS]
    if not old:
        return
    keep: set[Path] = set()
    for name in store.data_names():
        if made is not None and (made / name).is_file():
            continue  # just copied, and checked: the newest good copy is in the newest backup
        for folder in reversed(daily):  # newest first
            copy = folder / name
            if copy.is_file() and health.readable(copy):
                keep.add(folder)
                break
    for folder in old:
        if folder not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def newest_backup_of(store: Store, path: Path) -> Path | None:
    """The newest backup of ``path`` that can be read: an old backup may hold a copy of the broken
    file itself, and a hidden folder is an unfinished backup."""
    root = store.folder / BACKUPS
    if not root.is_dir():
        return None
    candidates = [
        d / path.name
        for d in root.iterdir()
        if not d.name.startswith(".") and (d / path.name).is_file()
    ]
    candidates.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    return next((p for p in candidates if health.readable(p)), None)
