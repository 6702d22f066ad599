"""Open the app (``rebound``) or the demo (``rebound demo``). The only CLI path to Textual."""

from __future__ import annotations

import gc
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from ..services import Rebound
from ..services.memo import summaries
from ..store.errors import CorruptFileError

if TYPE_CHECKING:
    import argparse


def open_app(args: argparse.Namespace) -> int:
    if args.command == "demo":
        with tempfile.TemporaryDirectory(prefix="rebound-demo-") as folder:
            from ..demo import generate

            remove_on_hangup(Path(folder))

            rb = Rebound.open(Path(folder))
            generate(rb)
            return run(rb)
    return open_folder(args.data_dir)


def open_folder(data_dir: str | None) -> int:
    """The app on ``--data-dir`` (None: REBOUND_DATA_DIR or the user's data folder)."""
    return run(Rebound.open(paths.data_dir(data_dir)))


def remove_on_hangup(folder: Path) -> None:
    """Closing the terminal (SIGHUP) or a kill (SIGTERM) ends the process without unwinding the
    ``with`` that removes the demo's folder: remove it first, then die of the signal as before."""
    import os
    import shutil
    import signal

    def remove_then_die(signum: int, frame: object) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    for name in ("SIGHUP", "SIGTERM"):  # Windows has no SIGHUP
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), remove_then_die)


def run(rb: Rebound) -> int:
    while True:
        try:
            summaries(rb)  # read first: a broken file is reported, not drawn over; Today draws these
            break
        except CorruptFileError as exc:
            if not (sys.stdin.isatty() and sys.stdout.isatty()) or not restored_at_start(rb, exc):
                raise  # a script, or "Not now": exit 3 with the message naming `rebound restore`
    gc.disable()  # start-up allocates much and frees little; the app collects after its first frame
    from ..app import ReboundApp

    app = ReboundApp(rb)
    app.run()
    from .sync_commands import sync_on_quit

    sync_on_quit(rb)  # the setting's sync, in the terminal the app has given back
    return app.return_code or 0


def restored_at_start(rb: Rebound, error: CorruptFileError) -> bool:
    """In a terminal, offer the newest good backup of a file found broken at start-up."""
    from ..screens.restore import RestoreAtStart

    prompt = RestoreAtStart(rb, error)
    restored = bool(prompt.run())
    if prompt.failure is not None:
        raise prompt.failure
    return restored
