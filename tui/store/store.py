"""The Store: a data folder of TinyDB files with transactions, a cross-process lock and backups.

* Every change runs in ``transaction()``: the folder lock is taken, every cached file is checked
  against the disk, and at the end the changed files are written durably. One changed file is
  replaced atomically; several are written to temporary files, named in a journal, then renamed, so
  a crash leaves the old state or (after roll-forward on the next open) the new one (journal.py).
* Reads come from memory and only re-read a file whose inode, mtime or size changed. Under the
  lock, a per-file revision token (``.revisions.json``, rewritten before every commit) decides:
  inode numbers get reused and mtimes can be coarse, so a stat alone could miss another writer.
* Hot records are split across files (check-ins by year), because TinyDB rewrites a whole table
  and converts every id on each insert.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from itertools import chain
from pathlib import Path

import orjson
from tinydb.table import Table

from . import backups, files, health, journal, schema
from .lock import FolderLock, LockTimeout
from . import folder as data_folder
from .backups import BACKUPS, KEEP_DAILY_BACKUPS  # noqa: F401  (their home is backups.py)
from .journal import JOURNAL, SIDE_FILES  # their home is journal.py
from .errors import StoreError, write_failure
from .records import Change
from .storage import FileStorage

REVISIONS = ".revisions.json"
LOCK = ".rebound.lock"


class Store:
    def __init__(
        self,
        folder: Path,
        *,
        today: Callable[[], date] = date.today,
        lock_timeout: float = 15.0,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.today = today
        self._files: dict[str, FileStorage] = {}
        self._lock_timeout = lock_timeout
        self._lock: FolderLock | None = None  # made on the first change: reads never need it
        self._depth = 0
        self._changes: list[Change] = []
        self.last_changes: tuple[Change, ...] = ()  # what the last committed transaction did
        self._side: dict[str, bytes] = {}  # SIDE_FILES to write with this transaction's data
        self.verdicts = health.Verdicts(self.folder)
        self.seen = data_folder.Seen()  # the folder as last found, to notice it being swapped
        self.now = now or (lambda: datetime.now(timezone.utc))
        self._stamp: str | None = None  # this transaction's time, for the records it changes
        self._last_stamp = datetime.min.replace(tzinfo=timezone.utc)

    @classmethod
    def open(cls, folder: Path, **kwargs: object) -> Store:
        """Create the folder if needed and finish any change a crash interrupted."""
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=files.PRIVATE_FOLDER)
        except OSError as exc:
            raise StoreError(
                f"cannot create the data folder {folder}: {exc.strerror}. "
                "Choose another with --data-dir or REBOUND_DATA_DIR."
            ) from exc
        store = cls(folder, **kwargs)  # type: ignore[arg-type]
        store.check_folder()
        if (folder / JOURNAL).exists():
            with store.transaction():
                pass
        return store

    # Files and tables -----------------------------------------------------------------------
    def file(self, name: str) -> FileStorage:
        storage = self._files.get(name)
        if storage is None:
            storage = FileStorage(self, self.folder / name, kind=name.split("-")[0].split(".")[0])
            self._files[name] = storage
        return storage

    def table(self, file_name: str, table: str) -> Table:
        # A fresh Table each time: TinyDB's query cache and next-id cache would go stale when
        # another process changes the file.
        return Table(self.file(file_name), table, cache_size=0)

    def names_matching(self, prefix: str) -> list[str]:
        """Data files whose name starts with ``prefix`` (on disk or created in this transaction)."""
        found = {
            entry.name
            for entry in os.scandir(self.folder)
            if entry.name.startswith(prefix) and entry.name.endswith(".json")
        } if self.folder.exists() else set()
        found.update(n for n, f in self._files.items() if n.startswith(prefix) and f.dirty)
        return sorted(found)

    def years_named(self, prefix: str, since: date | None = None) -> dict[str, int | None]:
        """The files ``PREFIX-YYYY.json`` (a family split by year) → their years (``files.years_named``)."""
        return files.years_named(self.names_matching(prefix), prefix, since)

    def signature(self) -> tuple[tuple[str, int, int, int], ...]:
        """Changes whenever any data file changes on disk: poll it to notice other processes.

        Also drops the caches another process has outdated, so the reads that follow are fresh.
        """
        result = []
        try:
            self.check_folder()
            entries = list(os.scandir(self.folder))
        except (FileNotFoundError, data_folder.DataFolderGoneError):
            return ()  # the reads that follow say it is gone
        for entry in entries:
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                try:
                    st = entry.stat()
                except FileNotFoundError:
                    continue
                result.append((entry.name, st.st_ino, st.st_mtime_ns, st.st_size))
        revisions = self._revisions()
        if not self._depth:  # drop caches that another process has outdated, stat or no stat
            for name, storage in self._files.items():
                if storage.loaded and storage.rev != revisions.get(name):
                    storage.invalidate()
        tokens = tuple((name, 0, 0, hash(rev)) for name, rev in sorted(revisions.items()))
        return tuple(sorted(result)) + tokens

    # Reading --------------------------------------------------------------------------------
    def check_folder(self) -> None:
        """DataFolderGoneError when the folder was deleted, or swapped for another one (an empty
        folder made at its path) since this Store last looked (see ``folder.Seen``)."""
        if self.seen.check(self.folder, changing=self._depth > 0):
            self.invalidate_all()  # a copy put back: nothing cached is current

    def invalidate_all(self) -> None:
        """Forget every file's cached contents: the next read of each loads it from disk."""
        for storage in self._files.values():
            storage.invalidate()

    def opened(self, name: str) -> FileStorage | None:
        """The file's storage if this Store has opened it (without opening it)."""
        return self._files.get(name)

    def before_read(self, storage: FileStorage, *, need_data: bool = True) -> None:
        if self._depth:
            if storage.data is None and (need_data or not storage.loaded):
                storage.refresh()
            return
        if (self.folder / JOURNAL).exists():
            with self.transaction():  # another writer crashed mid-change: finish it first
                pass
        storage.refresh(need_data=need_data)

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def record(self, change: Change) -> None:
        self._changes.append(change)

    def stamp(self) -> str:
        """The open change's time, for the ``updated`` of every record it writes: UTC to the
        microsecond, and later than any stamp this Store gave before (a clock stepping back
        never orders two changes of one machine backwards)."""
        if self._stamp is None:
            moment = self.now().astimezone(timezone.utc)
            if moment <= self._last_stamp:
                moment = self._last_stamp + timedelta(microseconds=1)
            self._last_stamp = moment
            self._stamp = schema.stamp_text(moment)
        return self._stamp

    @property
    def pending_changes(self) -> tuple[Change, ...]:
        """What the open transaction has changed so far."""
        return tuple(self._changes)

    def require_transaction(self) -> None:
        if not self._depth:
            raise RuntimeError("data can only be changed inside Store.transaction()")

    # Transactions ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Store]:
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        lock = self.lock_folder()
        self._depth = 1
        self._changes = []
        self._side = {}
        self._stamp = None
        try:
            journal.recover(self.folder)
            revisions = self._revisions()
            for name, storage in self._files.items():
                if storage.rev != revisions.get(name):
                    storage.invalidate()
                storage.refresh(need_data=False)  # current; a file let go is parsed when read
            yield self
            self._commit()
            self.last_changes = tuple(self._changes)
        except BaseException:
            self._side = {}
            for storage in self._files.values():
                storage.invalidate()
            raise
        finally:
            self._depth = 0
            lock.release()

    def lock_folder(self) -> FolderLock:
        """Take the folder lock (release it when done). Never makes a vanished folder again."""
        self.check_folder()
        before = data_folder.identity(self.folder, LOCK)
        if self._lock is None:
            self._lock = FolderLock(str(self.folder / LOCK), timeout=self._lock_timeout,
                                    mode=files.PRIVATE_FILE)
        try:
            self._lock.acquire()
        except LockTimeout as exc:
            raise StoreError(
                f"another Rebound has held the lock on {self.folder} for too long; "
                "close it and try again."
            ) from exc
        except OSError as exc:
            if not data_folder.still(self.folder, before, LOCK):  # gone before its lock file was made
                raise data_folder.gone(self.folder, LOCK) from None
            raise StoreError(self._write_failure(exc)) from exc
        if not data_folder.still(self.folder, before, LOCK):  # the lock file made it again
            self._lock.release()
            raise data_folder.gone(self.folder, LOCK)
        return self._lock

    def _write_failure(self, exc: OSError) -> str:
        return write_failure(self.folder, exc)

    def dirty_names(self) -> list[str]:
        """The files this change has written so far (to be saved when it commits)."""
        return sorted(name for name, storage in self._files.items() if storage.dirty)

    def put_side_file(self, name: str, data: bytes) -> None:
        """Inside a change: replace the hidden file ``name`` (one of SIDE_FILES) in the same
        all-or-nothing step as the data files the change writes."""
        self.require_transaction()
        if name not in SIDE_FILES:
            raise ValueError(f"{name} is not a side file")
        self._side[name] = data

    def _commit(self) -> None:
        dirty = [f for f in self._files.values() if f.dirty]
        side, self._side = self._side, {}
        if not dirty and not side:
            return
        try:
            backups.daily_backup(self)
            self._bump_revisions(dirty)
            for storage in dirty:
                if storage.migrated_from is not None and storage.path.exists():
                    name = f"pre-migration-v{storage.migrated_from}"
                    backups.backup_files(self, name, [storage.path])
            if len(dirty) == 1 and not side:
                files.atomic_write(dirty[0].path, dirty[0].serialize())
            else:
                journal.write_all(self.folder, chain(
                    ((storage.path, storage.serialize()) for storage in dirty),  # one at a time
                    ((self.folder / name, data) for name, data in side.items())))
        except OSError as exc:
            raise StoreError(self._write_failure(exc)) from exc
        for storage in dirty:
            storage.stamp = files.stamp(storage.path)
            storage.dirty = False
            storage.migrated_from = None
            if storage.path.name == data_folder.MAIN:
                self.seen.had_main = True  # a folder without it from now on is not this one

    def _revisions(self) -> dict[str, str]:
        try:
            found = orjson.loads((self.folder / REVISIONS).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        return found if isinstance(found, dict) else {}

    def revision_of(self, name: str) -> str | None:
        return self._revisions().get(name)

    def revisions(self) -> dict[str, str]:
        """Every file's revision token (see the module docstring), read once."""
        return self._revisions()

    def bump_revision(self, name: str) -> None:
        """A new revision token for a file replaced outside a transaction (a restore): other
        processes drop what they cached of it. OSError when ``.revisions.json`` cannot be written."""
        self._bump_revisions([self.file(name)])

    def _bump_revisions(self, dirty: list[FileStorage]) -> None:
        """New tokens for the files about to change, written before them: a crash in between
        costs another process one needless re-read, never a stale cache."""
        revisions = self._revisions()
        for storage in dirty:
            storage.rev = revisions[storage.path.name] = os.urandom(8).hex()  # not `secrets`: OpenSSL at start
        tmp = files.write_temp(self.folder / REVISIONS, orjson.dumps(revisions), durable=False)
        os.replace(tmp, self.folder / REVISIONS)

    # Data files and backups ----------------------------------------------------------------
    def data_names(self) -> list[str]:
        """Every entry named like a data file, whatever it is (a folder or a link is reported)."""
        return sorted(
            e.name for e in os.scandir(self.folder)
            if e.name.endswith(".json") and not e.name.startswith(".")
        )

    def data_files(self) -> list[Path]:
        """The data files: plain files only (never a link, a folder or a pipe)."""
        return [
            Path(e.path)
            for e in os.scandir(self.folder)
            if e.is_file(follow_symlinks=False) and e.name.endswith(".json")
            and not e.name.startswith(".")
        ]

    def newest_backup_of(self, path: Path) -> Path | None:
        return backups.newest_backup_of(self, path)
