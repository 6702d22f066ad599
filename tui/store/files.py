"""Durable file writes (temporary file in the same folder, flush, fsync, rename, fsync the
folder), and the names of the files a family of records is split into, a year each.

Privacy: a job search's contacts, notes and moods are nobody else's business, so every file
Rebound makes is 0600 and every folder 0700 (as ``pass`` and gnupg do), whatever the umask. A
file rewritten keeps the mode it had, so a user's ``chmod`` survives saves.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

TMP_MARK = ".tmp-"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def mode_of(path: Path) -> int:
    """The permission bits a rewrite of ``path`` keeps: its own, or private for a new file."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return PRIVATE_FILE


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}-{os.urandom(4).hex()}")


def write_temp(path: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` beside ``path`` in a new temporary file, fsynced, with the mode ``path`` has
    (private when it is new). Returns the temp path."""
    return write_new(temp_path_for(path), data, durable=durable, mode=mode_of(path))


def exclusive_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to a new file ``target``, fsynced; FileExistsError if ``target`` exists."""
    write_new(target, source.read_bytes())


def write_new(tmp: Path, data: bytes, *, durable: bool = True, mode: int = PRIVATE_FILE) -> Path:
    """Write ``data`` to the new file ``tmp`` (never an existing one); on failure it is removed."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode & 0o777)
    try:
        os.fchmod(fd, mode)  # exactly ``mode``: the umask may have taken bits off a kept mode
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        if durable:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def stamp(path: Path) -> tuple[int, int, int] | None:
    """Identity of the file's current content: every atomic write makes a new inode."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def years_named(names: Iterable[str], prefix: str, since: date | None = None) -> dict[str, int | None]:
    """Those of ``names`` that are ``PREFIX-YYYY.json`` (a family split by year) → the year in each
    (None: a name that holds no year); from ``since``'s year on when given (yearless ones too)."""
    named: dict[str, int | None] = {}
    for name in names:
        if name.startswith(prefix) and name.endswith(".json"):
            year = name[len(prefix):-len(".json")]
            named[name] = int(year) if year.isdecimal() else None
    return {n: y for n, y in named.items() if since is None or y is None or y >= since.year}
