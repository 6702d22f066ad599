"""Is each data file sound? Answered cheaply enough for every command to ask.

A file's verdict is remembered by its content's identity (inode, mtime, size; every save makes a
new inode) in ``.checked.json``, so years of data are checked once, not on every command. A file
this process loaded or wrote is known sound. The folder's permissions are looked at here too.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from . import files, schema

if TYPE_CHECKING:
    from .store import Store

CHECKED = ".checked.json"
Stamp = tuple[int, int, int]


def not_a_file(mode: int) -> str | None:
    """Why an entry named like a data file is not one Rebound reads, in words (None: it is)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return ("it is a symbolic link, and Rebound keeps its data in plain files only (it never "
                "reads or writes through a link): replace the link by the file it points to")
    kind = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket"}
    return f"it is {kind.get(stat.S_IFMT(mode), 'not a regular file')}, not a file: move it away"


def read_plain(path: Path) -> tuple[bytes, Stamp]:
    """The bytes of a regular file, never through a symbolic link and never waiting on a pipe.
    OSError (``filename`` set) when it is something else; FileNotFoundError when it is missing."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    try:
        st = os.fstat(fd)
        problem = not_a_file(st.st_mode)
        if problem:
            raise OSError(0, problem, str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read()
    finally:
        os.close(fd)
    return raw, (st.st_ino, st.st_mtime_ns, st.st_size)


def readable(path: Path) -> bool:
    """Would a restore accept this copy: valid JSON, the right shape and schema, every record."""
    try:
        return schema.file_problem(path.read_bytes()) is None
    except OSError:
        return False


def problem_of(path: Path) -> str | None:
    """Why the data file at ``path`` is damaged, or None: also when it does not exist, and when a
    newer Rebound wrote it (that file is sound; an older backup must not replace it)."""
    return _check(path)[0]


def _check(path: Path) -> tuple[str | None, Stamp | None]:
    """(the problem or None, the identity of the content found sound)."""
    try:
        raw, found = read_plain(path)
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symbolic link
            return not_a_file(stat.S_IFLNK), None
        if not exc.errno:
            return exc.strerror, None
        return f"it cannot be read ({exc.strerror or exc})", None
    problem = schema.file_problem(raw)
    if problem is None:
        return None, found
    return (None if _newer(raw) else problem), None


def _newer(raw: bytes) -> bool:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return False
    version = schema.version_of(data) if isinstance(data, dict) else None
    return version is not None and version > schema.SCHEMA_VERSION


class Verdicts:
    """The remembered verdicts of ``.checked.json``: content found sound, and the folder mode
    already warned about. Losing the file costs one check of every file."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / CHECKED
        self._good: dict[str, list[int]] | None = None
        self.warned_mode: int | None = None
        self._changed = False

    def _load(self) -> dict[str, list[int]]:
        if self._good is None:
            try:
                found = orjson.loads(read_plain(self.path)[0])
            except (OSError, orjson.JSONDecodeError):
                found = {}
            good = found.get("good") if isinstance(found, dict) else None
            self._good = good if isinstance(good, dict) else {}
            mode = found.get("warned_mode") if isinstance(found, dict) else None
            self.warned_mode = mode if isinstance(mode, int) else None
        return self._good

    def good(self, name: str, stamp: Stamp) -> bool:
        return self._load().get(name) == list(stamp)

    def mark(self, name: str, stamp: Stamp) -> None:
        if not self.good(name, stamp):
            self._load()[name] = list(stamp)
            self._changed = True

    def warned(self, mode: int | None) -> bool:
        self._load()
        if self.warned_mode == mode:
            return True
        self.warned_mode, self._changed = mode, True
        return False

    def save(self) -> None:
        if not self._changed:
            return
        data = orjson.dumps({"good": self._load(), "warned_mode": self.warned_mode})
        try:
            files.write_temp(self.path, data, durable=False).replace(self.path)
        except OSError:
            return  # a read-only folder: the checks are only repeated
        self._changed = False


def known_sound(store: Store, name: str, stamp: Stamp | None) -> bool:
    if stamp is None:
        return False
    storage = store.opened(name)
    if storage is not None and storage.loaded and storage.stamp == stamp:
        store.verdicts.mark(name, stamp)  # loaded (every record checked) or written here
        return True
    return store.verdicts.good(name, stamp)


def copy_reads_fine(store: Store, path: Path, before: Stamp | None, copy: Path) -> bool:
    """Is the backup ``copy`` of ``path`` (whose identity was ``before`` the copy) sound?"""
    unchanged = before is not None and files.stamp(path) == before
    if unchanged and known_sound(store, path.name, before):
        return True
    if not readable(copy):
        return False
    if unchanged:
        assert before is not None
        store.verdicts.mark(path.name, before)
    return True


def problems(store: Store) -> list[tuple[Path, str]]:
    """Every entry of the folder named like a data file that cannot be read, with the reason."""
    found = []
    for name in store.data_names():
        path = store.folder / name
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            continue
        if known_sound(store, name, (st.st_ino, st.st_mtime_ns, st.st_size)):
            continue
        problem, sound = _check(path)
        if problem is not None:
            found.append((path, problem))
        elif sound is not None:
            store.verdicts.mark(name, sound)
    store.verdicts.save()
    return found


def open_to_others(store: Store) -> int | None:
    """The folder's mode when other users may look into it and no warning was given yet for that
    mode (once per mode: a folder shared on purpose is not nagged about)."""
    try:
        mode = os.stat(store.folder).st_mode & 0o7777
    except OSError:
        return None
    if not mode & 0o077:
        store.verdicts.warned(None)  # private again: a later opening up is warned about anew
        store.verdicts.save()
        return None
    if store.verdicts.warned(mode):
        return None
    store.verdicts.save()
    return mode
