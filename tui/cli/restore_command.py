"""`rebound restore [FILE]`: put broken data files back from their newest good backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import InputError
from ..services import Rebound
from ..services import restore as restore_service
from ..store.errors import StoreError


def restore_command(rb: Rebound, args: argparse.Namespace) -> int:
    broken = restore_service.broken_files(rb)
    if args.file:
        name = Path(args.file).name
        if not (rb.store.folder / name).is_file() or not name.endswith(".json"):
            raise InputError(f"{rb.store.folder} holds no data file named {name!r}")
        broken = [b for b in broken if b.path.name == name]
        if not broken:
            raise InputError(f"{name} is not damaged: there is nothing to restore")
    if not broken:
        print(f"Nothing to restore: no data file in {rb.store.folder} is damaged.")
        return 0
    without = [b for b in broken if b.backup is None]
    for item in broken:
        if item.backup is None:
            continue
        done = restore_service.restore(rb, item.path.name)
        print(f"Restored {done.path.name} from {restore_service.describe_backup(done)}; "
              f"the broken file is kept as {done.kept_as.name}")
    if without:
        names = ", ".join(str(b.path) for b in without)
        raise StoreError(
            f"no backup that reads fine exists for {names}; it was left untouched: fix it by hand, "
            "or move it away to start that file afresh"
        )
    return 0
