"""Open the app (``rebound``) or the demo (``rebound demo``). The only CLI path to Textual."""

from __future__ import annotations

import argparse
import gc
import tempfile
from pathlib import Path

from .. import paths
from ..services import Rebound
from ..services.memo import summaries


def open_app(args: argparse.Namespace) -> int:
    if args.command == "demo":
        with tempfile.TemporaryDirectory(prefix="rebound-demo-") as folder:
            from ..demo import generate

            rb = Rebound.open(Path(folder))
            generate(rb)
            return run(rb)
    return run(Rebound.open(paths.data_dir(args.data_dir)))


def run(rb: Rebound) -> int:
    gc.disable()  # start-up allocates much and frees little; the app collects after its first frame
    summaries(rb)  # read first: a broken file is reported, not drawn over; Today draws these
    from ..app import ReboundApp

    app = ReboundApp(rb)
    app.run()
    return app.return_code or 0
