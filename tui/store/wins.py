"""Repository for wins (``wins.json``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..core.wins import Win
from .records import delete, put
from .store import Store

WINS = "wins.json"


def win_to_doc(win: Win) -> dict[str, Any]:
    return {
        "id": win.id,
        "kind": win.kind,
        "title": win.title,
        "day": win.day.isoformat(),
        "goal_id": win.goal_id,
        "key": win.key,
        "at": win.at,
    }


def win_from_doc(doc: dict[str, Any]) -> Win:
    return Win(
        id=doc["id"],
        kind=doc["kind"],
        title=doc["title"],
        day=date.fromisoformat(doc["day"]),
        goal_id=doc.get("goal_id"),
        key=doc.get("key", ""),
        at=doc.get("at", ""),
    )


def _all(data: dict[str, Any]) -> tuple[Win, ...]:
    return tuple(win_from_doc(d) for d in data.get("wins", {}).values())


def wins(store: Store) -> list[Win]:
    return list(store.file(WINS).memo("wins", _all))


def insert_win(store: Store, win: Win) -> None:
    with store.transaction():
        put(store, WINS, "wins", win_to_doc(win))


def delete_win(store: Store, win_id: str) -> None:
    with store.transaction():
        delete(store, WINS, "wins", win_id)
