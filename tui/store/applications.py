"""Repository for job applications (``applications-YYYY.json``, split by the year applied like the
other growing families: a busy search adds hundreds a year, each with its stage history)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ..core.applications import Application
from . import compact
from .records import delete, put
from .store import Store

APPLICATIONS = "applications-"
TABLE = "applications"


def applications_file(day: date) -> str:
    return f"{APPLICATIONS}{day.year}.json"


def to_doc(app: Application) -> dict[str, Any]:
    return {
        "id": app.id,
        "company": app.company,
        "role": app.role,
        "source": app.source,
        "link": app.link,
        "contacts": list(app.contacts),
        "applied": app.applied.isoformat(),
        "notes": app.notes,
        "next_step": app.next_step,
        "next_day": app.next_day.isoformat() if app.next_day else None,
        "history": [[stage, day.isoformat()] for stage, day in app.history],
        "updated": app.updated,
        "created": app.created,
    }


def from_doc(doc: dict[str, Any]) -> Application:
    next_day = doc.get("next_day")
    return Application(
        id=doc["id"],
        company=doc["company"],
        role=doc["role"],
        applied=compact.day(doc["applied"]),
        history=tuple((compact.shared(stage), compact.day(day)) for stage, day in doc["history"]),
        source=compact.shared(doc.get("source", "other")),
        link=doc.get("link", ""),
        contacts=compact.texts(doc.get("contacts", ())),
        notes=doc.get("notes", ""),
        next_step=doc.get("next_step", ""),
        next_day=compact.day_or_none(next_day),
        updated=doc.get("updated", ""),
        created=doc.get("created", ""),
    )


def _applications(data: dict[str, Any]) -> tuple[Application, ...]:
    docs = data.get(TABLE, {})
    return tuple(from_doc(docs[key]) for key in sorted(docs, key=int))  # the order they were added


def applications(store: Store, names: Iterable[str] | None = None) -> list[Application]:
    """Every application (in the files ``names``, default all), oldest applied first (a day's in
    the order added); each year file is converted once per change."""
    found = [a for name in (store.names_matching(APPLICATIONS) if names is None else names)
             for a in store.file(name).memo("applications", _applications)]
    return sorted(found, key=lambda a: (a.applied, a.created))


def save(store: Store, app: Application, before: Application | None = None) -> None:
    """Insert or replace ``app``; ``before`` is its stored state when the day applied moved."""
    with store.transaction():
        if before is not None and applications_file(before.applied) != applications_file(app.applied):
            delete(store, applications_file(before.applied), TABLE, before.id)
        put(store, applications_file(app.applied), TABLE, to_doc(app))


def remove(store: Store, app: Application) -> bool:
    with store.transaction():
        return delete(store, applications_file(app.applied), TABLE, app.id)
