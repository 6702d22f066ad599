"""Put a broken data file back from its newest good backup. Nothing is deleted: the broken file is
kept aside under a new name (``checkins-2026.json.broken-20261126-093000``), which no data-file scan
picks up because it does not end in ``.json``.

Runs under the folder lock, but not in a transaction: a transaction re-reads the cached files, and
the broken one cannot be read.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import files
from .errors import StoreError, write_failure
from .health import problem_of
from .store import Store

BROKEN_MARK = ".broken-"


@dataclass(frozen=True)
class BrokenFile:
    path: Path
    problem: str
    backup: Path | None  # the newest backup copy that passes every check, if any


@dataclass(frozen=True)
class Restored:
    path: Path  # the data file, now holding the backup's content
    backup: Path  # the copy that was put in place
    kept_as: Path  # the broken file, byte for byte


def broken_files(store: Store) -> list[BrokenFile]:
    """Every data file of the folder that cannot be loaded, with the backup that would replace it."""
    found = []
    for path in sorted(store.data_files()):
        problem = problem_of(path)
        if problem is not None:
            found.append(BrokenFile(path, problem, store.newest_backup_of(path)))
    return found


def backup_time(backup: Path) -> datetime:
    """When the backed-up content was last saved (backups keep the file's modification time)."""
    return datetime.fromtimestamp(backup.stat().st_mtime)


def restore(store: Store, name: str, *, now: datetime | None = None) -> Restored:
    """Keep the broken data file ``name`` aside and put its newest good backup in its place.

    Raises StoreError when the file reads fine (nothing to restore), when no backup of it passes the
    checks, or when the folder cannot be written; in each case no file has changed.
    """
    if store.in_transaction:
        raise RuntimeError("restore runs outside a transaction")
    path = store.folder / Path(name).name
    lock = store.lock_folder()
    try:
        problem = problem_of(path)
        if problem is None:
            raise StoreError(f"{path} is not damaged (or is missing): there is nothing to restore.")
        backup = store.newest_backup_of(path)
        if backup is None:
            raise StoreError(
                f"{path} cannot be read ({problem}) and no backup of it passes the checks. "
                "The file was left untouched; fix it by hand, or move it away to start that file afresh."
            )
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        try:
            kept = _keep_aside(path, stamp)
            try:
                files.atomic_write(path, backup.read_bytes())
            except BaseException:
                _undo_keep_aside(path, kept)
                raise
        except OSError as exc:
            raise StoreError(write_failure(path, exc, doing="restore")) from exc
        try:
            store.bump_revision(path.name)  # other processes drop what they cached of this file
        except OSError:
            pass  # they still see the new file by its inode; the restore itself is done
        store.file(path.name).invalidate()
    finally:
        lock.release()
    return Restored(path, backup, kept)


def _keep_aside(path: Path, stamp: str) -> Path:
    """A second name for the broken file, never over an existing file. A hard link keeps the data
    file in place until the restored copy replaces it; a folder without hard links gets a copy."""
    for n in range(1, 1000):
        kept = path.with_name(f"{path.name}{BROKEN_MARK}{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            os.link(path, kept)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            try:
                files.exclusive_copy(path, kept)
            except FileExistsError:
                continue
        files.fsync_dir(path.parent)
        return kept
    raise OSError(errno.EEXIST, f"too many kept copies of {path.name}")


def _undo_keep_aside(path: Path, kept: Path) -> None:
    """The restore failed after the broken file got its second name: the data file is still the
    broken one, so the second name goes (only when it is the same file or an identical copy)."""
    try:
        if os.path.samefile(path, kept) or path.read_bytes() == kept.read_bytes():
            kept.unlink()
    except OSError:
        pass  # keeping an extra copy is harmless
