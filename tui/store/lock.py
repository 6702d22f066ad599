"""The data folder's lock: one change at a time, across processes.

On Unix it is ``flock`` on ``.rebound.lock``, taken here: the same lock filelock takes (the two
exclude each other), without filelock's import, which alone (logging, secrets, decimal) cost every
changing command 17 ms. Elsewhere filelock takes it. Re-entrant: a change inside a change holds it
once.
"""

from __future__ import annotations

import os
import time
from typing import Any

POLL = 0.05  # seconds between tries while another process holds it


class LockTimeout(Exception):
    """The lock was held by another process for longer than the timeout."""


class FolderLock:
    def __init__(self, path: str, *, timeout: float, mode: int) -> None:
        self.path = path
        self.timeout = timeout
        self.mode = mode
        self._fd: int | None = None
        self._depth = 0
        self._other: Any = None  # filelock's lock, where there is no flock

    def acquire(self) -> None:
        """Take the lock, waiting up to ``timeout`` seconds; LockTimeout, or OSError when the
        lock file cannot be made."""
        if self._depth:
            self._depth += 1
            return
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            self._acquire_elsewhere()
        else:
            self._fd = self._flock(fcntl)
        self._depth = 1

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth:
            return
        if self._other is not None:  # pragma: no cover - Windows
            self._other.release()
            return
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the last descriptor ends the flock

    def _flock(self, fcntl: Any) -> int:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, self.mode)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout(self.path) from None
                time.sleep(POLL)
            except BaseException:
                os.close(fd)
                raise

    def _acquire_elsewhere(self) -> None:  # pragma: no cover - Windows
        from filelock import FileLock, Timeout

        if self._other is None:
            self._other = FileLock(self.path, timeout=self.timeout, mode=self.mode)
        try:
            self._other.acquire()
        except Timeout:
            raise LockTimeout(self.path) from None
