"""`rebound sync init REMOTE`, `rebound sync`, `rebound sync --status`."""

from __future__ import annotations

import argparse
import sys

from ..services import Rebound


def sync_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..sync.git import SyncError

    try:
        if args.sync_command == "init":
            from ..services.sync_setup import init

            print(init(rb, args.remote).line())
        elif args.status:
            from ..services.sync_setup import status

            for line in status(rb).lines():
                print(line)
        else:
            from ..services.sync import sync

            print(sync(rb).line())
    except SyncError as exc:
        print(f"rebound: {exc}", file=sys.stderr)
        return exc.code
    except OSError as exc:  # the folder or its .git cannot be written
        print(f"rebound: cannot sync {rb.store.folder}: {exc.strerror or exc} "
              f"({exc.filename or 'the data folder'})", file=sys.stderr)
        return 3
    return 0


def sync_on_quit(rb: Rebound) -> None:
    """After the app closed: `rebound sync` when the setting asks for it and the folder is set
    up to sync. Its line is printed; a failure never changes the app's exit status."""
    from ..services.settings import current
    from ..store.errors import StoreError

    try:
        if not current(rb).sync_on_quit or not (rb.store.folder / ".git").is_dir():
            return
    except StoreError:
        return
    from ..services.sync import sync
    from ..sync.git import SyncError

    print("Syncing with your remote…", flush=True)
    try:
        print(sync(rb).line())
    except (SyncError, StoreError, OSError) as exc:
        print(f"rebound: sync failed: {exc}", file=sys.stderr)
