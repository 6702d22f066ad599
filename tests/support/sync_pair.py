"""Two data folders and a local bare remote, for the sync tests (in process, real git)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tui.services import Rebound
from tui.services.transfer import export_bytes


def bare_remote(root: Path, name: str = "remote.git") -> Path:
    remote = root / name
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    return remote


def machine(root: Path, name: str) -> Rebound:
    return Rebound.open(root / name)


def export(rb: Rebound) -> bytes:
    rb.store.invalidate_all()  # read what is on disk, as `rebound export` would
    return export_bytes(rb)


def data_files(folder: Path) -> dict[str, bytes]:
    """The data files and git's own files that a sync may change (not the caches)."""
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json")) if not p.name.startswith(".")}
