"""Merge two machines' versions of one data file against their common base (pure: text in, text
out; no git, no Textual). What git's merge driver runs for every file changed on both sides.

``merge_texts(path, base, ours, theirs)`` returns the merged file in the store's own format (the
current schema version, TinyDB's tables of numbered records, indented JSON), or raises
``MergeConflict`` naming the file and why it cannot decide: a side that is not valid JSON or not a
Rebound data file, one written by a newer Rebound, or a result this Rebound would refuse to read.
The result is the same data whichever side is "ours".

Wins files are merged too, because the user's own wins live there: those by id, and a derived win
by its key (rule, goal, day), so one earned on both machines is kept once; the sync recomputes the
derived wins after the merge all the same. Caches and other dot files are no data files: refused
here, and kept out of git by the sync's ``.gitignore``. Rules that span files (a record moved to
another year's file, the check-ins of a goal deleted on the other machine) are settled after the
merge, on the whole folder (``tidy.py``).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

import orjson

from ..store import schema
from .records import Doc, merge_table

CHECKINS = "checkins"


class MergeConflict(Exception):
    """The file cannot be merged on its own; ``reason`` says why, naming the file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def merge_texts(path: str, base: str | None, ours: str, theirs: str) -> str:
    """``path``: the file's path in the data folder; ``base`` None: added on both sides."""
    name = PurePosixPath(path.replace("\\", "/")).name
    if not name.endswith(".json") or name.startswith("."):
        raise MergeConflict(f"{path} is not a Rebound data file: merge it by hand")
    sides = [(base, "the common base"), (ours, "this machine's version"),
             (theirs, "the other machine's version")]
    b, o, t = (None if text is None else load(path, text, what) for text, what in sides)
    assert o is not None and t is not None
    merged = merge_data(name, b, o, t)
    text = dump(merged)  # its bytes spare the control-code scan of files that cannot hold any
    problem = schema.record_problem(merged, text.encode())
    if problem:
        raise MergeConflict(f"{path}: the merged file would not be readable ({problem})")
    return text


def load(path: str, text: str, what: str) -> schema.Tables:
    """One side's tables, checked as the store checks a file it reads, at the current version."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise MergeConflict(f"{path}: {what} is not valid JSON ({exc})") from None
    problem = schema.shape_problem(data)
    if problem:
        raise MergeConflict(f"{path}: {what} is not a Rebound data file ({problem})")
    version = schema.version_of(data)
    assert version is not None
    if version > schema.SCHEMA_VERSION:
        raise MergeConflict(
            f"{path}: {what} was written by a newer Rebound (schema {version}; this one knows up "
            f"to {schema.SCHEMA_VERSION}): upgrade Rebound on this machine, then sync again"
        )
    return schema.migrate(data)


def dump(data: schema.Tables) -> str:
    """What the store writes (``FileStorage.serialize``)."""
    return (orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n").decode()


def merge_data(name: str, base: schema.Tables | None, ours: schema.Tables,
               theirs: schema.Tables) -> schema.Tables:
    result: schema.Tables = {schema.META: _meta(name, ours, theirs)}
    for table in sorted({*ours, *theirs} - {schema.META}):
        result[table] = merge_table(table, (base or {}).get(table), ours.get(table, {}),
                                    theirs.get(table, {}))
    if CHECKINS in result:
        result[CHECKINS] = never_below_zero(result[CHECKINS])
    return result


def _meta(name: str, ours: schema.Tables, theirs: schema.Tables) -> dict[str, Any]:
    """The current schema version, and the kind both sides name (else the one the name implies,
    as ``Store.file`` does)."""
    kinds = [side[schema.META]["1"].get("kind") for side in (ours, theirs)]
    kind = kinds[0] if kinds[0] == kinds[1] and isinstance(kinds[0], str) \
        else name.split("-")[0].split(".")[0]
    return {"1": {"schema": schema.SCHEMA_VERSION, "kind": kind}}


def never_below_zero(docs: dict[str, Doc]) -> dict[str, Doc]:
    """A goal's day adds up to at least zero: two machines each taking one back from a day that
    had one would leave it at -1, which no day can be. The negative check-ins of such a day are
    raised toward zero (in id order, so both machines change the same ones) until it adds up to
    zero; one raised to zero is dropped."""
    totals: dict[tuple[str, str], int] = {}
    counted = {doc_id: doc for doc_id, doc in docs.items() if _counted(doc)}
    for doc in counted.values():
        key = (doc["goal_id"], doc["day"])
        totals[key] = totals.get(key, 0) + doc["count"]
    short = {key: -total for key, total in totals.items() if total < 0}
    if not short:
        return docs
    result: dict[str, Doc] = {}
    negatives = sorted(((doc_id, doc) for doc_id, doc in counted.items()
                        if doc["count"] < 0 and short.get((doc["goal_id"], doc["day"]), 0) > 0),
                       key=lambda item: str(item[1].get("id")))
    raised: dict[str, int | None] = {}
    for doc_id, doc in negatives:
        key = (doc["goal_id"], doc["day"])
        if short[key] <= 0:
            continue
        step = min(short[key], -doc["count"])
        short[key] -= step
        count = doc["count"] + step
        raised[doc_id] = count or None
    for doc_id, doc in docs.items():
        if doc_id not in raised:
            result[doc_id] = doc
        elif raised[doc_id] is not None:
            result[doc_id] = {**doc, "count": raised[doc_id]}
    return result


def _counted(doc: Doc) -> bool:
    """A check-in the day totals count (a malformed one is refused by the check that follows)."""
    count = doc.get("count")
    return (isinstance(count, int) and not isinstance(count, bool)
            and isinstance(doc.get("goal_id"), str) and isinstance(doc.get("day"), str))
