"""Real failing disks for the reliability tests: a tiny tmpfs, a read-only bind mount, a file size
limit. Mounting needs root and a sandbox that allows it; the tests skip with the reason otherwise."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest

from tui.store import schema


def _mount(*args: str) -> None:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a real filesystem needs root")
    proc = subprocess.run(["mount", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"mount is not permitted here: {proc.stderr.strip()}")


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextmanager
def tiny_filesystem(folder: Path, size_kb: int = 512) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` KiB mounted on ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _umount(folder)


@contextmanager
def read_only_view(source: Path, view: Path) -> Iterator[Path]:
    """``source`` seen through a read-only bind mount at ``view``: root cannot write there either."""
    view.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(source), str(view))
    try:
        proc = subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], capture_output=True, text=True)
        if proc.returncode != 0:
            pytest.skip(f"a read-only remount is not permitted here: {proc.stderr.strip()}")
        yield view
    finally:
        _umount(view)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the filesystem of ``folder`` to the last byte, then give back ``leave`` bytes."""
    filler = folder / "filler"
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as handle:
        while True:
            try:
                handle.write(chunk)
            except OSError:
                break
        for size in (4096, 512, 1):
            try:
                while True:
                    handle.write(chunk[:size])
            except OSError:
                continue
    os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def data_files(folder: Path) -> dict[str, bytes]:
    """Every data file and backup copy with its bytes (not the lock, the revision tokens or temps)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*.json"))
        if p.is_file() and not p.name.startswith(".")
    }


def leftovers(folder: Path) -> list[str]:
    """Temporary files, journals and unfinished backups left in the folder."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".*")
                  if ".tmp-" in p.name or p.name == ".journal.json")


def assert_every_file_loads(folder: Path) -> None:
    for name, raw in data_files(folder).items():
        assert schema.file_problem(raw) is None, name
        orjson.loads(raw)
