"""Schema versions and migrations. Every file carries ``_meta: {"1": {"schema": N, "kind": K}}``.

To change the layout of stored records: bump SCHEMA_VERSION and add ``MIGRATIONS[old] = fn`` that
turns a version-``old`` file's tables into version ``old + 1``. Files are migrated in memory when
read and written (after a backup of the old file) on their next change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, datetime, timezone
from typing import Any, Callable

import orjson

SCHEMA_VERSION = 2
META = "_meta"
UPDATED = "updated"  # when a record last changed (see ``stamp_text``); stamped by records.py
# ``updated`` of a record from before records carried it: older than any change, so any change
# made since (on this machine or another) wins a sync merge over it.
NEVER = "1970-01-01T00:00:00.000000Z"

Tables = dict[str, dict[str, Any]]


def stamp_text(moment: datetime) -> str:
    """A record's ``updated``: UTC to the microsecond, fixed width, so text order is time order."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _v1_to_v2(data: Tables) -> Tables:
    """Every record gains ``updated``. An application already kept when it last changed (to the
    second, with the local offset): that time is kept, in the new form."""
    for table, docs in data.items():
        if table == META:
            continue
        for doc in docs.values():
            doc[UPDATED] = as_stamp(doc.get(UPDATED))
    return data


def as_stamp(value: object) -> str:
    """``value`` as an ``updated`` stamp: a moment with its offset in the one form; else NEVER."""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return NEVER
        if moment.tzinfo is not None:
            return stamp_text(moment)
    return NEVER


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {1: _v1_to_v2}


def empty(kind: str) -> Tables:
    return {META: {"1": {"schema": SCHEMA_VERSION, "kind": kind}}}


def version_of(data: Tables) -> int | None:
    meta = data.get(META)
    if not isinstance(meta, dict):
        return None
    record = meta.get("1")
    if not isinstance(record, dict):
        return None
    version = record.get("schema")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return None
    return version


def shape_problem(data: object) -> str | None:
    """Why ``data`` is not a TinyDB document store, or None when it is one."""
    if not isinstance(data, dict):
        return "the top level is not a JSON object of tables"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"table {name!r} is not a JSON object"
        for doc_id, doc in table.items():
            if not doc_id.isdecimal() or not isinstance(doc, dict):
                return f"table {name!r} has a malformed record {doc_id!r}"
    if version_of(data) is None:
        return "it has no schema version"
    return None


# What each stored record must hold, so that a hand edit is refused when the file is read (naming the
# file and the record) instead of failing later, deep in a conversion. field -> (kind, required).
_RECORDS: dict[str, dict[str, tuple[str, bool]]] = {
    "goals": {"id": ("text", True), "name": ("text", True), "start": ("date", True),
              "target": ("positive", True), "period": ("text", True), "weekdays": ("list", True)},
    "checkins": {"id": ("text", True), "goal_id": ("text", True), "day": ("date", True),
                 "count": ("int", True), "note": ("text", False)},
    "skips": {"goal_id": ("text", True), "day": ("date", True)},
    "rest_days": {"day": ("date", True), "reason": ("text", False)},
    "settings": {"day_start_hour": ("hour", False), "week_start": ("weekday", False),
                 "ghost_days": ("positive", False)},
    "contacts": {"id": ("text", True), "name": ("text", True), "added": ("date", True),
                 "cadence": ("positive?", False), "follow_up": ("date?", False),
                 "follow_up_set": ("date?", False), "tags": ("list", False)},
    "interactions": {"id": ("text", True), "contact_id": ("text", True), "day": ("date", True),
                     "due": ("date?", False), "note": ("text", False)},
    "mood": {"id": ("text", True), "day": ("date", True), "score": ("score", True),
             "tags": ("list", False), "note": ("text", False)},
    "rejections": {"id": ("text", True), "day": ("date", True), "company": ("text", True),
                   "follow_up": ("date?", False)},
    "wins": {"id": ("text", True), "kind": ("text", True), "title": ("text", True),
             "day": ("date", True)},
    "applications": {"id": ("text", True), "company": ("text", True), "role": ("text", True),
                     "applied": ("date", True), "history": ("list", True),
                     "contacts": ("list", False), "next_day": ("date?", False)},
}
_WANTED = {
    "text": "text", "list": "a list", "date": "a date YYYY-MM-DD", "date?": "a date YYYY-MM-DD or null",
    "int": "a whole number", "positive": "a whole number of at least 1",
    "positive?": "a whole number of at least 1 or null", "score": "a score from 1 to 5",
    "hour": "an hour from 0 to 23", "weekday": "a weekday number from 0 to 6",
}


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls but tab and newline


def _is_date(value: object) -> bool:
    return isinstance(value, str) and _is_iso_day(value)


@lru_cache(maxsize=8192)  # years of records repeat the same few thousand days
def _is_iso_day(value: str) -> bool:
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


_RANGES = {"int": (None, None), "positive": (1, None), "score": (1, 5), "hour": (0, 23),
           "weekday": (0, 6)}


def _fits(kind: str, value: object) -> bool:
    if kind.endswith("?") and value is None:
        return True
    kind = kind.rstrip("?")
    if kind == "text":
        return isinstance(value, str)
    if kind == "list":
        return isinstance(value, list)
    if kind == "date":
        return _is_date(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    low, high = _RANGES[kind]
    return (low is None or value >= low) and (high is None or value <= high)


_TYPES = {"text": {str}, "list": {list}, "date": {str}}
_NONE = type(None)


def _table_fits(docs: dict[str, Any], fields: dict[str, tuple[str, bool]]) -> bool:
    """True when every record of the table is well formed: the same verdict as ``_fits`` on each
    field, found a column at a time with C-speed set and min/max passes (years of records, and
    the same few thousand days over and over)."""
    rows = list(docs.values())
    for field, (kind, required) in fields.items():
        values = [doc[field] for doc in rows if field in doc]
        if required and len(values) < len(rows):
            return False
        types = set(map(type, values))
        if kind.endswith("?"):
            types.discard(_NONE)
            values = [v for v in values if v is not None]
        base = kind.rstrip("?")
        if not types <= _TYPES.get(base, {int}):
            return False
        if base == "date" and not all(map(_is_iso_day, set(values))):
            return False
        if base in _RANGES and values:
            low, high = _RANGES[base]
            if (low is not None and min(values) < low) or (high is not None and max(values) > high):
                return False
    return True


def may_hold_control_codes(raw: bytes) -> bool:
    """False when the file's bytes cannot hold a control character in any string: JSON escapes
    C0 controls as \\u00XX (tab and newline as \\t, \\n), DEL and C1 stay raw. A cheap test that
    spares the field-by-field scan for nearly every file."""
    return b"\\u00" in raw or b"\x7f" in raw or _RAW_C1.search(raw) is not None


_RAW_C1 = re.compile(b"\xc2[\x80-\x9f]")


def bad_record(table: str, docs: dict[str, Any], fields: dict[str, tuple[str, bool]]) -> str | None:
    """The first record of ``docs`` with a missing or ill-formed field, in words."""
    for doc_id, doc in docs.items():
        for field, (kind, required) in fields.items():
            if field not in doc:
                if required:
                    return f"record {doc_id} of table {table!r} has no {field!r}"
                continue
            if not _fits(kind, doc[field]):
                shown = repr(doc[field])
                shown = shown if len(shown) <= 40 else shown[:37] + "..."
                return (f"record {doc_id} of table {table!r} has {field!r} = {shown}, "
                        f"which is not {_WANTED[kind]}")
    return None


def record_problem(data: Tables, raw: bytes | None = None) -> str | None:
    """What is wrong with a record of ``data`` (a bad date, a count that is not a whole number, a
    negative day total, a missing field), or None when every known table is well formed."""
    for table, fields in _RECORDS.items():
        docs = data.get(table, {})
        if not _table_fits(docs, fields):  # the common case is checked a column at a time
            problem = bad_record(table, docs, fields)
            if problem:
                return problem
    problem = _history_problem(data.get("applications", {}))
    if problem:
        return problem
    for table, docs in data.items():  # text that would reach the terminal as raw control codes
        if table == META or (raw is not None and not may_hold_control_codes(raw)):
            continue
        for doc_id, doc in docs.items():
            for field, value in doc.items():
                texts = value if isinstance(value, list) else [value]
                if any(isinstance(t, str) and _CONTROL.search(t) for t in texts):
                    return (f"record {doc_id} of table {table!r} has control characters "
                            f"(such as terminal escape codes) in {field!r}")
    totals: dict[tuple[str, str], int] = {}
    for doc in data.get("checkins", {}).values():
        key = (doc["goal_id"], doc["day"])
        totals[key] = totals.get(key, 0) + doc["count"]
    for (goal_id, day), total in totals.items():
        if total < 0:
            return f"the check-ins of goal {goal_id} on {day} add up to {total}, below zero"
    return None


def _history_problem(docs: dict[str, Any]) -> str | None:
    """An application's stage history: a non-empty list of [known stage, day]."""
    from ..core.applications import STAGES

    for doc_id, doc in docs.items():
        history = doc["history"]
        if not history or not all(
                isinstance(step, list) and len(step) == 2 and step[0] in STAGES and _is_date(step[1])
                for step in history):
            return (f"record {doc_id} of table 'applications' has a 'history' that is not a "
                    "non-empty list of [stage, YYYY-MM-DD]")
    return None


def file_problem(raw: bytes) -> str | None:
    """Why the bytes of a data file could not be loaded, or None when they can: what a backup copy
    must pass before it may replace a broken file."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return "it is empty" if not raw.strip() else f"it is not valid JSON ({exc})"
    problem = shape_problem(data)
    if problem:
        return problem
    version = version_of(data) or SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        return f"it was written by a newer Rebound (schema {version})"
    return record_problem(migrate(data), raw)


def migrate(data: Tables) -> Tables:
    version = version_of(data) or SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data[META]["1"]["schema"] = version
    return data
