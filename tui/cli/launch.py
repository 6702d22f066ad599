"""Open the app (``rebound``) or the demo (``rebound demo``). The only CLI path to Textual."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .. import paths
from ..services import Rebound
from ..store import repo


def open_app(args: argparse.Namespace) -> int:
    if args.command == "demo":
        with tempfile.TemporaryDirectory(prefix="rebound-demo-") as folder:
            from ..demo import generate

            rb = Rebound.open(Path(folder))
            generate(rb)
            return run(rb)
    return run(Rebound.open(paths.data_dir(args.data_dir)))


def run(rb: Rebound) -> int:
    repo.goals(rb.store)  # read once before painting: a broken file is reported, not drawn over
    from ..app import ReboundApp

    app = ReboundApp(rb)
    app.run()
    if app.fatal_error:
        print(f"rebound: {app.fatal_error}", file=sys.stderr)
        return 3
    return 0
