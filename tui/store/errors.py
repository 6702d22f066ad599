"""Errors that mean the data cannot be read or written. The CLI exits 3 on these."""

from __future__ import annotations

import errno
from pathlib import Path

_AGAIN = "try again"
# errno -> (the cause in plain words, what to do), for a write that failed
_CAUSES = {
    errno.ENOSPC: ("the disk is full", f"free some space and {_AGAIN}"),
    errno.EDQUOT: ("your disk quota is used up", f"free some space and {_AGAIN}"),
    errno.EFBIG: ("a file would pass the file size limit", f"raise the limit (ulimit -f) and {_AGAIN}"),
    errno.EROFS: ("the folder is on a read-only file system",
                  "make it writable, or choose another folder with --data-dir or REBOUND_DATA_DIR"),
    errno.EACCES: ("the folder is not writable", f"fix the folder's permissions and {_AGAIN}"),
    errno.EPERM: ("the folder is not writable", f"fix the folder's permissions and {_AGAIN}"),
    errno.EISDIR: ("a folder stands where Rebound keeps a file", f"move it away and {_AGAIN}"),
    errno.ENOTDIR: ("a file stands where Rebound keeps a folder", f"move it away and {_AGAIN}"),
    errno.EEXIST: ("something stands where Rebound keeps a folder", f"move it away and {_AGAIN}"),
}
_IN_THE_WAY = (errno.EISDIR, errno.ENOTDIR, errno.EEXIST)  # the message names what is in the way


def write_failure(folder: Path, exc: OSError, *, doing: str = "save to") -> str:
    """'could not save to DIR: the disk is full (No space left on device). Nothing was changed; ...'"""
    cause, advice = _CAUSES.get(
        exc.errno or 0, (None, f"free some space or fix the folder's permissions and {_AGAIN}")
    )
    detail = exc.strerror or str(exc)
    what = f"{cause} ({detail})" if cause else detail
    if exc.errno in _IN_THE_WAY and exc.filename:
        what = f"{exc.filename}: {what}"
    return f"could not {doing} {folder}: {what}. Nothing was changed; {advice}."


class StoreError(Exception):
    """Data cannot be read or written. The message says what happened and what to do next."""


class CorruptFileError(StoreError):
    def __init__(self, path: Path, problem: str, backup: Path | None = None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        advice = (
            f"the newest good backup is {backup}: `rebound restore {path.name}` puts it back "
            "and keeps the broken file aside"
            if backup
            else "no backup of it exists yet: fix it by hand, or move it away to start afresh"
        )
        super().__init__(
            f"cannot read {path}: {problem}. The file was left untouched; {advice}."
        )


class NewerSchemaError(StoreError):
    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path = path
        super().__init__(
            f"{path} was written by a newer Rebound (schema {found}; this one knows up to "
            f"{known}). Upgrade Rebound to open it; the file was left untouched."
        )
