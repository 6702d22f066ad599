"""Record-level writes that remember what they replaced, so any change can be reverted exactly.

Every write of the repository goes through ``put`` and ``delete``; each records a ``Change`` on
the open transaction. Undo applies a change set's inverse, refusing when a record has since been
changed by someone else (another window or a script): nothing is overwritten blindly.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.errors import InputError

if TYPE_CHECKING:
    from .store import Store

Doc = dict[str, Any]


@dataclass(frozen=True)
class Change:
    file: str
    table: str
    doc_id: int
    before: Doc | None
    after: Doc | None


def _rows(store: Store, file: str, table: str) -> dict[str, Doc]:
    """The table's documents by TinyDB doc id, in the file's cached data (changed in place, then
    handed back with ``_save``). TinyDB's own insert re-keys every document of the table; a tick
    must not pay for five years of them."""
    return store.file(file).read().setdefault(table, {})


def _save(store: Store, file: str) -> None:
    storage = store.file(file)
    storage.write(storage.read())


def find(store: Store, file: str, table: str, record_id: str) -> tuple[int, Doc] | None:
    for key, doc in store.file(file).read().get(table, {}).items():
        if doc.get("id") == record_id:
            return int(key), doc
    return None


def insert(store: Store, file: str, table: str, doc: Doc) -> None:
    """Insert a record whose ``id`` is new (a fresh uuid): no search for an existing one."""
    store.require_transaction()
    rows = _rows(store, file, table)
    doc_id = max(map(int, rows), default=0) + 1
    _place(store, file, table, doc_id, None, doc)


def insert_all(store: Store, file: str, table: str, docs: list[Doc]) -> None:
    """Insert records whose ids are new to the table (an import): one pass, so thousands of
    records cost thousands of steps, not a search of the table each."""
    store.require_transaction()
    doc_id = max(map(int, _rows(store, file, table)), default=0)
    for doc in docs:
        doc_id += 1
        _place(store, file, table, doc_id, None, doc)


def put(store: Store, file: str, table: str, doc: Doc) -> None:
    """Insert ``doc``, or replace the record with the same ``id`` (keeping its TinyDB doc id)."""
    store.require_transaction()
    found = find(store, file, table, doc["id"])
    if found is None:
        insert(store, file, table, doc)
        return
    doc_id, current = found
    if current != doc:
        _place(store, file, table, doc_id, copy.deepcopy(current), doc)


def delete(store: Store, file: str, table: str, record_id: str) -> bool:
    store.require_transaction()
    found = find(store, file, table, record_id)
    if found is None:
        return False
    doc_id, current = found
    _place(store, file, table, doc_id, copy.deepcopy(current), None)
    return True


def _place(store: Store, file: str, table: str, doc_id: int, before: Doc | None,
           after: Doc | None) -> None:
    """Make the record ``doc_id`` equal ``after`` and remember the change, for undo."""
    _set(store, file, table, doc_id, after)
    store.record(Change(file, table, doc_id, before, copy.deepcopy(after)))


def _set(store: Store, file: str, table: str, doc_id: int, after: Doc | None) -> None:
    """Make the record ``doc_id`` equal ``after`` (``None``: remove it)."""
    rows = _rows(store, file, table)
    if after is None:
        rows.pop(str(doc_id), None)
    else:
        rows[str(doc_id)] = copy.deepcopy(after)
    _save(store, file)


def revert(store: Store, changes: tuple[Change, ...]) -> None:
    """Undo ``changes`` (newest first). Inside a transaction; all or nothing."""
    store.require_transaction()
    for change in reversed(changes):
        current = store.file(change.file).read().get(change.table, {}).get(str(change.doc_id))
        if current != change.after:
            raise InputError("it was changed elsewhere since (another window or a script)")
        _set(store, change.file, change.table, change.doc_id, change.before)
