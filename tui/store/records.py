"""Record-level writes that remember what they replaced, so any change can be reverted exactly.

Every write of the repository goes through ``put`` and ``delete``; each records a ``Change`` on
the open transaction, and stamps the record's ``updated`` with the change's time (``Store.stamp``):
sync merges a field changed on two machines by it, the later change winning. Undo applies a change
set's inverse, refusing when a record has since been changed by someone else (another window or a
script): nothing is overwritten blindly.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.errors import InputError
from .schema import UPDATED, as_stamp

if TYPE_CHECKING:
    from .store import Store

Doc = dict[str, Any]


def same_content(a: Doc | None, b: Doc | None) -> bool:
    """Equal but for ``updated``: a write that changes nothing else is no change."""
    if a is None or b is None:
        return a is b
    return {k: v for k, v in a.items() if k != UPDATED} == {k: v for k, v in b.items() if k != UPDATED}


def stamped(doc: Doc, stamp: str) -> Doc:
    return {**doc, UPDATED: stamp}


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


def insert_all(store: Store, file: str, table: str, docs: list[Doc], *, remember: bool = True) -> None:
    """Insert records whose ids are new to the table (an import, generated data): one pass, so
    thousands of records cost thousands of steps, not a search of the table each. A record that
    carries ``updated`` keeps that moment (an import keeps when each record last changed), in the
    one form (``schema.as_stamp``). ``remember``
    False: no undo step per record (generated data)."""
    store.require_transaction()
    rows = _rows(store, file, table)
    doc_id = max(map(int, rows), default=0)
    stamp = store.stamp()
    for doc in docs:
        doc_id += 1
        kept = stamped(doc, as_stamp(doc[UPDATED]) if isinstance(doc.get(UPDATED), str) else stamp)
        if remember:
            _place(store, file, table, doc_id, None, kept, keep_stamp=True)
        else:
            rows[str(doc_id)] = kept
    if not remember:
        _save(store, file)


def put(store: Store, file: str, table: str, doc: Doc, *, keep_stamp: bool = False) -> None:
    """Insert ``doc``, or replace the record with the same ``id`` (keeping its TinyDB doc id).
    ``keep_stamp``: a record that carries ``updated`` keeps it (an import)."""
    store.require_transaction()
    found = find(store, file, table, doc["id"])
    keep = keep_stamp and isinstance(doc.get(UPDATED), str)
    if found is None:
        rows = _rows(store, file, table)
        _place(store, file, table, max(map(int, rows), default=0) + 1, None, doc, keep_stamp=keep)
        return
    doc_id, current = found
    if not same_content(current, doc) or (keep and current.get(UPDATED) != doc[UPDATED]):
        _place(store, file, table, doc_id, copy.deepcopy(current), doc, keep_stamp=keep)


def delete(store: Store, file: str, table: str, record_id: str) -> bool:
    store.require_transaction()
    found = find(store, file, table, record_id)
    if found is None:
        return False
    doc_id, current = found
    _place(store, file, table, doc_id, copy.deepcopy(current), None)
    return True


def _place(store: Store, file: str, table: str, doc_id: int, before: Doc | None,
           after: Doc | None, *, keep_stamp: bool = False) -> None:
    """Make the record ``doc_id`` equal ``after``, stamped with the change's time (unless
    ``keep_stamp``), and remember the change, for undo. The one place records get ``updated``."""
    if after is not None and not keep_stamp:
        after = stamped(after, store.stamp())
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
        # Exactly as it was, ``updated`` too: to a sync merge the record is then untouched.
        _set(store, change.file, change.table, change.doc_id, change.before)
