"""One data file as a TinyDB storage: read from memory, re-read only when the file changed."""

from __future__ import annotations

import errno
import itertools
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import orjson
from tinydb.storages import Storage

from . import files, health, schema
from .errors import CorruptFileError, NewerSchemaError, StoreError
from .folder import DataFolderGoneError

if TYPE_CHECKING:
    from .store import Store

T = TypeVar("T")
_versions = itertools.count()
LET_GO = ("contacts", "rejections")  # single files whose memos hold what is shown: the records are let go


class FileStorage(Storage):
    """A TinyDB storage for one JSON file of a Store.

    TinyDB mutates what ``read`` returns before handing it to ``write``, so an aborted transaction
    must throw the cached copy away (``invalidate``) and read the file again.
    """

    def __init__(self, store: Store, path: Path, kind: str) -> None:
        self.store = store
        self.path = path
        self.kind = kind
        self.data: schema.Tables | None = None
        self.stamp: tuple[int, int, int] | None = None
        self.dirty = False
        self.migrated_from: int | None = None
        self.rev: str | None = None  # the revision token of what is cached (see Store)
        self.version = next(_versions)  # changes whenever ``data`` may have changed
        self._memo: dict[str, tuple[int, Any]] = {}
        self.released = False  # ``data`` let go with the file unchanged: memos still current
        # One year of a family's records, or a single file read whole for its memos: its parsed
        # records are let go once a memo is made (``release``). Goals and settings stay: small.
        self.releasable = path.stem.rpartition("-")[2].isdecimal() or kind in LET_GO

    # TinyDB's Storage interface -------------------------------------------------------------
    def read(self) -> dict[str, Any]:
        self.store.before_read(self)
        assert self.data is not None
        return self.data

    @property
    def loaded(self) -> bool:
        """Read (every record checked) and current as far as this Store knows: ``data`` is held,
        or was let go (``release``) while the file stayed as read."""
        return self.data is not None or self.released

    def write(self, data: dict[str, Any]) -> None:
        try:
            self.store.require_transaction()
        except RuntimeError:
            self.invalidate()  # TinyDB already changed the cached copy; the next commit would save it
            raise
        self.data = data
        self.dirty = True
        self.version = next(_versions)

    def replace_with(self, raw: bytes, *, checked: bool = False) -> None:
        """Inside a change: the file's whole content becomes ``raw`` (a sync's merged version),
        checked as a read checks the file (``checked``: the merge has just done so, at the
        current schema); CorruptFileError (nothing changed) when it fails."""
        self.store.require_transaction()
        self.write(orjson.loads(raw) if checked else self._parse(raw))
        self.migrated_from = None  # a migration backup is of the file on disk, not of this

    def close(self) -> None:  # TinyDB calls this; nothing is held open
        pass

    # Cache management -----------------------------------------------------------------------
    def invalidate(self) -> None:
        self.data = None
        self.released = False
        self.stamp = None
        self.dirty = False
        self.migrated_from = None
        self.rev = None
        self.version = next(_versions)

    def refresh(self, *, need_data: bool = True) -> None:
        """Load the file if it is not cached or has changed on disk since it was read; a file let
        go (``release``) and unchanged is parsed again only for ``need_data``, and keeps its
        version (its memos stay current)."""
        if self.loaded and self.stamp is not None and files.stamp(self.path) == self.stamp:
            if self.data is not None or not need_data:
                return
        self.store.check_folder()  # swapped for an empty one: never read as "no data"
        rev = self.store.revision_of(self.path.name)  # read before the data, never after
        try:
            raw, current = health.read_plain(self.path)
        except FileNotFoundError:
            if not self.path.parent.is_dir():
                raise DataFolderGoneError(self.path.parent) from None  # never shown as no data
            if self.data is None or self.stamp is not None:
                self.data, self.stamp, self.dirty = schema.empty(self.kind), None, False
                self.rev = rev
            return
        except OSError as exc:  # no permission, a folder, a pipe, a link: named, never a traceback
            raise self._unreadable(exc) from exc
        same = self.released and current == self.stamp and rev == self.rev
        # Checked when this Store first read it, or found sound (``.checked.json``) as it is now:
        # the records' checks are not repeated.
        self.data = self._parse(raw, checked=same or self.store.verdicts.good(self.path.name, current))
        self.released = False
        self.stamp = current
        self.dirty = False
        self.rev = rev
        if not same:
            self.version = next(_versions)

    def _unreadable(self, exc: OSError) -> StoreError:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symbolic link
            problem = health.not_a_file(stat.S_IFLNK)
        else:
            problem = exc.strerror or str(exc)
        if exc.errno in (0, errno.ELOOP):  # not a regular file: the problem says what to do
            return StoreError(f"cannot read {self.path}: {problem}. It was left untouched.")
        return StoreError(
            f"cannot read {self.path}: {problem}. The file was left untouched; "
            "make it a readable file (or move it away) and try again."
        )

    def _parse(self, raw: bytes, *, checked: bool = False) -> schema.Tables:
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            problem = "it is empty" if not raw.strip() else f"it is not valid JSON ({exc})"
            raise CorruptFileError(self.path, problem, self.store.newest_backup_of(self.path))
        problem = schema.shape_problem(data)
        if problem:
            raise CorruptFileError(self.path, problem, self.store.newest_backup_of(self.path))
        version = schema.version_of(data)
        assert version is not None
        if version > schema.SCHEMA_VERSION:
            raise NewerSchemaError(self.path, version, schema.SCHEMA_VERSION)
        if version < schema.SCHEMA_VERSION:
            self.migrated_from = version
            data = schema.migrate(data)
        elif checked:
            return data
        problem = schema.record_problem(data, raw)  # a hand edit: refused here, never a raw ValueError
        if problem:
            raise CorruptFileError(self.path, problem, self.store.newest_backup_of(self.path))
        return data

    def memo(self, key: str, compute: Callable[[schema.Tables], T]) -> T:
        """``compute(data)``, cached until the data changes. Callers must not mutate the result.

        A year's file (or contacts, rejections) parsed only for this memo is let go again once it
        is computed (``release``): years of records are never all held at once (the high-water
        mark of memory is one file, not the folder), and the memos of a file that did not change
        stay current without a new read."""
        parsed_here = self.data is None
        self.store.before_read(self, need_data=False)
        hit = self._memo.get(key)
        if hit is not None and hit[0] == self.version:
            return hit[1]  # type: ignore[no-any-return]
        value = compute(self.data if self.data is not None else self.read())  # current: checked above
        self._memo[key] = (self.version, value)
        if parsed_here:
            self.release()
        return value

    def release(self) -> None:
        """Let go of the parsed records of a year's file, contacts or rejections that is as it
        was read (its memos stay current); the next raw read (a query, a change) parses it again,
        without the checks it passed, and keeps it. Goals and settings (small, read on every
        change), a file changed here and not yet written, and any file inside a change are kept."""
        if (not self.releasable or self.data is None or self.dirty or self.stamp is None
                or self.migrated_from is not None or self.store.in_transaction):
            return
        self.data = None
        self.released = True

    def serialize(self) -> bytes:
        assert self.data is not None
        return orjson.dumps(self.data, option=orjson.OPT_INDENT_2) + b"\n"
