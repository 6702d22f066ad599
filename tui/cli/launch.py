"""Open the app (``rebound``) or the demo (``rebound demo``). The only CLI path to Textual."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from .. import paths
from ..services import Rebound
from ..services.status import goal_summaries


def open_app(args: argparse.Namespace) -> int:
    if args.command == "demo":
        with tempfile.TemporaryDirectory(prefix="rebound-demo-") as folder:
            from ..demo import generate

            rb = Rebound.open(Path(folder))
            generate(rb)
            return run(rb)
    return run(Rebound.open(paths.data_dir(args.data_dir)))


def run(rb: Rebound) -> int:
    goal_summaries(rb)  # read everything once first: a broken file is reported, not drawn over
    from ..app import ReboundApp

    app = ReboundApp(rb)
    app.run()
    return app.return_code or 0
