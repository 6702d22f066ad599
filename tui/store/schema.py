"""Schema versions and migrations. Every file carries ``_meta: {"1": {"schema": N, "kind": K}}``.

To change the layout of stored records: bump SCHEMA_VERSION and add ``MIGRATIONS[old] = fn`` that
turns a version-``old`` file's tables into version ``old + 1``. Files are migrated in memory when
read and written (after a backup of the old file) on their next change.
"""

from __future__ import annotations

from typing import Any, Callable

SCHEMA_VERSION = 1
META = "_meta"

Tables = dict[str, dict[str, Any]]
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}


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
            if not doc_id.isdigit() or not isinstance(doc, dict):
                return f"table {name!r} has a malformed record {doc_id!r}"
    if version_of(data) is None:
        return "it has no schema version"
    return None


def migrate(data: Tables) -> Tables:
    version = version_of(data) or SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data[META]["1"]["schema"] = version
    return data
