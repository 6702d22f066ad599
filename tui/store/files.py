"""Durable file writes (temporary file in the same folder, flush, fsync, rename, fsync the
folder), and the names of the files a family of records is split into, a year each."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from datetime import date
from pathlib import Path

TMP_MARK = ".tmp-"


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def write_temp(path: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` beside ``path`` in a new temporary file, fsynced. Returns the temp path."""
    return write_new(temp_path_for(path), data, durable=durable)


def exclusive_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to a new file ``target``, fsynced; FileExistsError if ``target`` exists."""
    write_new(target, source.read_bytes())


def write_new(tmp: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to the new file ``tmp`` (never an existing one); on failure it is removed."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
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
