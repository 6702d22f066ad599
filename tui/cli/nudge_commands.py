"""`rebound remind` (and `rebound review`): what reaches the user outside the app."""

from __future__ import annotations

import argparse
import shutil
import subprocess

from .. import paths
from ..services import Rebound


def remind_command(args: argparse.Namespace) -> int:
    from ..services.nudge import parse_time, reminder

    after = parse_time(args.after) if args.after else None
    folder = paths.data_dir(args.data_dir)
    if not folder.is_dir():
        return 0  # no data yet: nothing to remind of, and nothing is made
    from ..store import Store

    # Not Store.open: that may make the folder or finish a crashed change; a reminder reads only.
    text = reminder(Rebound(Store(folder)), after)
    if text is not None:
        notify(text)
    return 0


def notify(text: str) -> None:
    """A desktop notification through notify-send where it is; otherwise (or if it fails, as
    without a desktop session) the line on stdout, which cron mails and systemd logs."""
    sender = shutil.which("notify-send")
    if sender:
        try:
            done = subprocess.run([sender, "--app-name=Rebound", "Rebound", text],
                                  capture_output=True, timeout=10)
            if done.returncode == 0:
                return
        except (OSError, subprocess.SubprocessError):
            pass
    print(text)


def review_command(rb: Rebound, args: argparse.Namespace) -> int:
    from ..core import weekly_review_text as write
    from ..services.days import parse_day
    from ..services.weekly_review import weekly_review

    found = weekly_review(rb, parse_day(args.week, rb.today()), notes=args.notes)
    if args.format == "json":
        from .commands import emit_json

        emit_json(write.as_json(found))
    else:
        print(write.markdown(found) if args.format == "md" else write.text(found), end="")
    return 0
