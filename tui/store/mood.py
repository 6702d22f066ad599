"""Repository for mood entries (``mood-YYYY.json``, split by year: about three a day add up) and
rejection reflections (``rejections.json``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..core.mood import MoodEntry, Rejection
from . import compact
from .records import delete, put
from .store import Store

MOOD = "mood-"
REJECTIONS = "rejections.json"


def mood_file(day: date) -> str:
    return f"{MOOD}{day.year}.json"


def entry_to_doc(entry: MoodEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "day": entry.day.isoformat(),
        "score": entry.score,
        "tags": list(entry.tags),
        "note": entry.note,
        "at": entry.at,
    }


def entry_from_doc(doc: dict[str, Any]) -> MoodEntry:
    return MoodEntry(
        id=doc["id"],
        day=compact.day(doc["day"]),
        score=int(doc["score"]),
        tags=compact.texts(doc.get("tags", ())),
        note=doc.get("note", ""),
        at=doc.get("at", ""),
    )


def _entries(data: dict[str, Any]) -> tuple[MoodEntry, ...]:
    return tuple(entry_from_doc(d) for d in data.get("mood", {}).values())


def entries(store: Store, *, since: date | None = None) -> list[MoodEntry]:
    """Every mood entry (from ``since``'s year on); each year file is parsed once per change."""
    return [entry for name in store.years_named(MOOD, since)
            for entry in store.file(name).memo("mood_entries", _entries)]


def entries_on(store: Store, day: date) -> list[MoodEntry]:
    return [e for e in store.file(mood_file(day)).memo("mood_entries", _entries) if e.day == day]


def insert_entry(store: Store, entry: MoodEntry) -> None:
    with store.transaction():
        put(store, mood_file(entry.day), "mood", entry_to_doc(entry))


def delete_entry(store: Store, entry: MoodEntry) -> None:
    with store.transaction():
        delete(store, mood_file(entry.day), "mood", entry.id)


# Rejections -----------------------------------------------------------------------------------
def rejection_to_doc(rejection: Rejection) -> dict[str, Any]:
    return {
        "id": rejection.id,
        "day": rejection.day.isoformat(),
        "company": rejection.company,
        "role": rejection.role,
        "stage": rejection.stage,
        "lesson": rejection.lesson,
        "mood_id": rejection.mood_id,
        "contact": rejection.contact,
        "contact_id": rejection.contact_id,
        "follow_up": rejection.follow_up.isoformat() if rejection.follow_up else None,
        "at": rejection.at,
        "application_id": rejection.application_id,
    }


def rejection_from_doc(doc: dict[str, Any]) -> Rejection:
    follow_up = doc.get("follow_up")
    return Rejection(
        id=doc["id"],
        day=compact.day(doc["day"]),
        company=doc["company"],
        role=doc.get("role", ""),
        stage=compact.shared(doc.get("stage", "")),
        lesson=doc.get("lesson", ""),
        mood_id=doc.get("mood_id"),
        contact=doc.get("contact", ""),
        contact_id=compact.shared(doc.get("contact_id")),
        follow_up=compact.day_or_none(follow_up),
        at=doc.get("at", ""),
        application_id=doc.get("application_id"),
    )


def _rejections(data: dict[str, Any]) -> tuple[Rejection, ...]:
    return tuple(rejection_from_doc(d) for d in data.get("rejections", {}).values())


def rejections(store: Store) -> list[Rejection]:
    return list(store.file(REJECTIONS).memo("rejections", _rejections))


def put_rejection(store: Store, rejection: Rejection) -> None:
    with store.transaction():
        put(store, REJECTIONS, "rejections", rejection_to_doc(rejection))


def delete_rejection(store: Store, rejection: Rejection) -> None:
    with store.transaction():
        delete(store, REJECTIONS, "rejections", rejection.id)

