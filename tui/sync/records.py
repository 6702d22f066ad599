"""Three-way merge of one table's records (pure: no files, no git).

Records are matched by their own ``id`` (automatic wins by their ``key``, so a milestone earned on
both machines is kept once). Added on one side: kept. Deleted on one side and untouched on the
other: deleted. Deleted on one side and changed on the other: kept (no loss). Changed on both: field
by field against the base; a field changed on both takes the value of the side whose record has the
later ``updated`` (equal stamps: the greater JSON text, so both machines pick the same).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import orjson

from ..core.applications import STAGES
from ..store.schema import UPDATED

Doc = dict[str, Any]
Key = tuple[str, ...]
_MISSING = object()
_OLDEST = datetime.min.replace(tzinfo=timezone.utc)


def canonical(value: Any) -> bytes:
    """The value's JSON text with sorted keys: the same on every machine."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)


def when(doc: Doc) -> datetime:
    """The record's ``updated`` as a moment (a missing or unreadable one: the oldest)."""
    value = doc.get(UPDATED)
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return _OLDEST
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return _OLDEST


def order(doc: Doc) -> tuple[datetime, bytes]:
    """Sort key: later ``updated`` is greater; ties go by JSON text."""
    return (when(doc), canonical(doc))


def match_key(table: str, doc: Doc) -> Key:
    """What makes two versions of a record the same record."""
    if table == "wins" and doc.get("kind") != "manual" and isinstance(doc.get("key"), str) and doc["key"]:
        return ("key", doc["key"])  # derived: the same rule, goal and day is the same win
    if isinstance(doc.get("id"), str):
        return ("id", doc["id"])
    return ("content", canonical({k: v for k, v in doc.items() if k != UPDATED}).decode())


def keyed(table: str, docs: dict[str, Doc]) -> dict[Key, tuple[int, Doc]]:
    """key → (doc id, record). Two records of one side with one key (a hand edit) stay apart."""
    found: dict[Key, tuple[int, Doc]] = {}
    for doc_id in sorted(docs, key=int):
        doc = docs[doc_id]
        key = match_key(table, doc)
        n = 1
        while key in found:
            n += 1
            key = (*match_key(table, doc), f"#{n}")
        found[key] = (int(doc_id), doc)
    return found


def merge_record(table: str, base: Doc | None, ours: Doc | None, theirs: Doc | None) -> Doc | None:
    """The merged record, or None when it is deleted (or absent on both sides)."""
    if ours is None and theirs is None:
        return None
    if base is None:
        if ours is None or theirs is None:
            return ours if theirs is None else theirs  # added on one side
        return ours if ours == theirs else merge_fields(table, None, ours, theirs)
    if ours is None:
        return None if theirs == base else theirs  # deleted here; kept if changed there
    if theirs is None:
        return None if ours == base else ours
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    return merge_fields(table, base, ours, theirs)


def merge_fields(table: str, base: Doc | None, ours: Doc, theirs: Doc) -> Doc:
    """Field by field; ``base`` None: both sides added the record (no common version)."""
    later, earlier = (ours, theirs) if order(ours) >= order(theirs) else (theirs, ours)
    fields = [*later, *(k for k in earlier if k not in later),
              *(k for k in (base or {}) if k not in later and k not in earlier)]
    result: Doc = {}
    for field in fields:
        if field == UPDATED:
            result[field] = later.get(UPDATED)
            continue
        b = _MISSING if base is None else base.get(field, _MISSING)
        mine, other = later.get(field, _MISSING), earlier.get(field, _MISSING)
        if mine == other or other == b:
            value = mine
        elif mine == b:
            value = other
        else:
            value = _both_changed(table, field, b, mine, other)
        if value is not _MISSING:
            result[field] = value
    if UPDATED not in later and UPDATED in earlier:
        result[UPDATED] = earlier[UPDATED]
    return result


def _both_changed(table: str, field: str, base: Any, later: Any, earlier: Any) -> Any:
    if table == "checkins" and field == "count" and all(_whole(v) for v in (base, later, earlier)):
        return base + (later - base) + (earlier - base)  # counts add; the day total is kept >= 0 later
    if table == "applications" and field == "history":
        merged = _history(base, later, earlier)
        if merged is not None:
            return merged
    return later


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _history(base: Any, later: Any, earlier: Any) -> list[Any] | None:
    """Both sides moved an application on: the base's steps, then every step either side added,
    by day (and stage order on one day). None when a side rewrote the base's steps."""
    if not all(isinstance(h, list) for h in (base, later, earlier)):
        return None
    if later[: len(base)] != base or earlier[: len(base)] != base:
        return None
    added: list[Any] = []
    for step in [*later[len(base):], *earlier[len(base):]]:
        if step not in added:
            added.append(step)
    rank = {stage: i for i, stage in enumerate(STAGES)}

    def step_order(step: Any) -> tuple[str, int, bytes]:
        if isinstance(step, list) and len(step) == 2:
            return (str(step[1]), rank.get(step[0], len(rank)), canonical(step))
        return ("", len(rank), canonical(step))

    return [*base, *sorted(added, key=step_order)]


def merge_table(table: str, base: dict[str, Doc] | None, ours: dict[str, Doc],
                theirs: dict[str, Doc]) -> dict[str, Doc]:
    """The merged table, doc ids renumbered: a record from the base keeps its doc id there; the
    others follow, oldest ``updated`` first, so both machines number them alike and two records
    added on two machines never share a doc id. A side that changed nothing gives the other side's
    table as it is (so merging a version with itself gives it back)."""
    if ours == theirs or (base is not None and theirs == base):
        return ours
    if base is not None and ours == base:
        return theirs
    same = _unchanged(table, base, ours, theirs)  # most records: set aside, kept as they are
    b, o, t = (keyed(table, {d: doc for d, doc in side.items() if d not in same})
               for side in (base or {}, ours, theirs))
    kept: list[tuple[int, Doc]] = [(int(d), ours[d]) for d in same]
    new: list[Doc] = []
    for key in {*b, *o, *t}:
        in_base = b.get(key)
        doc = merge_record(table, in_base and in_base[1], _doc(o.get(key)), _doc(t.get(key)))
        if doc is None:
            continue
        if in_base is not None:
            kept.append((in_base[0], doc))
        else:
            new.append(doc)
    kept.sort(key=lambda item: item[0])
    new.sort(key=order)
    start = max((int(doc_id) for doc_id in base or {}), default=0)
    result = {str(doc_id): doc for doc_id, doc in kept}
    result.update((str(start + i), doc) for i, doc in enumerate(new, 1))
    return result


def _doc(found: tuple[int, Doc] | None) -> Doc | None:
    return None if found is None else found[1]


def _unchanged(table: str, base: dict[str, Doc] | None, ours: dict[str, Doc],
               theirs: dict[str, Doc]) -> set[str]:
    """The doc ids whose record is the same on all three sides, where merging them one by one
    would only give each back at its doc id: none when another record shares a match key with
    one of them (a hand edit's duplicate), so that pairing by key stays as ``keyed`` makes it."""
    if not base:
        return set()
    same = {d for d, doc in base.items() if ours.get(d) == doc and theirs.get(d) == doc}
    keys = {match_key(table, base[d]) for d in same}
    if len(keys) != len(same):
        return set()
    for side in (base, ours, theirs):
        if any(match_key(table, doc) in keys for d, doc in side.items() if d not in same):
            return set()
    return same
