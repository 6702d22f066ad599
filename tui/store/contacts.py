"""Repository for contacts (``contacts.json``) and interactions (``interactions-YYYY.json``).

Interactions are split by year like check-ins: 8,000 of them in one table would make every insert
rewrite and re-convert the whole table. Derived views are memoized per file until it changes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from ..core.clock import instant
from ..core.contacts import Contact, Interaction
from . import compact
from .records import delete, put
from .store import Store

CONTACTS = "contacts.json"
INTERACTIONS = "interactions-"


def interactions_file(day: date) -> str:
    return f"{INTERACTIONS}{day.year}.json"


_day = compact.day_or_none


def contact_to_doc(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "added": contact.added.isoformat(),
        "company": contact.company,
        "role": contact.role,
        "met": contact.met,
        "link": contact.link,
        "tags": list(contact.tags),
        "notes": contact.notes,
        "cadence": contact.cadence,
        "follow_up": contact.follow_up.isoformat() if contact.follow_up else None,
        "follow_up_set": contact.follow_up_set.isoformat() if contact.follow_up_set else None,
        "created_at": contact.created_at,
    }


def contact_from_doc(doc: dict[str, Any]) -> Contact:
    return Contact(
        id=doc["id"],
        name=doc["name"],
        added=compact.day(doc["added"]),
        company=doc.get("company", ""),
        role=doc.get("role", ""),
        met=doc.get("met", ""),
        link=doc.get("link", ""),
        tags=compact.texts(doc.get("tags", ())),
        notes=doc.get("notes", ""),
        cadence=doc.get("cadence"),
        follow_up=_day(doc.get("follow_up")),
        follow_up_set=_day(doc.get("follow_up_set")),
        created_at=doc.get("created_at", ""),
    )


def interaction_to_doc(item: Interaction) -> dict[str, Any]:
    return {
        "id": item.id,
        "contact_id": item.contact_id,
        "day": item.day.isoformat(),
        "kind": item.kind,
        "note": item.note,
        "due": item.due.isoformat() if item.due else None,
        "at": item.at,
    }


def interaction_from_doc(doc: dict[str, Any]) -> Interaction:
    return Interaction(
        id=doc["id"],
        contact_id=compact.shared(doc["contact_id"]),
        day=compact.day(doc["day"]),
        kind=compact.shared(doc.get("kind", "other")),
        note=doc.get("note", ""),
        due=_day(doc.get("due")),
        at=doc.get("at", ""),
    )


# Contacts ------------------------------------------------------------------------------------
def _contacts(data: dict[str, Any]) -> tuple[Contact, ...]:
    return tuple(contact_from_doc(d) for d in data.get("contacts", {}).values())


def contacts(store: Store) -> list[Contact]:
    return list(store.file(CONTACTS).memo("contacts", _contacts))


def contact_by_id(store: Store, contact_id: str) -> Contact | None:
    return next((c for c in contacts(store) if c.id == contact_id), None)


def save_contact(store: Store, contact: Contact) -> None:
    with store.transaction():
        put(store, CONTACTS, "contacts", contact_to_doc(contact))


def delete_contact(store: Store, contact_id: str) -> int:
    """The contact and every interaction with it, in one change. Returns how many interactions."""
    gone = 0
    with store.transaction():
        for name in store.names_matching(INTERACTIONS):
            docs = list(store.file(name).read().get("interactions", {}).values())
            for doc in docs:
                if doc["contact_id"] == contact_id:
                    gone += delete(store, name, "interactions", doc["id"])
        delete(store, CONTACTS, "contacts", contact_id)
    return gone


# Interactions --------------------------------------------------------------------------------
def _interactions(data: dict[str, Any]) -> tuple[Interaction, ...]:
    return tuple(interaction_from_doc(d) for d in data.get("interactions", {}).values())


def interactions(store: Store, names: Iterable[str] | None = None,
                 on_days: Collection[str] | None = None) -> list[Interaction]:
    """Every interaction (in the files ``names``, default all; on the ISO days ``on_days``
    alone when given: the others are not built)."""
    found: list[Interaction] = []
    for name in store.names_matching(INTERACTIONS) if names is None else names:
        if on_days is None:
            found.extend(store.file(name).memo("interactions", _interactions))
        else:
            docs = store.file(name).read().get("interactions", {}).values()
            found.extend(interaction_from_doc(d) for d in docs if d.get("day") in on_days)
    return found


def _days(data: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(str(doc["day"]) for doc in data.get("interactions", {}).values()))


def interactions_between(store: Store, first: date, last: date, names: Iterable[str] | None = None) -> int:
    """How many interactions fall from ``first`` to ``last`` (in the files ``names``, default
    all): counted on the stored days, without building the records."""
    low, high = first.isoformat(), last.isoformat()  # ISO days sort as text
    return sum(bisect_right(days, high) - bisect_left(days, low)
               for name in (store.names_matching(INTERACTIONS) if names is None else names)
               for days in (store.file(name).memo("days", _days),))


def _latest(data: dict[str, Any]) -> dict[str, Interaction]:
    latest: dict[str, dict[str, Any]] = {}
    for doc in data.get("interactions", {}).values():  # ISO days sort as text
        seen = latest.get(doc["contact_id"])
        if seen is None or doc["day"] > seen["day"] or (
                doc["day"] == seen["day"] and instant(doc.get("at", "")) > instant(seen.get("at", ""))):
            latest[doc["contact_id"]] = doc
    return {contact_id: interaction_from_doc(doc) for contact_id, doc in latest.items()}


def interaction_files(store: Store) -> dict[str, int | None]:
    """Every interactions file → the year in its name (None: a name that holds no year)."""
    return store.years_named(INTERACTIONS)


def latest_interactions(store: Store, names: Iterable[str] | None = None) -> dict[str, Interaction]:
    """contact id → its latest interaction (in the files ``names``, default all). Cached per
    year file, so a log re-reads one year."""
    merged: dict[str, Interaction] = {}
    for name in store.names_matching(INTERACTIONS) if names is None else names:
        merged = newest_of(merged, store.file(name).memo("latest", _latest))
    return merged


def newest_of(first: dict[str, Interaction], second: dict[str, Interaction]) -> dict[str, Interaction]:
    """Per contact, the later of the two latest interactions."""
    merged = dict(first)
    for contact_id, item in second.items():
        seen = merged.get(contact_id)
        if seen is None or (item.day, instant(item.at)) > (seen.day, instant(seen.at)):
            merged[contact_id] = item
    return merged


def interactions_of(store: Store, contact_id: str) -> list[Interaction]:
    """Newest first."""
    found = [i for i in interactions(store) if i.contact_id == contact_id]
    return sorted(found, key=lambda i: (i.day, instant(i.at)), reverse=True)


def insert_interaction(store: Store, item: Interaction) -> None:
    with store.transaction():
        put(store, interactions_file(item.day), "interactions", interaction_to_doc(item))


def delete_interaction(store: Store, item: Interaction) -> bool:
    with store.transaction():
        return delete(store, interactions_file(item.day), "interactions", item.id)
