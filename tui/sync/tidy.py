"""After a merge: what a folder merged file by file can hold that no single machine ever writes.

The merge driver sees one file at a time, so two rules that span files are settled here, on the
whole merged folder:

* A record in two files of one family (an application whose day applied moved it to another
  year's file on one machine while the other machine edited it in the old one): the copy with the
  later ``updated`` stays (equal stamps: the one in the file named last).
* A check-in or skip of a goal deleted on one machine while the other ticked it, an interaction
  with a contact deleted on one machine while the other logged one: the goal (contact) was
  deleted and untouched, so it stays deleted, and what belonged to it goes with it, as a delete
  on one machine does.

``removals`` is pure; ``tidy`` applies it to a store in one transaction (the sync runs it after
git's merge, before recomputing wins and caches).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..services.import_checks import REFERENCES
from ..store import schema
from .records import when

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True, order=True)
class Removal:
    file: str
    table: str
    record_id: str
    why: str


def removals(files: Mapping[str, schema.Tables]) -> list[Removal]:
    """What to delete from the data files ``files`` (name → tables), in a stable order."""
    found: list[Removal] = []
    copies: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    for name in sorted(files):
        for table, docs in files[name].items():
            if table == schema.META:
                continue
            for doc in docs.values():
                if isinstance(doc.get("id"), str):
                    copies.setdefault((table, doc["id"]), []).append((name, doc))
    gone: set[tuple[str, str, str]] = set()
    for (table, record_id), held in copies.items():
        if len({name for name, _ in held}) < 2:
            continue
        keep = max(held, key=lambda item: (when(item[1]), item[0]))
        for name, _ in held:
            if name != keep[0] and (name, table, record_id) not in gone:
                gone.add((name, table, record_id))
                found.append(Removal(name, table, record_id,
                                     f"a later copy of it is in {keep[0]}"))
    present = {target: {rid for (t, rid) in copies if t == target}
               for _, target, _ in REFERENCES.values()}
    for (table, record_id), held in copies.items():
        if table not in REFERENCES:
            continue
        field, target, what = REFERENCES[table]
        for name, doc in held:
            if doc.get(field) not in present[target] and (name, table, record_id) not in gone:
                gone.add((name, table, record_id))
                found.append(Removal(name, table, record_id,
                                     f"its {what} was deleted on another machine"))
    return sorted(found)


def tidy(store: Store) -> list[Removal]:
    """Apply ``removals`` to the store's data files, all or nothing; returns what was removed."""
    from ..store.records import delete

    with store.transaction():
        files = {name: store.file(name).read() for name in store.data_names()}
        found = removals(files)
        for removal in found:
            delete(store, removal.file, removal.table, removal.record_id)
    return found
