"""Run a command line: parse, dispatch, and map failures to the exit codes of product.md §4."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from ..core.errors import InputError
from ..store.errors import StoreError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3
EXIT_PIPE = 128 + 13  # what a shell reports for a Unix tool ended by SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, not at exit where it cannot be caught
        return code
    except BrokenPipeError:
        # `rebound status | head -1`: the reader has gone, so stop quietly as Unix tools do;
        # the rest of the output goes nowhere instead of failing again at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):  # a stdout without a file descriptor (a test's capture)
            pass
        return EXIT_PIPE


def just_open(argv: Sequence[str]) -> tuple[str | None] | None:
    """``(DIR,)`` when the command line only opens the app (nothing, or ``--data-dir DIR``):
    then no parser is built (argparse and every command's options cost the start ~20 ms)."""
    if not argv:
        return (None,)
    if len(argv) == 2 and argv[0] == "--data-dir" and not argv[1].startswith("-"):
        return (argv[1],)
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return (argv[0].partition("=")[2],)
    return None


def _run(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        opening = just_open(argv)
        if opening is not None:
            from .launch import open_folder

            return open_folder(opening[0])
        from . import parser as cli_parser
        from .edit_parser import route

        args = cli_parser.build().parse_args(route(argv))
        if args.command == "merge-driver":  # normally routed in __main__, before these imports
            from ..sync.driver import main as merge_driver

            return merge_driver([args.base, args.ours, args.theirs, args.path])
        if args.command in (None, "demo"):
            from .launch import open_app

            return open_app(args)
        from . import commands

        gc.disable()  # a command lives a second: reference counting frees what it drops, and the
        # cyclic collector would only walk years of parsed records again and again (a third of a
        # sync's merge)
        return commands.run(args)
    except InputError as exc:
        print(f"rebound: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except StoreError as exc:
        print(f"rebound: {exc}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
