"""Git's merge driver for the data folder: ``rebound merge-driver %O %A %B %P`` or
``python -m tui.sync.driver %O %A %B %P``.

Git runs it once per data file changed on both sides. BASE (%O), OURS (%A) and THEIRS (%B) are
temporary files; the merged file goes into OURS and the exit status is 0. When the file cannot be
merged on its own (``MergeConflict``), OURS is left as it was, one line on stderr says why, and the
exit status is 1: git then stops the merge, and nothing in the data folder changes. No Textual here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

USAGE = "usage: rebound merge-driver BASE OURS THEIRS PATH   (git's %O %A %B %P)"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 4:
        print(USAGE, file=sys.stderr)
        return 2
    base, ours, theirs, path = args
    from .merge import MergeConflict, merge_texts

    try:
        texts = [_read(Path(p), path, what) for p, what in
                 ((base, "the common base"), (ours, "this machine's version"),
                  (theirs, "the other machine's version"))]
        base_text = texts[0] if texts[0].strip() else None  # git gives an empty base: added on both
        merged = merge_texts(path, base_text, texts[1], texts[2])
        _write(Path(ours), merged.encode())
    except MergeConflict as exc:
        print(f"rebound merge-driver: {exc.reason}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"rebound merge-driver: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def _read(file: Path, path: str, what: str) -> str:
    from .merge import MergeConflict

    try:
        return file.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise MergeConflict(f"{path}: {what} is not UTF-8 text") from None


def _write(file: Path, data: bytes) -> None:
    """Replace OURS whole (a temporary file beside it with OURS's mode, then a rename): never
    half written, and never readable by others for an instant when OURS was not."""
    from ..store import files

    tmp = files.write_temp(file, data, durable=False)  # git fsyncs what it keeps
    try:
        os.replace(tmp, file)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    sys.exit(main())
