"""Record-level writes that remember what they replaced, so any change can be reverted exactly.

Every write of the repository goes through ``put`` and ``delete``; each records a ``Change`` on
the open transaction. Undo applies a change set's inverse, refusing when a record has since been
changed by someone else (another window or a script): nothing is overwritten blindly.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

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


def find(store: Store, file: str, table: str, record_id: str) -> tuple[int, Doc] | None:
    for key, doc in store.file(file).read().get(table, {}).items():
        if doc.get("id") == record_id:
            return int(key), doc
    return None


def put(store: Store, file: str, table: str, doc: Doc) -> None:
    """Insert ``doc``, or replace the record with the same ``id`` (keeping its TinyDB doc id)."""
    store.require_transaction()
    tinytable = store.table(file, table)
    after = copy.deepcopy(doc)
    found = find(store, file, table, doc["id"])
    if found is None:
        doc_id = tinytable.insert(after)
        store.record(Change(file, table, doc_id, None, copy.deepcopy(after)))
        return
    doc_id, current = found
    if current == after:
        return
    before = copy.deepcopy(current)

    def replace(record: Doc) -> None:
        record.clear()
        record.update(copy.deepcopy(after))

    tinytable.update(replace, doc_ids=[doc_id])
    store.record(Change(file, table, doc_id, before, after))


def delete(store: Store, file: str, table: str, record_id: str) -> bool:
    store.require_transaction()
    found = find(store, file, table, record_id)
    if found is None:
        return False
    doc_id, current = found
    before = copy.deepcopy(current)
    store.table(file, table).remove(doc_ids=[doc_id])
    store.record(Change(file, table, doc_id, before, None))
    return True


def revert(store: Store, changes: tuple[Change, ...]) -> None:
    """Undo ``changes`` (newest first). Inside a transaction; all or nothing."""
    store.require_transaction()
    for change in reversed(changes):
        raw = store.file(change.file).read().get(change.table, {})
        current = raw.get(str(change.doc_id))
        if current != change.after:
            raise InputError("it was changed elsewhere since (another window or a script)")
        tinytable = store.table(change.file, change.table)
        if current is not None:
            tinytable.remove(doc_ids=[change.doc_id])
        if change.before is not None:
            tinytable.insert(Document(copy.deepcopy(change.before), doc_id=change.doc_id))
