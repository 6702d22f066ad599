"""`rebound export` and `rebound import`."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from datetime import date
from pathlib import Path

from ..core.errors import InputError
from ..services import Rebound
from ..services import transfer
from ..store import files


def export_command(rb: Rebound, args: argparse.Namespace) -> int:
    fmt = args.format
    out = Path(args.out) if args.out else None
    if fmt != "worklog" and (args.from_day is not None or args.to_day is not None):
        raise InputError("--from and --to go with --format worklog")
    if fmt == "csv":
        if out is None:
            raise InputError("--format csv writes one file per kind of record: give a folder with --out DIR")
        if out.exists() and not out.is_dir():
            raise InputError(f"{out} is not a folder; --format csv needs --out DIR")
        from ..services.export_files import write_csv

        written = _writing(out, lambda: write_csv(rb, out))
        print(f"Wrote {len(written)} CSV files to {out}")
        return 0
    if fmt == "ics":
        from ..services.export_files import followups_ics

        data = followups_ics(rb)
    elif fmt == "worklog":
        from ..services.worklog import worklog_csv

        data = worklog_csv(rb, *_span(rb, args.from_day, args.to_day))
    else:
        data = transfer.export_bytes(rb)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name with --out")
    _writing(out, lambda: _write_file(out, data))
    return 0


def _span(rb: Rebound, first: str | None, last: str | None) -> tuple[date, date]:
    """The worklog's days: --from (default: the whole record) to --to (default today)."""
    from ..services.days import EARLIEST, parse_day

    today = rb.today()
    days = []
    for flag, text, default in (("--from", first, EARLIEST), ("--to", last, today)):
        try:
            days.append(default if text is None else parse_day(text, today))
        except InputError as exc:
            raise InputError(f"{flag}: {exc}") from None
    if days[0] > days[1]:
        raise InputError(f"--from {days[0].isoformat()} is after --to {days[1].isoformat()}")
    return days[0], days[1]


def _write_file(out: Path, data: bytes) -> None:
    """A new or regular file is written beside itself and renamed into place (a full disk keeps
    the old export whole); a device, pipe or link (``/dev/stdout``) is written through, never
    replaced."""
    try:
        mode = os.lstat(out).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if stat.S_ISREG(mode):
        files.atomic_write(out, data)
    else:
        with out.open("wb") as handle:
            handle.write(data)


def _writing(out: Path, write):  # type: ignore[no-untyped-def]
    try:
        return write()
    except BrokenPipeError:  # --out /dev/stdout into `| head`: the reader went, stop quietly
        raise
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None


def import_command(rb: Rebound, args: argparse.Namespace) -> int:
    path = Path(args.path)
    if args.source == "loop":
        from ..services.loop_import import import_loop

        report = import_loop(rb, path)
        closest = (f"; closest weekly goal for {', '.join(report.approximated)}"
                   if report.approximated else "")
        print(f"Imported {report.goals} goals with {report.checkins} check-ins "
              f"and {report.skips} skips from Loop Habit Tracker{closest}")
        return 0
    found = transfer.read_export(path)
    result = transfer.import_records(rb, found, merge=args.merge)
    kept = f"; {result.already} already present were kept" if result.already else ""
    print(f"Imported {result.added} records from {path}{kept}")
    return 0
