"""A change that writes several files at once: each is written to a temporary file beside it,
the renames are named in a journal, then done, so a crash leaves the old state or (after the
next writer rolls the journal forward) the new one. A journal Rebound did not write is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import orjson

from . import files, health
from .errors import StoreError

JOURNAL = ".journal.json"
# Hidden files a change may replace together with the data, in the same all-or-nothing step:
# a sync's note of the commit the data folder now holds (tui/sync).
SIDE_FILES = frozenset({".synced.json"})


def write_all(folder: Path, writes: Iterable[tuple[Path, bytes]]) -> None:
    """Every ``(target, content)`` in ``folder`` replaced in one journalled step (the contents
    are made one at a time as ``writes`` gives them)."""
    temps: list[Path] = []
    targets: list[Path] = []
    try:
        for target, data in writes:
            temps.append(files.write_temp(target, data))
            targets.append(target)
        plan = [[t.name, target.name] for t, target in zip(temps, targets)]
        files.atomic_write(folder / JOURNAL, orjson.dumps({"renames": plan}))
    except BaseException:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        raise
    roll_forward(folder, plan)


def roll_forward(folder: Path, plan: list[list[str]]) -> None:
    for tmp_name, target in plan:
        tmp = folder / tmp_name
        if tmp.exists():
            os.replace(tmp, folder / target)
    files.fsync_dir(folder)
    # Not fsynced: a journal that outlives a crash is replayed harmlessly, as its temporary
    # names (pid and random token) are never used again and are gone once renamed.
    (folder / JOURNAL).unlink(missing_ok=True)


def recover(folder: Path) -> None:
    """Under the lock: finish a journalled change, drop temp files of crashed writers."""
    journal = folder / JOURNAL
    if os.path.lexists(journal):
        roll_forward(folder, journal_plan(journal))
    for entry in os.scandir(folder):
        if entry.name.startswith(".") and files.TMP_MARK in entry.name:
            Path(entry.path).unlink(missing_ok=True)


def journal_plan(journal: Path) -> list[list[str]]:
    """The renames a journal lists, each checked: from a temporary file of this folder to the data
    file it was made for. A journal Rebound did not write is refused by name and left alone:
    following it could replace files anywhere (``../elsewhere``)."""
    try:
        plan = orjson.loads(health.read_plain(journal)[0])["renames"]
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise _bad_journal(journal, exc.strerror or str(exc)) from None
    except (orjson.JSONDecodeError, KeyError, TypeError):
        raise _bad_journal(journal, "it is not a list of renames Rebound wrote") from None
    if not isinstance(plan, list):
        raise _bad_journal(journal, "its renames are not a list")
    for step in plan:
        if not (isinstance(step, list) and len(step) == 2 and all(isinstance(n, str) for n in step)):
            raise _bad_journal(journal, f"the rename {_short(step)} is not a pair of names")
        tmp, target = step
        plain = all(n and n == os.path.basename(n) and n not in (".", "..") and "\0" not in n
                    for n in step)
        data_file = (target.endswith(".json") and not target.startswith(".")) or target in SIDE_FILES
        if not (plain and data_file and tmp.startswith(f".{target}{files.TMP_MARK}")):
            raise _bad_journal(journal, f"the rename {_short(step)} does not stay inside the folder "
                               "as Rebound's own renames do")
    return plan


def _short(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _bad_journal(journal: Path, problem: str) -> StoreError:
    return StoreError(
        f"cannot read {journal}: {problem}. It was left untouched and nothing was changed; it "
        "should list a change Rebound began: move it away (your data files stay as they are) and "
        "try again."
    )
