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
